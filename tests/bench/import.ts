// Bench `import`: 2,000,000 activities and a 400,000-row LinkedIn Connections.csv (with its Notes: preamble) through
// `npm run import` — streamed from disk, in a child process whose peak memory /usr/bin/time reports — each beside the
// sqlite3 shell's `.import --csv` of the same file into a bare table, in the same run.
import { spawnSync } from 'node:child_process'
import { copyFileSync, existsSync } from 'node:fs'
import Database from 'better-sqlite3'
import { join, resolve } from 'node:path'
import { createWorkspace } from '../../src/main/store/open'
import type { ImportOutcome } from '../../src/shared/contract/imports'
import { activityRowValues, seedImportWorld, writeActivitiesCsv, writeConnectionsCsv, type ImportWorld } from '../fixtures/import/generate'
import { tuneForBulkWrites } from '../../src/main/importers/jobs'
import { tuneForIndexBuilds } from '../../src/main/store/index-builds'
import { tempDir } from '../support/workspace'
import type { Measure } from './harness'

const ROOT = resolve(__dirname, '..', '..')
const SQLITE3 = '/usr/bin/sqlite3'
const TIME = '/usr/bin/time'
const ACTIVITIES = 2_000_000
const CONNECTIONS = 400_000

interface Run {
  seconds: number
  peakMb: number | null
}

/** Runs a command under `/usr/bin/time -v` when it exists: wall seconds and maximum resident set size. */
function measured(command: string, args: string[]): Run & { stdout: string } {
  const timed = existsSync(TIME)
  const started = performance.now()
  const out = spawnSync(timed ? TIME : command, timed ? ['-v', command, ...args] : args, { cwd: ROOT, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 })
  const seconds = (performance.now() - started) / 1000
  if (out.status !== 0) throw new Error(`${command} ${args.join(' ')} exited ${out.status}: ${out.stderr.slice(-2000)}`)
  const rss = /Maximum resident set size \(kbytes\): (\d+)/.exec(out.stderr)
  return { seconds, peakMb: rss ? Number(rss[1]) / 1024 : null, stdout: out.stdout }
}

function pipeline(file: string, workspace: string, extra: string[]): Run & { outcome: ImportOutcome } {
  const run = measured(join(ROOT, 'node_modules', '.bin', 'tsx'), ['--tsconfig', 'tsconfig.node.json', 'scripts/import.ts', file, '--workspace', workspace, '--json', ...extra])
  const report = JSON.parse(run.stdout) as { files: { seconds: number; backupSeconds: number; result: ImportOutcome | null; error: unknown }[] }
  const f = report.files[0]
  if (!f?.result) throw new Error(`the import of ${file} failed: ${JSON.stringify(f?.error)}`)
  // The rate counts reading, mapping, writing and the evidence refresh; not the pre-import backup of the workspace.
  return { seconds: f.seconds - f.backupSeconds, peakMb: run.peakMb, outcome: f.result }
}

function shell(file: string, columns: number, skip: number, dir: string, name: string): Run {
  const db = join(dir, `${name}-bare.sqlite`)
  const cols = Array.from({ length: columns }, (_, i) => `c${i + 1}`).join(', ')
  return measured(SQLITE3, [db, '-cmd', `CREATE TABLE t (${cols})`, `.import --csv --skip ${skip} ${file} t`])
}

/**
 * What SQLite alone needs for the same 2,000,000 activities in the workspace's own schema, no file read at all:
 * the row values made in memory, inserted with one prepared 100-row statement in one transaction on a copy of the
 * bench workspace (foreign keys off, indexes dropped and built once after, as the pipeline's first bulk load does),
 * then committed. Its rate is the ceiling any import into this schema can reach on this machine.
 */
function sqliteFloor(template: string, dir: string, world: ImportWorld): Run {
  const path = join(dir, 'floor.sqlite')
  copyFileSync(template, path)
  const conn = new Database(path)
  try {
    conn.pragma('journal_mode = WAL')
    conn.pragma('synchronous = NORMAL')
    conn.pragma('foreign_keys = OFF')
    tuneForBulkWrites(conn)
    const group = 100
    const started = performance.now()
    conn.exec('BEGIN IMMEDIATE')
    const indexes = conn.prepare("SELECT name, sql FROM sqlite_master WHERE type = 'index' AND tbl_name = 'activities' AND sql IS NOT NULL").all() as { name: string; sql: string }[]
    for (const ix of indexes) conn.exec(`DROP INDEX ${ix.name}`)
    conn.exec('DROP TRIGGER IF EXISTS activities_days_insert')
    const insert = conn.prepare(`INSERT INTO activities (rep_id, kind, direction, occurred_at, subject, outcome, deal_id, account_id) VALUES ${Array(group).fill('(?, ?, ?, ?, ?, ?, ?, ?)').join(', ')}`)
    const values: (string | number | null)[] = []
    for (let i = 0; i < ACTIVITIES; i++) {
      values.push(...activityRowValues(i, world))
      if (values.length === group * 8) {
        insert.run(values)
        values.length = 0
      }
    }
    const restore = tuneForIndexBuilds(conn)
    for (const ix of indexes) conn.exec(ix.sql)
    restore()
    conn.exec('COMMIT')
    return { seconds: (performance.now() - started) / 1000, peakMb: null }
  } finally {
    conn.close()
  }
}

export async function importBench(): Promise<Record<string, Measure>> {
  if (!existsSync(SQLITE3)) throw new Error(`${SQLITE3} is needed for the baseline (Debian: apt-get install sqlite3)`)
  const dir = tempDir('touchline-import-bench-')
  try {
    const workspace = join(dir.dir, 'bench.sqlite')
    const store = createWorkspace(workspace, { now: '2026-11-23T09:00:00Z' })
    const world = seedImportWorld(store.sqlite, { reps: 200, accounts: 5000, deals: 50_000 })
    store.close()
    const activities = join(dir.dir, 'activities.csv')
    const connections = join(dir.dir, 'Connections.csv')
    const aBytes = writeActivitiesCsv(activities, ACTIVITIES, world)
    const cBytes = writeConnectionsCsv(connections, CONNECTIONS, world)
    console.log(`Files: ${(aBytes / 1048576).toFixed(0)} MB of activities, ${(cBytes / 1048576).toFixed(0)} MB of connections`)

    const aShell = shell(activities, 8, 1, dir.dir, 'activities')
    const floor = sqliteFloor(workspace, dir.dir, world)
    const a = pipeline(activities, workspace, [])
    if (a.outcome.activitiesCreated !== ACTIVITIES) throw new Error(`expected ${ACTIVITIES} activities, got ${a.outcome.activitiesCreated}`)
    // The preamble (Notes:, its quoted paragraph, a blank line) and the header: four lines for the shell to skip.
    const cShell = shell(connections, 7, 4, dir.dir, 'connections')
    const c = pipeline(connections, workspace, ['--rep', world.reps[0] ?? ''])
    if (c.outcome.connectionsCreated !== CONNECTIONS) throw new Error(`expected ${CONNECTIONS} connections, got ${c.outcome.connectionsCreated}`)

    const rate = (rows: number, run: Run) => rows / run.seconds
    const perS = (value: number): Measure => ({ value, unit: 'rows/s', better: 'higher' })
    const ratio = (value: number): Measure => ({ value, unit: 'x', target: 0.5, better: 'higher' })
    const mb = (value: number | null): Measure => ({ value: value ?? Number.NaN, unit: 'MB', target: 500, better: 'lower' })
    const s = (value: number): Measure => ({ value, unit: 's', better: 'lower' })
    return {
      activities_2m_pipeline_rows_per_s: perS(rate(ACTIVITIES, a)),
      activities_2m_shell_rows_per_s: perS(rate(ACTIVITIES, aShell)),
      activities_2m_pipeline_vs_shell: ratio(rate(ACTIVITIES, a) / rate(ACTIVITIES, aShell)),
      activities_2m_pipeline_s: s(a.seconds),
      activities_2m_sqlite_floor_rows_per_s: perS(rate(ACTIVITIES, floor)),
      activities_2m_sqlite_floor_vs_shell: { value: rate(ACTIVITIES, floor) / rate(ACTIVITIES, aShell), unit: 'x', better: 'higher' },
      activities_2m_pipeline_vs_sqlite_floor: { value: rate(ACTIVITIES, a) / rate(ACTIVITIES, floor), unit: 'x', better: 'higher' },
      activities_2m_peak_rss_mb: mb(a.peakMb),
      connections_400k_pipeline_rows_per_s: perS(rate(CONNECTIONS, c)),
      connections_400k_shell_rows_per_s: perS(rate(CONNECTIONS, cShell)),
      connections_400k_pipeline_vs_shell: ratio(rate(CONNECTIONS, c) / rate(CONNECTIONS, cShell)),
      connections_400k_pipeline_s: s(c.seconds),
      connections_400k_peak_rss_mb: mb(c.peakMb)
    }
  } finally {
    dir.dispose()
  }
}
