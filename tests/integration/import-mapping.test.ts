// The mapping wizard's rules through the contract on a real workspace: column overrides and value mappings change the
// stored rows exactly as the preview shows; bad overrides are refused naming the column and write nothing; a mapping
// applied is saved for its source and found again for the next file; big files arrive in chunks and preview from their head.
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

beforeEach(async () => {
  ws = makeWorkspace()
  const sqlite = ws.store.sqlite
  sqlite.prepare("INSERT INTO reps (name, role) VALUES ('Jordan Doe', 'ae'), ('Priya Nair', 'ae')").run()
  ws.store.close()
  app = await openSession(ws.path)
  files = tempDir('touchline-import-mapping-')
})
afterEach(async () => {
  await app.close()
  ws.dispose()
  files.dispose()
})

const send = (method: string, input: unknown) => app.send(method, input)
const call = <T>(method: string, input: unknown) => app.call<T>(method, input)
const sqlite = () => app.sqlite()
const repId = (name: string) => sqlite().prepare('SELECT id FROM reps WHERE name = ?').pluck().get(name) as number

const workspaceHash = () => contentHash(sqlite())

const HEADERS = '"Opportunity Name","Account Name","Stage","Total Contract Value","Close Date","Opportunity Owner","Forecast Category","Opportunity ID"'
/** A Salesforce report whose amount sits under a name no built-in mapping knows, with a stage and an owner of their own. */
const FIRST = [
  HEADERS,
  '"Northwind renewal","Northwind Traders","Verbal Agreement","USD 48,500.00","2027-03-31","jdoe","Upside","006A000001"',
  '"Globex expansion","Globex","Proposal/Price Quote","USD 120,000.00","2027-04-30","Priya Nair","Best Case","006A000002"'
].join('\r\n')
const SECOND = [HEADERS, '"Initech pilot","Initech","Verbal Agreement","USD 9,900.00","2027-05-15","jdoe","Upside","006A000003"'].join('\r\n')

const file = (fileName: string, text: string) => ({ fileName, contentBase64: Buffer.from(text, 'utf8').toString('base64') })
const mapping = (m: Partial<ImportMapping>): ImportMapping => ({ columns: [], stages: [], forecastCategories: [], owners: [], ...m })

async function runJob(input: unknown): Promise<ImportProgress> {
  const started = await call<ImportProgress>('import.start', input)
  await importJobs(app.session).idle()
  const done = await call<ImportProgress>('import.progress', { jobId: started.jobId })
  expect(done.error).toBeNull()
  expect(done.state).toBe('done')
  return done
}

interface DealRow {
  external_id: string
  name: string
  amount_minor: number
  stage: string
  status: string
  forecast_category: string
  owner: string
}
const deals = () =>
  sqlite()
    .prepare('SELECT d.external_id, d.name, d.amount_minor, d.stage, d.status, d.forecast_category, r.name AS owner FROM deals d JOIN reps r ON r.id = d.owner_id ORDER BY d.external_id')
    .all() as DealRow[]

describe('column overrides', () => {
  it('a column no built-in name matches, mapped to Amount, fills the amount in the preview, the dry run and the stored rows', async () => {
    const before = await call<ImportPreview>('import.preview', file('pipeline.csv', FIRST))
    expect(before.source).toBe('salesforce-report')
    expect(before.columns.find((c) => c.header === 'Total Contract Value')).toMatchObject({ fieldId: null, overridden: false })
    // The Verbal Agreement row has a stage of theirs no rule knows: skipped until it is mapped (below).
    expect(before.sample.map((s) => s.values.Amount)).toEqual(['USD 0'])

    const m = mapping({ columns: [{ header: 'total contract value', field: 'amount' }] })
    const after = await call<ImportPreview>('import.preview', { ...file('pipeline.csv', FIRST), mapping: m })
    expect(after.columns.find((c) => c.header === 'Total Contract Value')).toMatchObject({ fieldId: 'amount', field: 'Amount', overridden: true })
    expect(after.sample.map((s) => s.values.Amount)).toEqual(['USD 120,000'])
    expect(after.mapping).toEqual(m)
    expect(after.savedMapping).toBeNull()

    const hash = workspaceHash()
    const dry = await runJob({ ...file('pipeline.csv', FIRST), mapping: m, dryRun: true })
    expect(dry.result).toMatchObject({ dryRun: true, dealsCreated: 1, skipped: 1 })
    expect(workspaceHash()).toBe(hash)

    await runJob({ ...file('pipeline.csv', FIRST), mapping: mapping({ ...m, stages: [{ from: 'Verbal Agreement', to: 'negotiation' }] }) })
    expect(deals().map((d) => [d.external_id, d.amount_minor])).toEqual([
      ['salesforce:006A000001', 4_850_000],
      ['salesforce:006A000002', 12_000_000]
    ])
  })

  it('a report whose close date goes by another name is previewed with the field to map, refused on apply, and read once mapped', async () => {
    const renamed = FIRST.replace('"Close Date"', '"Expected Close"')
    const p = await call<ImportPreview>('import.preview', file('pipeline.csv', renamed))
    expect(p.source).toBe('salesforce-report')
    expect(p.missingRequired).toEqual(['Close date'])
    expect([p.rowCount, p.sample.length, p.toCreate, p.toSkip]).toEqual([2, 0, 0, 0])
    const hash = workspaceHash()
    const refused = await send('import.start', file('pipeline.csv', renamed))
    expect(refused.ok ? null : refused.error.message).toBe('file "pipeline.csv", row 1, column "Close Date": a Salesforce opportunity report file needs the column(s) Close Date')
    expect(workspaceHash()).toBe(hash)

    const m = mapping({ columns: [{ header: 'Expected Close', field: 'closeDate' }], stages: [{ from: 'Verbal Agreement', to: 'negotiation' }] })
    const mapped = await call<ImportPreview>('import.preview', { ...file('pipeline.csv', renamed), mapping: m })
    expect(mapped.missingRequired).toEqual([])
    expect(mapped.sample.map((s) => s.values['Close date'])).toEqual(['2027-03-31', '2027-04-30'])
    await runJob({ ...file('pipeline.csv', renamed), mapping: m })
    expect(sqlite().prepare('SELECT close_date FROM deals ORDER BY external_id').pluck().all()).toEqual(['2027-03-31', '2027-04-30'])

    // A required column taken away by the mapping: the preview asks for it, apply and start refuse naming it.
    const noStage = mapping({ columns: [{ header: 'Stage', field: null }] })
    expect((await call<ImportPreview>('import.preview', { ...file('pipeline.csv', FIRST), mapping: noStage })).missingRequired).toEqual(['Stage'])
    const stored = workspaceHash()
    for (const method of ['import.apply', 'import.start']) {
      const out = await send(method, { ...file('pipeline.csv', FIRST), mapping: noStage })
      expect(out.ok ? null : out.error.message).toBe('file "pipeline.csv", row 1, column "Stage": a Salesforce opportunity report file needs the column(s) Stage')
    }
    await importJobs(app.session).idle()
    expect(workspaceHash()).toBe(stored)

    // A file with none of a source's required columns is still the wrong source, not a mapping to finish.
    const wrong = await send('import.preview', { ...file('pipeline.csv', FIRST), source: 'linkedin-connections' })
    expect(wrong.ok ? null : wrong.error.message).toMatch(/a LinkedIn connections file needs the column\(s\) First Name/)
  })

  it('a column set to nothing is not read, and its field falls back to being missing', async () => {
    const m = mapping({ columns: [{ header: 'Forecast Category', field: null }] })
    const p = await call<ImportPreview>('import.preview', { ...file('pipeline.csv', FIRST), mapping: m })
    expect(p.columns.find((c) => c.header === 'Forecast Category')).toMatchObject({ fieldId: null, overridden: true })
    expect(p.missingFields).toContain('Forecast category')
    expect(p.values.forecastCategories).toEqual([])
  })

  it.each([
    ['a header the file does not have', [{ header: 'Deal Size', field: 'amount' }], 'Deal Size', 'the mapping names a column this file does not have'],
    ['a field deals files do not have', [{ header: 'Total Contract Value', field: 'connectedOn' }], 'Total Contract Value', '"connectedOn" is not a field of a Salesforce opportunity report file'],
    ['a field given twice', [{ header: 'Total Contract Value', field: 'amount' }, { header: 'Opportunity ID', field: 'amount' }], 'Opportunity ID', 'the field Amount is mapped to two columns, "Total Contract Value" and "Opportunity ID"'],
    ['a header given twice', [{ header: 'Stage', field: null }, { header: 'STAGE', field: 'stage' }], 'STAGE', 'the mapping names this column twice']
  ])('%s is refused naming the column, by preview, apply and start, and nothing is written or saved', async (_what, columns, column, message) => {
    const hash = workspaceHash()
    for (const method of ['import.preview', 'import.apply', 'import.start']) {
      const out = await send(method, { ...file('pipeline.csv', FIRST), mapping: mapping({ columns: columns as ImportMapping['columns'] }) })
      expect(out.ok, method).toBe(false)
      if (out.ok) continue
      expect(out.error.code).toBe('INVALID_INPUT')
      expect(out.error.message).toContain(`file "pipeline.csv", row 1, column "${column}"`)
      expect(out.error.message).toContain(message)
    }
    await importJobs(app.session).idle()
    expect(workspaceHash()).toBe(hash)
  })

  it('a field name outside the contract and an owner mapped to a rep that does not exist are refused, nothing written', async () => {
    const hash = workspaceHash()
    const bogus = await send('import.start', { ...file('pipeline.csv', FIRST), mapping: { ...mapping({}), columns: [{ header: 'Stage', field: 'bogus' }] } })
    expect(bogus.ok).toBe(false)
    if (!bogus.ok) expect(bogus.error).toMatchObject({ code: 'INVALID_INPUT' })
    for (const method of ['import.preview', 'import.start']) {
      const out = await send(method, { ...file('pipeline.csv', FIRST), mapping: mapping({ owners: [{ from: 'jdoe', repId: 9999 }] }) })
      expect(out.ok).toBe(false)
      if (!out.ok) expect(out.error.message).toMatch(/the owner "jdoe" is mapped to rep 9999, which does not exist/)
    }
    await importJobs(app.session).idle()
    expect(workspaceHash()).toBe(hash)
  })
})

describe('value mappings', () => {
  it('their stage, forecast category and owner become ours: listed in the preview, stored as mapped', async () => {
    const plain = await call<ImportPreview>('import.preview', file('pipeline.csv', FIRST))
    expect(plain.values.stages).toEqual([
      { from: 'Proposal/Price Quote', rows: 1, auto: 'proposal', mapped: null },
      { from: 'Verbal Agreement', rows: 1, auto: null, mapped: null }
    ])
    expect(plain.values.forecastCategories).toEqual([
      { from: 'Best Case', rows: 1, auto: 'best_case', mapped: null },
      { from: 'Upside', rows: 1, auto: null, mapped: null }
    ])
    expect(plain.values.owners).toEqual([
      { from: 'jdoe', rows: 1, autoRep: null, namesakes: [], repId: null },
      { from: 'Priya Nair', rows: 1, autoRep: 'Priya Nair', namesakes: [], repId: null }
    ])
    expect(plain.toSkip).toBe(1)

    const m = mapping({
      columns: [{ header: 'Total Contract Value', field: 'amount' }],
      stages: [{ from: 'verbal agreement', to: 'won' }],
      forecastCategories: [{ from: 'Upside', to: 'best_case' }, { from: 'Best Case', to: 'commit' }],
      owners: [{ from: 'JDOE', repId: repId('Jordan Doe') }]
    })
    const mapped = await call<ImportPreview>('import.preview', { ...file('pipeline.csv', FIRST), mapping: m })
    expect(mapped.toSkip).toBe(0)
    expect(mapped.newReps).toEqual([])
    expect(mapped.sample.map((s) => [s.values.Owner, s.values.Status, s.values.Forecast])).toEqual([
      ['Jordan Doe', 'won', 'closed'],
      ['Priya Nair', 'open', 'commit']
    ])

    const reps = sqlite().prepare('SELECT count(*) FROM reps').pluck().get()
    await runJob({ ...file('pipeline.csv', FIRST), mapping: m })
    expect(deals()).toEqual([
      { external_id: 'salesforce:006A000001', name: 'Northwind renewal', amount_minor: 4_850_000, stage: 'negotiation', status: 'won', forecast_category: 'closed', owner: 'Jordan Doe' },
      { external_id: 'salesforce:006A000002', name: 'Globex expansion', amount_minor: 12_000_000, stage: 'proposal', status: 'open', forecast_category: 'commit', owner: 'Priya Nair' }
    ])
    expect(sqlite().prepare('SELECT count(*) FROM reps').pluck().get()).toBe(reps)
  })
})

describe('owners to reps in an activities file', () => {
  it('their name for a rep becomes ours on every streamed row, and no new rep is made', async () => {
    const csv = ['Activity Date,Activity Type,Rep,Subject', '2027-01-04 09:00,Call,jdoe,Intro', '2027-01-05 10:00,Meeting,JDOE,Demo', '2027-01-06 11:00,Email,Priya Nair,Pricing'].join('\n')
    const p = await call<ImportPreview>('import.preview', file('calls.csv', csv))
    expect(p.values.owners).toEqual([
      { from: 'jdoe', rows: 2, autoRep: null, namesakes: [], repId: null },
      { from: 'Priya Nair', rows: 1, autoRep: 'Priya Nair', namesakes: [], repId: null }
    ])
    const m = mapping({ owners: [{ from: 'jdoe', repId: repId('Jordan Doe') }] })
    expect((await call<ImportPreview>('import.preview', { ...file('calls.csv', csv), mapping: m })).newReps).toEqual([])
    const reps = sqlite().prepare('SELECT count(*) FROM reps').pluck().get()
    await runJob({ ...file('calls.csv', csv), mapping: m })
    expect(sqlite().prepare('SELECT r.name, a.subject FROM activities a JOIN reps r ON r.id = a.rep_id ORDER BY a.occurred_at').raw().all()).toEqual([
      ['Jordan Doe', 'Intro'],
      ['Jordan Doe', 'Demo'],
      ['Priya Nair', 'Pricing']
    ])
    expect(sqlite().prepare('SELECT count(*) FROM reps').pluck().get()).toBe(reps)
  })
})

describe('saved mappings', () => {
  const m = () =>
    mapping({
      columns: [{ header: 'Total Contract Value', field: 'amount' }],
      stages: [{ from: 'Verbal Agreement', to: 'negotiation' }],
      forecastCategories: [{ from: 'Upside', to: 'best_case' }],
      owners: [{ from: 'jdoe', repId: repId('Jordan Doe') }]
    })

  it('a real import saves its mapping; the next file of the source opens with it and is stored through it', async () => {
    await runJob({ ...file('pipeline.csv', FIRST), mapping: mapping({ columns: m().columns }), dryRun: true })
    const afterDry = await call<ImportPreview>('import.preview', file('next.csv', SECOND))
    expect(afterDry.savedMapping).toBeNull()

    await runJob({ ...file('pipeline.csv', FIRST), mapping: m() })
    const next = await call<ImportPreview>('import.preview', file('next.csv', SECOND))
    expect(next.savedMapping).toBe('exact')
    expect(next.mapping).toEqual(m())
    expect(next.columns.find((c) => c.header === 'Total Contract Value')).toMatchObject({ fieldId: 'amount', overridden: true })
    expect(next.values.stages).toEqual([{ from: 'Verbal Agreement', rows: 1, auto: null, mapped: 'negotiation' }])

    // Started without a mapping: the saved one applies in the job too.
    await runJob(file('next.csv', SECOND))
    expect(deals().find((d) => d.external_id === 'salesforce:006A000003')).toEqual({
      external_id: 'salesforce:006A000003',
      name: 'Initech pilot',
      amount_minor: 990_000,
      stage: 'negotiation',
      status: 'open',
      forecast_category: 'best_case',
      owner: 'Jordan Doe'
    })
  })

  it('a newer export with another column still gets the source mapping; one without the mapped column does not; an empty mapping forgets it', async () => {
    await runJob({ ...file('pipeline.csv', FIRST), mapping: m() })
    const wider = `${HEADERS},"Lead Source"\r\n"Hooli deal","Hooli","Verbal Agreement","USD 1,000","2027-06-01","jdoe","Upside","006A000009","Web"`
    const p = await call<ImportPreview>('import.preview', file('wider.csv', wider))
    expect(p.savedMapping).toBe('source')
    expect(p.sample[0]?.values).toMatchObject({ Amount: 'USD 1,000', Owner: 'Jordan Doe', Stage: 'negotiation' })

    const plain = '"Opportunity Name","Account Name","Stage","Amount","Close Date","Opportunity Owner","Opportunity ID"\r\n"A","B","Prospecting","10","2027-01-01","x","006A000010"'
    expect((await call<ImportPreview>('import.preview', file('plain.csv', plain))).savedMapping).toBeNull()

    await runJob({ ...file('pipeline.csv', FIRST), mapping: mapping({ stages: m().stages }) })
    await runJob({ ...file('pipeline.csv', FIRST), mapping: mapping({}) })
    expect((await call<ImportPreview>('import.preview', file('next.csv', SECOND))).savedMapping).toBeNull()
  })

  it('the command line reuses the saved mapping, and takes one from --mapping FILE.json', async () => {
    await runJob({ ...file('pipeline.csv', FIRST), mapping: m() })
    await app.session.close()
    const second = join(files.dir, 'next.csv')
    writeFileSync(second, SECOND)
    const cli = (...args: string[]) =>
      spawnSync(join(ROOT, 'node_modules', '.bin', 'tsx'), ['--tsconfig', 'tsconfig.node.json', 'scripts/import.ts', ...args], { cwd: ROOT, encoding: 'utf8', timeout: 60_000 })
    const out = cli(second, '--workspace', ws.path, '--json')
    expect(out.status, out.stderr).toBe(0)
    const third = join(files.dir, 'third.csv')
    writeFileSync(third, SECOND.replace('006A000003', '006A000004').replace('Verbal Agreement', 'Handshake'))
    const mappingFile = join(files.dir, 'mapping.json')
    writeFileSync(mappingFile, JSON.stringify({ columns: [{ header: 'Total Contract Value', field: 'amount' }], stages: [{ from: 'Handshake', to: 'lost' }] }))
    const explicit = cli(third, '--workspace', ws.path, '--mapping', mappingFile, '--json')
    expect(explicit.status, explicit.stderr).toBe(0)
    const bad = join(files.dir, 'bad.json')
    writeFileSync(bad, JSON.stringify({ columns: [{ header: 'Nope', field: 'amount' }] }))
    const refused = cli(third, '--workspace', ws.path, '--mapping', bad, '--json')
    expect(refused.status).toBe(1)
    expect(JSON.parse(refused.stdout).files[0].error.message).toContain('column "Nope": the mapping names a column this file does not have')

    await app.session.openExisting(clock)
    const rows = deals().filter((d) => d.external_id >= 'salesforce:006A000003')
    expect(rows.map((d) => [d.external_id, d.amount_minor, d.stage, d.status, d.owner])).toEqual([
      ['salesforce:006A000003', 990_000, 'negotiation', 'open', 'Jordan Doe'],
      ['salesforce:006A000004', 990_000, 'negotiation', 'lost', 'jdoe']
    ])
  })
})

describe('files bigger than one call', () => {
  function activityCsv(rows: number): Buffer {
    const lines = ['Activity Date,Activity Type,Rep,Subject,Direction']
    for (let i = 0; i < rows; i++) lines.push(`2027-01-${String((i % 28) + 1).padStart(2, '0')} 09:00,Call,Jordan Doe,Follow-up call number ${i} about the renewal terms,Outbound`)
    return Buffer.from(lines.join('\n'))
  }

  it('arrive in ordered chunks; the preview reads only the head; the import streams the staged file to the end', async () => {
    const bytes = activityCsv(90_000)
    expect(bytes.length).toBeGreaterThan(6 * 1024 * 1024)
    const up = await call<ImportUpload>('import.beginUpload', { fileName: 'calls.csv', size: bytes.length })
    const chunk = 4 * 1024 * 1024
    const outOfOrder = await send('import.uploadChunk', { uploadId: up.uploadId, offset: 10, contentBase64: bytes.subarray(10, 20).toString('base64') })
    expect(outOfOrder.ok).toBe(false)
    if (!outOfOrder.ok) expect(outOfOrder.error.message).toContain('starts at byte 10, expected 0')
    for (let offset = 0; offset < bytes.length; offset += chunk) {
      const preview = offset === chunk ? await send('import.preview', { fileName: 'calls.csv', uploadId: up.uploadId }) : null
      if (preview) expect(preview.ok ? 'ok' : preview.error.message).toMatch(/is not finished/)
      await call('import.uploadChunk', { uploadId: up.uploadId, offset, contentBase64: bytes.subarray(offset, offset + chunk).toString('base64') })
    }
    const past = await send('import.uploadChunk', { uploadId: up.uploadId, offset: bytes.length, contentBase64: 'AAAA' })
    expect(past.ok).toBe(false)
    await call('import.finishUpload', { uploadId: up.uploadId })

    const p = await call<ImportPreview>('import.preview', { fileName: 'calls.csv', uploadId: up.uploadId })
    expect(p.source).toBe('activities')
    expect(p.partial).not.toBeNull()
    expect(p.partial?.bytesTotal).toBe(bytes.length)
    expect(p.partial?.bytesRead).toBeLessThan(bytes.length)
    expect(p.rowCount).toBe(p.partial?.rowsRead)
    expect(p.rowCount).toBeLessThan(90_000)

    const done = await runJob({ fileName: 'calls.csv', uploadId: up.uploadId })
    expect(done.result).toMatchObject({ activitiesCreated: 90_000, rowsRead: 90_000 })
    expect(sqlite().prepare('SELECT count(*) FROM activities').pluck().get()).toBe(90_000)
  })

  it('the desktop app reads the file the user picked in main\'s dialog in place, and never removes it; the browser shell has no dialog', async () => {
    const browser = await send('import.pickFile', {})
    expect(browser.ok ? null : browser.error.code).toBe('UNSUPPORTED')
    const path = join(files.dir, 'picked.csv')
    writeFileSync(path, FIRST)
    let answer: string | null = null
    app.ctx = { ...app.ctx, shell: 'electron', desktop: { exportPdf: async () => ({ saved: false, path: null }), pickImportFile: async () => answer } }
    expect(await call('import.pickFile', {})).toBeNull()
    answer = path
    const picked = await call<ImportUpload>('import.pickFile', {})
    expect(picked).toMatchObject({ fileName: 'picked.csv', size: Buffer.byteLength(FIRST), received: Buffer.byteLength(FIRST) })
    expect(JSON.stringify(picked)).not.toContain(files.dir)
    const p = await call<ImportPreview>('import.preview', { fileName: 'picked.csv', uploadId: picked.uploadId })
    expect(p.sample.map((s) => s.values.Deal)).toEqual(['Globex expansion'])
    stagedUploads(app.session).clear()
    expect(existsSync(path)).toBe(true)
  })

  it('a call with both the bytes and an upload, or neither, is refused; an unknown upload is NOT_FOUND', async () => {
    const both = await send('import.preview', { ...file('pipeline.csv', FIRST), uploadId: 'upload-00000000-0000-0000-0000-000000000000' })
    expect(both.ok).toBe(false)
    if (!both.ok) expect(both.error.message).toContain('exactly one')
    const neither = await send('import.preview', { fileName: 'pipeline.csv' })
    expect(neither.ok).toBe(false)
    const unknown = await send('import.preview', { fileName: 'x.csv', uploadId: 'upload-00000000-0000-0000-0000-000000000000' })
    expect(unknown.ok ? null : unknown.error.code).toBe('NOT_FOUND')
  })
})
