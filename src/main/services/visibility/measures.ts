// Visibility's pure measures: share of visible days, the longest invisible stretch, cadence, reach, engagement and the composite.
import { addDays, daysBetween } from '@shared/dates'
import { DEFAULT_WEIGHTS, PILLARS, PILLAR_TARGETS, type CompositeWeights, type Pillar } from '@shared/visibility'

/** A window of whole UTC days ending on (and including) `end`. */
export interface Window {
  end: string
  days: number
}

export function windowStart(w: Window): string {
  return addDays(w.end, -(w.days - 1))
}

/** Index 0 is the window's first day; a day outside the window gives -1. */
function dayIndex(w: Window, day: string): number {
  const i = daysBetween(windowStart(w), day)
  return i >= 0 && i < w.days ? i : -1
}

/**
 * Public activities per day over the window, oldest first, zeros included: the invisible-days calendar.
 * `counts` may hold days outside the window; they are ignored.
 */
export function dayCounts(w: Window, counts: ReadonlyArray<{ day: string; n: number }>): number[] {
  const out = new Array<number>(w.days).fill(0)
  for (const c of counts) {
    const i = dayIndex(w, c.day)
    if (i >= 0) out[i] = (out[i] ?? 0) + c.n
  }
  return out
}

/** Days with at least one public activity ÷ days in the window (domain rule 4). */
export function visibilityShare(perDay: readonly number[]): number {
  if (perDay.length === 0) return 0
  return perDay.filter((n) => n > 0).length / perDay.length
}

/** The longest run of consecutive days without a public activity; every day counts, the window's edges too. */
export function longestInvisibleStretch(perDay: readonly number[]): number {
  let longest = 0
  let run = 0
  for (const n of perDay) {
    run = n > 0 ? 0 : run + 1
    if (run > longest) longest = run
  }
  return longest
}

/** Activities per week over a window of `days` days. */
export function cadencePerWeek(activities: number, days: number): number {
  return days > 0 ? (activities * 7) / days : 0
}

/** Connections follow by default, so they overlap with followers: reach is the larger, never the sum. */
export function reach(followers: number | null, connections: number | null): number | null {
  if (followers === null && connections === null) return null
  return Math.max(followers ?? 0, connections ?? 0)
}

/** Reactions and comments received per post; undefined (null) when nothing was posted. */
export function engagementPerPost(reactionsAndComments: number, posts: number): number | null {
  return posts > 0 ? reactionsAndComments / posts : null
}

/**
 * What is known from a snapshot of counts only (a competitor's profile seen from outside): at most one visible
 * day per post or comment, so the share is an upper bound.
 */
export function estimatedShare(posts: number, comments: number, periodDays: number, activeDays: number | null): number {
  if (periodDays <= 0) return 0
  if (activeDays !== null) return Math.min(1, activeDays / periodDays)
  return Math.min(1, (posts + comments) / periodDays)
}

export interface PillarInputs {
  visibilityShare: number
  reach: number | null
  engagementPerPost: number | null
  commentsPerWeek: number
}

const clamp01 = (x: number) => (Number.isFinite(x) ? Math.min(1, Math.max(0, x)) : 0)

/** Each pillar scored 0–1; the targets are in PILLAR_TARGETS and documented in MEASURE_DOCS. */
export function pillarScores(p: PillarInputs): Record<Pillar, number> {
  return {
    brand: clamp01(p.visibilityShare),
    people: clamp01(Math.log10(1 + (p.reach ?? 0)) / Math.log10(1 + PILLAR_TARGETS.reachFull)),
    insight: clamp01((p.engagementPerPost ?? 0) / PILLAR_TARGETS.engagementPerPostFull),
    relationships: clamp01(p.commentsPerWeek / PILLAR_TARGETS.commentsPerWeekFull)
  }
}

/** 0–100: Σ weight × pillar ÷ Σ weights × 100, rounded to a whole number. Zero weights throughout fall back to equal ones. */
export function composite(pillars: Record<Pillar, number>, weights: CompositeWeights = DEFAULT_WEIGHTS): number {
  const total = PILLARS.reduce((s, k) => s + Math.max(0, weights[k]), 0)
  const w = total > 0 ? weights : DEFAULT_WEIGHTS
  const sum = total > 0 ? total : PILLARS.reduce((s, k) => s + DEFAULT_WEIGHTS[k], 0)
  const score = PILLARS.reduce((s, k) => s + Math.max(0, w[k]) * clamp01(pillars[k]), 0) / sum
  return Math.round(score * 100)
}

/** Mean of the values that are known; null when none is. */
export function meanOf(values: ReadonlyArray<number | null>): number | null {
  const known = values.filter((v): v is number => v !== null && Number.isFinite(v))
  return known.length ? known.reduce((s, v) => s + v, 0) / known.length : null
}
