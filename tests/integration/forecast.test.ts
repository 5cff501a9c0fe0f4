// Forecast calls, accuracy and the productivity dashboard on a real workspace file, every figure worked out by hand.
import { afterEach, describe, expect, it } from 'vitest'
import { flagBit } from '@shared/inspection'
import { contract, type MethodName, type ParsedInput } from '@shared/contract'
import { makeWorkspace, NOW, TODAY, type TempWorkspace } from '../support/workspace'
import { refreshAllEvidence } from '../../src/main/services/pipeline/evidence'
import { accuracyHistory, closePeriod, forecastGrid, listCalls, recordCall } from '../../src/main/services/forecast/calls'
import { createPeriod, listPeriods, readForecastSettings, setForecastSettings } from '../../src/main/services/forecast/periods'
import { drillDeals } from '../../src/main/services/forecast/drill'
import { productivityDashboard } from '../../src/main/services/forecast/productivity'

let ws: TempWorkspace | null = null
afterEach(() => {
  ws?.dispose()
  ws = null
})

const parse = <K extends MethodName>(method: K, input: unknown): ParsedInput<K> => contract[method].input.parse(input) as ParsedInput<K>

/**
 * Q3 2026 (1 July – 30 September). East: Ada, Ben. West: Cy (left 15 August), Di (joined 1 September).
 * Won in Q3: D1 Ada 100,000 (cycle 40 d), D2 Ada 50,000 (20 d), D3 Ben 200,000 (90 d).
 * Lost in Q3: D4 Ben (pricing), D5 Cy (value and competition).
 * Open: D6 Ada commit 80,000 closing 20 Sep (evidence-backed), D7 Ben commit 40,000 closing 25 Sep (no evidence),
 * D8 Di pipeline 80,000 closing 15 Dec (evidence-backed).
 */
function world(): TempWorkspace {
  const w = makeWorkspace()
  const s = w.store.sqlite
  s.prepare("INSERT INTO teams (id, name, created_at) VALUES (1, 'East', ?), (2, 'West', ?)").run(NOW, NOW)
  const rep = s.prepare('INSERT INTO reps (id, team_id, name, role, hire_date, quota_minor, status, left_date) VALUES (?, ?, ?, ?, ?, ?, ?, ?)')
  rep.run(1, 1, 'Ada', 'ae', '2025-01-01', 1_200_000, 'active', null)
  rep.run(2, 1, 'Ben', 'ae', '2025-01-01', 2_400_000, 'active', null)
  rep.run(3, 2, 'Cy', 'ae', '2025-01-01', 1_200_000, 'left', '2026-08-15')
  rep.run(4, 2, 'Di', 'ae', '2026-09-01', 1_200_000, 'active', null)
  s.prepare("INSERT INTO accounts (id, name, name_key) VALUES (1, 'Acme', 'acme')").run()
  const deal = s.prepare(
    `INSERT INTO deals (id, name, owner_id, account_id, amount_minor, currency, stage, probability, forecast_category, close_date, created_date, closed_date, status, loss_reason, updated_at)
     VALUES (?, ?, ?, 1, ?, 'USD', ?, ?, ?, ?, ?, ?, ?, ?, ?)`
  )
  deal.run(1, 'D1', 1, 100_000, 'negotiation', 100, 'closed', '2026-07-20', '2026-06-10', '2026-07-20', 'won', null, NOW)
  deal.run(2, 'D2', 1, 50_000, 'negotiation', 100, 'closed', '2026-08-30', '2026-08-10', '2026-08-30', 'won', null, NOW)
  deal.run(3, 'D3', 2, 200_000, 'negotiation', 100, 'closed', '2026-09-15', '2026-06-17', '2026-09-15', 'won', null, NOW)
  deal.run(4, 'D4', 2, 30_000, 'solution', 0, 'closed', '2026-09-01', '2026-07-01', '2026-09-01', 'lost', 'pricing', NOW)
  deal.run(5, 'D5', 3, 20_000, 'prospecting', 0, 'closed', '2026-07-10', '2026-05-01', '2026-07-10', 'lost', 'value_and_competition', NOW)
  deal.run(6, 'D6', 1, 80_000, 'proposal', 60, 'commit', '2026-09-20', '2026-07-15', null, 'open', null, NOW)
  deal.run(7, 'D7', 2, 40_000, 'proposal', 60, 'commit', '2026-09-25', '2026-08-15', null, 'open', null, NOW)
  deal.run(8, 'D8', 4, 80_000, 'qualifying', 20, 'pipeline', '2026-12-15', '2026-09-10', null, 'open', null, NOW)
  const stage = s.prepare('INSERT INTO deal_stage_history (deal_id, stage, entered_at) VALUES (?, ?, ?)')
  const history: [number, string, string][] = [
    // D1 skips solution
    [1, 'prospecting', '2026-06-10'], [1, 'qualifying', '2026-07-01'], [1, 'proposal', '2026-07-10'], [1, 'negotiation', '2026-07-15'],
    // D2 starts at qualifying and jumps to negotiation
    [2, 'qualifying', '2026-08-10'], [2, 'negotiation', '2026-08-20'],
    // D3 moves backwards from proposal to solution, then on again
    [3, 'prospecting', '2026-06-17'], [3, 'solution', '2026-07-01'], [3, 'proposal', '2026-08-01'], [3, 'solution', '2026-08-25'],
    [3, 'proposal', '2026-09-01'], [3, 'negotiation', '2026-09-05'],
    // D4 lost after falling back from proposal
    [4, 'prospecting', '2026-07-01'], [4, 'qualifying', '2026-07-05'], [4, 'solution', '2026-07-20'], [4, 'proposal', '2026-08-01'], [4, 'solution', '2026-08-20'],
    [5, 'prospecting', '2026-05-01'],
    [6, 'proposal', '2026-08-01'], [7, 'proposal', '2026-08-20'], [8, 'qualifying', '2026-09-10']
  ]
  for (const [d, st, at] of history) stage.run(d, st, `${at}T09:00:00Z`)
  const act = s.prepare('INSERT INTO activities (rep_id, kind, occurred_at, deal_id) VALUES (?, ?, ?, ?)')
  act.run(1, 'meeting', '2026-07-05T10:00:00Z', 1) // D1 in qualifying, enters proposal 5 days later: advanced it
  act.run(2, 'meeting', '2026-08-20T10:00:00Z', 3) // D3 in proposal, falls back to solution: did not
  act.run(1, 'email', '2026-07-06T10:00:00Z', 1)
  act.run(1, 'email', '2026-08-06T10:00:00Z', 6)
  act.run(1, 'email', '2026-09-06T10:00:00Z', 6)
  act.run(1, 'email', '2026-10-06T10:00:00Z', 6) // after the quarter: not counted
  refreshAllEvidence(s, TODAY)
  // The evidence rows as inspection would leave them for these deals: D6 and D8 backed, D7 with no evidence.
  s.prepare('UPDATE deal_evidence SET flags = 0 WHERE deal_id IN (6, 8)').run()
  s.prepare('UPDATE deal_evidence SET flags = ? WHERE deal_id = 7').run(flagBit('no_evidence'))
  return w
}

function q3(w: TempWorkspace) {
  return createPeriod(w.store.sqlite, parse('forecast.createPeriod', { kind: 'quarter', containing: '2026-08-01' }), NOW)
}

const call = (w: TempWorkspace, input: Record<string, unknown>) => recordCall(w.store, parse('forecast.recordCall', input), TODAY, NOW)

describe('forecast periods and the grid', () => {
  it('a quarter runs from the fiscal quarter start; the grid shows quota share, closed won, commit, calls and the evidence-based figure', () => {
    ws = world()
    const p = q3(ws)
    expect([p.label, p.start, p.end]).toEqual(['FY26 Q3', '2026-07-01', '2026-09-30'])
    call(ws, { periodId: p.id, repId: 1, takenOn: '2026-07-01', repCommitMinor: 100_000, repBestCaseMinor: 120_000, managerCallMinor: 120_000 })
    call(ws, { periodId: p.id, repId: 1, takenOn: '2026-09-02', repCommitMinor: 160_000, repBestCaseMinor: 200_000, managerCallMinor: 140_000 })
    call(ws, { periodId: p.id, teamId: 1, takenOn: '2026-09-02', repCommitMinor: 500_000, repBestCaseMinor: 600_000, managerCallMinor: 360_000 })
    const grid = forecastGrid(ws.store, parse('forecast.grid', { periodId: p.id }), TODAY)
    const ada = grid.rows.find((r) => r.level === 'rep' && r.repId === 1)!
    expect(ada).toMatchObject({
      quotaMinor: 300_000,
      closedWonMinor: 150_000,
      commitMinor: 80_000,
      repCallMinor: 160_000,
      managerCallMinor: 140_000,
      lastCallOn: '2026-09-02',
      evidenceBasedMinor: 230_000, // 150,000 won + 80,000 backed commit
      systemMinor: 198_000 // 150,000 won + 80,000 × 60 %
    })
    const ben = grid.rows.find((r) => r.repId === 2)!
    expect(ben.evidenceBasedMinor).toBe(200_000) // D7's commit has no evidence
    const east = grid.rows.find((r) => r.level === 'team' && r.teamId === 1)!
    expect(east).toMatchObject({ closedWonMinor: 350_000, commitMinor: 120_000, managerCallMinor: 360_000, quotaMinor: 900_000 })
    // Di joined in the quarter and Cy left in it: both are on the grid; the org line sums every rep.
    expect(grid.rows.filter((r) => r.level === 'rep').map((r) => r.name)).toEqual(['Ada', 'Ben', 'Cy', 'Di'])
    expect(grid.rows.at(-1)).toMatchObject({ level: 'org', closedWonMinor: 350_000 })
  })

  it('the accuracy target defaults to 98 %; a fiscal year starting in February moves where quarters begin; an invalid target changes nothing', () => {
    ws = world()
    expect(readForecastSettings(ws.store.sqlite)).toEqual({ accuracyTarget: 0.98, fiscalYearStartMonth: 1 })
    setForecastSettings(ws.store.sqlite, parse('forecast.setSettings', { accuracyTarget: 0.95, fiscalYearStartMonth: 2 }))
    const p = createPeriod(ws.store.sqlite, parse('forecast.createPeriod', { kind: 'quarter', containing: '2026-08-01' }), NOW)
    expect([p.label, p.start, p.end]).toEqual(['FY27 Q3', '2026-08-01', '2026-10-31'])
    expect(() => parse('forecast.setSettings', { accuracyTarget: 1.5, fiscalYearStartMonth: 2 })).toThrow()
    expect(() => parse('forecast.setSettings', { accuracyTarget: 0.9, fiscalYearStartMonth: 13 })).toThrow()
    expect(readForecastSettings(ws.store.sqlite)).toEqual({ accuracyTarget: 0.95, fiscalYearStartMonth: 2 })
  })

  it('a second period over the same days is refused', () => {
    ws = world()
    q3(ws)
    expect(() => createPeriod(ws!.store.sqlite, parse('forecast.createPeriod', { kind: 'quarter', containing: '2026-09-30' }), NOW)).toThrow(/already falls in quarter FY26 Q3/)
    expect(listPeriods(ws.store.sqlite)).toHaveLength(1)
  })
})

describe('closing a period scores every snapshot: accuracy = 1 − |forecast − actual| ÷ actual', () => {
  it('scores several snapshots per rep, the team and the org roll-up against what closed won', () => {
    ws = world()
    const p = q3(ws)
    call(ws, { periodId: p.id, repId: 1, takenOn: '2026-07-01', repCommitMinor: 100_000, repBestCaseMinor: 100_000, managerCallMinor: 120_000 })
    call(ws, { periodId: p.id, repId: 1, takenOn: '2026-07-29', repCommitMinor: 150_000, repBestCaseMinor: 150_000, managerCallMinor: 150_000 })
    call(ws, { periodId: p.id, repId: 1, takenOn: '2026-08-26', repCommitMinor: 160_000, repBestCaseMinor: 160_000, managerCallMinor: 140_000 })
    call(ws, { periodId: p.id, repId: 2, takenOn: '2026-08-26', repCommitMinor: 400_000, repBestCaseMinor: 400_000, managerCallMinor: 210_000 })
    call(ws, { periodId: p.id, repId: 3, takenOn: '2026-07-08', repCommitMinor: 10_000, repBestCaseMinor: 10_000, managerCallMinor: 0 })
    call(ws, { periodId: p.id, teamId: 1, takenOn: '2026-08-26', repCommitMinor: 560_000, repBestCaseMinor: 560_000, managerCallMinor: 355_000 })
    const result = closePeriod(ws.store, parse('forecast.close', { periodId: p.id }), TODAY, NOW)
    expect(result.period.closedWonMinor).toBe(350_000)
    expect(result.accuracyTarget).toBe(0.98)
    expect(result.snapshots).toBe(6)

    const ada = listCalls(ws.store, parse('forecast.calls', { periodId: p.id, repId: 1 })).rows
    expect(ada.map((c) => c.label)).toEqual(['week 1', 'week 5', 'week 9'])
    expect(ada.map((c) => c.actualMinor)).toEqual([150_000, 150_000, 150_000])
    expect(ada[0]!.repAccuracy).toBeCloseTo(1 - 50 / 150, 10)
    expect(ada[0]!.managerAccuracy).toBeCloseTo(0.8, 10)
    expect(ada[1]!.repAccuracy).toBe(1)
    expect(ada[2]!.repAccuracy).toBeCloseTo(1 - 10 / 150, 10)
    // Evidence-based was captured when the call was recorded: 150,000 won + 80,000 backed commit.
    expect(ada[2]!.evidenceAccuracy).toBeCloseTo(1 - 80 / 150, 10)

    const byName = new Map(result.rows.map((r) => [r.name, r]))
    expect(byName.get('Ben')!.repAccuracy).toBe(0) // called twice what closed: a 100 % miss
    expect(byName.get('Ben')!.managerAccuracy).toBeCloseTo(0.95, 10)
    expect(byName.get('Cy')!.repAccuracy).toBe(0) // nothing closed and 10,000 called
    expect(byName.get('Cy')!.managerAccuracy).toBe(1) // nothing closed and nothing called
    expect(byName.get('East')!.managerAccuracy).toBeCloseTo(1 - 5 / 350, 10) // 98.6 %: on the 98 % target
    expect(byName.get('East')!.onTarget).toBe(true)
    expect(byName.get('Ben')!.onTarget).toBe(false)
    // Org roll-up of the last rep calls: 160k + 400k + 10k = 570k against 350k.
    expect(byName.get('All reps')!.repAccuracy).toBeCloseTo(1 - 220 / 350, 10)
    expect(byName.get('All reps')!.managerAccuracy).toBe(1) // 140k + 210k + 0 = 350k

    const history = accuracyHistory(ws.store, parse('forecast.accuracyHistory', { repId: 1 }))
    expect(history.points).toHaveLength(1)
    expect(history.points[0]!.repAccuracy).toBeCloseTo(1 - 10 / 150, 10)
    const east = accuracyHistory(ws.store, parse('forecast.accuracyHistory', { teamId: 1 }))
    expect(east.points[0]!.managerAccuracy).toBeCloseTo(1 - 0 / 350, 10) // 140k + 210k
    // Months and quarters are separate series: no month has closed.
    expect(accuracyHistory(ws.store, parse('forecast.accuracyHistory', { kind: 'month' })).points).toEqual([])
  })

  it('invalid writes change nothing: closed twice, a call after closing, an unknown rep, best case below commit, an open period', () => {
    ws = world()
    const p = q3(ws)
    const current = createPeriod(ws.store.sqlite, parse('forecast.createPeriod', { kind: 'quarter', containing: TODAY }), NOW)
    const count = () => (ws!.store.sqlite.prepare('SELECT count(*) AS n FROM forecast_calls').get() as { n: number }).n
    expect(() => call(ws!, { periodId: p.id, repId: 99, takenOn: '2026-07-01', repCommitMinor: 1, repBestCaseMinor: 1, managerCallMinor: 1 })).toThrow(/input\.repId: there is no rep with id 99/)
    expect(() => call(ws!, { periodId: p.id, repId: 1, takenOn: '2026-07-01', repCommitMinor: 10, repBestCaseMinor: 5, managerCallMinor: 1 })).toThrow(/input\.repBestCaseMinor/)
    expect(() => call(ws!, { periodId: p.id, repId: 1, takenOn: '2026-12-01', repCommitMinor: 1, repBestCaseMinor: 1, managerCallMinor: 1 })).toThrow(/input\.takenOn/)
    expect(() => parse('forecast.recordCall', { periodId: p.id, repId: 1, teamId: 1, repCommitMinor: 1, repBestCaseMinor: 1, managerCallMinor: 1 })).toThrow(/either repId or teamId/)
    expect(() => closePeriod(ws!.store, parse('forecast.close', { periodId: current.id }), TODAY, NOW)).toThrow(/can close from the day after/)
    expect(count()).toBe(0)
    closePeriod(ws.store, parse('forecast.close', { periodId: p.id }), TODAY, NOW)
    expect(() => closePeriod(ws!.store, parse('forecast.close', { periodId: p.id }), TODAY, NOW)).toThrow(/already closed/)
    expect(() => call(ws!, { periodId: p.id, repId: 1, takenOn: '2026-07-01', repCommitMinor: 1, repBestCaseMinor: 1, managerCallMinor: 1 })).toThrow(/calls are final/)
    expect(count()).toBe(0)
    expect(listPeriods(ws.store.sqlite).find((x) => x.id === current.id)!.closedAt).toBeNull()
  })
})

describe('the deals behind a number', () => {
  it('drills into closed won, the evidence-based figure and a loss reason, adding up to the grid', () => {
    ws = world()
    const p = q3(ws)
    const won = drillDeals(ws.store, parse('forecast.drill', { periodId: p.id, teamId: 1, column: 'closed_won' }), TODAY)
    expect(won.rows.map((d) => d.name)).toEqual(['D3', 'D1', 'D2'])
    expect(won.total).toBe(3)
    const evidence = drillDeals(ws.store, parse('forecast.drill', { periodId: p.id, repId: 1, column: 'evidence_based' }), TODAY)
    expect(evidence.rows.reduce((s, d) => s + d.amountMinor, 0)).toBe(230_000)
    const pricing = drillDeals(ws.store, parse('forecast.drill', { from: '2026-07-01', to: '2026-09-30', column: 'lost', lossReason: 'pricing' }), TODAY)
    expect(pricing.rows.map((d) => d.name)).toEqual(['D4'])
    expect(() => drillDeals(ws!.store, parse('forecast.drill', { periodId: 999, column: 'commit' }), TODAY)).toThrow(/input\.periodId/)
  })
})

describe('the productivity dashboard for Q3', () => {
  it('computes cycle length, conversion with skipped and backward stages, win rate, turnover, funnel confidence and outcomes', () => {
    ws = world()
    const d = productivityDashboard(ws.store, parse('productivity.dashboard', { from: '2026-07-01', to: '2026-09-30' }), TODAY)
    // Won cycles 40, 20 and 90 days.
    expect(d.cycle).toMatchObject({ samples: 3, median: 40, p25: 30, p75: 65, min: 20, max: 90 })
    // Reached: prospecting 5, qualifying 4, solution 4 (D1 skipped it, D3 counted once), proposal 4, negotiation 3, won 3.
    expect(d.conversion.map((c) => [c.stage, c.reached, c.advanced])).toEqual([
      ['prospecting', 5, 4],
      ['qualifying', 4, 4],
      ['solution', 4, 4],
      ['proposal', 4, 3],
      ['negotiation', 3, 3]
    ])
    expect(d.winRate).toBeCloseTo(3 / 5, 10)
    expect(d.lossReasons.filter((l) => l.deals > 0).map((l) => [l.reason, l.deals])).toEqual([
      ['value_and_competition', 1],
      ['pricing', 1]
    ])
    // Left in Q3: Cy. Headcount 3 on 1 July (Ada, Ben, Cy) and 3 on 30 September (Ada, Ben, Di).
    expect(d.turnover).toEqual({ left: 1, averageHeadcount: 3, rate: 1 / 3 })
    // Open pipeline 80k + 40k + 80k; D7 (40k) has no evidence.
    expect(d.funnelConfidence).toEqual({ rate: 0.8, evidenceBackedMinor: 160_000, totalMinor: 200_000 })
    expect([d.activities, d.meetings, d.advancingMeetings, d.won]).toEqual([5, 2, 1, 3])
    expect(d.wonPer100).toBe(60)
    // Weeks start on Monday: 5 July is a Sunday, so its meeting belongs to the week of 29 June.
    expect(d.weeks.map((w) => [w.weekStart, w.meeting, w.email])).toEqual([
      ['2026-06-29', 1, 0],
      ['2026-07-06', 0, 1],
      ['2026-08-03', 0, 1],
      ['2026-08-17', 1, 0],
      ['2026-08-31', 0, 1]
    ])
    expect(d.reps.map((r) => [r.repName, r.activities, r.meetings, r.won])).toEqual([
      ['Ada', 4, 1, 2],
      ['Ben', 1, 1, 1]
    ])
    expect(d.pipelineCreated.deals).toBe(5) // D2, D4, D6, D7, D8
    const east = productivityDashboard(ws.store, parse('productivity.dashboard', { from: '2026-07-01', to: '2026-09-30', teamId: 1 }), TODAY)
    expect(east.turnover.rate).toBe(0)
    expect(east.winRate).toBeCloseTo(3 / 4, 10)
  })

  it('stays current when activities and stage history change after a first read (activity_days and meeting_advances, schema v9)', () => {
    ws = world()
    const s = ws.store.sqlite
    const input = parse('productivity.dashboard', { from: '2026-07-01', to: '2026-09-30' })
    const before = productivityDashboard(ws.store, input, TODAY)
    expect([before.activities, before.meetings, before.advancingMeetings]).toEqual([5, 2, 1])
    // D3 re-enters negotiation two days after Ben's meeting of 20 August: that meeting now moved it on.
    s.prepare("INSERT INTO deal_stage_history (deal_id, stage, entered_at) VALUES (3, 'negotiation', '2026-08-22T09:00:00Z')").run()
    // Ada's July email is removed; a call moves from Ada to Ben and into September.
    s.prepare("DELETE FROM activities WHERE rep_id = 1 AND kind = 'email' AND occurred_at = '2026-07-06T10:00:00Z'").run()
    s.prepare("INSERT INTO activities (rep_id, kind, occurred_at) VALUES (1, 'call', '2026-07-07T10:00:00Z')").run()
    s.prepare("UPDATE activities SET rep_id = 2, occurred_at = '2026-09-08T10:00:00Z' WHERE kind = 'call'").run()
    const after = productivityDashboard(ws.store, input, TODAY)
    expect([after.activities, after.meetings, after.advancingMeetings]).toEqual([5, 2, 2])
    expect(after.reps.map((r) => [r.repName, r.activities])).toEqual([
      ['Ada', 3],
      ['Ben', 2]
    ])
    expect(after.weeks.map((w) => [w.weekStart, w.call, w.email])).toEqual([
      ['2026-06-29', 0, 0],
      ['2026-08-03', 0, 1],
      ['2026-08-17', 0, 0],
      ['2026-08-31', 0, 1],
      ['2026-09-07', 1, 0]
    ])
    // The remembered rows equal a fresh count straight from activities.
    const counted = () => s.prepare('SELECT day, rep_id, n, meeting, call, email, social FROM activity_days ORDER BY 1, 2').all()
    const fresh = () =>
      s.prepare(
        `SELECT substr(occurred_at, 1, 10) AS day, rep_id, count(*) AS n, sum(kind = 'meeting') AS meeting, sum(kind = 'call') AS call,
           sum(kind = 'email') AS email, sum(kind LIKE 'social%') AS social FROM activities GROUP BY 1, 2 ORDER BY 1, 2`
      ).all()
    expect(counted()).toEqual(fresh())
    // SQLite hands the highest id out again once its row is deleted: the reused id is counted at once, not lost.
    const top = s.prepare('SELECT max(id) FROM activities').pluck().get() as number
    s.prepare('DELETE FROM activities WHERE id = ?').run(top)
    expect(Number(s.prepare("INSERT INTO activities (rep_id, kind, occurred_at) VALUES (2, 'email', '2026-09-09T10:00:00Z')").run().lastInsertRowid)).toBe(top)
    expect(counted()).toEqual(fresh())
    expect(productivityDashboard(ws.store, input, TODAY).reps.map((r) => [r.repName, r.activities])).toEqual([
      ['Ada', 3],
      ['Ben', 2]
    ])
  })

  it('refuses a range that ends before it starts and an unknown team', () => {
    ws = world()
    expect(() => parse('productivity.dashboard', { from: '2026-09-30', to: '2026-07-01' })).toThrow(/from must be on or before to/)
    expect(() => productivityDashboard(ws!.store, parse('productivity.dashboard', { from: '2026-07-01', to: '2026-09-30', teamId: 9 }), TODAY)).toThrow(/input\.teamId/)
  })
})
