// The deal drawer: flags with their reasons, acknowledgements, the manager's call, qualification, timeline, contacts, relationships.
import { useEffect, useRef, useState } from 'react'
import type { DealInspection, FlagExplained } from '@shared/contract'
import { LABELS, QUALIFICATION_CRITERIA, type QualificationCriterion } from '@shared/domain'
import { FLAG_LABELS } from '@shared/inspection'
import { Chip, ErrorBanner, Loading } from '../../kit/kit'
import { formatDate, formatMoney } from '../../kit/format'
import { useDealInspection, useInspectionWrites } from './hooks'
import { LogActivity } from './LogActivity'

export function DealDrawer({ dealId, onClose }: { dealId: number; onClose: () => void }) {
  const inspection = useDealInspection(dealId)
  const ref = useRef<HTMLElement>(null)
  useEffect(() => ref.current?.focus(), [dealId])
  return (
    <aside
      ref={ref}
      className="deal-drawer"
      role="dialog"
      aria-label="Deal details"
      tabIndex={-1}
      onKeyDown={(e) => {
        if (e.key === 'Escape') onClose()
      }}
    >
      <div className="deal-drawer-head">
        <h2>{inspection.data?.deal.name ?? 'Deal'}</h2>
        <button type="button" className="button" onClick={onClose} aria-label="Close deal details">
          ✕
        </button>
      </div>
      <ErrorBanner error={inspection.error} />
      {inspection.isPending ? <Loading label="Loading the deal…" /> : inspection.data ? <DrawerBody d={inspection.data} /> : null}
    </aside>
  )
}

function DrawerBody({ d }: { d: DealInspection }) {
  const deal = d.deal
  return (
    <div className="deal-drawer-body">
      <dl className="facts">
        <dt>Account</dt>
        <dd>
          {deal.accountName} <Chip tone={deal.tier === 1 ? 'info' : 'neutral'}>T{deal.tier}</Chip>
        </dd>
        <dt>Owner</dt>
        <dd>{deal.ownerName}</dd>
        <dt>Amount</dt>
        <dd>{formatMoney(deal.amountMinor, deal.currency)}</dd>
        <dt>Stage · forecast</dt>
        <dd>
          {LABELS.stage[deal.stage]} · {LABELS.forecastCategory[deal.forecastCategory]} · closes {formatDate(deal.closeDate)}
        </dd>
        <dt>Evidence score</dt>
        <dd>
          <strong>{d.evidenceScore}</strong> / 100 {d.evidenceBacked ? <Chip tone="good">Evidence-backed</Chip> : <Chip tone="bad">Not evidence-backed</Chip>}
          <details className="small">
            <summary>How is this scored?</summary>
            <pre className="explain">{d.scoreExplained}</pre>
          </details>
        </dd>
        <dt>Customer's alternative</dt>
        <dd>{deal.alternative ? `${LABELS.alternative[deal.alternative]}${deal.competitorName ? ` (${deal.competitorName})` : ''}` : '—'}</dd>
        {deal.lossReason ? (
          <>
            <dt>Loss reason</dt>
            <dd>{LABELS.lossReason[deal.lossReason]}</dd>
          </>
        ) : null}
      </dl>

      <section aria-label="Flags">
        <h3>Why is this flagged?</h3>
        {d.flags.length === 0 ? <p className="muted">No flags: the evidence backs this deal.</p> : null}
        <ul className="flag-list">
          {d.flags.map((f) => (
            <FlagItem key={f.flag} dealId={deal.id} f={f} />
          ))}
        </ul>
      </section>

      <LogActivity key={deal.id} d={d} />
      <ManagerCall d={d} />
      <Criteria d={d} />

      <section aria-label="Contacts">
        <h3>Contacts at the account</h3>
        <ul className="plain-list">
          {d.accountContacts.map((c) => (
            <li key={c.id}>
              <span className="strong">{c.name}</span> <span className="muted">{c.title ?? ''}</span>{' '}
              {c.buyingRole ? <Chip tone={c.buyingRole === 'economic_buyer' ? 'info' : 'neutral'}>{LABELS.buyingRole[c.buyingRole]}</Chip> : null}{' '}
              {c.engaged ? <Chip tone="good">Engaged</Chip> : null}{' '}
              <span className="muted small">last touch {formatDate(c.lastEngagedAt)}</span>
            </li>
          ))}
          {d.accountContacts.length === 0 ? <li className="muted">No contacts known at this account.</li> : null}
        </ul>
      </section>

      <section aria-label="Relationships">
        <h3>The team's relationships at the account</h3>
        <ul className="plain-list">
          {d.relationships.map((r, i) => (
            <li key={`${r.repId}-${i}`}>
              {r.repName} knows {r.personName} {r.isOwner ? <Chip tone="good">Owner</Chip> : r.sameTeam ? <Chip>Team</Chip> : <Chip>Other team</Chip>}
            </li>
          ))}
          {d.relationships.length === 0 ? <li className="muted">Nobody on the team has a connection here.</li> : null}
        </ul>
      </section>

      <section aria-label="Timeline">
        <h3>Timeline</h3>
        <ol className="timeline">
          {d.timeline.slice(0, 40).map((t, i) => (
            <li key={i}>
              <span className="muted small">{formatDate(t.at)}</span>{' '}
              {t.type === 'activity'
                ? `${LABELS.activityKind[t.kind]} (${t.direction}) by ${t.repName}${t.contactName ? ` with ${t.contactName}` : ''}${t.subject ? `: ${t.subject}` : ''}`
                : t.type === 'stage'
                  ? `Entered ${LABELS.stage[t.stage]}`
                  : `Close date moved from ${formatDate(t.previousCloseDate)} to ${formatDate(t.closeDate)}`}
            </li>
          ))}
        </ol>
      </section>
    </div>
  )
}

function FlagItem({ dealId, f }: { dealId: number; f: FlagExplained }) {
  const { acknowledge } = useInspectionWrites()
  const [open, setOpen] = useState(false)
  const [reason, setReason] = useState('')
  const [until, setUntil] = useState('')
  return (
    <li className="flag-item">
      <Chip tone={f.acknowledged ? 'neutral' : 'bad'}>{FLAG_LABELS[f.flag]}</Chip> <span className="flag-reason">{f.sentence}</span>
      {f.since ? <span className="muted small"> Since {formatDate(f.since)}.</span> : null}
      {f.acknowledged ? (
        <div className="muted small">
          Acknowledged: {f.acknowledged.reason} (until {formatDate(f.acknowledged.until)})
        </div>
      ) : open ? (
        <form
          className="inline-form"
          onSubmit={(e) => {
            e.preventDefault()
            acknowledge.mutate({ dealId, flag: f.flag, reason, until }, { onSuccess: () => setOpen(false) })
          }}
        >
          <input aria-label="Reason" placeholder="Known: legal review" value={reason} onChange={(e) => setReason(e.target.value)} />
          <input aria-label="Until" type="date" value={until} onChange={(e) => setUntil(e.target.value)} />
          <button type="submit" className="button">
            Acknowledge
          </button>
          <ErrorBanner error={acknowledge.error} />
        </form>
      ) : (
        <button type="button" className="link-button" onClick={() => setOpen(true)}>
          Acknowledge…
        </button>
      )}
    </li>
  )
}

function ManagerCall({ d }: { d: DealInspection }) {
  const { managerCall } = useInspectionWrites()
  return (
    <section aria-label="Manager's call">
      <h3>Your call</h3>
      <div className="segmented" role="group" aria-label="Manager's call">
        {(
          [
            [null, 'No call'],
            ['forecast', 'I would forecast this'],
            ['would_not_forecast', 'I would not forecast this']
          ] as const
        ).map(([value, label]) => (
          <button
            key={label}
            type="button"
            className={`tab${d.managerCall === value ? ' active' : ''}`}
            aria-pressed={d.managerCall === value}
            onClick={() => managerCall.mutate({ dealId: d.deal.id, managerCall: value })}
          >
            {label}
          </button>
        ))}
      </div>
      <ErrorBanner error={managerCall.error} />
    </section>
  )
}

function Criteria({ d }: { d: DealInspection }) {
  return (
    <section aria-label="Qualification">
      <h3>Qualification (1 × 1 × 1 × 0 = 0)</h3>
      <ul className="plain-list">
        {QUALIFICATION_CRITERIA.map((c) => (
          <CriterionRow key={c} d={d} criterion={c} />
        ))}
      </ul>
    </section>
  )
}

function CriterionRow({ d, criterion }: { d: DealInspection; criterion: QualificationCriterion }) {
  const { criterion: write } = useInspectionWrites()
  const current = d.deal.criteria.find((c) => c.criterion === criterion)
  const met = current?.met ?? false
  const [evidence, setEvidence] = useState(current?.evidence ?? '')
  const label = LABELS.criterion[criterion]
  return (
    <li className="criterion">
      <span className={met ? 'chip chip-good' : 'chip chip-bad'}>{met ? '1' : '0'}</span> <span className="strong">{label}</span>
      <input aria-label={`Evidence for ${label}`} placeholder="What shows it?" value={evidence} onChange={(e) => setEvidence(e.target.value)} />
      <button
        type="button"
        className="button"
        onClick={() => write.mutate({ dealId: d.deal.id, criterion, met: !met, evidence: evidence.trim() || null })}
      >
        {met ? `Mark ${label} not met` : `Mark ${label} met`}
      </button>
      <ErrorBanner error={write.error} />
    </li>
  )
}
