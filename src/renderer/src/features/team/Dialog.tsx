// A modal form dialog on the native <dialog>: focus moves into it and back to the opener, Escape closes, Enter submits.
import { useEffect, useId, useRef, type FormEvent, type ReactNode } from 'react'

export function Dialog({
  title,
  onClose,
  onSubmit,
  submitLabel,
  busy = false,
  problem,
  children
}: {
  title: string
  onClose: () => void
  onSubmit: () => void
  submitLabel: string
  busy?: boolean
  /** An error that belongs to no single field (or came back from main without one). */
  problem?: string | null
  children: ReactNode
}) {
  const ref = useRef<HTMLDialogElement>(null)
  const titleId = useId()
  useEffect(() => {
    const dialog = ref.current
    if (!dialog) return
    const opener = document.activeElement instanceof HTMLElement ? document.activeElement : null
    if (!dialog.open) dialog.showModal()
    dialog.querySelector<HTMLElement>('input:not([disabled]), select:not([disabled]), textarea:not([disabled])')?.focus()
    return () => {
      if (dialog.open) dialog.close()
      // Back where the person was: the button that opened the dialog, if it is still on the page.
      if (opener?.isConnected) opener.focus()
    }
  }, [])
  const submit = (e: FormEvent) => {
    e.preventDefault()
    if (!busy) onSubmit()
  }
  return (
    <dialog
      ref={ref}
      className="form-dialog"
      aria-labelledby={titleId}
      onCancel={(e) => {
        // Escape: React owns whether the dialog is shown, so close through the parent.
        e.preventDefault()
        onClose()
      }}
    >
      <form onSubmit={submit} noValidate>
        <h2 id={titleId}>{title}</h2>
        <div className="form-dialog-body">{children}</div>
        {problem ? (
          <p className="form-problem" role="alert">
            {problem}
          </p>
        ) : null}
        <div className="form-dialog-actions">
          <button type="button" className="button" onClick={onClose}>
            Cancel
          </button>
          <button type="submit" className="button primary" disabled={busy} aria-busy={busy}>
            {busy ? 'Saving…' : submitLabel}
          </button>
        </div>
      </form>
    </dialog>
  )
}

/** A labelled input with its error under it, tied by aria-describedby so a screen reader reads both. */
export function Field({ label, error, hint, children }: { label: string; error?: string | null; hint?: ReactNode; children: (props: { id: string; 'aria-invalid': boolean; 'aria-describedby'?: string }) => ReactNode }) {
  const id = useId()
  const errorId = `${id}-error`
  const hintId = `${id}-hint`
  const describedBy = [error ? errorId : null, hint ? hintId : null].filter(Boolean).join(' ') || undefined
  return (
    <div className="dialog-field">
      <label htmlFor={id}>{label}</label>
      {children({ id, 'aria-invalid': Boolean(error), 'aria-describedby': describedBy })}
      {hint ? (
        <span id={hintId} className="muted small">
          {hint}
        </span>
      ) : null}
      {error ? (
        <span id={errorId} className="field-error">
          {error}
        </span>
      ) : null}
    </div>
  )
}

/**
 * Main names the field in its messages ("reps.create: input.email: expected an email address…"): the part after the
 * field goes under that field, anything else above the buttons.
 */
export function splitError(message: string, fields: readonly string[]): { field: string | null; text: string } {
  const m = /^[\w.]+: input\.(\w+): (.*)$/s.exec(message)
  if (m && fields.includes(m[1]!)) return { field: m[1]!, text: m[2]!.charAt(0).toUpperCase() + m[2]!.slice(1) }
  return { field: null, text: message.replace(/^[\w.]+: (input(\.\w+)?: )?/, '') }
}
