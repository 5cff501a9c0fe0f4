// Owners to reps on a real workspace: a name mapped to one of two reps who share it lands on that rep (preview, dry run,
// import, streamed activities, the command line); an unmapped name several reps share is shown as such and refused
// naming file, row and column, writing nothing; staged uploads go once an import of them is applied.
import { spawnSync } from 'node:child_process'
import { existsSync, writeFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { importJobs, stagedUploads } from '../../src/main/handlers-import'
import type { ImportMapping, ImportPreview, ImportProgress, ImportUpload } from '../../src/shared/contract'
import { clock, makeWorkspace, tempDir, type TempWorkspace } from '../support/workspace'
import { openSession, type SessionUnderTest } from '../support/session'
import { workspaceHash as contentHash } from '../support/workspace-hash'

const ROOT = resolve(__dirname, '..', '..')
let ws: TempWorkspace
let app: SessionUnderTest
let files: ReturnType<typeof tempDir>
/** The two reps named Alex Kim: the first is the one a lookup by name finds; the second is the one the tests choose. */
let firstKim: number
let secondKim: number

beforeEach(async () => {
  ws = makeWorkspace()
  const sqlite = ws.store.sqlite
  sqlite.prepare("INSERT INTO teams (name, created_at) VALUES ('East', '2026-01-01T00:00:00Z'), ('West', '2026-01-01T00:00:00Z')").run()
  const add = sqlite.prepare("INSERT INTO reps (name, role, team_id, email) VALUES (?, 'ae', (SELECT id FROM teams WHERE name = ?), ?)")
  firstKim = Number(add.run('Alex Kim', 'East', 'alex.kim@example.com').lastInsertRowid)
  add.run('Priya Nair', 'East', null)
  secondKim = Number(add.run('alex kim', 'West', 'akim@example.com').lastInsertRowid)
  ws.store.close()
  app = await openSession(ws.path)
  files = tempDir('touchline-import-owners-')
})
afterEach(async () => {
  await app.close()
  ws.dispose()
  files.dispose()
})

const send = (method: string, input: unknown) => app.send(method, input)
const call = <T>(method: string, input: unknown) => app.call<T>(method, input)
const sqlite = () => app.sqlite()

const workspaceHash = () => contentHash(sqlite())

const HEADERS = '"Opportunity Name","Account Name","Stage","Amount","Close Date","Opportunity Owner","Opportunity ID"'
/** Two deals owned by "Alex Kim" (two reps bear the name), one by Priya Nair (one rep), one by a newcomer (none). */
const DEALS = [
  HEADERS,
  '"Northwind renewal","Northwind Traders","Proposal/Price Quote","USD 48,500.00","2027-03-31","Priya Nair","006A000001"',
  '"Globex expansion","Globex","Negotiation/Review","USD 120,000.00","2027-04-30","Alex Kim","006A000002"',
  '"Initech pilot","Initech","Prospecting","USD 9,900.00","2027-05-15","ALEX KIM","006A000003"',
  '"Hooli deal","Hooli","Prospecting","USD 1,000.00","2027-05-20","Sam Okafor","006A000004"'
].join('\r\n')
const ACTIVITIES = ['Activity Date,Activity Type,Rep,Subject', '2027-01-04 09:00,Call,priya nair,Intro', '2027-01-05 10:00,Meeting,Alex Kim,Demo', '2027-01-06 11:00,Email,alex  kim,Pricing'].join('\n')

const file = (fileName: string, text: string) => ({ fileName, contentBase64: Buffer.from(text, 'utf8').toString('base64') })
const mapping = (m: Partial<ImportMapping>): ImportMapping => ({ columns: [], stages: [], forecastCategories: [], owners: [], ...m })
const toSecondKim = () => mapping({ owners: [{ from: 'alex kim', repId: secondKim }] })

async function runJob(input: unknown): Promise<ImportProgress> {
  const started = await call<ImportProgress>('import.start', input)
  await importJobs(app.session).idle()
  return call<ImportProgress>('import.progress', { jobId: started.jobId })
}
const dealOwners = () => sqlite().prepare('SELECT external_id, owner_id FROM deals ORDER BY external_id').raw().all()
const activityReps = () => sqlite().prepare('SELECT subject, rep_id FROM activities ORDER BY occurred_at').raw().all()
const repCount = () => sqlite().prepare('SELECT count(*) FROM reps').pluck().get() as number
const priya = () => sqlite().prepare("SELECT id FROM reps WHERE name = 'Priya Nair'").pluck().get() as number

/** A file sent as the wizard sends one, in chunks of at most 4 MB into a staged file in main. */
async function upload(fileName: string, text: string): Promise<ImportUpload> {
  const bytes = Buffer.from(text, 'utf8')
  const up = await call<ImportUpload>('import.beginUpload', { fileName, size: bytes.length })
  const chunk = 4 * 1024 * 1024
  for (let offset = 0; offset < bytes.length; offset += chunk) {
    await call('import.uploadChunk', { uploadId: up.uploadId, offset, contentBase64: bytes.subarray(offset, offset + chunk).toString('base64') })
  }
  return call<ImportUpload>('import.finishUpload', { uploadId: up.uploadId })
}

function cli(...args: string[]) {
  return spawnSync(join(ROOT, 'node_modules', '.bin', 'tsx'), ['--tsconfig', 'tsconfig.node.json', 'scripts/import.ts', ...args], { cwd: ROOT, encoding: 'utf8', timeout: 60_000 })
}

describe('an owner mapped to one of two reps who share a name', () => {
  it('lands on that rep in the preview, the dry run and the import of a deals file', async () => {
    const p = await call<ImportPreview>('import.preview', { ...file('pipeline.csv', DEALS), mapping: toSecondKim() })
    expect(p.values.owners.find((o) => o.from === 'Alex Kim')).toMatchObject({ rows: 2, autoRep: null, repId: secondKim })
    expect(p.sample.map((s) => s.values.Owner)).toEqual(['Priya Nair', 'alex kim', 'alex kim', 'Sam Okafor'])
    expect(p.newReps).toEqual(['Sam Okafor'])

    const hash = workspaceHash()
    const dry = await runJob({ ...file('pipeline.csv', DEALS), mapping: toSecondKim(), dryRun: true })
    expect(dry.error).toBeNull()
    expect(dry.result).toMatchObject({ dryRun: true, dealsCreated: 4, repsCreated: 1 })
    expect(workspaceHash()).toBe(hash)

    const reps = repCount()
    const done = await runJob({ ...file('pipeline.csv', DEALS), mapping: toSecondKim() })
    expect(done.error).toBeNull()
    expect(dealOwners()).toEqual([
      ['salesforce:006A000001', priya()],
      ['salesforce:006A000002', secondKim],
      ['salesforce:006A000003', secondKim],
      ['salesforce:006A000004', expect.any(Number)]
    ])
    expect(repCount()).toBe(reps + 1)
  })

  it('lands on that rep for every row of a streamed activities file, and through import.apply', async () => {
    const done = await runJob({ ...file('calls.csv', ACTIVITIES), mapping: toSecondKim() })
    expect(done.error).toBeNull()
    expect(activityReps()).toEqual([
      ['Intro', priya()],
      ['Demo', secondKim],
      ['Pricing', secondKim]
    ])
    // A name of theirs mapped to the rep that a lookup by name would find first lands there too.
    const other = ACTIVITIES.replace(/2027-01-0/g, '2027-02-0')
    await call('import.apply', { ...file('calls.csv', other), mapping: mapping({ owners: [{ from: 'Alex Kim', repId: firstKim }] }) })
    expect(activityReps().slice(3)).toEqual([
      ['Intro', priya()],
      ['Demo', firstKim],
      ['Pricing', firstKim]
    ])
  })

  it('a saved mapping does the same for the next file, and the command line with --mapping agrees', async () => {
    await runJob({ ...file('pipeline.csv', DEALS), mapping: toSecondKim() })
    const next = DEALS.replace(/006A00000/g, '006B00000')
    // Saved with the import above: the next export of the report opens with it.
    const p = await call<ImportPreview>('import.preview', file('next.csv', next))
    expect(p.savedMapping).toBe('exact')
    await app.session.close()

    const path = join(files.dir, 'next.csv')
    writeFileSync(path, next)
    const saved = cli(path, '--workspace', ws.path, '--json')
    expect(saved.status, saved.stderr).toBe(0)
    const third = join(files.dir, 'third.csv')
    writeFileSync(third, DEALS.replace(/006A00000/g, '006C00000'))
    const mappingFile = join(files.dir, 'mapping.json')
    writeFileSync(mappingFile, JSON.stringify({ owners: [{ from: 'ALEX KIM', repId: secondKim }] }))
    const explicit = cli(third, '--workspace', ws.path, '--mapping', mappingFile, '--json')
    expect(explicit.status, explicit.stderr).toBe(0)

    await app.session.openExisting(clock)
    const owners = sqlite().prepare("SELECT external_id, owner_id FROM deals WHERE external_id LIKE '%02' OR external_id LIKE '%03' ORDER BY external_id").raw().all()
    expect(owners).toEqual([
      ['salesforce:006A000002', secondKim],
      ['salesforce:006A000003', secondKim],
      ['salesforce:006B000002', secondKim],
      ['salesforce:006B000003', secondKim],
      ['salesforce:006C000002', secondKim],
      ['salesforce:006C000003', secondKim]
    ])
  })
})

describe('an unmapped name several reps share', () => {
  it('is shown as ambiguous in the preview, with the reps it could be', async () => {
    const p = await call<ImportPreview>('import.preview', file('pipeline.csv', DEALS))
    expect(p.values.owners).toEqual([
      {
        from: 'Alex Kim',
        rows: 2,
        autoRep: null,
        namesakes: [
          { id: firstKim, label: 'Alex Kim (team East, alex.kim@example.com)' },
          { id: secondKim, label: 'alex kim (team West, akim@example.com)' }
        ],
        repId: null
      },
      { from: 'Priya Nair', rows: 1, autoRep: 'Priya Nair', namesakes: [], repId: null },
      { from: 'Sam Okafor', rows: 1, autoRep: null, namesakes: [], repId: null }
    ])
    // Not a new rep either: the name is taken, twice.
    expect(p.newReps).toEqual(['Sam Okafor'])
  })

  it('refuses a deals file by import.start (real and dry run) and import.apply, naming file, row and column, writing nothing', async () => {
    const hash = workspaceHash()
    const message = 'file "pipeline.csv", row 3, column "Opportunity Owner": 2 reps are named "Alex Kim": map this name to one of them (Owners in the import wizard, "owners" in --mapping FILE.json) before importing'
    for (const [method, extra] of [['import.start', {}], ['import.start', { dryRun: true }], ['import.apply', {}]] as const) {
      const out = await send(method, { ...file('pipeline.csv', DEALS), ...extra })
      expect(out.ok ? 'accepted' : out.error, method).toEqual({ code: 'INVALID_INPUT', message })
    }
    await importJobs(app.session).idle()
    expect(workspaceHash()).toBe(hash)
  })

  it('fails a streamed activities import at the row, keeping the workspace as it was; names of one rep or none still import', async () => {
    const hash = workspaceHash()
    const failed = await runJob(file('calls.csv', ACTIVITIES))
    expect(failed.state).toBe('failed')
    expect(failed.error).toEqual({
      code: 'INVALID_INPUT',
      message: 'file "calls.csv", row 3, column "Rep": 2 reps are named "Alex Kim": map this name to one of them (Owners in the import wizard, "owners" in --mapping FILE.json) before importing'
    })
    expect(workspaceHash()).toBe(hash)

    const fine = ['Activity Date,Activity Type,Rep,Subject', '2027-01-04 09:00,Call,PRIYA NAIR,Intro', '2027-01-05 10:00,Meeting,Sam Okafor,Demo'].join('\n')
    const reps = repCount()
    const done = await runJob(file('calls.csv', fine))
    expect(done.error).toBeNull()
    const sam = sqlite().prepare("SELECT id FROM reps WHERE name = 'Sam Okafor'").pluck().get()
    expect(activityReps()).toEqual([
      ['Intro', priya()],
      ['Demo', sam]
    ])
    expect(repCount()).toBe(reps + 1)
  })

  it('in a big file previewed from its head, is listed to choose before it comes up, and stops the import at its row when left open', async () => {
    const lines = ['Activity Date,Activity Type,Rep,Subject']
    // About 5 MB: more than the preview reads.
    for (let i = 0; i < 20_500; i++) lines.push(`2027-01-${String((i % 28) + 1).padStart(2, '0')} 09:00,Call,Priya Nair,Call ${i} ${'about the renewal terms '.repeat(9)}`)
    lines.push('2027-02-01 09:00,Meeting,Alex Kim,Late demo')
    const up = await upload('calls.csv', lines.join('\n'))
    const big = { fileName: 'calls.csv', uploadId: up.uploadId }
    const p = await call<ImportPreview>('import.preview', big)
    expect(p.partial).not.toBeNull()
    expect(p.values.owners.map((o) => [o.from, o.rows, o.namesakes.map((n) => n.id)])).toEqual([
      ['Priya Nair', p.rowCount, []],
      ['Alex Kim', 0, [firstKim, secondKim]]
    ])
    const hash = workspaceHash()
    const failed = await runJob(big)
    expect(failed.error?.message).toMatch(/^file "calls\.csv", row 20502, column "Rep": 2 reps are named "Alex Kim": map this name/)
    expect(workspaceHash()).toBe(hash)
    const done = await runJob({ ...big, mapping: toSecondKim() })
    expect(done.result).toMatchObject({ activitiesCreated: 20_501 })
    expect(sqlite().prepare("SELECT rep_id FROM activities WHERE subject = 'Late demo'").pluck().all()).toEqual([secondKim])
  })

  it('is refused by the command line too, and --rep with a shared name asks for the id', async () => {
    await app.session.close()
    const path = join(files.dir, 'pipeline.csv')
    writeFileSync(path, DEALS)
    const refused = cli(path, '--workspace', ws.path, '--json')
    expect(refused.status).toBe(1)
    expect(JSON.parse(refused.stdout).files[0].error.message).toBe(
      'file "pipeline.csv", row 3, column "Opportunity Owner": 2 reps are named "Alex Kim": map this name to one of them (Owners in the import wizard, "owners" in --mapping FILE.json) before importing'
    )
    const archive = join(files.dir, 'Connections.csv')
    writeFileSync(archive, 'First Name,Last Name,URL,Email Address,Company,Position,Connected On\nAda,Lovelace,,,Globex,CTO,27 Jun 2026\n')
    const byName = cli(archive, '--workspace', ws.path, '--rep', 'ALEX KIM', '--json')
    expect(byName.status).toBe(1)
    expect(JSON.parse(byName.stdout).error.message).toContain(`2 reps are named "ALEX KIM" in ${ws.path} (ids ${firstKim}, ${secondKim}): give --rep the id of the one you mean`)
    const byId = cli(archive, '--workspace', ws.path, '--rep', String(secondKim), '--json')
    expect(byId.status, byId.stdout).toBe(0)
    await app.session.openExisting(clock)
    expect(sqlite().prepare('SELECT rep_id, person_name FROM connections').raw().all()).toEqual([[secondKim, 'Ada Lovelace']])
  })
})

describe('staged uploads', () => {
  const staged = (up: ImportUpload) => stagedUploads(app.session).stagedPath(up.uploadId)

  it('survive a dry run and a refused or failed import (the wizard offers them again), and go once an import of them is applied', async () => {
    const up = await upload('calls.csv', ACTIVITIES)
    const path = staged(up)
    expect(path !== null && existsSync(path)).toBe(true)
    const input = { fileName: 'calls.csv', uploadId: up.uploadId }

    expect((await runJob({ ...input, dryRun: true, mapping: toSecondKim() })).state).toBe('done')
    expect(existsSync(path as string)).toBe(true)
    // Refused before it starts (a mapping to a rep that does not exist), and failed at a row (the shared name).
    expect((await send('import.start', { ...input, mapping: mapping({ owners: [{ from: 'Alex Kim', repId: 9999 }] }) })).ok).toBe(false)
    expect((await runJob(input)).state).toBe('failed')
    expect(existsSync(path as string)).toBe(true)

    const done = await runJob({ ...input, mapping: toSecondKim() })
    expect(done.state).toBe('done')
    expect(existsSync(path as string)).toBe(false)
    expect(staged(up)).toBeNull()
    const again = await send('import.preview', input)
    expect(again.ok ? null : again.error.code).toBe('NOT_FOUND')
    expect(activityReps()).toHaveLength(3)
  })

  it('an earlier upload goes when another begins, unless an import is reading it: then it goes when that import ends', async () => {
    const first = await upload('calls.csv', ACTIVITIES)
    const firstPath = staged(first) as string
    const second = await upload('more.csv', ACTIVITIES)
    expect(existsSync(firstPath)).toBe(false)
    expect(staged(first)).toBeNull()

    // A file of several slices, with a pause after each, so the job is still reading when the next upload begins.
    const rows = ['Activity Date,Activity Type,Rep,Subject']
    for (let i = 0; i < 6000; i++) rows.push(`2027-03-${String((i % 28) + 1).padStart(2, '0')} 09:00,Call,Priya Nair,Call ${i}`)
    const big = await upload('big.csv', rows.join('\n'))
    expect(staged(second)).toBeNull()
    const bigPath = staged(big) as string
    importJobs(app.session).pauseMs = 300
    const started = await call<ImportProgress>('import.start', { fileName: 'big.csv', uploadId: big.uploadId, dryRun: true })
    const third = await upload('third.csv', ACTIVITIES)
    expect((await call<ImportProgress>('import.progress', { jobId: started.jobId })).state).toBe('running')
    expect(existsSync(bigPath)).toBe(true)
    await importJobs(app.session).idle()
    const ended = await call<ImportProgress>('import.progress', { jobId: started.jobId })
    expect(ended.error).toBeNull()
    expect(ended.result).toMatchObject({ dryRun: true, activitiesCreated: 6000 })
    // A dry run keeps its file, but this one was let go of while it ran.
    expect(existsSync(bigPath)).toBe(false)
    expect(existsSync(staged(third) as string)).toBe(true)
  })
})
