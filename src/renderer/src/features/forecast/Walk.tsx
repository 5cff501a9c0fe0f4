// The forecast walk: a waterfall from one snapshot's pipeline to another's, its table a click away, each bar drilling into its deals.
import { useEffect, useRef, useState } from 'react'
import { Bar, BarChart, CartesianGrid, LabelList, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts'
import type { ForecastPeriod, ForecastWalk, WalkDeal, WalkMovement } from '@shared/contract'
import { DataTable, EmptyState, ErrorBanner, Loading, Pager, Stat, type Column } from '../../kit/kit'
import { formatDate } from '../../kit/format'
import { ChartPanel } from './ChartPanel'
import { useWalk, useWalkDeals } from './hooks'
import { SERIES, csvMoney, money } from './present'

export const MOVEMENT_LABEL: Record<WalkMovement, string> = {
  new: 'New',
  pulled_in: 'Pulled in',
  pushed_out: 'Pushed out',
  won: 'Won',
  lost: 'Lost',
  amount_up: 'Amount up',
  amount_down: 'Amount down'
}

const UP = SERIES[2]
const DOWN = SERIES[4]
const OPEN = SERIES[0]
const WON = SERIES[5]
const axis = { fontSize: 12 }

/** One bar of the waterfall: an invisible base and the visible part, stacked (the usual recharts waterfall). */
interface WalkBar {
  id: number
  name: string
  movement: WalkMovement | null
  deals: number
  valueMinor: number
  base: number
  up: number
  down: number
  open: number
  won: number
  /** Each label is set on the one series that carries it, so a row shows one label. */
  totalLabel: string
  upLabel: string
  downLabel: string
}

const signed = (minor: number) => (minor > 0 ? `+${money(minor)}` : minor < 0 ? `−${money(-minor)}` : '±0')

/** Start, each movement from the running total, end; whole currency units for the axis. */
export function walkBars(w: ForecastWalk): WalkBar[] {
  const unit = (minor: number) => minor / 100
  const bars: WalkBar[] = [
    { id: 1, name: `Start ${formatDate(w.from)}`, movement: null, deals: w.start.deals, valueMinor: w.start.valueMinor, base: 0, up: 0, down: 0, open: unit(w.start.openMinor), won: unit(w.start.wonMinor), totalLabel: money(w.start.valueMinor), upLabel: '', downLabel: '' }
  ]
  let running = w.start.valueMinor
  for (const s of w.steps) {
    const low = Math.min(running, running + s.valueMinor)
    bars.push({
      id: bars.length + 1,
      name: `${MOVEMENT_LABEL[s.movement]} (${s.deals.toLocaleString()})`,
      movement: s.movement,
      deals: s.deals,
      valueMinor: s.valueMinor,
      base: unit(low),
      up: s.valueMinor > 0 ? unit(s.valueMinor) : 0,
      down: s.valueMinor < 0 ? unit(-s.valueMinor) : 0,
      open: 0,
      won: 0,
      totalLabel: '',
      upLabel: s.deals > 0 && s.valueMinor >= 0 ? signed(s.valueMinor) : '',
      downLabel: s.deals > 0 && s.valueMinor < 0 ? signed(s.valueMinor) : ''
    })
    running += s.valueMinor
  }
  bars.push({ id: bars.length + 1, name: `End ${formatDate(w.to)}`, movement: null, deals: w.end.deals, valueMinor: w.end.valueMinor, base: 0, up: 0, down: 0, open: unit(w.end.openMinor), won: unit(w.end.wonMinor), totalLabel: money(w.end.valueMinor), upLabel: '', downLabel: '' })
  return bars
}


export function WalkView({ period, teamId }: { period: ForecastPeriod; teamId?: number }) {
  const [from, setFrom] = useState<string | undefined>(undefined)
  const [to, setTo] = useState<string | undefined>(undefined)
  const [showWithoutSnapshots, setShowWithoutSnapshots] = useState(false)
  const [drill, setDrill] = useState<WalkMovement | null>(null)
  const scope = { periodId: period.id, ...(teamId ? { teamId } : {}) }
  const walk = useWalk({ ...scope, ...(from ? { from } : {}), ...(to ? { to } : {}) })
  const w = walk.data

  if (walk.error) return <ErrorBanner error={walk.error} />
  if (!w) return <Loading label="Walking the pipeline…" />

  if (w.snapshots.length === 0 && !showWithoutSnapshots) {
    return (
      <EmptyState
        title={`No snapshots in ${period.label} yet`}
        action={
          <button type="button" className="fc-secondary" onClick={() => setShowWithoutSnapshots(true)}>
            {w.from === w.to ? `Show the pipeline on ${formatDate(w.to)} instead` : `Walk from ${formatDate(w.from)} to ${formatDate(w.to)} instead`}
          </button>
        }
      >
        The walk runs from one call snapshot to the next: record a call on the Calls and accuracy tab, and the walk shows what moved since.
      </EmptyState>
    )
  }

  // The picker offers the period's start, every snapshot, today, and whatever the walk currently runs between.
  const today = w.today
  const days = [...new Set([period.start, ...w.snapshots, today, w.from, w.to])].sort()
  const bars = walkBars(w)
  const openDrill = (b: WalkBar) => {
    if (b.movement && b.deals > 0) setDrill(b.movement)
  }
  const stepRows = bars.filter((b) => b.movement !== null)
  const columns: Column<WalkBar>[] = [
    { key: 'name', header: 'Movement', render: (b) => (b.movement ? MOVEMENT_LABEL[b.movement] : b.name) },
    { key: 'deals', header: 'Deals', align: 'right', render: (b) => b.deals.toLocaleString() },
    { key: 'value', header: 'Change', align: 'right', render: (b) => signed(b.valueMinor) }
  ]
  const wonStep = w.steps.find((s) => s.movement === 'won')

  return (
    <div className="fc-walk">
      <div className="toolbar fc-walk-picker" role="group" aria-label="Walk between two days">
        <label>
          From
          <select aria-label="Walk from" value={w.from} onChange={(e) => setFrom(e.target.value)}>
            {days.filter((d) => d <= w.to).map((d) => (
              <option key={d} value={d}>
                {dayLabel(d, period, w.snapshots, today)}
              </option>
            ))}
          </select>
        </label>
        <label>
          To
          <select aria-label="Walk to" value={w.to} onChange={(e) => setTo(e.target.value)}>
            {days.filter((d) => d >= w.from).map((d) => (
              <option key={d} value={d}>
                {dayLabel(d, period, w.snapshots, today)}
              </option>
            ))}
          </select>
        </label>
      </div>
      <div className="stats">
        <Stat label={`Pipeline on ${formatDate(w.from)}`} value={money(w.start.valueMinor, w.currency)} hint={`${w.start.deals.toLocaleString()} deals, ${money(w.start.wonMinor)} already won`} />
        <Stat label={`Pipeline on ${formatDate(w.to)}`} value={money(w.end.valueMinor, w.currency)} hint={`${w.end.deals.toLocaleString()} deals, ${money(w.end.wonMinor)} won`} />
        <Stat label="Change" value={signed(w.end.valueMinor - w.start.valueMinor)} hint={`${w.unchanged.deals.toLocaleString()} deals did not move`} />
        <Stat label="Won in between" value={money(wonStep?.closedMinor ?? 0)} hint={`${wonStep?.deals ?? 0} deals`} />
      </div>
      <details className="fc-help">
        <summary>How deals are counted</summary>
        <p>
          The period's pipeline on a day is every deal closing in {period.label} that was open on that day, plus the deals already won in it. Each
          deal that moved between the two days is counted once, under the first of these that applies: <strong>won</strong> (won in between,
          in the period — a deal pulled in and then won counts as won, with its whole value), <strong>lost</strong>, <strong>pushed out</strong>{' '}
          (its close date left the period), <strong>pulled in</strong> (its close date moved into the period), <strong>new</strong> (created
          after the first day), then <strong>amount up</strong> or <strong>amount down</strong>. The start plus every movement is the end.
          A deal won for the amount it was already counted at adds nothing: the start and end bars show how much of each is already won.
        </p>
      </details>
      {w.start.deals === 0 && w.end.deals === 0 ? (
        <EmptyState title="Nothing to walk">No deal closing in {period.label} was in its pipeline on either day.</EmptyState>
      ) : (
        <ChartPanel
          title={`Walk from ${formatDate(w.from)} to ${formatDate(w.to)} — ${w.subject}`}
          note="Start and end: open pipeline (dark) on top of what is already won (light). Movements: green adds, orange takes away; deal counts in brackets. Click a bar, or a row of the table, for the deals behind it."
          rows={stepRows}
          columns={columns}
          onRowClick={openDrill}
          height={320}
          csv={{
            fileName: `forecast-walk-${w.from}-${w.to}.csv`,
            headers: ['movement', 'deals', 'change'],
            row: (b) => [b.movement ? MOVEMENT_LABEL[b.movement] : b.name, b.deals, csvMoney(b.valueMinor)]
          }}
          chart={
            <ResponsiveContainer width="100%" height="100%" initialDimension={{ width: 900, height: 320 }}>
              <BarChart data={bars} margin={{ top: 24, right: 16, bottom: 8, left: 8 }}>
                <CartesianGrid strokeDasharray="3 3" vertical={false} />
                <XAxis dataKey="name" tick={axis} interval={0} />
                <YAxis tick={axis} width={72} tickFormatter={(v: number) => (v === 0 ? '0' : Math.abs(v) >= 1_000_000 ? `${(v / 1_000_000).toFixed(1)}M` : `${Math.round(v / 1000)}k`)} />
                <Tooltip content={<WalkTip />} cursor={{ fill: 'rgba(127, 127, 127, 0.12)' }} />
                <Bar dataKey="base" stackId="w" fill="transparent" isAnimationActive={false} />
                <Bar dataKey="won" stackId="w" name="Won" fill={WON} isAnimationActive={false} />
                <Bar dataKey="open" stackId="w" name="Open" fill={OPEN} isAnimationActive={false}>
                  <LabelList dataKey="totalLabel" position="top" content={TotalLabel} />
                </Bar>
                <Bar dataKey="up" stackId="w" name="Up" fill={UP} isAnimationActive={false} cursor="pointer" onClick={(_, index) => openDrill(bars[index]!)}>
                  <LabelList dataKey="upLabel" position="top" content={StepLabel} />
                </Bar>
                <Bar dataKey="down" stackId="w" name="Down" fill={DOWN} isAnimationActive={false} cursor="pointer" onClick={(_, index) => openDrill(bars[index]!)}>
                  <LabelList dataKey="downLabel" position="top" content={StepLabel} />
                </Bar>
              </BarChart>
            </ResponsiveContainer>
          }
        />
      )}
      {drill ? (
        <WalkDrill
          key={`${drill}-${w.from}-${w.to}-${teamId ?? 0}`}
          title={`${MOVEMENT_LABEL[drill]} — ${w.subject}, ${formatDate(w.from)} to ${formatDate(w.to)}`}
          input={{ ...scope, from: w.from, to: w.to, movement: drill }}
          onClose={() => setDrill(null)}
        />
      ) : null}
    </div>
  )
}

function dayLabel(d: string, period: ForecastPeriod, snapshots: string[], today: string): string {
  const tags = [d === period.start ? 'period start' : null, snapshots.includes(d) ? 'snapshot' : null, d === today ? 'today' : null].filter(Boolean)
  return `${formatDate(d)}${tags.length ? ` (${tags.join(', ')})` : ''}`
}

interface LabelProps {
  x?: number | string
  y?: number | string
  width?: number | string
  height?: number | string
  value?: unknown
  index?: number
}

/** A movement's signed value over its bar; nothing for a movement with no deals. */
function StepLabel(props: LabelProps) {
  const { x, y, width, value } = props
  if (typeof value !== 'string' || value === '') return null
  return (
    <text x={Number(x) + Number(width) / 2} y={Number(y) - 6} textAnchor="middle" fontSize={12} fill="currentColor">
      {value}
    </text>
  )
}

/** The total over the start and end bars. */
function TotalLabel(props: LabelProps) {
  const { x, y, width, value } = props
  if (typeof value !== 'string' || value === '') return null
  return (
    <text x={Number(x) + Number(width) / 2} y={Number(y) - 6} textAnchor="middle" fontSize={12} fontWeight={600} fill="currentColor">
      {value}
    </text>
  )
}

function WalkTip({ active, payload }: { active?: boolean; payload?: { payload?: WalkBar }[] }) {
  const b = payload?.[0]?.payload
  if (!active || !b) return null
  return (
    <div className="fc-tip">
      <strong>{b.name}</strong>
      <div>
        {b.movement ? signed(b.valueMinor) : money(b.valueMinor)} · {b.deals.toLocaleString()} {b.deals === 1 ? 'deal' : 'deals'}
      </div>
      {b.movement === null ? <div className="muted">{money(b.won * 100)} won, {money(b.open * 100)} open</div> : null}
    </div>
  )
}

const DEAL_COLUMNS: Column<WalkDeal>[] = [
  { key: 'name', header: 'Deal', render: (d) => d.name },
  { key: 'owner', header: 'Owner', render: (d) => d.ownerName },
  { key: 'account', header: 'Account', render: (d) => d.accountName },
  { key: 'from', header: 'Before', align: 'right', render: (d) => money(d.fromMinor, d.currency) },
  { key: 'to', header: 'After', align: 'right', render: (d) => money(d.toMinor, d.currency) },
  { key: 'change', header: 'Change', align: 'right', render: (d) => signed(d.changeMinor) },
  { key: 'closeFrom', header: 'Close date before', render: (d) => (d.closeDateFrom ? formatDate(d.closeDateFrom) : 'not created') },
  { key: 'closeTo', header: 'Close date after', render: (d) => (d.closeDateTo ? formatDate(d.closeDateTo) : '—') },
  { key: 'status', header: 'Status', render: (d) => d.status }
]

/** The deals behind one movement, paged, biggest change first: the same panel as the grid's drill. */
function WalkDrill({ title, input, onClose }: { title: string; input: { periodId: number; teamId?: number; from: string; to: string; movement: WalkMovement }; onClose: () => void }) {
  const [offset, setOffset] = useState(0)
  const limit = 25
  const deals = useWalkDeals({ ...input, offset, limit })
  const ref = useRef<HTMLElement>(null)
  useEffect(() => {
    ref.current?.scrollIntoView({ block: 'start', behavior: 'auto' })
    ref.current?.focus()
  }, [])
  return (
    <section ref={ref} className="fc-drill" aria-label="Deals behind the number" tabIndex={-1}>
      <header className="fc-drill-head">
        <h2>{title}</h2>
        <button type="button" className="fc-link" onClick={onClose}>
          Close
        </button>
      </header>
      <ErrorBanner error={deals.error} />
      {deals.isPending ? <Loading /> : null}
      {deals.data ? (
        <>
          <p className="muted">
            {deals.data.total.toLocaleString()} {deals.data.total === 1 ? 'deal' : 'deals'}; this page changes the pipeline by{' '}
            {signed(deals.data.rows.reduce((s, d) => s + d.changeMinor, 0))}
          </p>
          <DataTable caption={title} columns={DEAL_COLUMNS} rows={deals.data.rows} />
          <Pager offset={offset} limit={limit} total={deals.data.total} onChange={setOffset} />
        </>
      ) : null}
    </section>
  )
}
