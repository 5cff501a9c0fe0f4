// The recruiting rules on tables of cases: no rating is never a zero, disagreement, the warning, the funnel.
import { describe, expect, it } from 'vitest'
import {
  behaviourWarning,
  funnelSteps,
  furthestStage,
  median,
  panelScore,
  stageDurations
} from '../../src/main/services/recruiting/scorecard-rules'

describe('panelScore', () => {
  it.each([
    { ratings: [3, 3, 4], mean: 3.33, spread: 1, rated: 3, unrated: 0, disagreement: false },
    { ratings: [4, null, 2], mean: 3, spread: 2, rated: 2, unrated: 1, disagreement: true },
    { ratings: [1, 4], mean: 2.5, spread: 3, rated: 2, unrated: 0, disagreement: true },
    { ratings: [null, null], mean: null, spread: null, rated: 0, unrated: 2, disagreement: false },
    { ratings: [], mean: null, spread: null, rated: 0, unrated: 0, disagreement: false },
    { ratings: [2, null], mean: 2, spread: 0, rated: 1, unrated: 1, disagreement: false }
  ])('$ratings → mean $mean, spread $spread', ({ ratings, ...expected }) => {
    expect(panelScore(ratings)).toEqual(expected)
  })

  it('an unrated answer never pulls the mean toward zero', () => {
    expect(panelScore([4, null, null, null]).mean).toBe(4)
  })
})

const strong = [
  { year: 2024, attainmentPct: 95 },
  { year: 2025, attainmentPct: 150 }
]
const good = { team_selling: 3, sales_technology: 3.5, sales_methodology: 3, best_practices: 2.5, knowledge_sharing: 4 }

describe('behaviourWarning', () => {
  it.each([
    { name: 'strong record, good answers: no warning', record: strong, means: good, cards: 2, weak: null, missing: null },
    { name: 'strong record, one weak answer', record: strong, means: { ...good, team_selling: 1.5 }, cards: 2, weak: ['team_selling'], missing: [] },
    { name: 'strong record, one question never rated', record: strong, means: { ...good, knowledge_sharing: null }, cards: 1, weak: [], missing: ['knowledge_sharing'] },
    { name: 'strong record, not interviewed yet: nothing to warn about', record: strong, means: {}, cards: 0, weak: null, missing: null },
    { name: 'ordinary record, weak answers: not this warning', record: [{ year: 2025, attainmentPct: 101 }], means: { ...good, team_selling: 1 }, cards: 2, weak: null, missing: null },
    { name: 'strong years long ago do not count when the latest is ordinary', record: [{ year: 2023, attainmentPct: 180 }, { year: 2025, attainmentPct: 90 }], means: { team_selling: 1 }, cards: 1, weak: null, missing: null },
    { name: 'latest known year counts when the newest year has no figure', record: [{ year: 2024, attainmentPct: 130 }, { year: 2025, attainmentPct: null }], means: { ...good, sales_methodology: 2 }, cards: 1, weak: ['sales_methodology'], missing: [] },
    { name: 'exactly 120 % is strong; a mean of exactly 2.5 is not weak', record: [{ year: 2025, attainmentPct: 120 }], means: good, cards: 3, weak: null, missing: null }
  ])('$name', ({ record, means, cards, weak, missing }) => {
    const w = behaviourWarning(record, means, cards)
    if (weak === null) expect(w).toBeNull()
    else {
      expect(w?.weak).toEqual(weak)
      expect(w?.missing).toEqual(missing)
      expect(w?.message).toMatch(/% of quota/)
    }
  })
})

describe('funnel', () => {
  it('furthestStage reads the forward path and ignores exits', () => {
    expect(furthestStage(['sourced', 'screening', 'rejected'])).toBe(1)
    expect(furthestStage(['sourced', 'screening', 'interviews', 'reference_check', 'offer', 'hired'])).toBe(5)
    expect(furthestStage(['withdrawn'])).toBe(-1)
  })

  it('pass-through is the share of a stage that reached the next', () => {
    // 10 sourced, 6 screened, 4 interviewed, 2 to references, 2 offers, 1 hire.
    const furthest = [0, 0, 0, 0, 1, 1, 2, 2, 4, 5]
    expect(funnelSteps(furthest).map((s) => [s.stage, s.reached, s.passThrough])).toEqual([
      ['sourced', 10, 0.6],
      ['screening', 6, 0.667],
      ['interviews', 4, 0.5],
      ['reference_check', 2, 1],
      ['offer', 2, 0.5],
      ['hired', 1, null]
    ])
  })

  it('a stage nobody reached has no pass-through rather than a zero', () => {
    expect(funnelSteps([0]).map((s) => s.passThrough)).toEqual([0, null, null, null, null, null])
    expect(funnelSteps([]).every((s) => s.reached === 0 && s.passThrough === null)).toBe(true)
  })
})

describe('stageDurations', () => {
  it('times each stage to the next entry, and the open one to now', () => {
    const d = stageDurations(
      [
        { stage: 'sourced', enteredAt: '2026-11-01T09:00:00Z' },
        { stage: 'screening', enteredAt: '2026-11-04T09:00:00Z' }
      ],
      '2026-11-23T09:00:00Z'
    )
    expect(d).toEqual([
      { stage: 'sourced', days: 3, current: false },
      { stage: 'screening', days: 19, current: true }
    ])
  })

  it('a closed-out candidate has no running stage', () => {
    const d = stageDurations(
      [
        { stage: 'offer', enteredAt: '2026-11-01T00:00:00Z' },
        { stage: 'hired', enteredAt: '2026-11-02T00:00:00Z' }
      ],
      '2026-11-23T00:00:00Z'
    )
    expect(d).toEqual([{ stage: 'offer', days: 1, current: false }])
  })

  it('median of an even list is the middle pair’s mean', () => {
    expect(median([1, 9, 3, 5])).toBe(4)
    expect(median([])).toBeNull()
  })
})
