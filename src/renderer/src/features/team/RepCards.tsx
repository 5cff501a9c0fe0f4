// The team at a glance: one card per rep with attainment, coverage, flagged deals, days since the 1:1 and visibility.
import type { ReactNode } from 'react'
import type { RepCard } from '@shared/contract'
import { Chip } from '../../kit/kit'
import { formatMoney } from '../../kit/format'

const pct = (v: number | null) => (v === null ? '—' : `${Math.round(v * 100)} %`)

export function RepCards({ cards, onOpen, actions }: { cards: RepCard[]; onOpen: (repId: number) => void; actions?: (card: RepCard) => ReactNode }) {
  return (
    <ul className="rep-cards" aria-label="Reps">
      {cards.map((c) => (
        <li key={c.repId}>
          <button type="button" className="rep-card" onClick={() => onOpen(c.repId)} aria-label={`Open ${c.name}`}>
            <div className="rep-card-head">
              <span className="strong">{c.name}</span>
              <span className="muted small">{c.teamName ?? 'No team'} · {c.role.toUpperCase()}</span>
            </div>
            <dl className="rep-card-figures">
              <div>
                <dt>Attainment</dt>
                <dd>{pct(c.attainment)}</dd>
              </div>
              <div>
                <dt>Coverage</dt>
                <dd className={c.coverage !== null && c.coverage < 3 ? 'warn-text' : undefined}>{c.coverage === null ? 'met' : `${c.coverage.toFixed(1)}×`}</dd>
              </div>
              <div>
                <dt>Pipeline</dt>
                <dd>{formatMoney(c.openPipelineMinor, c.currency, { compact: true })}</dd>
              </div>
              <div>
                <dt>Visible</dt>
                <dd className={c.visibilityShare < 0.3 ? 'warn-text' : undefined}>{c.publicDays}/30 d</dd>
              </div>
            </dl>
            <div className="chips">
              {c.flaggedDeals > 0 ? <Chip tone="bad">{c.flaggedDeals} flagged</Chip> : <Chip tone="good">No flags</Chip>}
              <Chip tone={c.daysSinceLastOneOnOne === null || c.daysSinceLastOneOnOne > 14 ? 'warn' : 'neutral'}>
                {c.daysSinceLastOneOnOne === null ? 'No 1:1 yet' : c.daysSinceLastOneOnOne === 0 ? '1:1 today' : `1:1 ${c.daysSinceLastOneOnOne} d ago`}
              </Chip>
              {c.openActionItems > 0 ? <Chip tone="info">{c.openActionItems} open items</Chip> : null}
            </div>
          </button>
          {actions ? <div className="rep-card-actions no-print">{actions(c)}</div> : null}
        </li>
      ))}
    </ul>
  )
}
