// Pipeline: open deals with their flags and evidence score, filtered and sorted in the main process, one page at a time.
import { useState } from 'react'
import type { ClosePeriod, MethodInput, PipelineFilters, PipelineLayout, PipelineRow, PipelineSort } from '@shared/contract'
import { FORECAST_CATEGORIES, LABELS, OPEN_STAGES, type ForecastCategory, type Stage } from '@shared/domain'
import { FLAGS, FLAG_LABELS, type Flag } from '@shared/inspection'
import { Chip, DataTable, EmptyState, ErrorBanner, Loading, PageHeader, Pager, Stat, type Column } from '../../kit/kit'
import { formatDate, formatMoney } from '../../kit/format'
import { DealDrawer } from './DealDrawer'
import { InspectionRules } from './InspectionRules'
import { PipelineBoard } from './PipelineBoard'
import { SavedViews } from './SavedViews'
import { closePeriod, usePipelinePage, usePipelineTotals, useTeamsAndReps } from './hooks'
import './pipeline.css'

const PAGE = 50

function scoreTone(score: number): 'good' | 'warn' | 'bad' {
  return score >= 60 ? 'good' : score >= 35 ? 'warn' : 'bad'
}

const COLUMNS: Column<PipelineRow>[] = [
  { key: 'name', header: 'Deal', render: (d) => <span className="strong">{d.name}</span> },
  { key: 'owner', header: 'Owner', render: (d) => d.ownerName },
  { key: 'tier', header: 'Tier', render: (d) => <Chip tone={d.tier === 1 ? 'info' : 'neutral'}>T{d.tier}</Chip> },
  { key: 'amount', header: 'Amount', sortKey: 'amount', align: 'right', render: (d) => formatMoney(d.amountMinor, d.currency) },
  { key: 'score', header: 'Evidence', sortKey: 'evidence_score', align: 'right', render: (d) => <Chip tone={scoreTone(d.evidenceScore)}>{d.evidenceScore}</Chip> },
  {
    key: 'flags',
    header: 'Flags',
    render: (d) => (
      // Two chips and a count keep every row one line high; the count's tooltip and the drawer list them all.
      <span className="chips one-line">
        {d.flags.slice(0, VISIBLE_FLAGS).map((f) => (
          <Chip key={f} tone={d.acknowledged.includes(f) ? 'neutral' : 'bad'} title={d.acknowledged.includes(f) ? 'Acknowledged' : undefined}>
            {FLAG_LABELS[f]}
          </Chip>
        ))}
        {d.flags.length > VISIBLE_FLAGS ? (
          <Chip title={d.flags.slice(VISIBLE_FLAGS).map((f) => FLAG_LABELS[f]).join(', ')}>+{d.flags.length - VISIBLE_FLAGS}</Chip>
        ) : null}
      </span>
    )
  },
  { key: 'stage', header: 'Stage', render: (d) => LABELS.stage[d.stage] },
  { key: 'category', header: 'Forecast', render: (d) => LABELS.forecastCategory[d.forecastCategory] },
  { key: 'close', header: 'Close date', sortKey: 'close_date', render: (d) => formatDate(d.closeDate) },
  { key: 'days', header: 'Days in stage', sortKey: 'days_in_stage', align: 'right', render: (d) => d.daysInStage ?? '—' },
  { key: 'last', header: 'Last activity', sortKey: 'last_activity', render: (d) => formatDate(d.lastActivityAt) }
]

const VISIBLE_FLAGS = 2

export function PipelinePage() {
  const [filters, setFilters] = useState<PipelineFilters>({})
  const [period, setPeriod] = useState<ClosePeriod | ''>('')
  const [layout, setLayout] = useState<PipelineLayout>('table')
  const [rulesOpen, setRulesOpen] = useState(false)
  const [sort, setSort] = useState<{ key: PipelineSort; direction: 'asc' | 'desc' }>({ key: 'evidence_score', direction: 'asc' })
  const [offset, setOffset] = useState(0)
  const [selected, setSelected] = useState<number | null>(null)
  const { teams, reps } = useTeamsAndReps(filters.teamId)
  const effective: PipelineFilters = { ...filters, ...closePeriod(period, new Date()) }
  const input: MethodInput<'pipeline.list'> = { filters: effective, sort: sort.key, direction: sort.direction, offset, limit: PAGE }
  const deals = usePipelinePage(input, layout === 'table')
  const totals = usePipelineTotals(effective)

  const set = (patch: Partial<PipelineFilters>) => {
    setOffset(0)
    setFilters((f) => ({ ...f, ...patch }))
  }
  const onSort = (key: string) => {
    setOffset(0)
    setSort((s) => ({ key: key as PipelineSort, direction: s.key === key && s.direction === 'asc' ? 'desc' : 'asc' }))
  }

  return (
    <>
      <PageHeader
        title="Pipeline"
        subtitle="Which forecast deals have evidence behind them, and which do not."
        actions={
          <>
            <div className="segmented" role="group" aria-label="Layout">
              {(
                [
                  ['table', 'Table'],
                  ['board', 'Board']
                ] as const
              ).map(([value, label]) => (
                <button key={value} type="button" className={`tab${layout === value ? ' active' : ''}`} aria-pressed={layout === value} onClick={() => setLayout(value)}>
                  {label}
                </button>
              ))}
            </div>
            <button type="button" className="button" aria-expanded={rulesOpen} onClick={() => setRulesOpen((o) => !o)}>
              Inspection rules
            </button>
          </>
        }
      />
      {rulesOpen ? <InspectionRules onClose={() => setRulesOpen(false)} /> : null}
      {totals.data ? (
        <div className="stats" aria-label="Totals by forecast category">
          {totals.data.categories.map((c) => (
            <Stat
              key={c.category}
              label={LABELS.forecastCategory[c.category]}
              value={formatMoney(c.amountMinor, totals.data.currency, { compact: true })}
              hint={`${c.deals.toLocaleString()} deals · ${c.deals ? Math.round((c.flaggedDeals / c.deals) * 100) : 0}% flagged`}
            />
          ))}
        </div>
      ) : null}
      <div className="toolbar" role="search">
        <label>
          Team
          <select value={filters.teamId ?? ''} onChange={(e) => set({ teamId: e.target.value ? Number(e.target.value) : undefined, ownerId: undefined })}>
            <option value="">All teams</option>
            {teams.data?.map((t) => (
              <option key={t.id} value={t.id}>
                {t.name}
              </option>
            ))}
          </select>
        </label>
        <label>
          Rep
          <select value={filters.ownerId ?? ''} onChange={(e) => set({ ownerId: e.target.value ? Number(e.target.value) : undefined })}>
            <option value="">All reps</option>
            {reps.data?.rows.map((r) => (
              <option key={r.id} value={r.id}>
                {r.name}
              </option>
            ))}
          </select>
        </label>
        <label>
          Stage
          <select value={filters.stage ?? ''} onChange={(e) => set({ stage: (e.target.value || undefined) as Stage | undefined })}>
            <option value="">All stages</option>
            {OPEN_STAGES.map((s) => (
              <option key={s} value={s}>
                {LABELS.stage[s]}
              </option>
            ))}
          </select>
        </label>
        <label>
          Forecast
          <select
            value={filters.forecastCategory ?? ''}
            onChange={(e) => set({ forecastCategory: (e.target.value || undefined) as ForecastCategory | undefined })}
          >
            <option value="">All categories</option>
            {FORECAST_CATEGORIES.filter((c) => c !== 'closed').map((c) => (
              <option key={c} value={c}>
                {LABELS.forecastCategory[c]}
              </option>
            ))}
          </select>
        </label>
        <label>
          Flag
          <select value={filters.flag ?? ''} onChange={(e) => set({ flag: (e.target.value || undefined) as Flag | 'any' | 'none' | undefined })}>
            <option value="">Any or none</option>
            <option value="any">Any flag</option>
            <option value="none">No flags</option>
            {FLAGS.map((f) => (
              <option key={f} value={f}>
                {FLAG_LABELS[f]}
              </option>
            ))}
          </select>
        </label>
        <label>
          Tier
          <select value={filters.tier ?? ''} onChange={(e) => set({ tier: e.target.value ? (Number(e.target.value) as 1 | 2 | 3) : undefined })}>
            <option value="">All tiers</option>
            <option value="1">Tier one</option>
            <option value="2">Tier two</option>
            <option value="3">Tier three</option>
          </select>
        </label>
        <label>
          Close period
          <select value={period} onChange={(e) => (setOffset(0), setPeriod(e.target.value as ClosePeriod | ''))}>
            <option value="">Any time</option>
            <option value="this_quarter">This quarter</option>
            <option value="next_quarter">Next quarter</option>
            <option value="past">Already past</option>
          </select>
        </label>
        <SavedViews
          current={{ filters, sort: sort.key, direction: sort.direction, period: period || undefined, layout }}
          onApply={(v) => {
            setOffset(0)
            setFilters(v.filters)
            setSort({ key: v.sort, direction: v.direction })
            setPeriod(v.period ?? '')
            setLayout(v.layout ?? 'table')
          }}
        />
      </div>
      <ErrorBanner error={deals.error ?? totals.error} />
      <div className={selected !== null ? 'deal-with-drawer' : undefined}>
        <div className="deal-drawer-main">
          {layout === 'board' ? (
            <PipelineBoard filters={effective} selectedId={selected} onOpen={setSelected} />
          ) : deals.isPending ? (
            <Loading label="Loading deals…" />
          ) : deals.data && deals.data.total === 0 ? (
            <EmptyState title="No open deals match">Clear the filters, or import an opportunity export from your CRM on the Import page.</EmptyState>
          ) : deals.data ? (
            <>
              <DataTable
                caption="Open deals with their flags and evidence score"
                columns={COLUMNS}
                rows={deals.data.rows}
                sort={sort}
                onSort={onSort}
                onRowClick={(row) => setSelected(row.id)}
                selectedId={selected}
              />
              <Pager offset={deals.data.offset} limit={deals.data.limit} total={deals.data.total} onChange={setOffset} />
            </>
          ) : null}
        </div>
        {selected !== null ? <DealDrawer dealId={selected} onClose={() => setSelected(null)} /> : null}
      </div>
    </>
  )
}
