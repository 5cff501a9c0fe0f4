// The forecast walk's rules: a deal's place in a period on a day, and how each deal's move between two days is classified.
import type { WalkMovement, WalkPoint, WalkStep } from '@shared/contract'
import type { DealStatus } from '@shared/domain'
import { WALK_MOVEMENTS } from '@shared/contract'

/** One deal as the store says it was on the walk's two days (close date and amount as of the end of each day). */
export interface DealAtTwoDays {
  id: number
  createdDate: string
  status: DealStatus
  closedDate: string | null
  closeFrom: string
  closeTo: string
  amountFrom: number
  amountTo: number
}

export interface WalkWindow {
  /** The period's first and last day. */
  start: string
  end: string
  from: string
  to: string
}

export interface DealOnDay {
  exists: boolean
  status: DealStatus
  inPeriod: boolean
  valueMinor: number
}

/**
 * A deal on a day (at the end of it): it exists once created; it is won or lost from its closed day on, open before;
 * it is in the period's pipeline when open with its close date (as of that day) in the period, or won with its
 * closed day in the period. Lost deals are in no pipeline.
 */
export function dealOnDay(d: DealAtTwoDays, day: string, closeDate: string, amount: number, w: WalkWindow): DealOnDay {
  const exists = d.createdDate <= day
  const status: DealStatus = d.status !== 'open' && d.closedDate !== null && d.closedDate <= day ? d.status : 'open'
  const inPeriod =
    exists &&
    ((status === 'open' && closeDate >= w.start && closeDate <= w.end) ||
      (status === 'won' && d.closedDate !== null && d.closedDate >= w.start && d.closedDate <= w.end))
  return { exists, status, inPeriod, valueMinor: inPeriod ? amount : 0 }
}

export interface ClassifiedDeal {
  id: number
  /** null: in the period on both days at the same amount. */
  movement: WalkMovement | null
  fromMinor: number
  toMinor: number
  /** The deal on each day. */
  atFrom: DealOnDay
  atTo: DealOnDay
}

/**
 * Each deal is classified once, by its state at `from` against its state at `to`, taking the first that applies:
 *   won         won between the two days, with its closed day in the period (a deal pulled in and then won is won);
 *   lost        lost between the two days, having been in the period at `from`;
 *   pushed out  in the period at `from`, not at `to` (its close date moved out, or it was won outside the period);
 *   pulled in   not in the period at `from` though it existed then, in it at `to` (its close date moved in);
 *   new         created after `from`, in the period at `to`;
 *   amount up / amount down   in the period on both days at a different amount.
 * Its contribution is its value at `to` minus its value at `from` (0 when out of the period), so the start plus
 * every movement is the end exactly. Deals in the period on neither day are left out (returns undefined).
 */
export function classifyDeal(d: DealAtTwoDays, w: WalkWindow): ClassifiedDeal | undefined {
  const a = dealOnDay(d, w.from, d.closeFrom, d.amountFrom, w)
  const b = dealOnDay(d, w.to, d.closeTo, d.amountTo, w)
  if (!a.inPeriod && !b.inPeriod) return undefined
  const closedBetween = d.closedDate !== null && d.closedDate > w.from && d.closedDate <= w.to
  let movement: WalkMovement | null
  if (d.status === 'won' && closedBetween && b.inPeriod) movement = 'won'
  else if (d.status === 'lost' && closedBetween && a.inPeriod) movement = 'lost'
  else if (a.inPeriod && !b.inPeriod) movement = 'pushed_out'
  else if (!a.inPeriod && b.inPeriod) movement = a.exists ? 'pulled_in' : 'new'
  else if (b.valueMinor > a.valueMinor) movement = 'amount_up'
  else if (b.valueMinor < a.valueMinor) movement = 'amount_down'
  else movement = null
  return { id: d.id, movement, fromMinor: a.valueMinor, toMinor: b.valueMinor, atFrom: a, atTo: b }
}

export interface WalkSummary {
  start: Omit<WalkPoint, 'date'>
  end: Omit<WalkPoint, 'date'>
  steps: WalkStep[]
  unchanged: { deals: number; valueMinor: number }
}

/** Sums classified deals into the start, the end and one step per movement (every movement present, zero or not). */
export function summarizeWalk(deals: readonly DealAtTwoDays[], w: WalkWindow): { summary: WalkSummary; classified: ClassifiedDeal[] } {
  const point = () => ({ valueMinor: 0, openMinor: 0, wonMinor: 0, deals: 0 })
  const start = point()
  const end = point()
  const steps = new Map<WalkMovement, WalkStep>(WALK_MOVEMENTS.map((m, i) => [m, { id: i + 1, movement: m, valueMinor: 0, deals: 0, closedMinor: 0 }]))
  const unchanged = { deals: 0, valueMinor: 0 }
  const classified: ClassifiedDeal[] = []
  for (const d of deals) {
    const c = classifyDeal(d, w)
    if (!c) continue
    classified.push(c)
    const a = c.atFrom
    const b = c.atTo
    if (a.inPeriod) {
      start.valueMinor += a.valueMinor
      start.deals++
      if (a.status === 'won') start.wonMinor += a.valueMinor
      else start.openMinor += a.valueMinor
    }
    if (b.inPeriod) {
      end.valueMinor += b.valueMinor
      end.deals++
      if (b.status === 'won') end.wonMinor += b.valueMinor
      else end.openMinor += b.valueMinor
    }
    if (c.movement === null) {
      unchanged.deals++
      unchanged.valueMinor += c.toMinor
      continue
    }
    const s = steps.get(c.movement)!
    s.deals++
    s.valueMinor += c.toMinor - c.fromMinor
    if (c.movement === 'won') s.closedMinor += c.toMinor
  }
  return { summary: { start, end, steps: [...steps.values()], unchanged }, classified }
}
