// The invisible-days calendar: one row per person, one cell per day, filled when the person was seen in public.
import { addDays } from '@shared/dates'

export interface CalendarRow {
  id: number
  name: string
  dayCounts: number[]
  longestInvisibleStretch: number | null
  visibilityShare: number
}

export function VisibilityCalendar({ rows, windowStart, large = false }: { rows: CalendarRow[]; windowStart: string; large?: boolean }) {
  const days = rows[0]?.dayCounts.length ?? 0
  return (
    <div className={`vis-calendar${large ? ' vis-calendar-large' : ''}`} role="table" aria-label="Invisible-days calendar">
      <div className="vis-cal-row vis-cal-head" role="row">
        <span className="vis-cal-name" role="columnheader">Person</span>
        <span className="vis-cal-cells" role="columnheader">
          {windowStart} → {addDays(windowStart, days - 1)} · filled = seen that day
        </span>
        <span className="vis-cal-stat" role="columnheader">Longest invisible</span>
      </div>
      {rows.map((r) => (
        <div className="vis-cal-row" role="row" key={r.id}>
          <span className="vis-cal-name" role="rowheader">{r.name}</span>
          <span className="vis-cal-cells" role="cell" style={{ gridTemplateColumns: `repeat(${days}, 1fr)` }}>
            {r.dayCounts.map((n, i) => (
              <span key={i} className={n > 0 ? 'vis-day seen' : 'vis-day'} title={`${addDays(windowStart, i)}: ${n} public ${n === 1 ? 'activity' : 'activities'}`} />
            ))}
          </span>
          <span className="vis-cal-stat" role="cell">
            {r.longestInvisibleStretch ?? '—'} d · {Math.round(r.visibilityShare * 100)} % seen
          </span>
        </div>
      ))}
    </div>
  )
}
