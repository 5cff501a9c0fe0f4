// `npm run import -- FILE... --workspace PATH [--source NAME] [--rep NAME] [--dry-run] [--json]`: the import pipeline
// without the window. Files stream from disk, each in its own transaction; a workspace that does not exist is created.
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { basename, join, resolve } from 'node:path'
import { parseArgs } from 'node:util'
import { IMPORT_SOURCES, importMappingSchema, type ImportMapping, type ImportOutcome, type ImportSource } from '../src/shared/contract/imports'
import { isoDay, isoSecond } from '../src/shared/dates'
import { systemClock } from '../src/main/clock'
import { toWireError } from '../src/main/dispatch'
import { WorkspaceSession } from '../src/main/session'
import { fileSource } from '../src/main/importers/stream'
import { prepareImport, runImport, type Progress } from '../src/main/importers/run'
import { tuneForBulkWrites } from '../src/main/importers/jobs'
import { repNames, repsNamed, savedMappings } from '../src/main/importers/saved-mappings'

const USAGE = `usage: npm run import -- FILE... --workspace PATH [--source ${IMPORT_SOURCES.join('|')}] [--rep NAME|ID] [--mapping FILE.json] [--dry-run] [--day-first|--month-first] [--json]`

interface FileReport {
  file: string
  ok: boolean
  /** Wall time of the whole file, and of the pre-import backup within it. */
  seconds: number
  backupSeconds: number
  result: ImportOutcome | null
  error: { code: string; message: string } | null
}

function fail(message: string, code = 2): never {
  console.error(message)
  process.exit(code)
}

const { values, positionals } = (() => {
  try {
    return parseArgs({
      allowPositionals: true,
      options: {
        workspace: { type: 'string' },
        source: { type: 'string' },
        rep: { type: 'string' },
        mapping: { type: 'string' },
        'dry-run': { type: 'boolean', default: false },
        'day-first': { type: 'boolean', default: false },
        'month-first': { type: 'boolean', default: false },
        json: { type: 'boolean', default: false },
        help: { type: 'boolean', default: false }
      }
    })
  } catch (err) {
    return fail(`${(err as Error).message}\n${USAGE}`)
  }
})()

if (values.help) {
  console.log(USAGE)
  process.exit(0)
}
if (!values.workspace) fail(`--workspace is required\n${USAGE}`)
if (positionals.length === 0) fail(`name at least one file to import\n${USAGE}`)
const source = values.source as ImportSource | undefined
if (source !== undefined && !(IMPORT_SOURCES as readonly string[]).includes(source)) fail(`--source must be one of ${IMPORT_SOURCES.join(', ')}; got "${values.source}"`)
if (values['day-first'] && values['month-first']) fail('--day-first and --month-first cannot both be given')
const dayFirst = values['day-first'] ? true : values['month-first'] ? false : undefined
for (const f of positionals) if (!existsSync(f)) fail(`file "${f}" does not exist`, 1)
/** `--mapping FILE.json`: the wizard's mapping shape; without it, the mapping saved in the workspace for each file applies. */
const mapping: ImportMapping | undefined = (() => {
  if (values.mapping === undefined) return undefined
  let raw: unknown
  try {
    raw = JSON.parse(readFileSync(values.mapping, 'utf8'))
  } catch (err) {
    return fail(`--mapping ${values.mapping}: ${(err as Error).message}`, 1)
  }
  const parsed = importMappingSchema.safeParse({ columns: [], stages: [], forecastCategories: [], owners: [], ...(typeof raw === 'object' && raw !== null ? raw : {}) })
  if (!parsed.success) return fail(`--mapping ${values.mapping}: ${parsed.error.issues.map((i) => `${i.path.join('.') || 'file'}: ${i.message}`).join('; ')}`, 1)
  return parsed.data
})()

const json = values.json
const dryRun = values['dry-run']
const say = (line: string) => {
  if (!json) console.log(line)
}

function progressLine(name: string, started: number): (p: Progress) => void {
  let last = 0
  return (p) => {
    const now = performance.now()
    if (now - last < 1000 || now - started < 1000) return
    last = now
    const seconds = (now - started) / 1000
    const rate = p.rowsDone / seconds
    const left = p.rowsTotal && rate > 0 ? Math.max(0, (p.rowsTotal - p.rowsDone) / rate) : null
    process.stderr.write(
      `${name}: ${p.rowsDone.toLocaleString('en-US')}${p.rowsTotal ? ` of ~${p.rowsTotal.toLocaleString('en-US')}` : ''} rows, ${Math.round(rate).toLocaleString('en-US')} rows/s${left === null ? '' : `, ${Math.ceil(left)} s left`}\n`
    )
  }
}

async function main(): Promise<number> {
  const workspace = resolve(values.workspace as string)
  // A dry run against a workspace that does not exist yet reads into a throwaway one: it must leave no file behind.
  const scratch = dryRun && !existsSync(workspace) ? mkdtempSync(join(tmpdir(), 'touchline-dry-run-')) : null
  const session = new WorkspaceSession(scratch ? join(scratch, 'touchline.sqlite') : workspace)
  const status = await session.openExisting(systemClock)
  let created = false
  if (status.state === 'error') {
    const e = status.error
    if (json) console.log(JSON.stringify({ ok: false, workspace, created: false, dryRun, files: [], error: e }))
    else console.error(`${e?.code}: ${e?.message}`)
    return 1
  }
  if (status.state === 'none') {
    // The same path the app takes for a new, empty workspace: create, migrate, lock.
    session.create('empty', systemClock)
    created = true
  }
  say(scratch ? `Dry run: ${workspace} does not exist yet, so the files are read against an empty workspace` : `${created ? 'Created' : 'Opened'} workspace ${workspace}`)
  if (scratch) created = false
  const reports: FileReport[] = []
  try {
    const store = session.requireStore()
    tuneForBulkWrites(store.sqlite)
    let repId: number | undefined
    if (values.rep) {
      // The archive's rep by name, or by id when two reps share the name: never the first of several.
      const named = store.sqlite.prepare('SELECT id FROM reps WHERE lower(name) = lower(?) ORDER BY id').pluck().all(values.rep) as number[]
      const byId = /^[1-9][0-9]{0,15}$/.test(values.rep) ? (store.sqlite.prepare('SELECT id FROM reps WHERE id = ?').pluck().get(Number(values.rep)) as number | undefined) : undefined
      repId = named.length === 1 ? named[0] : named.length === 0 ? byId : undefined
      if (repId === undefined) {
        const message =
          named.length > 1
            ? `${named.length} reps are named "${values.rep}" in ${workspace} (ids ${named.join(', ')}): give --rep the id of the one you mean`
            : `no rep named "${values.rep}" in ${workspace}`
        const code = named.length > 1 ? 'INVALID_INPUT' : 'NOT_FOUND'
        if (json) console.log(JSON.stringify({ ok: false, workspace, created, files: [], error: { code, message } }))
        else console.error(`${code}: ${message}`)
        return 1
      }
    }
    for (const path of positionals) {
      const name = basename(path)
      const started = performance.now()
      let backupMs = 0
      const elapsed = () => Math.round(performance.now() - started) / 1000
      try {
        const request = { source: fileSource(path, name), read: { source, dayFirst, mapping, saved: savedMappings(store.sqlite), repName: repNames(store.sqlite), repsNamed: repsNamed(store.sqlite) }, repId }
        const prepared = await prepareImport(request)
        say(`${name}: ${prepared.mapping.label}, ${prepared.encoding}${prepared.entry ? ` (${prepared.entry})` : ''}`)
        const now = systemClock.now()
        const result = await runImport(store.sqlite, prepared, request, {
          now: isoSecond(now),
          today: isoDay(now),
          dryRun,
          // A workspace made by this run has nothing to lose: no backup of it.
          backup: async () => {
            if (created) return 'none (new workspace)'
            const t = performance.now()
            const name = (await session.createBackup(systemClock, 'pre-import')).name
            backupMs = performance.now() - t
            return name
          },
          onProgress: json ? undefined : progressLine(name, started),
          sliceMs: 1000
        })
        reports.push({ file: path, ok: true, seconds: elapsed(), backupSeconds: Math.round(backupMs) / 1000, result, error: null })
        const seconds = ((performance.now() - started) / 1000).toFixed(1)
        say(`  ${dryRun ? 'would create' : 'created'}: ${result.dealsCreated} deals, ${result.connectionsCreated} connections, ${result.activitiesCreated} activities, ${result.accountsCreated} accounts, ${result.repsCreated} reps`)
        say(`  ${dryRun ? 'would update' : 'updated'}: ${result.dealsUpdated} deals, ${result.connectionsUpdated} connections`)
        say(`  skipped: ${result.skipped} row(s)${result.dropped ? `; ${result.dropped} report footer row(s) dropped` : ''}`)
        for (const p of result.problems) say(`    ${p.severity}: ${p.row === null ? '' : `row ${p.row}, `}${p.column === null ? '' : `column "${p.column}": `}${p.message}`)
        if (result.problemCount > result.problems.length) say(`    … and ${result.problemCount - result.problems.length} more`)
        say(`  ${result.rowsRead} rows read in ${seconds} s${dryRun ? ' (dry run: nothing was written)' : result.backup.startsWith('none') ? '' : `; backup ${result.backup}`}`)
      } catch (err) {
        const wire = toWireError(err, 'import')
        const error = /choose the rep/.test(wire.message) ? { ...wire, message: `${wire.message} (--rep NAME)` } : wire
        reports.push({ file: path, ok: false, seconds: elapsed(), backupSeconds: Math.round(backupMs) / 1000, result: null, error })
        if (!json) console.error(`${name}: ${error.code}: ${error.message}`)
      }
    }
  } finally {
    await session.close()
    if (scratch) rmSync(scratch, { recursive: true, force: true })
  }
  const ok = reports.every((r) => r.ok)
  if (json) console.log(JSON.stringify({ ok, workspace, created, dryRun, files: reports }))
  return ok ? 0 : 1
}

main().then(
  (code) => process.exit(code),
  (err: unknown) => {
    console.error(err)
    process.exit(1)
  }
)
