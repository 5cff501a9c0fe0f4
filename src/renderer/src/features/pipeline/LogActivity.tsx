// Logging an activity from the deal drawer: what happened, which way, when (today or earlier), with whom; the drawer's evidence refreshes after.
import { useEffect, useId, useRef, useState } from 'react'
import type { DealInspection } from '@shared/contract'
import { LABELS, type ActivityKind, type Direction } from '@shared/domain'
import { ErrorBanner } from '../../kit/kit'
import { useLogActivity } from './hooks'

/** The kinds a manager logs against a deal; "social" is a direct message to someone at the buyer. */
const KINDS: { kind: ActivityKind; label: string; directed: boolean }[] = [
  { kind: 'meeting', label: 'Meeting', directed: true },
  { kind: 'call', label: 'Call', directed: true },
  { kind: 'email', label: 'Email', directed: true },
  { kind: 'social_message', label: 'Social touch', directed: true },
  { kind: 'note', label: 'Note', directed: false }
]

/** Today in the user's calendar, as the date input shows it. */
function localToday(): string {
  const d = new Date()
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`
}

/** Today means now; an earlier day is logged at midday UTC, which stays on that day in the stored UTC timestamp. */
function occurredAt(date: string): string {
  return date === localToday() ? `${new Date().toISOString().slice(0, 19)}Z` : `${date}T12:00:00Z`
}

export function LogActivity({ d }: { d: DealInspection }) {
  const log = useLogActivity()
  const id = useId()
  const [open, setOpen] = useState(false)
  const [kind, setKind] = useState<ActivityKind>('meeting')
  const [direction, setDirection] = useState<Direction>('outbound')
  const [date, setDate] = useState(localToday)
  const [contactId, setContactId] = useState('')
  const [subject, setSubject] = useState('')
  const [notes, setNotes] = useState('')
  const [problem, setProblem] = useState<string | null>(null)
  const [logged, setLogged] = useState<string | null>(null)
  // The form unmounts on save or cancel: focus returns to its opener so keyboard use (and Escape) stays in the drawer.
  const opener = useRef<HTMLButtonElement>(null)
  const [returnFocus, setReturnFocus] = useState(false)
  useEffect(() => {
    if (!open && returnFocus) {
      opener.current?.focus()
      setReturnFocus(false)
    }
  }, [open, returnFocus])
  const directed = KINDS.find((k) => k.kind === kind)?.directed ?? true
  const today = localToday()

  if (!open) {
    return (
      <section aria-label="Log an activity">
        <h3>Evidence</h3>
        {logged ? (
          <p className="small" role="status">
            {logged}
          </p>
        ) : null}
        <button ref={opener} type="button" className="button" onClick={() => (setOpen(true), setLogged(null))}>
          Log an activity…
        </button>
      </section>
    )
  }

  const submit = () => {
    setProblem(null)
    if (!date) return setProblem('Give the date it happened.')
    if (date > today) return setProblem('The date is in the future: log an activity once it has happened.')
    if (kind === 'note' && !subject.trim() && !notes.trim()) return setProblem('A note needs a subject or some text.')
    log.mutate(
      {
        repId: d.deal.ownerId,
        dealId: d.deal.id,
        kind,
        direction: directed ? direction : 'outbound',
        occurredAt: occurredAt(date),
        subject: subject.trim() || undefined,
        outcome: notes.trim() || undefined,
        contactId: contactId ? Number(contactId) : undefined
      },
      {
        onSuccess: (row) => {
          setOpen(false)
          setReturnFocus(true)
          setSubject('')
          setNotes('')
          setContactId('')
          setLogged(`${LABELS.activityKind[row.kind]} logged for ${d.deal.ownerName}; its flags and evidence score are recomputed.`)
        }
      }
    )
  }

  return (
    <section aria-label="Log an activity">
      <h3>Log an activity</h3>
      {/* noValidate: the checks below say what is wrong in words, beside the form, instead of a browser bubble. */}
      <form
        noValidate
        className="log-activity"
        onSubmit={(e) => {
          e.preventDefault()
          submit()
        }}
      >
        <fieldset className="log-kinds">
          <legend>Kind</legend>
          {KINDS.map((k) => (
            <label key={k.kind}>
              <input type="radio" name={`${id}-kind`} value={k.kind} checked={kind === k.kind} onChange={() => setKind(k.kind)} /> {k.label}
            </label>
          ))}
        </fieldset>
        {directed ? (
          <fieldset className="log-kinds">
            <legend>Direction</legend>
            <label>
              <input type="radio" name={`${id}-dir`} checked={direction === 'outbound'} onChange={() => setDirection('outbound')} /> Outbound (we reached out)
            </label>
            <label>
              <input type="radio" name={`${id}-dir`} checked={direction === 'inbound'} onChange={() => setDirection('inbound')} /> Inbound (the buyer did)
            </label>
          </fieldset>
        ) : null}
        <label className="field">
          Date
          <input type="date" value={date} max={today} required onChange={(e) => (setDate(e.target.value), setProblem(null))} />
        </label>
        <label className="field">
          Contact
          <select value={contactId} onChange={(e) => setContactId(e.target.value)}>
            <option value="">Nobody in particular</option>
            {d.accountContacts.map((c) => (
              <option key={c.id} value={c.id}>
                {c.name}
                {c.buyingRole ? ` (${LABELS.buyingRole[c.buyingRole]})` : ''}
              </option>
            ))}
          </select>
        </label>
        <label className="field">
          Subject
          <input value={subject} maxLength={500} placeholder="Pricing walkthrough with the CFO" onChange={(e) => setSubject(e.target.value)} />
        </label>
        <label className="field">
          Notes
          <textarea value={notes} maxLength={2000} rows={3} placeholder="What was said, what happens next" onChange={(e) => setNotes(e.target.value)} />
        </label>
        <p className="muted small">Logged as {d.deal.ownerName}, the deal's owner.</p>
        {problem ? (
          <div className="error-banner" role="alert">
            {problem}
          </div>
        ) : null}
        <ErrorBanner error={log.error} />
        <div className="log-actions">
          <button type="submit" className="button primary" disabled={log.isPending}>
            {log.isPending ? 'Saving…' : 'Save activity'}
          </button>
          <button type="button" className="button" onClick={() => (setOpen(false), setReturnFocus(true), setProblem(null), log.reset())}>
            Cancel
          </button>
        </div>
      </form>
    </section>
  )
}
