// The sales period the Team page measures against: the calendar quarter holding today.
import { addDays } from '@shared/dates'

export interface Period {
  start: string
  end: string
  /** The period's share of an annual quota. */
  quotaShare: number
}

export function quarterOf(today: string): Period {
  const year = Number(today.slice(0, 4))
  const month = Number(today.slice(5, 7))
  const firstMonth = Math.floor((month - 1) / 3) * 3 + 1
  const start = `${year}-${String(firstMonth).padStart(2, '0')}-01`
  const nextStart = firstMonth === 10 ? `${year + 1}-01-01` : `${year}-${String(firstMonth + 3).padStart(2, '0')}-01`
  return { start, end: addDays(nextStart, -1), quotaShare: 0.25 }
}

/** Monday of the ISO week holding a day. */
export function weekStart(day: string): string {
  const dow = new Date(`${day}T00:00:00Z`).getUTCDay()
  return addDays(day, -((dow + 6) % 7))
}
