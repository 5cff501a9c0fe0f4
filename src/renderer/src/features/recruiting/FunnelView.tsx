// Funnel figures for a role or all roles: pass-through chart, time in stage, time to hire, exit reasons, sources.
import { Bar, BarChart, CartesianGrid, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts'
import { RECRUITING_LABELS as L } from '@shared/recruiting'
import { ChartFrame, ErrorBanner, Loading, Stat } from '../../kit/kit'
import { useFunnel } from './hooks'

const pct = (v: number | null) => (v === null ? '—' : `${Math.round(v * 100)} %`)
const days = (v: number | null) => (v === null ? '—' : `${v} d`)

export function FunnelView({ requisitionId }: { requisitionId: number | null }) {
  const funnel = useFunnel(requisitionId === null ? {} : { requisitionId })
  const f = funnel.data
  if (funnel.isPending) return <Loading label="Working out the funnel…" />
  if (!f) return <ErrorBanner error={funnel.error} />
  // Short axis labels: six bars share a half-width chart.
  const short: Record<string, string> = { reference_check: 'References' }
  const chart = f.steps.map((s) => ({ stage: short[s.stage] ?? L.stage[s.stage], reached: s.reached }))
  return (
    <section aria-label="Funnel">
      <ErrorBanner error={funnel.error} />
      <div className="stats">
        <Stat label="Candidates" value={f.applications} />
        <Stat label="Hired" value={f.timeToHire.hires} />
        <Stat label="Time to hire" value={days(f.timeToHire.medianDays)} hint="median, first look to hire" />
        <Stat label="Sourced → hired" value={pct(f.steps[0]!.reached ? f.steps[5]!.reached / f.steps[0]!.reached : null)} />
      </div>
      <div className="funnel-grid">
        <ChartFrame title="Candidates reaching each stage" height={260}>
          <ResponsiveContainer width="100%" height="100%" initialDimension={{ width: 480, height: 250 }}>
          <BarChart data={chart} margin={{ top: 8, right: 16, bottom: 8, left: 0 }}>
            <CartesianGrid strokeDasharray="3 3" vertical={false} />
            <XAxis dataKey="stage" tick={{ fontSize: 12 }} interval={0} />
            <YAxis allowDecimals={false} tick={{ fontSize: 12 }} />
            <Tooltip />
            <Bar dataKey="reached" name="Reached" fill="#2458d6" isAnimationActive={false} />
          </BarChart>
          </ResponsiveContainer>
        </ChartFrame>
        <div className="table-wrap">
          <table className="data-table">
            <caption className="sr-only">Pass-through and time in stage</caption>
            <thead>
              <tr>
                <th scope="col">Stage</th>
                <th scope="col" className="num">Reached</th>
                <th scope="col" className="num">Passed on</th>
                <th scope="col" className="num">Median days</th>
              </tr>
            </thead>
            <tbody>
              {f.steps.map((s) => {
                const t = f.timeInStage.find((x) => x.stage === s.stage)
                return (
                  <tr key={s.stage}>
                    <td>{L.stage[s.stage]}</td>
                    <td className="num">{s.reached}</td>
                    <td className="num">{pct(s.passThrough)}</td>
                    <td className="num">{t ? days(t.medianDays) : '—'}</td>
                  </tr>
                )
              })}
            </tbody>
          </table>
        </div>
      </div>
      <div className="funnel-grid">
        <div className="table-wrap">
          <table className="data-table">
            <caption className="sr-only">Why candidates left</caption>
            <thead>
              <tr>
                <th scope="col">Why candidates left</th>
                <th scope="col">Exit</th>
                <th scope="col" className="num">Count</th>
              </tr>
            </thead>
            <tbody>
              {f.exitReasons.length === 0 ? (
                <tr>
                  <td colSpan={3} className="muted">
                    Nobody has left yet.
                  </td>
                </tr>
              ) : (
                f.exitReasons.map((e) => (
                  <tr key={`${e.stage}-${e.reason}`}>
                    <td>{e.reason}</td>
                    <td>{L.stage[e.stage]}</td>
                    <td className="num">{e.count}</td>
                  </tr>
                ))
              )}
            </tbody>
          </table>
        </div>
        <div className="table-wrap">
          <table className="data-table">
            <caption className="sr-only">Source effectiveness</caption>
            <thead>
              <tr>
                <th scope="col">Source</th>
                <th scope="col" className="num">Candidates</th>
                <th scope="col" className="num">Interviewed</th>
                <th scope="col" className="num">Hired</th>
                <th scope="col" className="num">Hire rate</th>
              </tr>
            </thead>
            <tbody>
              {f.sources.map((s) => (
                <tr key={s.source}>
                  <td>{L.source[s.source]}</td>
                  <td className="num">{s.candidates}</td>
                  <td className="num">{s.interviewed}</td>
                  <td className="num">{s.hired}</td>
                  <td className="num">{pct(s.hireRate)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </div>
    </section>
  )
}
