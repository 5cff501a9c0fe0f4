// Small form pieces for visibility's data entry: a labelled field with its inline message, and the checks main repeats.
import { useId, type ReactNode, type Ref } from 'react'

/** The part of a main-process message about one input field ("competitors.create: input.name: …" → "…"), if it is about that field. */
export function fieldMessage(error: { message: string } | null | undefined, field: string): string | null {
  if (!error) return null
  const m = new RegExp(`input\\.${field.replace('.', '\\.')}(?:\\.\\d+)?: ([^;]+)`).exec(error.message)
  return m ? m[1]!.trim() : null
}

export function Field({
  label,
  error,
  hint,
  children
}: {
  label: string
  error?: string | null
  hint?: ReactNode
  children: (props: { id: string; 'aria-invalid': boolean; 'aria-describedby': string | undefined }) => ReactNode
}) {
  const id = useId()
  const described = [hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ') || undefined
  return (
    <div className="field vis-field">
      <label htmlFor={id}>{label}</label>
      {children({ id, 'aria-invalid': Boolean(error), 'aria-describedby': described })}
      {hint ? (
        <span id={`${id}-hint`} className="muted small">
          {hint}
        </span>
      ) : null}
      {error ? (
        <span id={`${id}-error`} className="vis-field-error">
          {error}
        </span>
      ) : null}
    </div>
  )
}

export type Problems<K extends string> = Partial<Record<K, string>>

/** Focuses the first field with a problem, in the order the form shows them. */
export function focusFirst<K extends string>(problems: Problems<K>, order: readonly K[], refs: Partial<Record<K, { current: HTMLElement | null }>>): void {
  const first = order.find((k) => problems[k])
  if (first) refs[first]?.current?.focus()
}

export function wholeNumberProblem(value: string, { min = 0, max = 100_000_000, required = true } = {}): string | undefined {
  const t = value.trim()
  if (t === '') return required ? 'Required; write 0 if none.' : undefined
  if (!/^-?\d+$/.test(t)) return 'A whole number, please.'
  const n = Number(t)
  if (n < min) return min === 0 ? 'Cannot be negative.' : `At least ${min}.`
  if (n > max) return `At most ${max.toLocaleString()}.`
  return undefined
}

export function decimalProblem(value: string, max: number): string | undefined {
  const t = value.trim()
  if (t === '') return undefined
  if (!/^-?\d+(\.\d+)?$/.test(t)) return 'A number, please (decimals with a point).'
  const n = Number(t)
  if (n < 0) return 'Cannot be negative.'
  if (n > max) return `At most ${max.toLocaleString()}.`
  return undefined
}

/** The same rule as main: only http(s) addresses are kept as profile links. */
export function profileUrlProblem(value: string): string | undefined {
  const t = value.trim()
  if (t === '') return undefined
  try {
    const u = new URL(t)
    if ((u.protocol === 'http:' || u.protocol === 'https:') && /^https?:\/\//i.test(t)) return undefined
  } catch {
    // falls through
  }
  return 'An http(s) address, e.g. https://www.linkedin.com/in/name.'
}

/** Today as the user's calendar shows it, YYYY-MM-DD. */
export function localToday(): string {
  const d = new Date()
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`
}

export type InputRef = Ref<HTMLInputElement>
