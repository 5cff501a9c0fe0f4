// A competitor's relationship count in one tier-one account, editable in place: Enter saves, Escape cancels, empty means not known.
import { useEffect, useId, useRef, useState, type CSSProperties } from 'react'

const MAX = 100_000

export function CountCell({
  count,
  label,
  className,
  style,
  onSave
}: {
  count: number | null
  /** "Altmark in Barclays Bank": names the cell for screen readers. */
  label: string
  className: string
  style?: CSSProperties
  onSave: (count: number | null) => Promise<unknown>
}) {
  const [editing, setEditing] = useState(false)
  const [text, setText] = useState('')
  const [problem, setProblem] = useState<string | null>(null)
  const [saving, setSaving] = useState(false)
  const button = useRef<HTMLButtonElement>(null)
  const input = useRef<HTMLInputElement>(null)
  const refocus = useRef(false)
  const problemId = useId()

  useEffect(() => {
    if (editing) input.current?.select()
    else if (refocus.current) {
      refocus.current = false
      button.current?.focus()
    }
  }, [editing])

  const close = () => {
    refocus.current = true
    setEditing(false)
    setProblem(null)
  }

  const save = async () => {
    const t = text.trim()
    if (t !== '' && !/^\d+$/.test(t)) return setProblem('A whole number of 0 or more, or empty for not known.')
    const next = t === '' ? null : Number(t)
    if (next !== null && next > MAX) return setProblem(`At most ${MAX.toLocaleString()}.`)
    if (next === count) return close()
    setSaving(true)
    try {
      await onSave(next)
      close()
    } catch (err) {
      setProblem(err instanceof Error ? err.message : 'Could not save.')
    } finally {
      setSaving(false)
    }
  }

  if (!editing) {
    return (
      <td className={`num ${className}`} style={style}>
        <button
          ref={button}
          type="button"
          className="vis-count"
          aria-label={`${label}: ${count === null ? 'not known' : `${count} relationships`}. Edit`}
          title="Edit the count (Enter saves, Escape cancels, empty = not known)"
          onClick={() => {
            setText(count === null ? '' : String(count))
            setEditing(true)
          }}
        >
          {count ?? '?'}
        </button>
      </td>
    )
  }
  return (
    <td className="num vis-count-editing">
      <input
        ref={input}
        className="vis-count-input"
        type="number"
        min={0}
        max={MAX}
        step={1}
        inputMode="numeric"
        aria-label={`${label}: relationships (empty = not known)`}
        aria-invalid={Boolean(problem)}
        aria-describedby={problem ? problemId : undefined}
        value={text}
        disabled={saving}
        onChange={(e) => {
          setText(e.target.value)
          setProblem(null)
        }}
        onKeyDown={(e) => {
          if (e.key === 'Enter') {
            e.preventDefault()
            void save()
          } else if (e.key === 'Escape') {
            e.preventDefault()
            close()
          }
        }}
      />
      {problem ? (
        <div id={problemId} className="vis-field-error" role="alert">
          {problem}
        </div>
      ) : null}
    </td>
  )
}
