// The Pipeline board: a column per open stage with its count and total, cards weakest evidence first, more cards a page at a time.
import { useState } from 'react'
import type { BoardColumn, PipelineFilters, PipelineRow } from '@shared/contract'
import { LABELS, type Stage } from '@shared/domain'
import { FLAG_LABELS } from '@shared/inspection'
import { Chip, EmptyState, ErrorBanner, Loading } from '../../kit/kit'
import { formatDate, formatMoney } from '../../kit/format'
import { useBoard } from './hooks'

const PER_COLUMN = 20
const CARD_FLAGS = 2

export function PipelineBoard({
  filters,
  selectedId,
  onOpen
}: {
  filters: PipelineFilters
  selectedId: number | null
  onOpen: (dealId: number) => void
}) {
  const board = useBoard({ filters, perColumn: PER_COLUMN })
  if (board.isPending) return <Loading label="Loading the board…" />
  if (board.error) return <ErrorBanner error={board.error} />
  const data = board.data
  if (!data) return null
  if (data.columns.every((c) => c.count === 0)) {
    return <EmptyState title="No open deals match">Clear the filters, or import an opportunity export from your CRM on the Import page.</EmptyState>
  }
  return (
    <div className="pipeline-board" role="region" aria-label="Pipeline board by stage">
      {data.columns.map((column) => (
        <Column key={column.stage} column={column} currency={data.currency} filters={filters} selectedId={selectedId} onOpen={onOpen} />
      ))}
    </div>
  )
}

function Column({
  column,
  currency,
  filters,
  selectedId,
  onOpen
}: {
  column: BoardColumn
  currency: string
  filters: PipelineFilters
  selectedId: number | null
  onOpen: (dealId: number) => void
}) {
  // Pages beyond the first, each fetched on its own when "Show more" asks for it; the filters reset them.
  const [pages, setPages] = useState<{ key: string; count: number }>({ key: '', count: 0 })
  const key = JSON.stringify(filters)
  const extra = pages.key === key ? pages.count : 0
  const label = LABELS.stage[column.stage]
  const shown = Math.min(column.count, column.cards.length + extra * PER_COLUMN)
  return (
    <section className="stage-column" aria-label={`${label}: ${column.count} deals`}>
      <header className="stage-column-head">
        <h2>{label}</h2>
        <div className="stage-column-figures">
          <span className="strong">{column.count.toLocaleString()}</span> {column.count === 1 ? 'deal' : 'deals'} ·{' '}
          <span className="strong">{formatMoney(column.totalMinor, currency, { compact: true })}</span>
        </div>
      </header>
      {column.count === 0 ? <p className="muted small stage-empty">No deals in this stage.</p> : null}
      <ol className="stage-cards">
        {column.cards.map((d) => (
          <Card key={d.id} deal={d} selected={selectedId === d.id} onOpen={onOpen} />
        ))}
        {Array.from({ length: extra }, (_, i) => (
          <MoreCards key={i} stage={column.stage} filters={filters} offset={(i + 1) * PER_COLUMN} selectedId={selectedId} onOpen={onOpen} />
        ))}
      </ol>
      {shown < column.count ? (
        <button type="button" className="button stage-more" onClick={() => setPages({ key, count: extra + 1 })}>
          Show more ({(column.count - shown).toLocaleString()} left)
        </button>
      ) : null}
    </section>
  )
}

function MoreCards({
  stage,
  filters,
  offset,
  selectedId,
  onOpen
}: {
  stage: Stage
  filters: PipelineFilters
  offset: number
  selectedId: number | null
  onOpen: (dealId: number) => void
}) {
  const more = useBoard({ filters, perColumn: PER_COLUMN, stage, offset })
  if (more.isPending) {
    return (
      <li>
        <Loading label="Loading more deals…" />
      </li>
    )
  }
  if (more.error) {
    return (
      <li>
        <ErrorBanner error={more.error} />
      </li>
    )
  }
  return (
    <>
      {more.data?.columns[0]?.cards.map((d) => (
        <Card key={d.id} deal={d} selected={selectedId === d.id} onOpen={onOpen} />
      ))}
    </>
  )
}

function scoreTone(score: number): 'good' | 'warn' | 'bad' {
  return score >= 60 ? 'good' : score >= 35 ? 'warn' : 'bad'
}

function Card({ deal, selected, onOpen }: { deal: PipelineRow; selected: boolean; onOpen: (dealId: number) => void }) {
  return (
    <li>
      <div
        role="button"
        tabIndex={0}
        className={`deal-card${selected ? ' selected' : ''}`}
        aria-current={selected ? 'true' : undefined}
        onClick={() => onOpen(deal.id)}
        onKeyDown={(e) => {
          if (e.key === 'Enter' || e.key === ' ') {
            e.preventDefault()
            onOpen(deal.id)
          }
        }}
      >
        <div className="deal-card-top">
          <span className="strong deal-card-name">{deal.name}</span>
          <Chip tone={scoreTone(deal.evidenceScore)} title="Evidence score">
            {deal.evidenceScore}
          </Chip>
        </div>
        <div className="muted small">{deal.accountName}</div>
        <div className="deal-card-figures small">
          <span className="strong">{formatMoney(deal.amountMinor, deal.currency, { compact: true })}</span>
          <span className="muted">closes {formatDate(deal.closeDate)}</span>
        </div>
        {deal.flags.length > 0 ? (
          <span className="chips">
            {deal.flags.slice(0, CARD_FLAGS).map((f) => (
              <Chip key={f} tone={deal.acknowledged.includes(f) ? 'neutral' : 'bad'} title={deal.acknowledged.includes(f) ? 'Acknowledged' : undefined}>
                {FLAG_LABELS[f]}
              </Chip>
            ))}
            {deal.flags.length > CARD_FLAGS ? (
              <Chip title={deal.flags.slice(CARD_FLAGS).map((f) => FLAG_LABELS[f]).join(', ')}>+{deal.flags.length - CARD_FLAGS}</Chip>
            ) : null}
          </span>
        ) : (
          <span className="chips">
            <Chip tone="good">No flags</Chip>
          </span>
        )}
      </div>
    </li>
  )
}
