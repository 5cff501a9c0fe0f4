// Two to four candidates side by side: record, behaviour per topic, recommendations, visibility, time in process.
import { BEHAVIOUR_TOPICS, RECOMMENDATIONS, RECRUITING_LABELS as L } from '@shared/recruiting'
import { Chip, ErrorBanner, Loading } from '../../kit/kit'
import { useCompare } from './hooks'
import { score } from './CandidateDrawer'

export function CompareView({ ids, onClose }: { ids: number[]; onClose: () => void }) {
  const compare = useCompare(ids)
  const rows = compare.data ?? []
  return (
    <section className="panel wide" aria-label="Comparison">
      <div className="drawer-head">
        <h2>Compare candidates</h2>
        <button type="button" className="button" onClick={onClose}>
          Close comparison
        </button>
      </div>
      <ErrorBanner error={compare.error} />
      {compare.isPending ? (
        <Loading label="Comparing…" />
      ) : (
        <div className="table-wrap">
          <table className="data-table compare">
            <caption className="sr-only">Candidates side by side</caption>
            <thead>
              <tr>
                <th scope="col">—</th>
                {rows.map((c) => (
                  <th key={c.id} scope="col">
                    {c.name}
                    {c.warning ? (
                      <>
                        {' '}
                        <Chip tone="warn" title={c.warning.message}>
                          Warning
                        </Chip>
                      </>
                    ) : null}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              <tr>
                <th scope="row">Now</th>
                {rows.map((c) => (
                  <td key={c.id}>{[c.currentTitle, c.currentCompany].filter(Boolean).join(', ') || '—'}</td>
                ))}
              </tr>
              <tr>
                <th scope="row">Stage</th>
                {rows.map((c) => (
                  <td key={c.id}>{c.stage ? `${L.stage[c.stage]} · ${c.daysInProcess ?? 0} days in process` : '—'}</td>
                ))}
              </tr>
              <tr>
                <th scope="row">Latest attainment</th>
                {rows.map((c) => (
                  <td key={c.id} className={(c.latestAttainmentPct ?? 0) >= 120 ? 'strong' : undefined}>
                    {c.latestAttainmentPct === null ? '—' : `${Math.round(c.latestAttainmentPct)} %`}
                    {c.averageAttainmentPct === null ? '' : ` (avg ${Math.round(c.averageAttainmentPct)} % over ${c.trackRecord.length} yrs)`}
                  </td>
                ))}
              </tr>
              {BEHAVIOUR_TOPICS.map((t) => (
                <tr key={t}>
                  <th scope="row">{L.topic[t]}</th>
                  {rows.map((c) => {
                    const s = c.topics.find((x) => x.topic === t)
                    const mean = s?.mean ?? null
                    return (
                      <td key={c.id} className={mean !== null && mean < 2.5 ? 'weak-cell' : undefined}>
                        {score(mean)} {s?.disagreement ? <Chip tone="warn">Disagreement</Chip> : null}
                      </td>
                    )
                  })}
                </tr>
              ))}
              <tr>
                <th scope="row">Recommendations</th>
                {rows.map((c) => (
                  <td key={c.id}>
                    {RECOMMENDATIONS.filter((r) => c.recommendations[r] > 0)
                      .map((r) => `${c.recommendations[r]} ${L.recommendation[r].toLowerCase()}`)
                      .join(', ') || '—'}
                  </td>
                ))}
              </tr>
              <tr>
                <th scope="row">Visibility</th>
                {rows.map((c) => (
                  <td key={c.id}>
                    {c.visibilityShare === null ? '—' : `${Math.round(c.visibilityShare * 100)} % of days`}
                    {c.followers === null ? '' : ` · ${c.followers.toLocaleString()} followers`}
                  </td>
                ))}
              </tr>
            </tbody>
          </table>
        </div>
      )}
    </section>
  )
}
