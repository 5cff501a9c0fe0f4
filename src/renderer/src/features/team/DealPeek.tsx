// A deal opened from the prep sheet: its figures, inspection's flags with their sentences and the next step, beside the sheet.
import type { DealInspection } from '@shared/contract'
import { LABELS } from '@shared/domain'
import { FLAG_LABELS } from '@shared/inspection'
import { useCall } from '../../api/query'
import { Chip, ErrorBanner, Loading } from '../../kit/kit'
import { formatDate, formatMoney } from '../../kit/format'

function Body({ d }: { d: DealInspection }) {
  return (
    <>
      <p className="muted small">
        {d.deal.accountName} · {LABELS.stage[d.deal.stage]} · {LABELS.forecastCategory[d.deal.forecastCategory]} ·{' '}
        {formatMoney(d.deal.amountMinor, d.deal.currency)} · closes {formatDate(d.deal.closeDate)}
      </p>
      <p>
        Evidence score <span className="strong">{d.evidenceScore}</span> · last activity {formatDate(d.lastActivityAt)}
      </p>
      {d.flags.length ? (
        <ul className="flag-reasons">
          {d.flags.map((f) => (
            <li key={f.flag}>
              <Chip tone="bad">{FLAG_LABELS[f.flag]}</Chip> {f.sentence}
            </li>
          ))}
        </ul>
      ) : (
        <p className="muted">No flags.</p>
      )}
      <p className="small">
        <span className="muted">Next step:</span> {d.deal.nextStep ?? '—'}
      </p>
    </>
  )
}

export function DealPeek({ dealId, onClose }: { dealId: number; onClose: () => void }) {
  const deal = useCall('deals.inspect', { id: dealId })
  return (
    <aside className="deal-peek no-print" aria-label="Deal">
      <div className="deal-peek-head">
        <h3>{deal.data?.deal.name ?? 'Deal'}</h3>
        <button type="button" className="button" onClick={onClose} aria-label="Close deal">
          ✕
        </button>
      </div>
      <ErrorBanner error={deal.error} />
      {deal.data ? <Body d={deal.data} /> : deal.isPending ? <Loading label="Opening the deal…" /> : null}
    </aside>
  )
}
