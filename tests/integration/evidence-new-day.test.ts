// The daily pass on a real demo workspace: opening it a day, a fortnight or two months later leaves every open
// deal's evidence exactly as a full recompute for that day would, while closed deals are left as they were. New
// thresholds take the same path: the rules run again over stored facts, and must agree with a full recompute.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { addDays } from '../../src/shared/dates'
import { contract } from '../../src/shared/contract'
import { DEFAULT_THRESHOLDS, type Thresholds } from '../../src/shared/inspection'
import { AS_OF_KEY, ensureEvidenceFresh, refreshAllEvidence } from '../../src/main/services/pipeline/evidence'
import { setThresholds } from '../../src/main/services/pipeline/inspection'
import { makeWorkspace, TODAY, type TempWorkspace } from '../support/workspace'

let ws: TempWorkspace
beforeAll(() => {
  ws = makeWorkspace({ demo: 'standard' })
})
afterAll(() => {
  ws.store.close()
  ws.dispose()
})

/** Open (1) or closed (0) deals' evidence as the rules left it, without the stamp of the day each row was last written. */
const evidence = (open: 0 | 1) =>
  ws.store.sqlite
    .prepare('SELECT * FROM deal_evidence WHERE is_open = ? ORDER BY deal_id')
    .all(open)
    .map((row) => {
      const { computed_as_of: _stamp, ...rest } = row as Record<string, unknown>
      return rest
    })

const asOf = () => JSON.parse(ws.store.sqlite.prepare('SELECT value FROM settings WHERE key = ?').pluck().get(AS_OF_KEY) as string) as string

describe('the first read of a new day', () => {
  it.each([1, 15, 61])('%i day(s) later gives every open deal the evidence a full recompute gives, and leaves closed deals alone', (days) => {
    const sqlite = ws.store.sqlite
    const day = addDays(TODAY, days)
    refreshAllEvidence(sqlite, TODAY)
    const before = evidence(1)
    const closedBefore = evidence(0)
    expect(before.length).toBeGreaterThan(100)
    expect(closedBefore.length).toBeGreaterThan(100)

    sqlite.exec('SAVEPOINT daily')
    ensureEvidenceFresh(sqlite, day)
    const daily = evidence(1)
    // Closed deals carry no flags that age: the daily pass does not read them again.
    expect(evidence(0)).toEqual(closedBefore)
    expect(asOf()).toBe(day)
    sqlite.exec('ROLLBACK TO daily')
    sqlite.exec('RELEASE daily')

    refreshAllEvidence(sqlite, day)
    const full = evidence(1)
    expect(daily).toEqual(full)
    // The calendar moved something: a test of a pass that changes nothing would prove nothing.
    const changed = full.filter((row, i) => JSON.stringify(row) !== JSON.stringify(before[i])).length
    expect(changed).toBeGreaterThan(0)
  })

  it('does nothing when the workspace was already brought up to that day', () => {
    const sqlite = ws.store.sqlite
    refreshAllEvidence(sqlite, TODAY)
    const rows = sqlite.prepare('SELECT * FROM deal_evidence ORDER BY deal_id').all()
    ensureEvidenceFresh(sqlite, TODAY)
    expect(sqlite.prepare('SELECT * FROM deal_evidence ORDER BY deal_id').all()).toEqual(rows)
  })
})

describe('new thresholds', () => {
  const apply = (t: Thresholds) => setThresholds(ws.store, contract['settings.setThresholds'].input.parse(t) as Thresholds, TODAY)

  it.each<[string, Partial<Thresholds>, boolean]>([
    ['a shorter no-evidence limit and stricter stall and slip rules', { noEvidenceDays: 5, stalledMultiple: 1.1, slippingPushes: 1, goneQuietDays: 7 }, false],
    ['a per-stage limit and a looser single-threading rule', { noEvidenceDaysByStage: { negotiation: 3, proposal: 60 }, singleThreadedMax: 3 }, false],
    ['a wider engaged window, which moves the calendar facts of closed deals too', { engagedWindowDays: 90 }, true]
  ])('%s: every deal as a full recompute with them gives', (_, change, closedMove) => {
    const sqlite = ws.store.sqlite
    apply(DEFAULT_THRESHOLDS)
    refreshAllEvidence(sqlite, TODAY)
    const openBefore = evidence(1)
    const closedBefore = evidence(0)

    sqlite.exec('SAVEPOINT thresholds')
    apply({ ...DEFAULT_THRESHOLDS, ...change })
    const open = evidence(1)
    const closed = evidence(0)
    refreshAllEvidence(sqlite, TODAY)
    expect(open).toEqual(evidence(1))
    expect(closed).toEqual(evidence(0))
    sqlite.exec('ROLLBACK TO thresholds')
    sqlite.exec('RELEASE thresholds')

    const changed = open.filter((row, i) => JSON.stringify(row) !== JSON.stringify(openBefore[i])).length
    expect(changed).toBeGreaterThan(0)
    expect(JSON.stringify(closed) !== JSON.stringify(closedBefore)).toBe(closedMove)
  })
})
