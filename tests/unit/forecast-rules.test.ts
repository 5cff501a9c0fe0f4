// Forecast and productivity rules, case by case: accuracy, spread, conversion, win rate, turnover, confidence, periods.
import { describe, expect, it } from 'vitest'
import {
  forecastAccuracy,
  funnelConfidence,
  periodContaining,
  spreadOf,
  stageConversion,
  turnover,
  weekLabel,
  winRate,
  wonPer100
} from '../../src/main/services/forecast/rules'

describe('forecastAccuracy = 1 − |forecast − actual| ÷ actual, floored at 0', () => {
  it.each([
    [100, 100, 1],
    [98, 100, 0.98],
    [102, 100, 0.98],
    [150, 100, 0.5],
    [50, 100, 0.5],
    [200, 100, 0],
    [350, 100, 0],
    [0, 100, 0],
    [0, 0, 1],
    [10, 0, 0]
  ])('forecast %d against actual %d scores %d', (f, a, expected) => {
    expect(forecastAccuracy(f, a)).toBeCloseTo(expected, 10)
  })
})

describe('spreadOf: median and quartiles of cycle lengths', () => {
  it('is all null for nothing', () => {
    expect(spreadOf([])).toEqual({ samples: 0, median: null, p25: null, p75: null, min: null, max: null })
  })
  it.each([
    [[10], 10, 10, 10],
    [[30, 10, 20], 20, 15, 25],
    [[10, 20, 30, 40], 25, 17.5, 32.5]
  ])('%j has median %d, p25 %d, p75 %d', (values, median, p25, p75) => {
    const s = spreadOf(values)
    expect(s.median).toBe(median)
    expect(s.p25).toBe(p25)
    expect(s.p75).toBe(p75)
  })
})

describe('stageConversion from stage history', () => {
  it('a straight path, a skip and a backward move each count once per stage at their furthest reach', () => {
    const rows = stageConversion([
      { stages: ['prospecting', 'qualifying', 'solution'], won: false },
      // skips solution: it passed through it
      { stages: ['prospecting', 'qualifying', 'proposal'], won: false },
      // backwards: proposal → solution → proposal, counted once
      { stages: ['prospecting', 'solution', 'proposal', 'solution', 'proposal'], won: false },
      // won from negotiation
      { stages: ['prospecting', 'negotiation'], won: true }
    ])
    const by = Object.fromEntries(rows.map((r) => [r.stage, [r.reached, r.advanced]]))
    expect(by).toEqual({
      prospecting: [4, 4],
      qualifying: [4, 4],
      solution: [4, 3],
      proposal: [3, 1],
      negotiation: [1, 1]
    })
    expect(rows.find((r) => r.stage === 'solution')!.rate).toBe(0.75)
  })
  it('a stage nobody reached has no rate', () => {
    expect(stageConversion([{ stages: ['prospecting'], won: false }]).find((r) => r.stage === 'negotiation')!.rate).toBeNull()
  })
})

describe('win rate, won per 100 activities, funnel confidence', () => {
  it.each([
    [3, 1, 0.75],
    [0, 4, 0],
    [0, 0, null]
  ])('won %d lost %d → %s', (w, l, r) => expect(winRate(w, l)).toBe(r))
  it('counts deals won per 100 activities', () => {
    expect(wonPer100(3, 150)).toBe(2)
    expect(wonPer100(1, 0)).toBeNull()
  })
  it('is the evidence-backed share of pipeline value', () => {
    expect(funnelConfidence(250, 1000)).toBe(0.25)
    expect(funnelConfidence(0, 0)).toBeNull()
  })
})

describe('turnover = reps who left in the period ÷ average headcount', () => {
  it('averages the headcount on the first and last day', () => {
    const reps = [
      { hireDate: '2025-01-01', leftDate: null },
      { hireDate: '2025-01-01', leftDate: '2026-08-15' },
      { hireDate: '2025-01-01', leftDate: '2026-06-01' }, // left before the period
      { hireDate: '2026-09-01', leftDate: null }, // joined during it
      { hireDate: null, leftDate: null }
    ]
    // start 2026-07-01: reps 1, 2, 5 = 3; end 2026-09-30: reps 1, 4, 5 = 3; one left → 1 / 3
    const t = turnover(reps, '2026-07-01', '2026-09-30')
    expect(t.left).toBe(1)
    expect(t.averageHeadcount).toBe(3)
    expect(t.rate).toBeCloseTo(1 / 3, 10)
  })
  it('has no rate with nobody on the books', () => {
    expect(turnover([], '2026-01-01', '2026-03-31').rate).toBeNull()
  })
})

describe('periods', () => {
  it.each([
    ['2026-11-23', 'quarter', 1, '2026-10-01', '2026-12-31', 'FY26 Q4'],
    ['2026-11-23', 'quarter', 2, '2026-11-01', '2027-01-31', 'FY27 Q4'],
    ['2026-01-15', 'quarter', 2, '2025-11-01', '2026-01-31', 'FY26 Q4'],
    ['2026-02-10', 'quarter', 2, '2026-02-01', '2026-04-30', 'FY27 Q1'],
    ['2026-02-10', 'month', 1, '2026-02-01', '2026-02-28', '2026-02']
  ] as const)('%s as a %s with the year starting in month %d runs %s to %s (%s)', (day, kind, fy, start, end, label) => {
    expect(periodContaining(day, kind, fy)).toEqual({ kind, start, end, label })
  })
  it('labels weeks from the period start', () => {
    expect(weekLabel('2026-10-01', '2026-10-01')).toBe('week 1')
    expect(weekLabel('2026-10-01', '2026-10-29')).toBe('week 5')
  })
})
