// Erasing a candidate for good: a dialog that asks for their name, says honestly what stays (backups), then offers to compact.
import { useEffect, useId, useRef, useState, type FormEvent } from 'react'
import type { CandidateDetail, CandidateErasure } from '@shared/contract'
import { useCall, useCallMutation } from '../../api/query'
import { ErrorBanner } from '../../kit/kit'
import { bytes } from '../settings/CompactPanel'
import './erase.css'

const count = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`
const sameName = (typed: string, name: string) => typed.trim().normalize('NFC') === name.trim().normalize('NFC')

/** The button in the drawer and, once pressed, the modal dialog. */
export function EraseCandidateButton({ candidate, onErased }: { candidate: CandidateDetail; onErased: (result: CandidateErasure, name: string) => void }) {
  const [open, setOpen] = useState(false)
  if (candidate.mergedInto !== null) {
    return <p className="muted small">This profile was merged into candidate #{candidate.mergedInto}; erase that profile to erase both.</p>
  }
  return (
    <>
      <button type="button" className="button danger" onClick={() => setOpen(true)}>
        Erase candidate…
      </button>
      {open ? <EraseDialog candidate={candidate} onClose={() => setOpen(false)} onErased={onErased} /> : null}
    </>
  )
}

function EraseDialog({ candidate, onClose, onErased }: { candidate: CandidateDetail; onClose: () => void; onErased: (result: CandidateErasure, name: string) => void }) {
  const ref = useRef<HTMLDialogElement>(null)
  const titleId = useId()
  const inputId = useId()
  const [typed, setTyped] = useState('')
  const erase = useCallMutation('recruiting.eraseCandidate')
  const backups = useCall('backups.list', {})
  useEffect(() => {
    const dialog = ref.current
    if (!dialog) return
    const opener = document.activeElement instanceof HTMLElement ? document.activeElement : null
    if (!dialog.open) dialog.showModal()
    dialog.querySelector<HTMLInputElement>('input')?.focus()
    return () => {
      if (dialog.open) dialog.close()
      if (opener?.isConnected) opener.focus()
    }
  }, [])
  const matches = sameName(typed, candidate.name)
  const submit = (e: FormEvent) => {
    e.preventDefault()
    if (!matches || erase.isPending) return
    const name = candidate.name
    erase.mutate({ id: candidate.id, confirmName: typed }, { onSuccess: (result) => onErased(result, name) })
  }
  const scorecards = candidate.interviews.length
  return (
    <dialog
      ref={ref}
      className="erase-dialog"
      aria-labelledby={titleId}
      onCancel={(e) => {
        e.preventDefault()
        onClose()
      }}
    >
      <form onSubmit={submit} noValidate>
        <h2 id={titleId}>Erase {candidate.name}?</h2>
        <p>
          This removes their profile, contact details, research notes, track record, every application and stage move, and{' '}
          {scorecards === 1 ? 'the one scorecard' : `all ${scorecards} scorecards`} written about them, together with any duplicate profiles merged into
          this one. It cannot be undone.
        </p>
        <BackupsNote list={backups.data} />
        <label htmlFor={inputId}>Type the candidate’s name to confirm</label>
        <input
          id={inputId}
          value={typed}
          onChange={(e) => setTyped(e.target.value)}
          maxLength={200}
          autoComplete="off"
          spellCheck={false}
          placeholder={candidate.name}
          aria-invalid={typed.length > 0 && !matches}
        />
        <ErrorBanner error={erase.error} />
        <div className="erase-actions">
          <button type="button" className="button" onClick={onClose}>
            Cancel
          </button>
          <button type="submit" className="button danger" disabled={!matches || erase.isPending} aria-busy={erase.isPending}>
            {erase.isPending ? 'Erasing…' : 'Erase for good'}
          </button>
        </div>
      </form>
    </dialog>
  )
}

/** Honest about the copies erasing cannot reach: backups already written hold the candidate until rotated out. */
function BackupsNote({ list }: { list: { folder: string; keep: number; backups: unknown[] } | undefined }) {
  if (!list) return <p className="erase-backups">Checking the backups folder…</p>
  if (list.backups.length === 0) {
    return <p className="erase-backups">There are no backups of this workspace yet, so no other copy of this candidate remains.</p>
  }
  return (
    <p className="erase-backups">
      <strong>Backups still hold them.</strong> The {count(list.backups.length, 'backup')} already in <code>{list.folder}</code> still{' '}
      {list.backups.length === 1 ? 'holds' : 'hold'} this candidate. Touchline keeps the newest {list.keep}, so those copies disappear only as newer backups replace them; delete the older files from
      that folder yourself if they must go now.
    </p>
  )
}

/** Shown in the drawer once the candidate is gone: what went, and compacting so no fragments stay in the file. */
export function ErasedNotice({ result, name, onClose }: { result: CandidateErasure; name: string; onClose: () => void }) {
  const compact = useCallMutation('workspace.compact')
  const first = useRef<HTMLButtonElement>(null)
  // The dialog that had focus is gone: keyboard users land on the next step, not at the top of the page.
  useEffect(() => first.current?.focus(), [])
  return (
    <div className="drawer-body erased" role="status">
      <p className="notice">
        {name} was erased: {count(result.profiles, 'profile')}, {count(result.applications, 'application')}, {count(result.stageMoves, 'stage move')},{' '}
        {count(result.trackRecordYears, 'track-record year')} and {count(result.scorecards, 'scorecard')}.
      </p>
      <p>
        Compact the workspace now so no leftover fragments of the deleted rows stay inside the file. Backups taken before the erase still hold this
        candidate until newer backups replace them.
      </p>
      <ErrorBanner error={compact.error} />
      {compact.data ? (
        <p className="notice">
          Compacted: {bytes(compact.data.bytesBefore)} → {bytes(compact.data.bytesAfter)}. A clean backup was taken first ({compact.data.backup}).
        </p>
      ) : null}
      <div className="erase-actions">
        <button ref={first} type="button" className="button primary" onClick={() => compact.mutate({})} disabled={compact.isPending || compact.isSuccess}>
          {compact.isPending ? 'Compacting…' : compact.isSuccess ? 'Compacted' : 'Compact now'}
        </button>
        <button type="button" className="button" onClick={onClose}>
          Close
        </button>
      </div>
    </div>
  )
}
