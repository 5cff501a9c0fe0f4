// Saved views on the Pipeline page: pick one to restore its filters, sort, close period and layout; save the current set under a name; delete.
import { useState } from 'react'
import type { SavedView } from '@shared/contract'
import { ErrorBanner } from '../../kit/kit'
import { useSavedViews } from './hooks'

export function SavedViews({ current, onApply }: { current: Omit<SavedView, 'name'>; onApply: (view: SavedView) => void }) {
  const { views, save, remove } = useSavedViews()
  const [chosen, setChosen] = useState('')
  const [naming, setNaming] = useState(false)
  const [name, setName] = useState('')
  const [problem, setProblem] = useState<string | null>(null)
  const list = views.data ?? []

  return (
    <div className="saved-views">
      <label>
        Saved view
        <select
          value={chosen}
          onChange={(e) => {
            setChosen(e.target.value)
            const view = list.find((v) => v.name === e.target.value)
            if (view) onApply(view)
          }}
        >
          <option value="">{list.length === 0 ? 'No saved views yet' : 'Choose a view…'}</option>
          {list.map((v) => (
            <option key={v.name} value={v.name}>
              {v.name}
            </option>
          ))}
        </select>
      </label>
      {naming ? (
        <form
          className="inline-form"
          onSubmit={(e) => {
            e.preventDefault()
            const trimmed = name.trim()
            if (!trimmed) return setProblem('Give the view a name.')
            setProblem(null)
            save.mutate(
              { name: trimmed, ...current },
              {
                onSuccess: () => {
                  setNaming(false)
                  setChosen(trimmed)
                  setName('')
                }
              }
            )
          }}
        >
          <label>
            View name
            <input value={name} maxLength={80} autoFocus placeholder="West commit, no evidence" onChange={(e) => setName(e.target.value)} />
          </label>
          <button type="submit" className="button" disabled={save.isPending}>
            Save
          </button>
          <button type="button" className="button" onClick={() => (setNaming(false), setProblem(null), save.reset())}>
            Cancel
          </button>
        </form>
      ) : (
        <div className="saved-views-actions">
          <button type="button" className="button" onClick={() => (setNaming(true), setName(chosen))}>
            Save view…
          </button>
          {chosen ? (
            <button
              type="button"
              className="button"
              disabled={remove.isPending}
              onClick={() => remove.mutate({ name: chosen }, { onSuccess: () => setChosen('') })}
            >
              Delete view
            </button>
          ) : null}
        </div>
      )}
      {problem ? (
        <div className="error-banner" role="alert">
          {problem}
        </div>
      ) : null}
      <ErrorBanner error={views.error ?? save.error ?? remove.error} />
    </div>
  )
}
