// Pure forecast and productivity rules: accuracy, cycle length, stage conversion, win rate, turnover, confidence, periods.
import { OPEN_STAGES, type Stage } from '@shared/domain'

/**
 * Forecast accuracy = 1 − |forecast − actual| ÷ actual, floored at 0.
 * - A forecast that misses by 100 % or more (either way) scores 0: most forecasts miss by ±100 % (domain rule 5),
 *   and a negative accuracy would only stretch the chart.
 * - actual = 0 (nothing closed): a forecast of 0 is exactly right (1); any other forecast is wholly wrong (0),
 *   because there is no amount to be a share of.
 */
export function forecastAccuracy(forecastMinor: number, actualMinor: number): number {
  if (actualMinor <= 0) return forecastMinor === 0 ? 1 : 0
  return Math.max(0, 1 - Math.abs(forecastMinor - actualMinor) / actualMinor)
}

export interface Spread {
  samples: number
  median: number | null
  /** 25th and 75th percentiles (linear between neighbours): the middle half of the cycles. */
  p25: number | null
  p75: number | null
  min: number | null
  max: number | null
}

function quantile(sorted: number[], q: number): number {
  const pos = (sorted.length - 1) * q
  const lo = Math.floor(pos)
  const hi = Math.ceil(pos)
  return sorted[lo]! + (sorted[hi]! - sorted[lo]!) * (pos - lo)
}

/** Median and spread of a list (cycle lengths in days); all null when there is nothing to measure. */
export function spreadOf(values: readonly number[]): Spread {
  if (values.length === 0) return { samples: 0, median: null, p25: null, p75: null, min: null, max: null }
  const sorted = [...values].sort((a, b) => a - b)
  return {
    samples: sorted.length,
    median: quantile(sorted, 0.5),
    p25: quantile(sorted, 0.25),
    p75: quantile(sorted, 0.75),
    min: sorted[0]!,
    max: sorted[sorted.length - 1]!
  }
}

/** The funnel's steps: the open stages, then won. */
export const FUNNEL_STEPS = [...OPEN_STAGES, 'won'] as const
export type FunnelStep = (typeof FUNNEL_STEPS)[number]

export interface StageJourney {
  /** Stages from stage history, in any order, repeats allowed. */
  stages: readonly Stage[]
  won: boolean
}

export interface StageConversion {
  stage: Stage
  next: FunnelStep
  reached: number
  advanced: number
  /** advanced ÷ reached; null when no deal reached the stage. */
  rate: number | null
}

/**
 * Conversion by stage from stage history. A deal "reached" every step up to the furthest one it ever entered
 * (won counts as the step after negotiation):
 * - skipping stages: a deal that went qualifying → proposal passed through solution, so it counts as reaching
 *   solution and advancing from it (otherwise the skipped stage's rate would exceed 100 %);
 * - moving backwards: a deal that went proposal → solution → proposal is counted once per stage, at its furthest
 *   reach; falling back never undoes an advance and re-entering never counts twice.
 * Each stage's rate is (deals that reached the next step) ÷ (deals that reached this stage).
 */
export function stageConversion(journeys: readonly StageJourney[]): StageConversion[] {
  const reached = new Array<number>(FUNNEL_STEPS.length).fill(0)
  for (const j of journeys) {
    let furthest = -1
    for (const s of j.stages) furthest = Math.max(furthest, OPEN_STAGES.indexOf(s))
    if (j.won) furthest = FUNNEL_STEPS.length - 1
    for (let i = 0; i <= furthest; i++) reached[i]!++
  }
  return OPEN_STAGES.map((stage, i) => ({
    stage,
    next: FUNNEL_STEPS[i + 1]!,
    reached: reached[i]!,
    advanced: reached[i + 1]!,
    rate: reached[i]! === 0 ? null : reached[i + 1]! / reached[i]!
  }))
}

/** Won ÷ (won + lost) among deals closed in the period; open deals do not count; null with nothing closed. */
export function winRate(won: number, lost: number): number | null {
  return won + lost === 0 ? null : won / (won + lost)
}

/** Deals won per 100 activities: effectiveness beside efficiency (domain rule 6). */
export function wonPer100(won: number, activities: number): number | null {
  return activities === 0 ? null : (won * 100) / activities
}

export interface RepTenure {
  hireDate: string | null
  leftDate: string | null
}

/** On the books on a day: hired on or before it (no hire date = always) and not yet left (left after it). */
export function onTheBooks(rep: RepTenure, day: string): boolean {
  return (rep.hireDate === null || rep.hireDate <= day) && (rep.leftDate === null || rep.leftDate > day)
}

/**
 * Turnover = reps who left in the period ÷ average headcount, where average headcount is the mean of the
 * headcount on the first day and on the last day of the period. Null when the average is 0.
 */
export function turnover(reps: readonly RepTenure[], from: string, to: string): { left: number; averageHeadcount: number; rate: number | null } {
  const left = reps.filter((r) => r.leftDate !== null && r.leftDate >= from && r.leftDate <= to).length
  const atStart = reps.filter((r) => onTheBooks(r, from)).length
  const atEnd = reps.filter((r) => onTheBooks(r, to)).length
  const averageHeadcount = (atStart + atEnd) / 2
  return { left, averageHeadcount, rate: averageHeadcount === 0 ? null : left / averageHeadcount }
}

/** Funnel confidence = evidence-backed open pipeline value ÷ all open pipeline value; null for an empty pipeline. */
export function funnelConfidence(evidenceBackedMinor: number, totalMinor: number): number | null {
  return totalMinor <= 0 ? null : evidenceBackedMinor / totalMinor
}

export interface PeriodBounds {
  kind: 'month' | 'quarter'
  start: string
  end: string
  label: string
}

const pad = (n: number) => String(n).padStart(2, '0')
function lastDayOf(year: number, month1: number): string {
  const d = new Date(Date.UTC(year, month1, 0))
  return `${year}-${pad(month1)}-${pad(d.getUTCDate())}`
}

/**
 * The month or fiscal quarter containing a day. A fiscal year starting in month m (1–12) is named after the
 * calendar year it ends in (start in February 2026 → FY27 ends January 2027), the common convention.
 */
export function periodContaining(day: string, kind: 'month' | 'quarter', fiscalStartMonth: number): PeriodBounds {
  const year = Number(day.slice(0, 4))
  const month = Number(day.slice(5, 7))
  if (kind === 'month') return { kind, start: `${year}-${pad(month)}-01`, end: lastDayOf(year, month), label: `${year}-${pad(month)}` }
  const offset = (month - fiscalStartMonth + 12) % 12
  const quarter = Math.floor(offset / 3) + 1
  const startOffset = (quarter - 1) * 3
  const startMonthAbs = fiscalStartMonth + startOffset
  const fyStartYear = month >= fiscalStartMonth ? year : year - 1
  const sy = fyStartYear + Math.floor((startMonthAbs - 1) / 12)
  const sm = ((startMonthAbs - 1) % 12) + 1
  const endAbs = sm + 2
  const ey = sy + Math.floor((endAbs - 1) / 12)
  const em = ((endAbs - 1) % 12) + 1
  const fyEnd = fiscalStartMonth === 1 ? fyStartYear : fyStartYear + 1
  return { kind, start: `${sy}-${pad(sm)}-01`, end: lastDayOf(ey, em), label: `FY${String(fyEnd).slice(2)} Q${quarter}` }
}

/** "week N" of a period: the 7-day block of the period a day falls in, counted from 1. */
export function weekLabel(periodStart: string, day: string): string {
  const days = Math.floor((Date.parse(`${day}T00:00:00Z`) - Date.parse(`${periodStart}T00:00:00Z`)) / 86_400_000)
  return `week ${Math.floor(Math.max(0, days) / 7) + 1}`
}
