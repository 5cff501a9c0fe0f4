// How visibility figures are shown: percentages, cadences, initials for presenter-safe decks, and series thinned for charts.
export const SERIES_COLOURS = ['#0072B2', '#E69F00', '#009E73', '#CC79A7', '#D55E00'] as const

export const pct = (v: number | null | undefined) => (v === null || v === undefined ? '—' : `${Math.round(v * 100)} %`)
export const perWeek = (v: number | null | undefined) => (v === null || v === undefined ? '—' : v.toFixed(1))
export const whole = (v: number | null | undefined) => (v === null || v === undefined ? '—' : Math.round(v).toLocaleString())

/** Presenter-safe: "Ada Lovelace" → "A. L." so a rep is never named on a projector without consent. */
export function initials(name: string): string {
  return name
    .split(/\s+/)
    .filter(Boolean)
    .map((part) => `${part[0]!.toUpperCase()}.`)
    .join(' ')
}

/** Keeps at most `max` points, evenly spaced, always the last: recharts has no downsampling of its own. */
export function downsample<T>(points: readonly T[], max: number): T[] {
  if (points.length <= max) return [...points]
  const step = points.length / max
  const out: T[] = []
  for (let i = 0; i < max - 1; i++) out.push(points[Math.floor(i * step)]!)
  out.push(points[points.length - 1]!)
  return out
}
