// For a hire in the candidate profile: the rep on a team they became, so their interview scores meet later attainment.
import { useState, type FormEvent } from 'react'
import type { ApplicationView } from '@shared/contract'
import { REP_ROLES, type RepRole } from '@shared/domain'
import { ErrorBanner } from '../../kit/kit'
import { useCall, useCallMutation } from '../../api/query'
import './outcomes.css'

const ROLE: Record<RepRole, string> = {
  ae: 'Account executive (AE)',
  sdr: 'Sales development (SDR)',
  am: 'Account manager (AM)',
  se: 'Sales engineer (SE)',
  manager: 'Manager',
  leader: 'Sales leader'
}

export function LinkRep({ candidateId, application: a }: { candidateId: number; application: ApplicationView }) {
  const [editing, setEditing] = useState(false)
  const [creating, setCreating] = useState(false)
  const [repId, setRepId] = useState('')
  // The rep list is read only once the manager asks to link: most profiles never need it.
  const reps = useCall('reps.list', { status: 'all', limit: 500 }, { enabled: editing })
  const link = useCallMutation('candidates.linkRep')
  if (a.stage !== 'hired' && a.linkedRep === null) return null
  if (creating) return <NewRep candidateId={candidateId} requisitionId={a.requisitionId} onDone={() => (setCreating(false), setEditing(false))} />
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
        <>
          <button type="button" className="button small" onClick={() => setEditing(true)}>
            Link to rep
          </button>
          <button type="button" className="button small" onClick={() => setCreating(true)}>
            Add as a new rep
          </button>
        </>
      )}
      <ErrorBanner error={reps.error ?? link.error} />
    </div>
  )
}

/** The hire joins a team as a new rep under their own name: team, role, annual quota and first day, then linked. */
function NewRep({ candidateId, requisitionId, onDone }: { candidateId: number; requisitionId: number; onDone: () => void }) {
  const teams = useCall('teams.list', {})
  const hire = useCallMutation('candidates.hireAsRep')
  const [f, setF] = useState({ teamId: '', role: 'ae' as RepRole, quota: '', hireDate: '' })
  const quota = Number(f.quota)
  const ready = f.teamId !== '' && f.hireDate !== '' && f.quota !== '' && Number.isFinite(quota) && quota >= 0
  const submit = (e: FormEvent) => {
    e.preventDefault()
    if (!ready) return
    hire.mutate(
      { candidateId, requisitionId, teamId: Number(f.teamId), role: f.role, hireDate: f.hireDate, quotaMinor: Math.round(quota * 100) },
      { onSuccess: onDone }
    )
  }
  return (
    <form className="link-rep new-rep" onSubmit={submit} aria-label="Add the hire as a new rep">
      <label>
        Team{' '}
        <select value={f.teamId} onChange={(e) => setF({ ...f, teamId: e.target.value })} required autoFocus>
          <option value="">{teams.isPending ? 'Loading teams…' : 'Choose a team…'}</option>
          {(teams.data ?? []).map((t) => (
            <option key={t.id} value={t.id}>
              {t.name}
            </option>
          ))}
        </select>
      </label>
      <label>
        Role{' '}
        <select value={f.role} onChange={(e) => setF({ ...f, role: e.target.value as RepRole })}>
          {REP_ROLES.map((r) => (
            <option key={r} value={r}>
              {ROLE[r]}
            </option>
          ))}
        </select>
      </label>
      <label>
        Annual quota (USD){' '}
        <input type="number" min={0} step={1000} value={f.quota} onChange={(e) => setF({ ...f, quota: e.target.value })} required />
      </label>
      <label>
        First day{' '}
        <input type="date" value={f.hireDate} onChange={(e) => setF({ ...f, hireDate: e.target.value })} required />
      </label>
      <button type="submit" className="button small primary" disabled={!ready || hire.isPending}>
        Add and link
      </button>
      <button type="button" className="button small" onClick={onDone}>
        Cancel
      </button>
      <ErrorBanner error={teams.error ?? hire.error} />
    </form>
  )
}
