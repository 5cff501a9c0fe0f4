// Import jobs through the contract on a real workspace file: progress while it runs, cancel leaves every table as it
// was, a finished job stores every row, and other calls are answered (from the workspace as it was) meanwhile.
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { ImportBatchRow, ImportProgress } from '../../src/shared/contract'
import { makeWorkspace, tempDir, type TempWorkspace } from '../support/workspace'
import { openSession, type SessionUnderTest } from '../support/session'
import { workspaceHash as contentHash } from '../support/workspace-hash'
import { seedImportWorld, writeActivitiesCsv, type ImportWorld } from '../fixtures/import/generate'

let ws: TempWorkspace
let app: SessionUnderTest
let world: ImportWorld
let files: ReturnType<typeof tempDir>

beforeEach(async () => {
  ws = makeWorkspace()
  world = seedImportWorld(ws.store.sqlite, { reps: 12, accounts: 300, deals: 2000 })
  ws.store.close()
  app = await openSession(ws.path)
  files = tempDir('touchline-import-jobs-')
})
afterEach(async () => {
  await app.close()
  ws.dispose()
  files.dispose()
})

const call = <T>(method: string, input: unknown) => app.call<T>(method, input)
const sqlite = () => app.sqlite()
const count = (table: string) => sqlite().prepare(`SELECT count(*) FROM ${table}`).pluck().get() as number
/** Every row of every table, hashed: the workspace's content, independent of page layout. */
const workspaceHash = () => contentHash(sqlite())

function activitiesFile(rows: number): { fileName: string; contentBase64: string } {
  const path = join(files.dir, `activities-${rows}.csv`)
  writeActivitiesCsv(path, rows, world)
  return { fileName: `activities-${rows}.csv`, contentBase64: readFileSync(path).toString('base64') }
}

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

async function pollUntil(jobId: string, done: (p: ImportProgress) => boolean, seen: ImportProgress[] = []): Promise<ImportProgress> {
  for (;;) {
    const p = await call<ImportProgress>('import.progress', { jobId })
    seen.push(p)
    if (done(p)) return p
    await pause(20)
  }
}

describe('an import job', () => {
  it('200,000 activity rows: rows done only grow, and cancel part-way leaves every table exactly as it was', async () => {
    const file = activitiesFile(200_000)
    const before = workspaceHash()
    const schema = () => sqlite().prepare('SELECT type, name, sql FROM sqlite_master ORDER BY name').all()
    const schemaBefore = schema()
    const started = await call<ImportProgress>('import.start', file)
    expect(started).toMatchObject({ state: 'running', fileName: 'activities-200000.csv', cancelRequested: false, result: null, error: null })
    expect(started.jobId).toMatch(/^import-/)

    const seen: ImportProgress[] = []
    const partWay = await pollUntil(started.jobId, (p) => p.rowsDone >= 20_000 || p.state !== 'running', seen)
    expect(partWay.state).toBe('running')
    expect(partWay.rowsTotal).toBeGreaterThan(150_000)
    expect(partWay.rowsTotal).toBeLessThan(250_000)
    expect(partWay.rowsPerSecond).toBeGreaterThan(0)
    const cancelling = await call<ImportProgress>('import.cancel', { jobId: started.jobId })
    expect(cancelling.cancelRequested).toBe(true)
    const end = await pollUntil(started.jobId, (p) => p.state !== 'running', seen)

    expect(end).toMatchObject({ state: 'cancelled', result: null, error: null })
    expect(end.rowsDone).toBeLessThan(200_000)
    const done = seen.map((p) => p.rowsDone)
    expect(done).toEqual([...done].sort((a, b) => a - b))
    expect(new Set(done).size).toBeGreaterThan(2)
    expect(workspaceHash()).toBe(before)
    expect(schema()).toEqual(schemaBefore)
    expect(count('activities')).toBe(0)
    expect(await call<ImportBatchRow[]>('import.history', {})).toEqual([])
  }, 120_000)

  it('runs to the end: every row stored on its rep, deal and account, indexes rebuilt, evidence recomputed; meanwhile reads are answered from the workspace as it was', async () => {
    const file = activitiesFile(120_000)
    const indexes = () => sqlite().prepare("SELECT name, sql FROM sqlite_master WHERE type = 'index' AND tbl_name = 'activities' ORDER BY name").all()
    const indexesBefore = indexes()
    expect(indexesBefore.length).toBeGreaterThan(3)
    const started = await call<ImportProgress>('import.start', file)
    // A read while the job holds its transaction: answered at once, and it does not see half an import.
    let readsDuringJob = 0
    let activitiesSeenDuringJob = -1
    const writesDuringJob: string[] = []
    for (;;) {
      const p = await call<ImportProgress>('import.progress', { jobId: started.jobId })
      if (p.state !== 'running') break
      const history = await call<ImportBatchRow[]>('import.history', {})
      expect(history).toEqual([])
      activitiesSeenDuringJob = Math.max(activitiesSeenDuringJob, count('activities'))
      readsDuringJob++
      // A write meanwhile is refused at once with a message that says why, instead of waiting out the busy timeout.
      if (writesDuringJob.length === 0 && p.phase === 'writing') {
        const refused = await app.send('teams.create', { name: 'Written during the import' })
        if (!refused.ok) writesDuringJob.push(`${refused.error.code}: ${refused.error.message}`)
        else writesDuringJob.push('ok')
      }
      await pause(10)
    }
    expect(readsDuringJob).toBeGreaterThan(0)
    expect(activitiesSeenDuringJob).toBe(0)
    expect(writesDuringJob).toHaveLength(1)
    expect(writesDuringJob[0]).toMatch(/^CONFLICT: teams\.create: .*busy with another write \(an import in progress\); nothing was changed/)
    // Once the job has ended the main connection waits for locks as before, and the same write goes through.
    expect(sqlite().pragma('busy_timeout', { simple: true })).toBe(5000)
    await call('teams.create', { name: 'Written after the import' })

    const end = await call<ImportProgress>('import.progress', { jobId: started.jobId })
    expect(end).toMatchObject({ state: 'done', rowsDone: 120_000, rowsTotal: 120_000, secondsLeft: null, error: null })
    expect(end.result).toMatchObject({ source: 'activities', activitiesCreated: 120_000, skipped: 0, rowsRead: 120_000, repsCreated: 0, accountsCreated: 0 })
    expect(end.result?.backup).toMatch(/pre-import/)
    expect(count('activities')).toBe(120_000)
    // Row 2 of the file (i = 0): a call by the first rep on the first deal; i = 4 names an account and no deal.
    const row = (subject: string) =>
      sqlite()
        .prepare(
          `SELECT r.name AS rep, a.kind, a.direction, a.occurred_at, a.outcome, d.external_id, ac.name AS account
           FROM activities a JOIN reps r ON r.id = a.rep_id LEFT JOIN deals d ON d.id = a.deal_id LEFT JOIN accounts ac ON ac.id = a.account_id WHERE a.subject = ?`
        )
        .get(subject)
    expect(row('Touch 0')).toEqual({ rep: 'Rep 1 Example', kind: 'call', direction: 'inbound', occurred_at: '2026-01-01T08:00:00Z', outcome: 'Connected', external_id: 'salesforce:006G00000001', account: 'Account 1 Holdings' })
    expect(row('Touch 4')).toEqual({ rep: 'Rep 5 Example', kind: 'note', direction: 'outbound', occurred_at: '2026-01-01T08:04:00Z', outcome: 'Connected', external_id: null, account: 'Account 5 Holdings' })
    expect(row('Follow-up, pricing 3')).toMatchObject({ kind: 'social_message', occurred_at: '2026-01-01T08:03:00Z' })
    // A first load into an empty table builds its indexes at the end: the same indexes as before.
    expect(indexes()).toEqual(indexesBefore)
    // The deals the activities were logged on have their evidence recomputed.
    const lastOnDeal = sqlite()
      .prepare("SELECT max(a.occurred_at) FROM activities a JOIN deals d ON d.id = a.deal_id WHERE d.external_id = 'salesforce:006G00000001'")
      .pluck()
      .get() as string
    expect(lastOnDeal).toMatch(/^2026-0[1-3]-/)
    expect(sqlite().prepare("SELECT e.last_activity_at FROM deal_evidence e JOIN deals d ON d.id = e.deal_id WHERE d.external_id = 'salesforce:006G00000001'").pluck().get()).toBe(lastOnDeal)
    expect(await call<ImportBatchRow[]>('import.history', {})).toMatchObject([{ fileName: 'activities-120000.csv', source: 'activities', rows: 120_000, created: 120_000, updated: 0, skipped: 0 }])

    // The same file again: every row is already there, so nothing is added.
    const again = await call<ImportProgress>('import.start', file)
    const second = await pollUntil(again.jobId, (p) => p.state !== 'running')
    expect(second.result).toMatchObject({ activitiesCreated: 0, skipped: 120_000 })
    expect(count('activities')).toBe(120_000)
  }, 120_000)

  it('a file whose first megabyte of dates all read both ways takes its day/month order from a later date, not a question', async () => {
    const rows = Array.from({ length: 25_000 }, (_, i) => `0${(i % 9) + 1}/04/2026 10:00,Call,${world.reps[0]},Ring ${i}`)
    rows.push(`25/04/2026 10:00,Call,${world.reps[0]},The decisive one`)
    const csv = `Activity Date,Type,Rep,Subject\n${rows.join('\n')}\n`
    expect(csv.indexOf('25/04/2026')).toBeGreaterThan(1024 * 1024)
    const started = await call<ImportProgress>('import.start', { fileName: 'day-first.csv', contentBase64: Buffer.from(csv).toString('base64') })
    const end = await pollUntil(started.jobId, (p) => p.state !== 'running')
    expect(end).toMatchObject({ state: 'done', result: { activitiesCreated: 25_001, skipped: 0 } })
    const at = sqlite().prepare('SELECT occurred_at FROM activities WHERE subject = ?').pluck()
    expect(at.get('Ring 1')).toBe('2026-04-02T10:00:00Z')
    expect(at.get('The decisive one')).toBe('2026-04-25T10:00:00Z')
  }, 120_000)

  it('a second import while one runs is refused; an unknown job id is NOT_FOUND; a file that fits no export is refused before it starts', async () => {
    const file = activitiesFile(100_000)
    const started = await call<ImportProgress>('import.start', file)
    await expect(call('import.start', file)).rejects.toThrow(/CONFLICT: an import is already running/)
    await call('import.cancel', { jobId: started.jobId })
    await pollUntil(started.jobId, (p) => p.state !== 'running')
    await expect(call('import.progress', { jobId: 'import-00000000-0000-0000-0000-000000000000' })).rejects.toThrow(/NOT_FOUND/)
    await expect(call('import.progress', { jobId: '../etc' })).rejects.toThrow(/INVALID_INPUT/)
    await expect(call('import.start', { fileName: 'shapes.csv', contentBase64: Buffer.from('Colour,Shape\nred,round\n').toString('base64') })).rejects.toThrow(
      /INVALID_INPUT: file "shapes.csv", row 1: the columns \(Colour, Shape\) match no known export/
    )
    expect(app.session.backups().backups.filter((b) => b.name.includes('pre-import'))).toHaveLength(1)
  }, 120_000)
})
