// The deals behind a number: a paged list that opens under the grid or dashboard when a figure is clicked.
import { useEffect, useRef, useState } from 'react'
import type { DrillDeal, MethodInput } from '@shared/contract'
import { DataTable, ErrorBanner, Loading, Pager, type Column } from '../../kit/kit'
import { formatDate } from '../../kit/format'
import { useDrill } from './hooks'
import { LOSS_REASON_LABEL, money } from './present'

export type DrillRequest = { title: string; input: Omit<MethodInput<'forecast.drill'>, 'offset' | 'limit'> }

const COLUMNS: Column<DrillDeal>[] = [
  { key: 'name', header: 'Deal', render: (d) => d.name },
  { key: 'owner', header: 'Owner', render: (d) => d.ownerName },
  { key: 'account', header: 'Account', render: (d) => d.accountName },
  { key: 'amount', header: 'Amount', align: 'right', render: (d) => money(d.amountMinor, d.currency) },
  { key: 'stage', header: 'Stage', render: (d) => (d.status === 'open' ? d.stage : d.status) },
  { key: 'category', header: 'Category', render: (d) => d.forecastCategory.replace('_', ' ') },
  { key: 'close', header: 'Close date', render: (d) => formatDate(d.closeDate) },
  { key: 'evidence', header: 'Evidence', render: (d) => (d.status !== 'open' ? '—' : d.evidenceBacked ? 'backed' : 'not backed') },
  { key: 'loss', header: 'Loss reason', render: (d) => (d.lossReason ? LOSS_REASON_LABEL[d.lossReason] : '—') }
]

export function DrillPanel({ request, onClose }: { request: DrillRequest; onClose: () => void }) {
  const [offset, setOffset] = useState(0)
  const limit = 25
  const drill = useDrill({ ...request.input, offset, limit })
  const ref = useRef<HTMLElement>(null)
  // The panel opens below a long grid or a row of charts: bring it into view, or the click seems to do nothing.
  useEffect(() => {
    ref.current?.scrollIntoView({ block: 'start', behavior: 'auto' })
  }, [])
  return (
    <section ref={ref} className="fc-drill" aria-label="Deals behind the number">
      <header className="fc-drill-head">
        <h2>{request.title}</h2>
        <button type="button" className="fc-link" onClick={onClose}>
          Close
        </button>
      </header>
      <ErrorBanner error={drill.error} />
      {drill.isPending ? <Loading /> : null}
      {drill.data ? (
        <>
          <p className="muted">
            {drill.data.total.toLocaleString()} {drill.data.total === 1 ? 'deal' : 'deals'}, totalling {money(drill.data.rows.reduce((s, d) => s + d.amountMinor, 0))} on this page
          </p>
          <DataTable caption={request.title} columns={COLUMNS} rows={drill.data.rows} />
          <Pager offset={offset} limit={limit} total={drill.data.total} onChange={setOffset} />
        </>
      ) : null}
    </section>
  )
}
