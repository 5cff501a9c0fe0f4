// The tier-one heat table: accounts × (us, each competitor), darker where more relationships are known.
import type { TierOneRow } from '@shared/contract'
import { LABELS } from '@shared/domain'
import { CountCell } from './CountCell'

function heat(count: number | null, max: number): { className: string; style?: { backgroundColor: string; color?: string } } {
  if (count === null) return { className: 'vis-heat unknown' }
  // One hue, rising lightness contrast: readable in greyscale and for every common colour blindness.
  const t = max > 0 ? Math.min(1, count / max) : 0
  const alpha = count === 0 ? 0 : 0.15 + 0.85 * t
  return { className: count === 0 ? 'vis-heat zero' : 'vis-heat', style: { backgroundColor: `rgba(0, 114, 178, ${alpha.toFixed(2)})`, color: alpha > 0.55 ? '#fff' : undefined } }
}

export function HeatTable({
  rows,
  competitors,
  showDetail = true,
  nameOf = (n) => n,
  onSetCount
}: {
  rows: TierOneRow[]
  competitors: { id: number; name: string }[]
  showDetail?: boolean
  nameOf?: (name: string) => string
  /** When given, each competitor's count is editable in place (the page; never the deck). */
  onSetCount?: (competitorId: number, accountId: number, count: number | null) => Promise<unknown>
}) {
  const competitorName = new Map(competitors.map((c) => [c.id, c.name]))
  const max = Math.max(1, ...rows.flatMap((r) => [r.ours, ...r.competitors.map((c) => c.count ?? 0)]))
  return (
    <div className="table-wrap">
      <table className="data-table vis-heat-table">
        <caption className="sr-only">Relationships in tier-one accounts: ours and each competitor’s</caption>
        <thead>
          <tr>
            <th scope="col">Tier-one account</th>
            <th scope="col" className="num">Us</th>
            {competitors.map((c) => (
              <th scope="col" className="num" key={c.id}>
                {c.name}
              </th>
            ))}
            {showDetail ? (
              <>
                <th scope="col">Strongest on our side</th>
                <th scope="col">Decision roles covered</th>
              </>
            ) : null}
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => {
            const us = heat(r.ours, max)
            return (
              <tr key={r.id}>
                <th scope="row">{r.name}</th>
                <td className={`num ${us.className}`} style={us.style} title={`${r.connections} connections, ${r.engagedContacts} engaged contacts`}>
                  {r.ours}
                </td>
                {r.competitors.map((c) => {
                  const h = heat(c.count, max)
                  if (onSetCount) {
                    return (
                      <CountCell
                        key={c.competitorId}
                        count={c.count}
                        label={`${competitorName.get(c.competitorId) ?? 'Competitor'} in ${r.name}`}
                        className={h.className}
                        style={h.style}
                        onSave={(count) => onSetCount(c.competitorId, r.id, count)}
                      />
                    )
                  }
                  return (
                    <td key={c.competitorId} className={`num ${h.className}`} style={h.style}>
                      {c.count ?? '?'}
                    </td>
                  )
                })}
                {showDetail ? (
                  <>
                    <td>{r.strongest.length ? r.strongest.map((s) => `${nameOf(s.name)} (${s.count})`).join(', ') : <span className="muted">nobody</span>}</td>
                    <td>{r.decisionRoles.length ? r.decisionRoles.map((role) => LABELS.buyingRole[role]).join(', ') : <span className="muted">none</span>}</td>
                  </>
                ) : null}
              </tr>
            )
          })}
        </tbody>
      </table>
    </div>
  )
}
