// Managing the team from the Team page: new team, rename, add or edit a rep, move, mark as left, reinstate, reassign a leaver's deals.
import { useState } from 'react'
import type { RepRow, TeamRow } from '@shared/contract'
import { REP_ROLES, type RepRole } from '@shared/domain'
import { Chip, EmptyState, ErrorBanner, Loading } from '../../kit/kit'
import { formatDate, formatMoney } from '../../kit/format'
import { Dialog, Field, splitError } from './Dialog'
import { useActiveReps, useLeftReps, useRep, useRepHistory, useTeamAdmin } from './hooks'

/** The manager's own calendar day, as YYYY-MM-DD: the default for "moved on" and "left on". */
export function localToday(): string {
  const d = new Date()
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`
}

const ROLE_LABELS: Record<RepRole, string> = {
  ae: 'Account executive (AE)',
  sdr: 'Sales development (SDR)',
  am: 'Account manager (AM)',
  se: 'Sales engineer (SE)',
  manager: 'Manager',
  leader: 'Sales leader'
}

type Errors = Record<string, string>

/** Runs a write and spreads main's refusal over the fields it names. */
function useFormErrors(fields: readonly string[]) {
  const [errors, setErrors] = useState<Errors>({})
  const [problem, setProblem] = useState<string | null>(null)
  return {
    errors,
    problem,
    clear: () => (setErrors({}), setProblem(null)),
    check: (found: Errors) => {
      setErrors(found)
      setProblem(null)
      return Object.keys(found).length === 0
    },
    fromMain: (message: string) => {
      const { field, text } = splitError(message, fields)
      if (field) setErrors({ [field]: text })
      else setProblem(text)
    }
  }
}

export function TeamDialog({ team, onClose }: { team?: TeamRow; onClose: () => void }) {
  const admin = useTeamAdmin()
  const [name, setName] = useState(team?.name ?? '')
  const [manager, setManager] = useState(team?.managerName ?? '')
  const form = useFormErrors(['name', 'managerName', 'id'])
  const busy = admin.createTeam.isPending || admin.renameTeam.isPending
  const submit = () => {
    if (!form.check(name.trim() ? {} : { name: 'Give the team a name.' })) return
    const done = { onSuccess: onClose, onError: (e: Error) => form.fromMain(e.message) }
    if (team) admin.renameTeam.mutate({ id: team.id, name }, done)
    else admin.createTeam.mutate({ name, managerName: manager.trim() ? manager : null }, done)
  }
  return (
    <Dialog title={team ? `Rename ${team.name}` : 'New team'} submitLabel={team ? 'Rename' : 'Create team'} onClose={onClose} onSubmit={submit} busy={busy} problem={form.problem}>
      <Field label="Team name" error={form.errors.name}>
        {(p) => <input {...p} value={name} maxLength={80} autoComplete="off" onChange={(e) => setName(e.target.value)} />}
      </Field>
      {team ? null : (
        <Field label="Manager (optional)" error={form.errors.managerName}>
          {(p) => <input {...p} value={manager} maxLength={120} autoComplete="off" onChange={(e) => setManager(e.target.value)} />}
        </Field>
      )}
    </Dialog>
  )
}

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/

/** Add a rep (repId absent) or edit one; the team is chosen when adding and changed later through "Move to team…". */
export function RepDialog({ repId, teams, defaultTeamId, onClose }: { repId?: number; teams: TeamRow[]; defaultTeamId?: number; onClose: () => void }) {
  const existing = useRep(repId ?? null)
  if (repId !== undefined && !existing.data) {
    return (
      <Dialog title="Edit rep" submitLabel="Save" onClose={onClose} onSubmit={() => undefined} busy problem={existing.error?.message}>
        <Loading label="Loading the rep…" />
      </Dialog>
    )
  }
  return <RepForm rep={existing.data ?? null} teams={teams} defaultTeamId={defaultTeamId} onClose={onClose} />
}

function RepForm({ rep, teams, defaultTeamId, onClose }: { rep: RepRow | null; teams: TeamRow[]; defaultTeamId?: number; onClose: () => void }) {
  const admin = useTeamAdmin()
  const today = localToday()
  const [name, setName] = useState(rep?.name ?? '')
  const [email, setEmail] = useState(rep?.email ?? '')
  const [teamId, setTeamId] = useState(String(defaultTeamId ?? teams[0]?.id ?? ''))
  const [role, setRole] = useState<RepRole>(rep?.role ?? 'ae')
  const [hireDate, setHireDate] = useState(rep?.hireDate ?? today)
  const [quota, setQuota] = useState(rep ? String(rep.quotaMinor / 100) : '')
  const [currency, setCurrency] = useState(rep?.quotaCurrency ?? 'USD')
  const form = useFormErrors(['name', 'email', 'teamId', 'role', 'hireDate', 'quotaMinor', 'quotaCurrency', 'id'])
  const busy = admin.createRep.isPending || admin.updateRep.isPending

  const submit = () => {
    const found: Errors = {}
    if (!name.trim()) found.name = 'Give the rep’s name.'
    if (email.trim() && !EMAIL.test(email.trim())) found.email = 'That does not look like an email address (name@company.com).'
    if (!rep && !teamId) found.teamId = 'Choose a team (create one first if there is none).'
    if (!hireDate) found.hireDate = 'Give the day they started.'
    else if (hireDate > today) found.hireDate = 'The start date is in the future.'
    const quotaNumber = Number(quota.replace(/[\s,]/g, ''))
    if (quota.trim() === '' || !Number.isFinite(quotaNumber)) found.quotaMinor = 'Give the annual quota as a number (0 if none).'
    else if (quotaNumber < 0) found.quotaMinor = 'The quota cannot be negative.'
    if (!/^[A-Za-z]{3}$/.test(currency.trim())) found.quotaCurrency = 'Three letters, like USD or EUR.'
    if (!form.check(found)) return
    const fields = {
      name,
      email: email.trim() ? email.trim() : null,
      role,
      hireDate,
      quotaMinor: Math.round(quotaNumber * 100),
      quotaCurrency: currency.trim().toUpperCase()
    }
    const done = { onSuccess: onClose, onError: (e: Error) => form.fromMain(e.message) }
    if (rep) admin.updateRep.mutate({ id: rep.id, ...fields }, done)
    else admin.createRep.mutate({ ...fields, teamId: Number(teamId) }, done)
  }

  return (
    <Dialog title={rep ? `Edit ${rep.name}` : 'Add a rep'} submitLabel={rep ? 'Save' : 'Add rep'} onClose={onClose} onSubmit={submit} busy={busy} problem={form.problem}>
      <Field label="Name" error={form.errors.name}>
        {(p) => <input {...p} value={name} maxLength={120} autoComplete="off" onChange={(e) => setName(e.target.value)} />}
      </Field>
      <Field label="Email (optional)" error={form.errors.email}>
        {(p) => <input {...p} type="email" value={email} maxLength={254} autoComplete="off" onChange={(e) => setEmail(e.target.value)} />}
      </Field>
      {rep ? null : (
        <Field label="Team" error={form.errors.teamId}>
          {(p) => (
            <select {...p} value={teamId} onChange={(e) => setTeamId(e.target.value)}>
              {teams.map((t) => (
                <option key={t.id} value={t.id}>
                  {t.name}
                </option>
              ))}
            </select>
          )}
        </Field>
      )}
      <Field label="Role" error={form.errors.role}>
        {(p) => (
          <select {...p} value={role} onChange={(e) => setRole(e.target.value as RepRole)}>
            {REP_ROLES.map((r) => (
              <option key={r} value={r}>
                {ROLE_LABELS[r]}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field label="Started on" error={form.errors.hireDate}>
        {(p) => <input {...p} type="date" value={hireDate} max={today} onChange={(e) => setHireDate(e.target.value)} />}
      </Field>
      <div className="dialog-row">
        <Field label="Annual quota" error={form.errors.quotaMinor} hint="In whole units of the currency; the quarter is a quarter of it.">
          {(p) => <input {...p} inputMode="decimal" value={quota} onChange={(e) => setQuota(e.target.value)} />}
        </Field>
        <Field label="Currency" error={form.errors.quotaCurrency}>
          {(p) => <input {...p} className="currency-input" value={currency} maxLength={3} onChange={(e) => setCurrency(e.target.value)} />}
        </Field>
      </div>
    </Dialog>
  )
}

export function MoveDialog({ rep, teams, onClose }: { rep: { id: number; name: string; teamId: number | null }; teams: TeamRow[]; onClose: () => void }) {
  const admin = useTeamAdmin()
  const today = localToday()
  const others = teams.filter((t) => t.id !== rep.teamId)
  const [teamId, setTeamId] = useState(String(others[0]?.id ?? ''))
  const [on, setOn] = useState(today)
  const form = useFormErrors(['teamId', 'on', 'id'])
  const submit = () => {
    const found: Errors = {}
    if (!teamId) found.teamId = 'There is no other team to move to: create one first.'
    if (!on) found.on = 'Give the day of the move.'
    else if (on > today) found.on = 'The move date is in the future.'
    if (!form.check(found)) return
    admin.moveRep.mutate({ id: rep.id, teamId: Number(teamId), on }, { onSuccess: onClose, onError: (e) => form.fromMain(e.message) })
  }
  return (
    <Dialog title={`Move ${rep.name} to another team`} submitLabel="Move" onClose={onClose} onSubmit={submit} busy={admin.moveRep.isPending} problem={form.problem}>
      <Field label="New team" error={form.errors.teamId}>
        {(p) => (
          <select {...p} value={teamId} onChange={(e) => setTeamId(e.target.value)}>
            {others.map((t) => (
              <option key={t.id} value={t.id}>
                {t.name}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field label="Moved on" error={form.errors.on}>
        {(p) => <input {...p} type="date" value={on} max={today} onChange={(e) => setOn(e.target.value)} />}
      </Field>
    </Dialog>
  )
}

export function LeaveDialog({ rep, onClose }: { rep: { id: number; name: string }; onClose: () => void }) {
  const admin = useTeamAdmin()
  const today = localToday()
  const [leftOn, setLeftOn] = useState(today)
  const [reason, setReason] = useState('')
  const form = useFormErrors(['leftOn', 'reason', 'id'])
  const submit = () => {
    const found: Errors = {}
    if (!leftOn) found.leftOn = 'Give the day they left.'
    else if (leftOn > today) found.leftOn = 'The leaving date is in the future: mark it on the day.'
    if (!form.check(found)) return
    admin.markLeft.mutate({ id: rep.id, leftOn, reason: reason.trim() ? reason : null }, { onSuccess: onClose, onError: (e) => form.fromMain(e.message) })
  }
  return (
    <Dialog title={`Mark ${rep.name} as left`} submitLabel="Mark as left" onClose={onClose} onSubmit={submit} busy={admin.markLeft.isPending} problem={form.problem}>
      <p className="muted small">Their deals, 1:1s and history stay; they count in turnover. Open deals will need a new owner.</p>
      <Field label="Left on" error={form.errors.leftOn}>
        {(p) => <input {...p} type="date" value={leftOn} max={today} onChange={(e) => setLeftOn(e.target.value)} />}
      </Field>
      <Field label="Reason (optional)" error={form.errors.reason}>
        {(p) => <input {...p} value={reason} maxLength={300} autoComplete="off" onChange={(e) => setReason(e.target.value)} />}
      </Field>
    </Dialog>
  )
}

export function ReassignDialog({ rep, onClose }: { rep: RepRow; onClose: () => void }) {
  const admin = useTeamAdmin()
  const active = useActiveReps(true)
  const candidates = (active.data?.rows ?? []).filter((r) => r.id !== rep.id)
  const [toRepId, setToRepId] = useState('')
  const chosen = toRepId || String(candidates.find((r) => r.teamId === rep.teamId)?.id ?? candidates[0]?.id ?? '')
  const form = useFormErrors(['toRepId', 'fromRepId'])
  const submit = () => {
    if (!form.check(chosen ? {} : { toRepId: 'There is no active rep to hand the deals to.' })) return
    admin.reassign.mutate({ fromRepId: rep.id, toRepId: Number(chosen) }, { onSuccess: onClose, onError: (e) => form.fromMain(e.message) })
  }
  return (
    <Dialog title={`Reassign ${rep.name}’s open deals`} submitLabel="Reassign deals" onClose={onClose} onSubmit={submit} busy={admin.reassign.isPending || active.isPending} problem={form.problem ?? active.error?.message}>
      <p className="muted small">
        {rep.openDeals.toLocaleString()} open {rep.openDeals === 1 ? 'deal' : 'deals'} worth {formatMoney(rep.openPipelineMinor, rep.quotaCurrency, { compact: true })} move to the new owner; won and lost deals stay with {rep.name}.
      </p>
      <Field label="New owner" error={form.errors.toRepId}>
        {(p) => (
          <select {...p} value={chosen} onChange={(e) => setToRepId(e.target.value)}>
            {candidates.map((r) => (
              <option key={r.id} value={r.id}>
                {r.name} · {r.teamName ?? 'No team'}
              </option>
            ))}
          </select>
        )}
      </Field>
    </Dialog>
  )
}

/** Why they left, as given when marking them (the latest leaving on that day); nothing when no reason was given. */
function LeaveReason({ repId, leftOn }: { repId: number; leftOn: string | null }) {
  const history = useRepHistory(repId)
  const left = history.data?.filter((e) => e.kind === 'left' && e.on === leftOn).at(-1)
  if (!left || left.kind !== 'left' || !left.reason) return null
  return <div className="muted small leave-reason">“{left.reason}”</div>
}

/** The people who left, with what still needs doing for each: open deals to hand on, or a reinstatement. */
export function LeftReps({ teamId, onReassign }: { teamId: number | undefined; onReassign: (rep: RepRow) => void }) {
  const left = useLeftReps(teamId)
  const admin = useTeamAdmin()
  return (
    <section className="left-reps" aria-labelledby="left-reps-title">
      <h2 id="left-reps-title">People who left</h2>
      <ErrorBanner error={left.error ?? admin.reinstate.error} />
      {left.isPending ? (
        <Loading label="Loading people who left…" />
      ) : left.data && left.data.rows.length === 0 ? (
        <EmptyState title="Nobody has left">{teamId === undefined ? 'Everyone on the books is active.' : 'Everyone in this team is active.'}</EmptyState>
      ) : (
        <ul aria-label="People who left">
          {left.data?.rows.map((r) => (
            <li key={r.id} className="left-rep">
              <div>
                <span className="strong">{r.name}</span>{' '}
                <span className="muted small">
                  {r.teamName ?? 'No team'} · {r.role.toUpperCase()} · left {formatDate(r.leftDate)}
                </span>
                <LeaveReason repId={r.id} leftOn={r.leftDate} />
              </div>
              <div className="left-rep-actions">
                {r.openDeals > 0 ? (
                  <>
                    <Chip tone="warn">
                      {r.openDeals.toLocaleString()} open {r.openDeals === 1 ? 'deal needs' : 'deals need'} a new owner
                    </Chip>
                    <button type="button" className="button" onClick={() => onReassign(r)}>
                      Reassign deals…
                    </button>
                  </>
                ) : (
                  <Chip tone="neutral">No open deals</Chip>
                )}
                <button type="button" className="button ghost" aria-label={`Reinstate ${r.name}`} disabled={admin.reinstate.isPending} onClick={() => admin.reinstate.mutate({ id: r.id })}>
                  Reinstate
                </button>
              </div>
            </li>
          ))}
        </ul>
      )}
    </section>
  )
}
