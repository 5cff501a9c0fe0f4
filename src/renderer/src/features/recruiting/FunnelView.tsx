// Funnel figures for a role or all roles: pass-through chart, time in stage, time to hire, exit reasons, sources.
import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts'
import { RECRUITING_LABELS as L } from '@shared/recruiting'
import { ChartFrame, ErrorBanner, Loading, Stat } from '../../kit/kit'
import { useFunnel } from './hooks'

const pct = (v: number | null) => (v === null ? '—' : `${Math.round(v * 100)} %`)
const days = (v: number | null) => (v === null ? '—' : `${v} d`)
/** A long exit reason is cut on the chart's axis; the table beside it has it whole. */
const clip = (text: string) => (text.length > 24 ? `${text.slice(0, 23)}…` : text)
const BLUE = '#2458d6'

/** An exit reason on one line: recharts would wrap it into the bar beside it. The text is React text, never markup. */
function ReasonTick({ x, y, payload }: { x?: number | string; y?: number | string; payload?: { value?: unknown } }) {
  return (
    <text x={x} y={y} dy={4} textAnchor="end" fontSize={12} fill="currentColor">
      {String(payload?.value ?? '')}
    </text>
  )
}

export function FunnelView({ requisitionId }: { requisitionId: number | null }) {
  const funnel = useFunnel(requisitionId === null ? {} : { requisitionId })
  const f = funnel.data
  if (funnel.isPending) return <Loading label="Working out the funnel…" />
  if (!f) return <ErrorBanner error={funnel.error} />
  // Short axis labels: six bars share a half-width chart.
  const short: Record<string, string> = { reference_check: 'References' }
  const chart = f.steps.map((s) => ({ stage: short[s.stage] ?? L.stage[s.stage], reached: s.reached }))
  const timeChart = [
    ...f.timeInStage.map((t) => ({ stage: short[t.stage] ?? L.stage[t.stage], days: t.medianDays })),
    { stage: 'To hire', days: f.timeToHire.medianDays }
  ]
  const exitChart = f.exitReasons.map((e) => ({ reason: clip(e.reason), count: e.count, exit: L.stage[e.stage] }))
  const sourceChart = f.sources.map((s) => ({ source: L.source[s.source], candidates: s.candidates, interviewed: s.interviewed, hired: s.hired }))
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
        <div className="funnel-col">
        <ChartFrame title="Candidates reaching each stage" height={260}>
          <ResponsiveContainer width="100%" height="100%" initialDimension={{ width: 480, height: 250 }}>
          <BarChart data={chart} margin={{ top: 8, right: 16, bottom: 8, left: 0 }}>
            <CartesianGrid strokeDasharray="3 3" vertical={false} />
            <XAxis dataKey="stage" tick={{ fontSize: 12 }} interval={0} />
            <YAxis allowDecimals={false} tick={{ fontSize: 12 }} />
            <Tooltip />
            <Bar dataKey="reached" name="Reached" fill={BLUE} isAnimationActive={false} />
          </BarChart>
          </ResponsiveContainer>
        </ChartFrame>
        </div>
        <div className="funnel-col">
          <ChartFrame title="Median days in each stage, and to hire" height={260}>
            <ResponsiveContainer width="100%" height="100%" initialDimension={{ width: 480, height: 250 }}>
              <BarChart data={timeChart} margin={{ top: 8, right: 16, bottom: 8, left: 0 }}>
                <CartesianGrid strokeDasharray="3 3" vertical={false} />
                <XAxis dataKey="stage" tick={{ fontSize: 12 }} interval={0} />
                <YAxis allowDecimals={false} tick={{ fontSize: 12 }} unit=" d" />
                <Tooltip />
                <Bar dataKey="days" name="Median days" fill="#0f8a6a" isAnimationActive={false} />
              </BarChart>
            </ResponsiveContainer>
          </ChartFrame>
        </div>
      </div>
      <div className="funnel-grid">
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
        <div className="funnel-col">
        {exitChart.length === 0 ? null : (
        <ChartFrame title="Why candidates left" height={40 + exitChart.length * 30}>
            <ResponsiveContainer width="100%" height="100%" initialDimension={{ width: 480, height: 160 }}>
              <BarChart data={exitChart} layout="vertical" margin={{ top: 4, right: 16, bottom: 4, left: 8 }}>
                <CartesianGrid strokeDasharray="3 3" horizontal={false} />
                <XAxis type="number" allowDecimals={false} tick={{ fontSize: 12 }} />
                <YAxis type="category" dataKey="reason" width={180} tick={ReasonTick} interval={0} />
                <Tooltip />
                <Bar dataKey="count" name="Candidates" fill="#c2410c" isAnimationActive={false} />
              </BarChart>
            </ResponsiveContainer>
        </ChartFrame>
        )}
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
        </div>
      </div>
      <div className="funnel-grid">
        <ChartFrame title="Source effectiveness" height={260}>
          <ResponsiveContainer width="100%" height="100%" initialDimension={{ width: 480, height: 250 }}>
            <BarChart data={sourceChart} margin={{ top: 8, right: 16, bottom: 8, left: 0 }}>
              <CartesianGrid strokeDasharray="3 3" vertical={false} />
              <XAxis dataKey="source" tick={{ fontSize: 12 }} interval={0} />
              <YAxis allowDecimals={false} tick={{ fontSize: 12 }} />
              <Tooltip />
              <Legend wrapperStyle={{ fontSize: 12 }} itemSorter={null} />
              <Bar dataKey="candidates" name="Candidates" fill="#9db4ea" isAnimationActive={false} />
              <Bar dataKey="interviewed" name="Interviewed" fill={BLUE} isAnimationActive={false} />
              <Bar dataKey="hired" name="Hired" fill="#0f8a6a" isAnimationActive={false} />
            </BarChart>
          </ResponsiveContainer>
        </ChartFrame>
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
