// What a streamed import sets aside for speed is back afterwards, whatever way it ends: foreign keys on, the
// activity_days insert trigger in place, and every activity counted in activity_days once folded.
import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { fileSource } from '../../src/main/importers/stream'
import { ImportCancelled, prepareImport, runImport, type Progress } from '../../src/main/importers/run'
import { connectionHash } from '../../src/main/importers/apply'
import { foldNewActivities } from '../../src/main/services/forecast/productivity'
import { recomputeEvidence } from '../../src/main/services/pipeline/evidence'
import { accountNameKey } from '../../src/main/services/pipeline/accounts'
import { makeWorkspace, NOW, tempDir, type TempWorkspace } from '../support/workspace'
import { activityRowValues, seedImportWorld, writeActivitiesCsv, type ImportWorld } from '../fixtures/import/generate'

let ws: TempWorkspace
let world: ImportWorld
let files: ReturnType<typeof tempDir>

beforeEach(() => {
  ws = makeWorkspace()
  world = seedImportWorld(ws.store.sqlite, { reps: 7, accounts: 40, deals: 120 })
  files = tempDir('touchline-import-bulk-')
})
afterEach(() => {
  ws.store.close()
  ws.dispose()
  files.dispose()
})

const sqlite = () => ws.store.sqlite
const triggerSql = () => sqlite().prepare("SELECT sql FROM sqlite_master WHERE type = 'trigger' AND name = 'activities_days_insert'").pluck().get()

async function importActivities(rows: number, isCancelled?: () => boolean, onProgress?: (p: Progress) => void) {
  const path = join(files.dir, `activities-${rows}.csv`)
  writeActivitiesCsv(path, rows, world)
  const request = { source: fileSource(path, `activities-${rows}.csv`), read: {} }
  const prepared = await prepareImport(request)
  return runImport(sqlite(), prepared, request, { now: '2026-11-23T09:00:00Z', today: '2026-11-23', backup: async () => 'none (test)', sliceMs: 0, isCancelled, onProgress })
}

/** activity_days as a fresh count of every activity would make it. */
function countedFresh(): unknown[] {
  return sqlite()
    .prepare(
      `SELECT substr(occurred_at, 1, 10) AS day, rep_id, count(*) AS n, sum(kind = 'meeting') AS meeting, sum(kind = 'call') AS call,
        sum(kind = 'email') AS email, sum(kind LIKE 'social%') AS social FROM activities GROUP BY 1, 2 ORDER BY 1, 2`
    )
    .all()
}
const counted = () => sqlite().prepare('SELECT day, rep_id, n, meeting, call, email, social FROM activity_days WHERE n > 0 ORDER BY 1, 2').all()

describe('a streamed activities import', () => {
  it('says while it builds the indexes of a first bulk load which one of how many, then that it is finishing', async () => {
    const indexes = sqlite().prepare("SELECT count(*) FROM sqlite_master WHERE type = 'index' AND tbl_name = 'activities' AND sql IS NOT NULL").pluck().get() as number
    expect(indexes).toBeGreaterThan(3)
    const seen: Progress[] = []
    // 110,000 rows, about 9 MB: past the size at which an empty table's indexes are set aside and built once at the end.
    await importActivities(110_000, undefined, (p) => seen.push({ ...p }))
    const phases = seen.map((p) => p.phase).filter((phase, i, all) => phase !== all[i - 1])
    expect(phases).toEqual(['backup', 'writing', 'finishing', 'indexing', 'finishing'])
    const steps = seen.filter((p) => p.phase === 'indexing').map((p) => p.step)
    expect(steps).toEqual(Array.from({ length: indexes }, (_, done) => ({ done, total: indexes })))
    expect(seen.filter((p) => p.phase !== 'indexing').every((p) => p.step === null)).toBe(true)
    expect(seen.at(-1)).toMatchObject({ phase: 'finishing', rowsDone: 110_000 })
  })

  it("stores exactly the rows the bench's SQLite-only floor inserts, so the two rates compare the same work", async () => {
    await importActivities(3000)
    const stored = sqlite().prepare('SELECT rep_id, kind, direction, occurred_at, subject, outcome, deal_id, account_id FROM activities ORDER BY id').raw().all()
    expect(stored).toHaveLength(3000)
    expect(stored).toEqual(Array.from({ length: 3000 }, (_, i) => activityRowValues(i, world)))
  })

  it('leaves foreign keys on, the day trigger as it was and no dangling reference', async () => {
    const before = triggerSql()
    expect(before).toMatch(/activity_days_mark/)
    const result = await importActivities(3000)
    expect(result.activitiesCreated).toBe(3000)
    expect(sqlite().pragma('foreign_keys', { simple: true })).toBe(1)
    expect(triggerSql()).toBe(before)
    expect(sqlite().pragma('foreign_key_check')).toEqual([])
  })

  it('leaves every deal it touched with the evidence a recompute gives, and deal_evidence with all its indexes', async () => {
    const indexes = () => sqlite().prepare("SELECT name, sql FROM sqlite_master WHERE type = 'index' AND tbl_name = 'deal_evidence' ORDER BY name").all()
    const before = indexes()
    expect(before.length).toBeGreaterThan(3)
    // 40 rows fall on 32 of the 120 deals: over a quarter, so deal_evidence's indexes were set aside and rebuilt.
    await importActivities(40)
    const evidence = () => sqlite().prepare('SELECT * FROM deal_evidence ORDER BY deal_id').all()
    const after = evidence()
    expect(after.length).toBe(32)
    sqlite().exec('SAVEPOINT check_all')
    recomputeEvidence(sqlite(), sqlite().prepare('SELECT deal_id FROM deal_evidence').pluck().all() as number[], '2026-11-23')
    expect(after).toEqual(evidence())
    sqlite().exec('ROLLBACK TO check_all; RELEASE check_all')
    expect(indexes()).toEqual(before)
  })

  it('touching most deals, recomputes each of them: every one with the evidence a recompute gives', async () => {
    // The file's activities fall on 96 of the 120 deals.
    await importActivities(3000)
    const evidence = () => sqlite().prepare('SELECT * FROM deal_evidence ORDER BY deal_id').all()
    const after = evidence()
    expect(after.length).toBe(96)
    sqlite().exec('SAVEPOINT check_all')
    recomputeEvidence(sqlite(), sqlite().prepare('SELECT deal_id FROM deal_evidence').pluck().all() as number[], '2026-11-23')
    expect(after).toEqual(evidence())
    sqlite().exec('ROLLBACK TO check_all; RELEASE check_all')
  })

  it('cancelled part-way, leaves foreign keys on, the trigger in place and no activity', async () => {
    const before = triggerSql()
    let slices = 0
    await expect(importActivities(9000, () => ++slices > 2)).rejects.toBeInstanceOf(ImportCancelled)
    expect(sqlite().pragma('foreign_keys', { simple: true })).toBe(1)
    expect(triggerSql()).toBe(before)
    expect(sqlite().prepare('SELECT count(*) FROM activities').pluck().get()).toBe(0)
  })

  it('counts every activity once in activity_days, above the fold mark and below it', async () => {
    await importActivities(500)
    foldNewActivities(sqlite())
    expect(counted()).toEqual(countedFresh())
    // Rows above the mark deleted: the next import reuses their ids, which the trigger must count as they arrive.
    sqlite().exec('DELETE FROM activities WHERE id > 200')
    expect(counted()).toEqual(countedFresh())
    await importActivities(800)
    foldNewActivities(sqlite())
    expect(counted()).toEqual(countedFresh())
    // And the plain case: every new id above the mark.
    await importActivities(300)
    foldNewActivities(sqlite())
    expect(counted()).toEqual(countedFresh())
  })
})

describe("a rep's Connections.csv", () => {
  async function importConnections(name: string, rows: [string, string, string][]) {
    const path = join(files.dir, name)
    const body = rows.map(([first, last, company]) => `${first},${last},,,${company},Buyer,27 Jun 2026`).join('\n')
    writeFileSync(path, `First Name,Last Name,URL,Email Address,Company,Position,Connected On\n${body}\n`)
    const request = { source: fileSource(path, name), read: {}, repId: 1 }
    const prepared = await prepareImport(request)
    return runImport(sqlite(), prepared, request, { now: '2026-11-23T09:00:00Z', today: '2026-11-23', backup: async () => 'none (test)' })
  }
  const stored = () => sqlite().prepare('SELECT person_name, company_name FROM connections ORDER BY id').raw().all()

  it('keeps two people whose keys share a hash apart, and a re-import updates each of them', async () => {
    // Brute force two different names with the same 30-bit hash: a collision the index must resolve by the names.
    const seen = new Map<number, string>()
    let pair: [string, string] | null = null
    for (let i = 0; pair === null; i++) {
      const h = connectionHash(`Person ${i}`, 'Acme')
      const other = seen.get(h)
      if (other !== undefined) pair = [other, `Person ${i}`]
      else seen.set(h, `Person ${i}`)
    }
    const rows = pair.map((p): [string, string, string] => ['Person', p.slice('Person '.length), 'Acme'])
    expect(await importConnections('Connections.csv', rows)).toMatchObject({ connectionsCreated: 2, connectionsUpdated: 0 })
    expect(await importConnections('Connections.csv', rows)).toMatchObject({ connectionsCreated: 0, connectionsUpdated: 2 })
    expect(stored()).toEqual([[pair[0], 'Acme'], [pair[1], 'Acme']])
  })

  it('stores a long file in first-seen order with each person once, repeats in and across write groups updating them', async () => {
    // 130 rows over 97 people: repeats 50 rows apart (another group) and 3 apart (the same group).
    const person = (i: number) => (i >= 100 ? i - 100 : i % 10 === 3 && i > 3 && i < 40 ? i - 3 : i)
    const rows = Array.from({ length: 130 }, (_, i): [string, string, string] => ['Pat', `Person${person(i)}`, `Acme ${person(i) % 7}`])
    const firstSeen = [...new Map(rows.map((r) => [r[1], [`${r[0]} ${r[1]}`, r[2]]])).values()]
    const result = await importConnections('Connections.csv', rows)
    expect(result).toMatchObject({ connectionsCreated: firstSeen.length, connectionsUpdated: 130 - firstSeen.length })
    expect(stored()).toEqual(firstSeen)
    expect(await importConnections('Connections.csv', rows)).toMatchObject({ connectionsCreated: 0, connectionsUpdated: 130 })
    expect(stored()).toEqual(firstSeen)
  })

  it('treats the same person and company in another case as one connection', async () => {
    const result = await importConnections('Connections.csv', [['Ann', 'Lee', 'Acme Inc.'], ['ANN', 'LEE', 'ACME INC.'], ['Ann', 'Lee', 'Globex'], ['Zoë', 'Ärzt', 'Acme'], ['ZOË', 'ÄRZT', 'acme']])
    expect(result).toMatchObject({ connectionsCreated: 3, connectionsUpdated: 2 })
    expect(stored()).toEqual([['Ann Lee', 'Acme Inc.'], ['Ann Lee', 'Globex'], ['Zoë Ärzt', 'Acme']])
  })
})

describe('connections imported into a demo workspace', () => {
  it('leave every deal with the evidence a recompute of every deal gives, moves between companies included', async () => {
    const demo = makeWorkspace({ demo: 'small' })
    try {
      const db = demo.store.sqlite
      const today = NOW.slice(0, 10)
      const rep = db.prepare('SELECT id, team_id FROM reps WHERE team_id IS NOT NULL ORDER BY id LIMIT 1').get() as { id: number; team_id: number }
      // Accounts where the rep's team owns deals: the ones whose evidence the connections move.
      const accounts = db
        .prepare('SELECT DISTINCT a.name FROM accounts a JOIN deals d ON d.account_id = a.id JOIN reps o ON o.id = d.owner_id WHERE o.team_id = ? ORDER BY a.id')
        .pluck()
        .all(rep.team_id) as string[]
      expect(accounts.length).toBeGreaterThanOrEqual(16)
      const write = async (rows: string[]) => {
        const path = join(files.dir, 'Connections.csv')
        writeFileSync(path, `First Name,Last Name,URL,Email Address,Company,Position,Connected On\n${rows.join('\n')}\n`)
        const request = { source: fileSource(path, 'Connections.csv'), read: {}, repId: rep.id }
        const prepared = await prepareImport(request)
        return runImport(db, prepared, request, { now: NOW, today, backup: async () => 'none (test)' })
      }
      const evidence = () => db.prepare('SELECT * FROM deal_evidence ORDER BY deal_id').all()
      const everyDealRecomputed = () => {
        db.exec('SAVEPOINT check_all')
        recomputeEvidence(db, db.prepare('SELECT id FROM deals').pluck().all() as number[], today)
        const all = evidence()
        db.exec('ROLLBACK TO check_all; RELEASE check_all')
        return all
      }
      // Bring every row to today first, so the comparison is about the import alone.
      recomputeEvidence(db, db.prepare('SELECT id FROM deals').pluck().all() as number[], today)
      // Written with a legal suffix the accounts lack: each matches its account past the suffix.
      const file = accounts.slice(0, 8).map((a, i) => `Pat,Person${i},,,"${a} Ltd",Buyer,27 Jun 2026`)
      const first = await write(file)
      expect(first.connectionsCreated).toBe(8)
      expect(evidence()).toEqual(everyDealRecomputed())
      // Accounts named exactly as the file writes four of them: re-imported, those four connections move there,
      // and the accounts they leave count them no more.
      const addAccount = db.prepare('INSERT INTO accounts (name, name_key) VALUES (?, ?)')
      for (const a of accounts.slice(0, 4)) addAccount.run(`${a} Ltd`, accountNameKey(`${a} Ltd`))
      const again = await write(file)
      expect(again).toMatchObject({ connectionsCreated: 0, connectionsUpdated: 8 })
      expect(db.prepare('SELECT count(*) FROM connections c JOIN accounts a ON a.id = c.account_id WHERE c.rep_id = ? AND a.name LIKE ?').pluck().get(rep.id, '% Ltd')).toBe(4)
      expect(evidence()).toEqual(everyDealRecomputed())
      // The same people at other companies are other connections: their new accounts gain them.
      await write(accounts.slice(0, 8).map((_, i) => `Pat,Person${i},,,"${accounts[i + 8]}",Buyer,27 Jun 2026`))
      expect(evidence()).toEqual(everyDealRecomputed())
    } finally {
      demo.store.close()
      demo.dispose()
    }
  })
})
