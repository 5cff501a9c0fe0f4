// The one place dates are converted: ISO strings at the contract boundary, UTC throughout.

export const DAY_MS = 86_400_000

/** 'YYYY-MM-DD' of a moment, in UTC. */
export function isoDay(d: Date): string {
  return d.toISOString().slice(0, 10)
}

/** 'YYYY-MM-DDTHH:MM:SSZ' of a moment, without milliseconds. */
export function isoSecond(d: Date): string {
  return `${d.toISOString().slice(0, 19)}Z`
}

export function addDays(day: string, days: number): string {
  return isoDay(new Date(Date.parse(`${day}T00:00:00Z`) + days * DAY_MS))
}

/** Whole days from `a` to `b` (both ISO dates or timestamps); positive when b is later. */
export function daysBetween(a: string, b: string): number {
  const ta = Date.parse(a.length === 10 ? `${a}T00:00:00Z` : a)
  const tb = Date.parse(b.length === 10 ? `${b}T00:00:00Z` : b)
  return Math.floor((tb - ta) / DAY_MS)
}
