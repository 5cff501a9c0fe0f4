// Pure rules behind "did the interview predict the hire": full quarters after a hire date, rank correlation, its reading.
import type { OutcomeReading } from '@shared/contract'
import { addDays } from '@shared/dates'
import { quarterOf } from '../team/period'

/** Hires with outcomes needed before any question is judged: fewer would read noise as a finding. */
export const MIN_HIRES_WITH_OUTCOME = 5
/** A hire counts once two full quarters on a team have ended; at most the first four are read (the ramp year). */
export const MIN_QUARTERS = 2
export const MAX_QUARTERS = 4
/** A question's correlation needs at least three rated hires to mean anything at all. */
export const MIN_RATED_HIRES = 3

export interface QuarterSpan {
  start: string
  end: string
  /** The quarter's share of an annual quota, as the Team page reads it. */
  quotaShare: number
}

/**
 * The first full calendar quarters on or after a hire date that have ended before `today` (a quarter ending today is
 * not over), at most MAX_QUARTERS. A hire on a quarter's first day has that quarter in full.
 */
export function fullQuartersAfter(hireDate: string, today: string): QuarterSpan[] {
  const own = quarterOf(hireDate)
  let q = own.start === hireDate ? own : quarterOf(addDays(own.end, 1))
  const out: QuarterSpan[] = []
  while (out.length < MAX_QUARTERS && q.end < today) {
    out.push({ start: q.start, end: q.end, quotaShare: q.quotaShare })
    q = quarterOf(addDays(q.end, 1))
  }
  return out
}

/** Ranks 1..n, tied values sharing the mean of the ranks they span (so 10, 20, 20, 30 rank 1, 2.5, 2.5, 4). */
export function averageRanks(values: readonly number[]): number[] {
  const order = values.map((v, i) => ({ v, i })).sort((a, b) => a.v - b.v)
  const ranks = new Array<number>(values.length)
  for (let k = 0; k < order.length; ) {
    let end = k
    while (end + 1 < order.length && order[end + 1]!.v === order[k]!.v) end++
    const rank = (k + end) / 2 + 1
    for (let j = k; j <= end; j++) ranks[order[j]!.i] = rank
    k = end + 1
  }
  return ranks
}

/**
 * Spearman's rho with ties: Pearson's correlation of the average ranks. Null below MIN_RATED_HIRES pairs, or when
 * either side has no spread (every hire rated alike, or every hire attained alike): then nothing was ranked.
 */
export function spearman(xs: readonly number[], ys: readonly number[]): number | null {
  if (xs.length !== ys.length) throw new Error('spearman: the two lists differ in length')
  const n = xs.length
  if (n < MIN_RATED_HIRES) return null
  const rx = averageRanks(xs)
  const ry = averageRanks(ys)
  const mx = rx.reduce((s, v) => s + v, 0) / n
  const my = ry.reduce((s, v) => s + v, 0) / n
  let sxy = 0
  let sxx = 0
  let syy = 0
  for (let i = 0; i < n; i++) {
    const dx = rx[i]! - mx
    const dy = ry[i]! - my
    sxy += dx * dy
    sxx += dx * dx
    syy += dy * dy
  }
  if (sxx === 0 || syy === 0) return null
  return sxy / Math.sqrt(sxx * syy)
}

/** Plain words for a correlation: 0.5 and above ranked later performers well, 0.2 weakly, near zero not at all. */
export function readingOf(n: number, rho: number | null): OutcomeReading {
  if (n < MIN_RATED_HIRES) return 'too_few'
  if (rho === null) return 'no_spread'
  if (rho >= 0.5) return 'well'
  if (rho >= 0.2) return 'weakly'
  if (rho > -0.2) return 'not_at_all'
  return 'backwards'
}
