// Visibility's pure measures against tables of known answers.
import { describe, expect, it } from 'vitest'
import {
  cadencePerWeek,
  composite,
  dayCounts,
  engagementPerPost,
  estimatedShare,
  longestInvisibleStretch,
  meanOf,
  pillarScores,
  reach,
  visibilityShare,
  windowStart
} from '../../src/main/services/visibility/measures'
import { addDays } from '../../src/shared/dates'

const END = '2026-11-23'
const START = addDays(END, -27)
/** A 28-day window with a public activity on the given 1-based days. */
const onDays = (...days: number[]) => dayCounts({ end: END, days: 28 }, days.map((d) => ({ day: addDays(START, d - 1), n: 1 })))

describe('the window and its calendar', () => {
  it('ends on today and includes it: 28 days back from 2026-11-23 start on 2026-10-27', () => {
    expect(windowStart({ end: END, days: 28 })).toBe('2026-10-27')
    expect(windowStart({ end: END, days: 1 })).toBe(END)
  })

  it('counts activities per day, ignores days outside the window, and adds repeats on one day', () => {
    const counts = dayCounts({ end: END, days: 3 }, [
      { day: '2026-11-21', n: 2 },
      { day: '2026-11-21', n: 1 },
      { day: '2026-11-23', n: 1 },
      { day: '2026-11-20', n: 5 },
      { day: '2026-11-24', n: 5 }
    ])
    expect(counts).toEqual([3, 0, 1])
  })
})

describe('visibility share and the longest invisible stretch', () => {
  it.each([
    { name: 'posting every 14th day (days 14 and 28)', days: [14, 28], share: 2 / 28, stretch: 13 },
    { name: 'posting every 14th day (days 1 and 15)', days: [1, 15], share: 2 / 28, stretch: 13 },
    { name: 'posting every day', days: Array.from({ length: 28 }, (_, i) => i + 1), share: 1, stretch: 0 },
    { name: 'never posting', days: [], share: 0, stretch: 28 },
    { name: 'one post mid-window', days: [10], share: 1 / 28, stretch: 18 },
    { name: 'weekly on Mondays (days 1, 8, 15, 22)', days: [1, 8, 15, 22], share: 4 / 28, stretch: 6 },
    { name: 'only the last day', days: [28], share: 1 / 28, stretch: 27 }
  ])('$name: share $share, longest stretch $stretch', ({ days, share, stretch }) => {
    const perDay = onDays(...days)
    expect(visibilityShare(perDay)).toBeCloseTo(share, 10)
    expect(longestInvisibleStretch(perDay)).toBe(stretch)
  })

  it('counts a day once however many activities it holds', () => {
    const perDay = dayCounts({ end: END, days: 28 }, [{ day: END, n: 9 }])
    expect(visibilityShare(perDay)).toBeCloseTo(1 / 28, 10)
  })

  it('is zero for an empty window', () => {
    expect(visibilityShare([])).toBe(0)
    expect(longestInvisibleStretch([])).toBe(0)
  })
})

describe('cadence, reach and engagement', () => {
  it.each([
    [2, 28, 0.5],
    [12, 28, 3],
    [0, 90, 0],
    [10, 7, 10],
    [5, 0, 0]
  ])('%i activities over %i days is %f a week', (n, days, perWeek) => {
    expect(cadencePerWeek(n, days)).toBeCloseTo(perWeek, 10)
  })

  it.each([
    [1200, 800, 1200],
    [300, 500, 500],
    [null, 400, 400],
    [null, null, null]
  ])('reach of %s followers and %s connections is %s (the larger, not the sum)', (f, c, r) => {
    expect(reach(f, c)).toBe(r)
  })

  it.each([
    [40, 4, 10],
    [0, 3, 0],
    [12, 0, null]
  ])('%i reactions and comments over %i posts is %s per post', (n, posts, e) => {
    expect(engagementPerPost(n, posts)).toBe(e)
  })

  it.each([
    { posts: 2, comments: 0, period: 28, active: null, share: 2 / 28 },
    { posts: 20, comments: 30, period: 30, active: null, share: 1 },
    { posts: 20, comments: 30, period: 30, active: 12, share: 12 / 30 }
  ])('a snapshot of $posts posts and $comments comments over $period days (active days $active) gives share $share', ({ posts, comments, period, active, share }) => {
    expect(estimatedShare(posts, comments, period, active)).toBeCloseTo(share, 10)
  })

  it('averages only the known values', () => {
    expect(meanOf([1, null, 3])).toBe(2)
    expect(meanOf([null])).toBeNull()
  })
})

describe('the composite', () => {
  const full = { visibilityShare: 1, reach: 10_000, engagementPerPost: 20, commentsPerWeek: 5 }
  const none = { visibilityShare: 0, reach: 0, engagementPerPost: null, commentsPerWeek: 0 }

  it('scores each pillar 0–1 against its documented target, capped at 1', () => {
    expect(pillarScores(full)).toEqual({ brand: 1, people: 1, insight: 1, relationships: 1 })
    expect(pillarScores(none)).toEqual({ brand: 0, people: 0, insight: 0, relationships: 0 })
    const half = pillarScores({ visibilityShare: 0.5, reach: 99, engagementPerPost: 10, commentsPerWeek: 10 })
    expect(half.brand).toBe(0.5)
    expect(half.people).toBeCloseTo(2 / Math.log10(10_001), 10)
    expect(half.insight).toBe(0.5)
    expect(half.relationships).toBe(1)
  })

  it.each([
    { pillars: { brand: 1, people: 1, insight: 1, relationships: 1 }, weights: undefined, score: 100 },
    { pillars: { brand: 0, people: 0, insight: 0, relationships: 0 }, weights: undefined, score: 0 },
    { pillars: { brand: 1, people: 0, insight: 0, relationships: 0 }, weights: undefined, score: 25 },
    { pillars: { brand: 1, people: 0, insight: 0, relationships: 0 }, weights: { brand: 50, people: 50, insight: 0, relationships: 0 }, score: 50 },
    { pillars: { brand: 1, people: 0, insight: 0, relationships: 0 }, weights: { brand: 3, people: 1, insight: 0, relationships: 0 }, score: 75 },
    { pillars: { brand: 2 / 28, people: 0.5, insight: 0.25, relationships: 0.2 }, weights: undefined, score: 26 },
    { pillars: { brand: 1, people: 0, insight: 0, relationships: 0 }, weights: { brand: 0, people: 0, insight: 0, relationships: 0 }, score: 25 }
  ])('pillars $pillars with weights $weights score $score', ({ pillars, weights, score }) => {
    expect(composite(pillars, weights)).toBe(score)
  })
})
