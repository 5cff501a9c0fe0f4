// Kills real write workloads at seeded random moments and checks what a user would: the file opens, is sound,
// nothing half-applied, nothing acknowledged lost.
import { spawn } from 'node:child_process'
import { copyFileSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import Database from 'better-sqlite3'
import { createWorkspace, openWorkspace } from '../../src/main/store/open'
import { migrate } from '../../src/main/store/migrate'
import { MIGRATIONS, LATEST_VERSION } from '../../src/main/store/migrations'
import { generateDemo } from '../../src/main/demo/generate'
import { Random } from '../../src/main/demo/random'
import { NOTE } from './note'
import { seedImportWorld, writeActivitiesCsv } from '../fixtures/import/generate'

export type Workload = 'edits' | 'notes' | 'migration' | 'import'
export const WORKLOADS: Workload[] = ['edits', 'notes', 'migration', 'import']
/** How long after the workspace opens a kill may land, per workload: long enough to reach the middle of its work. */
export const KILL_WINDOW_MS: Record<Workload, number> = { edits: 400, notes: 400, migration: 2500, import: 4000 }
/** The import workload: this many activity files, each of IMPORT_ROWS rows, imported one after another. */
export const IMPORT_FILES = 8
export const IMPORT_ROWS = 20_000

export interface TrialResult {
  workload: Workload
  killedAfterMs: number
  acknowledged: number
  corrupt: boolean
  partial: number
  lostCharacters: number
  problem: string | null
}

const WORKER = resolve(__dirname, 'worker.ts')
const NOW = '2026-11-23T09:00:00Z'

/** The starting file of each workload, built once per run and copied per trial. */
export function buildTemplates(dir: string): Record<Workload, string> {
  const demo = join(dir, 'demo.sqlite')
  const store = createWorkspace(demo, { now: NOW })
  generateDemo(store.sqlite, { scale: 'small', today: new Date(NOW) })
  store.close()
  // An old (schema v1) workspace with enough activities that re-indexing them takes a noticeable while.
  const old = join(dir, 'v1.sqlite')
  const sqlite = new Database(old)
  sqlite.pragma('application_id = 1413696590')
  sqlite.pragma('journal_mode = WAL')
  migrate(sqlite, old, NOW, MIGRATIONS.slice(0, 1))
  sqlite.exec("INSERT INTO teams (id, name, created_at) VALUES (1, 'East', '2026-01-01T00:00:00Z')")
  sqlite.exec("INSERT INTO reps (id, team_id, name, role) VALUES (1, 1, 'Ada', 'ae')")
  const insert = sqlite.prepare("INSERT INTO activities (rep_id, kind, occurred_at, subject) VALUES (1, 'email', ?, ?)")
  sqlite.transaction(() => {
    for (let i = 0; i < 300_000; i++) insert.run(`2026-0${1 + (i % 9)}-1${i % 10}T10:00:00Z`, `old ${i}`)
  })()
  sqlite.close()
  // A workspace with the reps, accounts and deals the activity files name, and the files beside it: file k's subjects
  // carry "F<k>", so what each file left behind can be counted.
  const imports = join(dir, 'import.sqlite')
  const importStore = createWorkspace(imports, { now: NOW })
  const world = seedImportWorld(importStore.sqlite, { reps: 12, accounts: 300, deals: 2000 })
  importStore.close()
  const base = join(dir, 'activities-base.csv')
  writeActivitiesCsv(base, IMPORT_ROWS, world)
  const text = readFileSync(base, 'utf8')
  for (let k = 1; k <= IMPORT_FILES; k++) {
    writeFileSync(importFile(imports, k), text.replaceAll(',Touch ', `,F${k} Touch `).replaceAll('"Follow-up, pricing ', `"Follow-up, pricing F${k}-`))
  }
  return { edits: demo, notes: demo, migration: old, import: imports }
}

/** Where the import workload's file k lies: beside the template, so every trial copy reads the same files. */
export function importFile(template: string, k: number): string {
  return `${template}.activities-${k}.csv`
}

/** Rows of import file k in a workspace. */
function importedRows(s: Database.Database, k: number): number {
  return s.prepare("SELECT count(*) FROM activities WHERE subject LIKE ? OR subject LIKE ?").pluck().get(`F${k} Touch %`, `Follow-up, pricing F${k}-%`) as number
}

function runUntilKilled(workload: Workload, path: string, killAfterMs: number, template: string): Promise<{ lines: string[]; exitedEarly: string | null }> {
  return new Promise((done) => {
    const child = spawn(process.execPath, ['--import', 'tsx', WORKER, workload, path, template], {
      cwd: resolve(__dirname, '../..'),
      env: { ...process.env, TSX_TSCONFIG_PATH: resolve(__dirname, '../../tsconfig.node.json') }
    })
    let out = ''
    let err = ''
    let killed = false
    child.stdout.on('data', (c: Buffer) => (out += c.toString()))
    child.stderr.on('data', (c: Buffer) => (err += c.toString()))
    // The clock starts when the workspace is open, so kills land in the work, not in Node's start-up.
    const started = setInterval(() => {
      if (out.includes('open\n') || workload === 'migration') {
        clearInterval(started)
        setTimeout(() => {
          killed = true
          child.kill('SIGKILL')
        }, killAfterMs)
      }
    }, 5)
    child.on('exit', (code) => {
      clearInterval(started)
      const lines = out.split('\n').filter(Boolean)
      done({ lines, exitedEarly: killed ? null : `worker exited with ${code} before the kill: ${err.trim().slice(0, 300)}` })
    })
  })
}

function lastAcknowledged(lines: string[]): number {
  const oks = lines.filter((l) => l.startsWith('ok ')).map((l) => Number(l.slice(3)))
  return oks.length ? oks[oks.length - 1]! : 0
}

async function verify(workload: Workload, path: string, lines: string[]): Promise<Omit<TrialResult, 'workload' | 'killedAfterMs'>> {
  const acknowledged = lastAcknowledged(lines)
  let store
  try {
    store = await openWorkspace(path, { now: NOW })
  } catch (err) {
    return { acknowledged, corrupt: true, partial: 0, lostCharacters: 0, problem: `reopen failed: ${(err as Error).message}` }
  }
  try {
    const s = store.sqlite
    const integrity = s.pragma('integrity_check', { simple: true })
    const corrupt = integrity !== 'ok'
    let partial = 0
    let lostCharacters = 0
    if (workload === 'edits') {
      const rows = s.prepare("SELECT CAST(substr(subject, 7) AS INTEGER) AS n, deal_id, occurred_at FROM activities WHERE subject LIKE 'crash %'").all() as { n: number; deal_id: number; occurred_at: string }[]
      const present = new Set(rows.map((r) => r.n))
      for (let i = 1; i <= acknowledged; i++) if (!present.has(i)) lostCharacters++
      // Half-applied: an activity whose deal's evidence row never saw it.
      const stale = s.prepare(
        "SELECT count(*) AS n FROM activities x JOIN deal_evidence e ON e.deal_id = x.deal_id WHERE x.subject LIKE 'crash %' AND (e.last_activity_at IS NULL OR e.last_activity_at < x.occurred_at)"
      ).get() as { n: number }
      partial = stale.n
    }
    if (workload === 'notes') {
      const meeting = lines.find((l) => l.startsWith('meeting '))
      if (meeting && acknowledged > 0) {
        const id = Number(meeting.slice(8))
        const row = s.prepare('SELECT body FROM coaching_notes WHERE one_on_one_id = ?').get(id) as { body: string } | undefined
        const body = row?.body ?? ''
        const text = NOTE.repeat(20)
        if (!text.startsWith(body)) partial = 1
        lostCharacters = Math.max(0, acknowledged - body.length)
      }
    }
    if (workload === 'import') {
      // Each file is there whole or not at all; every file whose import returned is there.
      for (let k = 1; k <= IMPORT_FILES; k++) {
        const rows = importedRows(s, k)
        if (rows !== 0 && rows !== IMPORT_ROWS) partial++
        if (k <= acknowledged && rows < IMPORT_ROWS) lostCharacters += IMPORT_ROWS - rows
      }
    }
    if (workload === 'migration') {
      if (s.pragma('user_version', { simple: true }) !== LATEST_VERSION) partial = 1
      const old = s.prepare("SELECT count(*) AS n FROM activities WHERE subject LIKE 'old %'").get() as { n: number }
      if (old.n !== 300_000) lostCharacters = 300_000 - old.n
    }
    return { acknowledged, corrupt, partial, lostCharacters, problem: null }
  } finally {
    store.close()
  }
}

export async function runTrials(workload: Workload, trials: number, seed: number, templates: Record<Workload, string>, maxKillMs: number): Promise<TrialResult[]> {
  const rnd = new Random(seed)
  const results: TrialResult[] = []
  for (let t = 0; t < trials; t++) {
    const dir = mkdtempSync(join(tmpdir(), 'touchline-crash-'))
    try {
      const path = join(dir, 'touchline.sqlite')
      copyFileSync(templates[workload], path)
      for (const suffix of ['-wal', '-shm']) if (existsSync(templates[workload] + suffix)) copyFileSync(templates[workload] + suffix, path + suffix)
      const killedAfterMs = rnd.int(0, maxKillMs)
      const run = await runUntilKilled(workload, path, killedAfterMs, templates[workload])
      const checked = await verify(workload, path, run.lines)
      results.push({ workload, killedAfterMs, ...checked, problem: run.exitedEarly ?? checked.problem })
    } finally {
      rmSync(dir, { recursive: true, force: true })
    }
  }
  return results
}

export function summarise(results: TrialResult[]): { workload: Workload; trials: number; corrupt: number; partial: number; lost: number; problems: string[] }[] {
  return WORKLOADS.map((workload) => {
    const mine = results.filter((r) => r.workload === workload)
    return {
      workload,
      trials: mine.length,
      corrupt: mine.filter((r) => r.corrupt).length,
      partial: mine.reduce((s, r) => s + r.partial, 0),
      lost: mine.reduce((s, r) => s + r.lostCharacters, 0),
      problems: mine.map((r) => r.problem).filter((p): p is string => p !== null)
    }
  }).filter((row) => row.trials > 0)
}
