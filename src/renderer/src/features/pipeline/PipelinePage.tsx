// Pipeline: open deals, filtered and sorted in the main process, one page at a time.
import { useState } from 'react'
import type { DealRow, MethodInput } from '@shared/contract'
import { FORECAST_CATEGORIES, LABELS, OPEN_STAGES, type ForecastCategory, type Stage } from '@shared/domain'
import { useCall } from '../../api/query'
import { DataTable, EmptyState, ErrorBanner, Loading, PageHeader, Pager, Stat, Chip, type Column } from '../../kit/kit'
import { formatDate, formatMoney } from '../../kit/format'

type Sort = NonNullable<MethodInput<'deals.list'>['sort']>
const PAGE = 50

const COLUMNS: Column<DealRow>[] = [
  { key: 'name', header: 'Deal', sortKey: 'name', render: (d) => <span className="strong">{d.name}</span> },
  { key: 'owner', header: 'Owner', sortKey: 'owner', render: (d) => d.ownerName },
  { key: 'account', header: 'Account', render: (d) => d.accountName },
  { key: 'tier', header: 'Tier', render: (d) => <Chip tone={d.tier === 1 ? 'info' : 'neutral'}>T{d.tier}</Chip> },
  { key: 'amount', header: 'Amount', sortKey: 'amount', align: 'right', render: (d) => formatMoney(d.amountMinor, d.currency) },
  { key: 'stage', header: 'Stage', sortKey: 'stage', render: (d) => LABELS.stage[d.stage] },
  { key: 'category', header: 'Forecast', render: (d) => LABELS.forecastCategory[d.forecastCategory] },
  { key: 'close', header: 'Close date', sortKey: 'close_date', render: (d) => formatDate(d.closeDate) }
]

export function PipelinePage() {
  const [stage, setStage] = useState<Stage | ''>('')
  const [category, setCategory] = useState<ForecastCategory | ''>('')
  const [sort, setSort] = useState<{ key: Sort; direction: 'asc' | 'desc' }>({ key: 'close_date', direction: 'asc' })
  const [offset, setOffset] = useState(0)
  const summary = useCall('workspace.summary', {})
  const deals = useCall('deals.list', {
    filters: { status: 'open', stage: stage || undefined, forecastCategory: category || undefined },
    sort: sort.key,
    direction: sort.direction,
    offset,
    limit: PAGE
  })

  const onSort = (key: string) => {
    setOffset(0)
    setSort((s) => ({ key: key as Sort, direction: s.key === key && s.direction === 'asc' ? 'desc' : 'asc' }))
  }

  return (
    <>
      <PageHeader title="Pipeline" subtitle="Which forecast deals have evidence behind them, and which do not." />
      {summary.data ? (
        <div className="stats">
          <Stat label="Open deals" value={summary.data.openDeals.toLocaleString()} />
          <Stat label="Open pipeline" value={formatMoney(summary.data.openPipelineMinor, summary.data.currency, { compact: true })} />
          <Stat label="Accounts" value={summary.data.accounts.toLocaleString()} hint={`${summary.data.tierOneAccounts} tier-one`} />
          <Stat label="Active reps" value={summary.data.reps.toLocaleString()} hint={`${summary.data.teams} teams`} />
        </div>
      ) : null}
      <div className="toolbar" role="search">
        <label>
          Stage
          <select value={stage} onChange={(e) => (setOffset(0), setStage(e.target.value as Stage | ''))}>
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
          <select value={category} onChange={(e) => (setOffset(0), setCategory(e.target.value as ForecastCategory | ''))}>
            <option value="">All categories</option>
            {FORECAST_CATEGORIES.filter((c) => c !== 'closed').map((c) => (
              <option key={c} value={c}>
                {LABELS.forecastCategory[c]}
              </option>
            ))}
          </select>
        </label>
      </div>
      <ErrorBanner error={deals.error} />
      {deals.isPending ? (
        <Loading label="Loading deals…" />
      ) : deals.data && deals.data.total === 0 ? (
        <EmptyState title="No open deals match">
          Clear the filters, or import an opportunity export from your CRM on the Import page.
        </EmptyState>
      ) : deals.data ? (
        <>
          <DataTable caption="Open deals" columns={COLUMNS} rows={deals.data.rows} sort={sort} onSort={onSort} />
          <Pager offset={deals.data.offset} limit={deals.data.limit} total={deals.data.total} onChange={setOffset} />
        </>
      ) : null}
    </>
  )
}
