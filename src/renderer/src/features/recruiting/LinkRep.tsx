// For a hire in the candidate profile: the rep on a team they became, so their interview scores meet later attainment.
import { useState } from 'react'
import type { ApplicationView } from '@shared/contract'
import { ErrorBanner } from '../../kit/kit'
import { useCall, useCallMutation } from '../../api/query'
import './outcomes.css'

export function LinkRep({ candidateId, application: a }: { candidateId: number; application: ApplicationView }) {
  const [editing, setEditing] = useState(false)
  const [repId, setRepId] = useState('')
  // The rep list is read only once the manager asks to link: most profiles never need it.
  const reps = useCall('reps.list', { status: 'all', limit: 500 }, { enabled: editing })
  const link = useCallMutation('candidates.linkRep')
  if (a.stage !== 'hired' && a.linkedRep === null) return null
  const save = (id: number | null) =>
    link.mutate({ candidateId, requisitionId: a.requisitionId, repId: id }, { onSuccess: () => (setEditing(false), setRepId('')) })
  return (
    <div className="link-rep">
      {a.linkedRep && !editing ? (
        <>
          <span>
            Became rep <strong>{a.linkedRep.name}</strong>
            {a.linkedRep.teamName ? ` (${a.linkedRep.teamName})` : ''}
          </span>
          <button type="button" className="button small" onClick={() => setEditing(true)}>
            Change rep
          </button>
          <button type="button" className="button small" disabled={link.isPending} onClick={() => save(null)}>
            Unlink
          </button>
        </>
      ) : editing ? (
        <form
          className="link-rep"
          onSubmit={(e) => {
            e.preventDefault()
            if (repId) save(Number(repId))
          }}
        >
          <label>
            Rep this hire became{' '}
            <select value={repId} onChange={(e) => setRepId(e.target.value)} disabled={reps.isPending} autoFocus>
              <option value="">{reps.isPending ? 'Loading reps…' : 'Choose a rep…'}</option>
              {(reps.data?.rows ?? []).map((r) => (
                <option key={r.id} value={r.id}>
                  {r.name}
                  {r.teamName ? ` · ${r.teamName}` : ''}
                  {r.hireDate ? ` · hired ${r.hireDate}` : ''}
                </option>
              ))}
            </select>
          </label>
          <button type="submit" className="button small primary" disabled={!repId || link.isPending}>
            Link
          </button>
          <button type="button" className="button small" onClick={() => (setEditing(false), link.reset())}>
            Cancel
          </button>
        </form>
      ) : (
        <button type="button" className="button small" onClick={() => setEditing(true)}>
          Link to rep
        </button>
      )}
      <ErrorBanner error={reps.error ?? link.error} />
    </div>
  )
}
