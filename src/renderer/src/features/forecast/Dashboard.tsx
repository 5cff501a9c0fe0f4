// The productivity dashboard: efficiency and effectiveness for a period and team, each chart with its table, CSV and drill into deals.
import { useState } from 'react'
import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts'
import type { ProductivityDashboard } from '@shared/contract'
import type { LossReason } from '@shared/domain'
import { ErrorBanner, Loading, Stat } from '../../kit/kit'
import { formatDate } from '../../kit/format'
import { addDays } from '@shared/dates'
import { ChartPanel } from './ChartPanel'
import { DrillPanel, type DrillRequest } from './DrillPanel'
import { useDashboard } from './hooks'
import { LOSS_REASON_LABEL, SERIES, csvMoney, days, money, pct } from './present'

const axis = { fontSize: 12 }
const margin = { top: 8, right: 16, bottom: 8, left: 0 }

/** Bars for a few dozen rows at most (weeks of a quarter, reps of a team); more reps are cut to the busiest 40. */
const MAX_BARS = 40

export function Dashboard({ from, to, teamId, label }: { from: string; to: string; teamId?: number; label: string }) {
  const dash = useDashboard({ from, to, ...(teamId ? { teamId } : {}) })
  const [drill, setDrill] = useState<DrillRequest | null>(null)
  const scope = { from, to, ...(teamId ? { teamId } : {}) }
  if (dash.error) return <ErrorBanner error={dash.error} />
  if (!dash.data) return <Loading label="Computing the dashboard…" />
  const d: ProductivityDashboard = dash.data

  const drillLost = (reason: LossReason) =>
    setDrill({ title: `Lost to ${LOSS_REASON_LABEL[reason]!.toLowerCase()} — ${label}`, input: { ...scope, column: 'lost', lossReason: reason } })
  const drillCreatedWeek = (weekStart: string) =>
    setDrill({
      title: `Pipeline created in the week of ${formatDate(weekStart)}`,
      input: { from: weekStart < from ? from : weekStart, to: addDays(weekStart, 6) > to ? to : addDays(weekStart, 6), ...(teamId ? { teamId } : {}), column: 'created' }
    })

  const weeks = d.weeks.map((w, i) => ({ ...w, id: i + 1 }))
  const created = d.pipelineCreated.weeks.map((w, i) => ({ ...w, id: i + 1, amount: Math.round(w.amountMinor / 100) }))
  const reps = [...d.reps].sort((a, b) => b.activities - a.activities).slice(0, MAX_BARS)
  const conversion = d.conversion.map((c) => ({ ...c, ratePct: c.rate === null ? 0 : Math.round(c.rate * 1000) / 10 }))
  const losses = d.lossReasons.map((l) => ({ ...l, label: LOSS_REASON_LABEL[l.reason]! }))

  return (
    <div className="fc-dash">
      <div className="stats">
        <Stat label="Activities" value={d.activities.toLocaleString()} hint={`${d.meetings.toLocaleString()} meetings`} />
        <Stat label="Won per 100 activities" value={d.wonPer100 === null ? '—' : d.wonPer100.toFixed(1)} hint={`${d.won} deals won`} />
        <Stat label="Meetings that moved a deal on" value={d.meetings ? pct(d.advancingMeetings / d.meetings) : '—'} hint={`${d.advancingMeetings} of ${d.meetings}, within 14 days`} />
        <Stat label="Win rate" value={pct(d.winRate)} hint={`${d.won} won, ${d.lost} lost`} />
        <Stat label="Sales cycle (median)" value={days(d.cycle.median)} hint={d.cycle.p25 === null ? 'no deals won' : `middle half ${days(d.cycle.p25)}–${days(d.cycle.p75)}`} />
        <Stat label="Funnel confidence" value={pct(d.funnelConfidence.rate)} hint={`${money(d.funnelConfidence.evidenceBackedMinor)} of ${money(d.funnelConfidence.totalMinor)} evidence-backed`} />
        <Stat label="Pipeline created" value={money(d.pipelineCreated.amountMinor)} hint={`${d.pipelineCreated.deals} deals`} />
        <Stat label="Turnover" value={pct(d.turnover.rate)} hint={`${d.turnover.left} left, average headcount ${d.turnover.averageHeadcount}`} />
      </div>
      <div className="fc-stat-drills">
        <button type="button" className="fc-link" onClick={() => setDrill({ title: `Deals won — ${label}`, input: { ...scope, column: 'closed_won' } })}>
          Show deals won
        </button>
        <button type="button" className="fc-link" onClick={() => setDrill({ title: `Deals lost — ${label}`, input: { ...scope, column: 'lost' } })}>
          Show deals lost
        </button>
        <button type="button" className="fc-link" onClick={() => setDrill({ title: `Pipeline created — ${label}`, input: { ...scope, column: 'created' } })}>
          Show pipeline created
        </button>
      </div>
      {drill ? <DrillPanel key={JSON.stringify(drill.input)} request={drill} onClose={() => setDrill(null)} /> : null}

      <div className="fc-grid2">
        <ChartPanel
          title="Activities per week by kind"
          note="Efficiency: the table adds activities per rep on the books that week."
          rows={weeks}
          columns={[
            { key: 'week', header: 'Week of', render: (w) => formatDate(w.weekStart) },
            { key: 'meeting', header: 'Meetings', align: 'right', render: (w) => w.meeting },
            { key: 'call', header: 'Calls', align: 'right', render: (w) => w.call },
            { key: 'email', header: 'Emails', align: 'right', render: (w) => w.email },
            { key: 'social', header: 'Social', align: 'right', render: (w) => w.social },
            { key: 'other', header: 'Other', align: 'right', render: (w) => w.other },
            { key: 'perRep', header: 'Per rep', align: 'right', render: (w) => w.perRep.toFixed(1) }
          ]}
          csv={{ fileName: 'activities-per-week.csv', headers: ['week_start', 'meeting', 'call', 'email', 'social', 'other', 'per_rep'], row: (w) => [w.weekStart, w.meeting, w.call, w.email, w.social, w.other, w.perRep] }}
          chart={
            <ResponsiveContainer width="100%" height="100%" initialDimension={{ width: 500, height: 240 }}>
              <BarChart data={weeks} margin={margin}>
                <CartesianGrid strokeDasharray="3 3" vertical={false} />
                <XAxis dataKey="weekStart" tick={axis} tickFormatter={(v: string) => v.slice(5)} />
                <YAxis tick={axis} width={48} />
                <Tooltip />
                <Legend itemSorter={null} />
                {(['meeting', 'call', 'email', 'social', 'other'] as const).map((k, i) => (
                  <Bar key={k} dataKey={k} stackId="a" fill={SERIES[i]} isAnimationActive={false} />
                ))}
              </BarChart>
            </ResponsiveContainer>
          }
        />
        <ChartPanel
          title="Activities and deals won per rep"
          note={d.reps.length > MAX_BARS ? `The ${MAX_BARS} busiest of ${d.reps.length} reps; the table and CSV hold the same.` : 'Effectiveness: deals won per 100 activities is in the table.'}
          rows={reps}
          columns={[
            { key: 'rep', header: 'Rep', render: (r) => r.repName },
            { key: 'acts', header: 'Activities', align: 'right', render: (r) => r.activities },
            { key: 'pw', header: 'Per week', align: 'right', render: (r) => r.perWeek.toFixed(1) },
            { key: 'meet', header: 'Meetings', align: 'right', render: (r) => r.meetings },
            { key: 'won', header: 'Won', align: 'right', render: (r) => r.won },
            { key: 'w100', header: 'Won per 100', align: 'right', render: (r) => (r.wonPer100 === null ? '—' : r.wonPer100.toFixed(1)) }
          ]}
          onRowClick={(r) => setDrill({ title: `Deals won — ${r.repName}, ${label}`, input: { from, to, repId: r.id, column: 'closed_won' } })}
          csv={{ fileName: 'productivity-per-rep.csv', headers: ['rep', 'activities', 'per_week', 'meetings', 'won', 'won_per_100'], row: (r) => [r.repName, r.activities, r.perWeek, r.meetings, r.won, r.wonPer100] }}
          chart={
            <ResponsiveContainer width="100%" height="100%" initialDimension={{ width: 500, height: 240 }}>
              <BarChart data={reps} margin={margin}>
                <CartesianGrid strokeDasharray="3 3" vertical={false} />
                <XAxis dataKey="repName" tick={false} />
                <YAxis yAxisId="a" tick={axis} width={48} />
                <YAxis yAxisId="w" orientation="right" tick={axis} width={32} />
                <Tooltip />
                <Legend itemSorter={null} />
                <Bar yAxisId="a" dataKey="activities" name="Activities" fill={SERIES[0]} isAnimationActive={false} />
                <Bar yAxisId="w" dataKey="won" name="Deals won" fill={SERIES[2]} isAnimationActive={false} />
              </BarChart>
            </ResponsiveContainer>
          }
        />
        <ChartPanel
          title="Conversion by stage"
          note="Deals closed in the range; a deal counts at every stage up to the furthest it reached (skips pass through, falling back never counts twice)."
          rows={conversion}
          columns={[
            { key: 'stage', header: 'Stage', render: (c) => `${c.stage} → ${c.next}` },
            { key: 'reached', header: 'Reached', align: 'right', render: (c) => c.reached },
            { key: 'advanced', header: 'Went on', align: 'right', render: (c) => c.advanced },
            { key: 'rate', header: 'Conversion', align: 'right', render: (c) => pct(c.rate, 1) }
          ]}
          csv={{ fileName: 'conversion-by-stage.csv', headers: ['stage', 'next', 'reached', 'advanced', 'rate'], row: (c) => [c.stage, c.next, c.reached, c.advanced, c.rate] }}
          chart={
            <ResponsiveContainer width="100%" height="100%" initialDimension={{ width: 500, height: 240 }}>
              <BarChart data={conversion} margin={margin}>
                <CartesianGrid strokeDasharray="3 3" vertical={false} />
                <XAxis dataKey="stage" tick={axis} />
                <YAxis domain={[0, 100]} unit=" %" tick={axis} width={56} />
                <Tooltip />
                <Bar dataKey="ratePct" name="Conversion to next" fill={SERIES[1]} isAnimationActive={false} />
              </BarChart>
            </ResponsiveContainer>
          }
        />
        <ChartPanel
          title="Loss reasons"
          note="The seeds' four inhibitors. Click a bar or a row for the deals lost to it."
          rows={losses}
          onRowClick={(l) => drillLost(l.reason)}
          columns={[
            { key: 'reason', header: 'Reason', render: (l) => l.label },
            { key: 'deals', header: 'Deals', align: 'right', render: (l) => l.deals },
            { key: 'amount', header: 'Amount', align: 'right', render: (l) => money(l.amountMinor) }
          ]}
          csv={{ fileName: 'loss-reasons.csv', headers: ['reason', 'deals', 'amount'], row: (l) => [l.label, l.deals, csvMoney(l.amountMinor)] }}
          chart={
            <ResponsiveContainer width="100%" height="100%" initialDimension={{ width: 500, height: 240 }}>
              <BarChart data={losses} layout="vertical" margin={{ ...margin, left: 8 }}>
                <CartesianGrid strokeDasharray="3 3" horizontal={false} />
                <XAxis type="number" tick={axis} allowDecimals={false} />
                <YAxis type="category" dataKey="label" tick={axis} width={190} />
                <Tooltip />
                <Bar dataKey="deals" name="Deals lost" fill={SERIES[4]} isAnimationActive={false} cursor="pointer" onClick={(_, index) => drillLost(losses[index]!.reason)} />
              </BarChart>
            </ResponsiveContainer>
          }
        />
        <ChartPanel
          title="Sales cycle by deal size"
          note={`Days from created to won. Overall: median ${days(d.cycle.median)}, from ${days(d.cycle.min)} to ${days(d.cycle.max)} over ${d.cycle.samples} deals.`}
          rows={d.cycleBySize}
          columns={[
            { key: 'segment', header: 'Deal size', render: (c) => c.segment },
            { key: 'samples', header: 'Deals', align: 'right', render: (c) => c.samples },
            { key: 'p25', header: '25th pct', align: 'right', render: (c) => days(c.p25) },
            { key: 'median', header: 'Median', align: 'right', render: (c) => days(c.median) },
            { key: 'p75', header: '75th pct', align: 'right', render: (c) => days(c.p75) }
          ]}
          csv={{ fileName: 'cycle-by-size.csv', headers: ['segment', 'deals', 'p25_days', 'median_days', 'p75_days'], row: (c) => [c.segment, c.samples, c.p25, c.median, c.p75] }}
          chart={
            <ResponsiveContainer width="100%" height="100%" initialDimension={{ width: 500, height: 240 }}>
              <BarChart data={d.cycleBySize} margin={margin}>
                <CartesianGrid strokeDasharray="3 3" vertical={false} />
                <XAxis dataKey="segment" tick={axis} />
                <YAxis unit=" d" tick={axis} width={56} />
                <Tooltip />
                <Legend itemSorter={null} />
                <Bar dataKey="p25" name="25th percentile" fill={SERIES[5]} isAnimationActive={false} />
                <Bar dataKey="median" name="Median" fill={SERIES[0]} isAnimationActive={false} />
                <Bar dataKey="p75" name="75th percentile" fill={SERIES[3]} isAnimationActive={false} />
              </BarChart>
            </ResponsiveContainer>
          }
        />
        <ChartPanel
          title="Pipeline created per week"
          note="Click a bar or a row for the deals created that week."
          rows={created}
          onRowClick={(w) => drillCreatedWeek(w.weekStart)}
          columns={[
            { key: 'week', header: 'Week of', render: (w) => formatDate(w.weekStart) },
            { key: 'deals', header: 'Deals', align: 'right', render: (w) => w.deals },
            { key: 'amount', header: 'Amount', align: 'right', render: (w) => money(w.amountMinor) }
          ]}
          csv={{ fileName: 'pipeline-created.csv', headers: ['week_start', 'deals', 'amount'], row: (w) => [w.weekStart, w.deals, csvMoney(w.amountMinor)] }}
          chart={
            <ResponsiveContainer width="100%" height="100%" initialDimension={{ width: 500, height: 240 }}>
              <BarChart data={created} margin={margin}>
                <CartesianGrid strokeDasharray="3 3" vertical={false} />
                <XAxis dataKey="weekStart" tick={axis} tickFormatter={(v: string) => v.slice(5)} />
                <YAxis tick={axis} width={72} tickFormatter={(v: number) => (v >= 1_000_000 ? `${(v / 1_000_000).toFixed(1)}M` : `${Math.round(v / 1000)}k`)} />
                <Tooltip />
                <Bar dataKey="amount" name="Amount created (USD)" fill={SERIES[2]} isAnimationActive={false} cursor="pointer" onClick={(_, index) => drillCreatedWeek(created[index]!.weekStart)} />
              </BarChart>
            </ResponsiveContainer>
          }
        />
      </div>
    </div>
  )
}
