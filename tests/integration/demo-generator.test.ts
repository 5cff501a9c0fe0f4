// The seeded demo organisation: the same for a seed and a day, sound, at the stated scale, with the seeds' problem cases in it.
import { createHash } from 'node:crypto'
import type Database from 'better-sqlite3'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { DAY_MS, isoSecond } from '../../src/shared/dates'
import { DEMO_SCALES, DEMO_SEED, generateDemo, type DemoCounts } from '../../src/main/demo/generate'
import { TODAY, clock, makeWorkspace, type TempWorkspace } from '../support/workspace'

const worlds: TempWorkspace[] = []
afterAll(() => worlds.splice(0).forEach((w) => w.dispose()))

function world(): TempWorkspace {
  const ws = makeWorkspace()
  worlds.push(ws)
  return ws
}

function tableHash(sqlite: Database.Database, table: string): string {
  const rows = sqlite.prepare(`SELECT * FROM ${table} ORDER BY 1, 2`).raw().all()
  return createHash('sha256').update(JSON.stringify(rows)).digest('hex')
}

const one = (sqlite: Database.Database, sql: string, ...params: unknown[]) => sqlite.prepare(sql).pluck().get(...params) as number

describe.each(['small', 'standard'] as const)('the %s demo workspace', (scale) => {
  let first: TempWorkspace
  let counts: DemoCounts
  beforeAll(() => {
    first = world()
    counts = generateDemo(first.store.sqlite, { scale, today: clock.now() })
  })

  it('is identical when built again from the same seed and day', () => {
    const again = world()
    generateDemo(again.store.sqlite, { scale, today: clock.now() })
    for (const table of ['deals', 'activities', 'contacts', 'qualification_criteria']) {
      expect(tableHash(again.store.sqlite, table), table).toBe(tableHash(first.store.sqlite, table))
    }
  })

  it('differs for another seed, so the comparison above can tell', () => {
    const other = world()
    generateDemo(other.store.sqlite, { scale, today: clock.now(), seed: DEMO_SEED + 1 })
    expect(tableHash(other.store.sqlite, 'deals')).not.toBe(tableHash(first.store.sqlite, 'deals'))
  })

  it('breaks no foreign key and passes the integrity check', () => {
    expect(first.store.sqlite.pragma('foreign_key_check')).toEqual([])
    expect(first.store.sqlite.pragma('integrity_check', { simple: true })).toBe('ok')
  })

  it('puts back every trigger it set aside for the load, having written what they would have', () => {
    const sqlite = first.store.sqlite
    const fresh = world()
    const names = (db: Database.Database) => db.prepare("SELECT name, sql FROM sqlite_master WHERE type = 'trigger' ORDER BY name").all()
    expect(names(sqlite)).toEqual(names(fresh.store.sqlite))
    // deals_amount_history_insert: one opening row per deal, on the day it was created.
    expect(
      one(
        sqlite,
        `SELECT count(*) FROM deals d JOIN deal_amount_history h ON h.deal_id = d.id AND h.previous_amount_minor IS NULL
         AND h.amount_minor = d.amount_minor AND h.changed_at = d.created_date || 'T00:00:00Z'`
      )
    ).toBe(counts.deals)
    expect(one(sqlite, 'SELECT count(*) FROM deal_amount_history WHERE previous_amount_minor IS NULL')).toBe(counts.deals)
  })

  it('leaves foreign keys switched on for the connection that built it', () => {
    expect(first.store.sqlite.pragma('foreign_keys', { simple: true })).toBe(1)
  })

  it('reports the counts that are in the tables', () => {
    const sqlite = first.store.sqlite
    expect(counts).toEqual({
      teams: one(sqlite, 'SELECT count(*) FROM teams'),
      reps: one(sqlite, 'SELECT count(*) FROM reps'),
      accounts: one(sqlite, 'SELECT count(*) FROM accounts'),
      contacts: one(sqlite, 'SELECT count(*) FROM contacts'),
      deals: one(sqlite, 'SELECT count(*) FROM deals'),
      activities: one(sqlite, 'SELECT count(*) FROM activities'),
      connections: one(sqlite, 'SELECT count(*) FROM connections')
    })
  })

  it('has the stated numbers of teams, reps, accounts, tier-one accounts, deals and activities', () => {
    const sqlite = first.store.sqlite
    const size = DEMO_SCALES[scale]
    expect(one(sqlite, 'SELECT count(*) FROM teams')).toBe(size.teams)
    expect(one(sqlite, 'SELECT count(*) FROM reps')).toBe(size.reps)
    expect(one(sqlite, 'SELECT count(*) FROM accounts')).toBe(size.accounts)
    expect(one(sqlite, 'SELECT count(*) FROM accounts WHERE tier = 1')).toBe(size.tierOne)
    expect(one(sqlite, 'SELECT count(*) FROM deals')).toBe(size.deals)
    const activities = one(sqlite, 'SELECT count(*) FROM activities')
    expect(Math.abs(activities - size.activities)).toBeLessThanOrEqual(size.activities * 0.02)
  })

  it('dates nothing after the day it was built for', () => {
    const endOfToday = `${TODAY}T23:59:59Z`
    expect(one(first.store.sqlite, 'SELECT count(*) FROM activities WHERE occurred_at > ?', endOfToday)).toBe(0)
    expect(one(first.store.sqlite, 'SELECT count(*) FROM deals WHERE closed_date > ?', TODAY)).toBe(0)
  })
})

describe('the standard demo workspace, as the scale the app ships', () => {
  let ws: TempWorkspace
  beforeAll(() => {
    ws = world()
    generateDemo(ws.store.sqlite, { scale: 'standard', today: clock.now() })
  })

  it('matches the brief: 3 teams, 24 reps, 300 accounts of which 40 tier one, 1,500 deals, about 30,000 activities', () => {
    const sqlite = ws.store.sqlite
    expect(one(sqlite, 'SELECT count(*) FROM teams')).toBe(3)
    expect(one(sqlite, 'SELECT count(*) FROM reps')).toBe(24)
    expect(one(sqlite, 'SELECT count(*) FROM accounts')).toBe(300)
    expect(one(sqlite, 'SELECT count(*) FROM accounts WHERE tier = 1')).toBe(40)
    expect(one(sqlite, 'SELECT count(*) FROM deals')).toBe(1500)
    expect(one(sqlite, 'SELECT count(*) FROM activities')).toBeGreaterThanOrEqual(29_400)
    expect(one(sqlite, 'SELECT count(*) FROM activities')).toBeLessThanOrEqual(30_600)
  })

  it('has open commit and best-case deals with no activity in the last 14 days, beside evidence-backed ones', () => {
    const since = isoSecond(new Date(clock.now().getTime() - 14 * DAY_MS))
    const forecast = `d.status = 'open' AND d.forecast_category IN ('commit', 'best_case')`
    const recent = `EXISTS (SELECT 1 FROM activities a WHERE a.deal_id = d.id AND a.occurred_at >= ?)`
    const silent = one(ws.store.sqlite, `SELECT count(*) FROM deals d WHERE ${forecast} AND NOT ${recent}`, since)
    const backed = one(ws.store.sqlite, `SELECT count(*) FROM deals d WHERE ${forecast} AND ${recent}`, since)
    expect(silent).toBeGreaterThan(0)
    expect(backed).toBeGreaterThan(silent)
  })

  it('has accounts with no contacts at all, tier-one ones among them', () => {
    const none = `NOT EXISTS (SELECT 1 FROM contacts c WHERE c.account_id = a.id)`
    expect(one(ws.store.sqlite, `SELECT count(*) FROM accounts a WHERE ${none}`)).toBeGreaterThan(0)
    expect(one(ws.store.sqlite, `SELECT count(*) FROM accounts a WHERE a.tier = 1 AND ${none}`)).toBeGreaterThan(0)
  })

  it('has single-threaded deals (exactly one contact) beside multi-threaded ones', () => {
    const byContacts = (op: string) =>
      one(ws.store.sqlite, `SELECT count(*) FROM (SELECT deal_id FROM deal_contacts GROUP BY deal_id HAVING count(*) ${op})`)
    expect(byContacts('= 1')).toBeGreaterThan(0)
    expect(byContacts('>= 2')).toBeGreaterThan(0)
  })

  it('has open deals missing exactly one qualification criterion (1 × 1 × 1 × 0 = 0) beside fully qualified ones', () => {
    const byUnmet = (op: string) =>
      one(
        ws.store.sqlite,
        `SELECT count(*) FROM (
           SELECT q.deal_id FROM qualification_criteria q JOIN deals d ON d.id = q.deal_id
           WHERE d.status = 'open' GROUP BY q.deal_id HAVING sum(q.met = 0) ${op})`
      )
    expect(byUnmet('= 1')).toBeGreaterThan(0)
    expect(byUnmet('= 0')).toBeGreaterThan(byUnmet('= 1'))
  })

  it('refuses to fill a workspace twice and leaves the first fill whole', () => {
    const before = tableHash(ws.store.sqlite, 'deals')
    const activities = one(ws.store.sqlite, 'SELECT count(*) FROM activities')
    const indexes = () => ws.store.sqlite.prepare("SELECT name FROM sqlite_master WHERE type = 'index' ORDER BY name").pluck().all()
    const indexesBefore = indexes()
    expect(() => generateDemo(ws.store.sqlite, { scale: 'small', today: clock.now() })).toThrow()
    expect(tableHash(ws.store.sqlite, 'deals')).toBe(before)
    expect(one(ws.store.sqlite, 'SELECT count(*) FROM activities')).toBe(activities)
    expect(ws.store.sqlite.pragma('foreign_keys', { simple: true })).toBe(1)
    expect(ws.store.sqlite.inTransaction).toBe(false)
    // The generator drops indexes for its bulk load: a failed fill must not leave them dropped.
    expect(indexes()).toEqual(indexesBefore)
  })
})
