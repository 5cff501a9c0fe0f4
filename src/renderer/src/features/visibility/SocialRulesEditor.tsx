// Social rules per role (domain rule 9): platforms, cadence, response time and conduct, edited in place; each rep's actual cadence against their role's.
import { useEffect, useRef, useState, type FormEvent } from 'react'
import type { SocialRuleWithTeam } from '@shared/contract'
import { REP_ROLES, type RepRole } from '@shared/domain'
import { SOCIAL_PLATFORMS, VISIBILITY_LABELS, type SocialPlatform } from '@shared/visibility'
import { Chip, ErrorBanner, Loading, Pager } from '../../kit/kit'
import { Field, fieldMessage, focusFirst, type Problems } from './forms'
import { useSetSocialRule, useSocialRules, useTeamVisibility } from './hooks'
import { perWeek } from './present'

/** The rules page compares against the last four whole weeks (the services' RULES_WINDOW_DAYS). */
const WINDOW_DAYS = 28
const CONDUCT_MAX = 4000

export function SocialRulesEditor({ teamId }: { teamId?: number }) {
  const q = useSocialRules()
  const [editing, setEditing] = useState<RepRole | null>(null)
  const buttons = useRef(new Map<RepRole, HTMLButtonElement>())
  if (q.isPending) return <Loading label="Reading the social rules…" />
  if (!q.data) return <ErrorBanner error={q.error} />
  const byRole = new Map(q.data.map((r) => [r.role, r]))
  const close = (role: RepRole) => {
    setEditing(null)
    requestAnimationFrame(() => buttons.current.get(role)?.focus())
  }
  return (
    <section aria-label="Social rules">
      <p className="muted vis-note">
        Per role: which platforms, what cadence, what response time, and what is never said. Actual cadence is the role’s mean of public activities (posts, comments,
        shares) per week over the last {WINDOW_DAYS} days.
      </p>
      {q.data.length === 0 ? <p className="vis-note">No rules yet: set one for each role that posts in public. Until then, nobody is measured against a cadence.</p> : null}
      <div className="table-wrap">
        <table className="data-table vis-rules">
          <caption className="sr-only">Social rules per role, with the role’s actual cadence</caption>
          <thead>
            <tr>
              <th scope="col">Role</th>
              <th scope="col">Platforms</th>
              <th scope="col" className="num">Expected / wk</th>
              <th scope="col" className="num">Actual / wk</th>
              <th scope="col" className="num">Reps meeting it</th>
              <th scope="col" className="num">Respond within</th>
              <th scope="col">Rules of conduct</th>
            </tr>
          </thead>
          <tbody>
            {REP_ROLES.map((role) => {
              const r = byRole.get(role)
              return (
                <tr key={role} className={editing === role ? 'selected' : undefined}>
                  <th scope="row">
                    <div className="vis-rule-role">
                      {VISIBILITY_LABELS.repRole[role]}
                      <button
                        type="button"
                        className="button"
                        aria-expanded={editing === role}
                        aria-label={`${r ? 'Edit' : 'Set'} the social rule for ${VISIBILITY_LABELS.repRole[role]}`}
                        ref={(el) => {
                          if (el) buttons.current.set(role, el)
                          else buttons.current.delete(role)
                        }}
                        onClick={() => setEditing(editing === role ? null : role)}
                      >
                        {r ? 'Edit' : 'Set rule'}
                      </button>
                    </div>
                  </th>
                  {r ? (
                    <>
                      <td>{r.platforms.map((p) => VISIBILITY_LABELS.platform[p]).join(', ') || '—'}</td>
                      <td className="num">{perWeek(r.cadencePerWeek)}</td>
                      <td className="num">
                        {perWeek(r.actualCadence)}{' '}
                        {r.actualCadence !== null ? r.actualCadence >= r.cadencePerWeek ? <Chip tone="good">on track</Chip> : <Chip tone="warn">behind</Chip> : null}
                      </td>
                      <td className="num">{r.reps ? `${r.meeting} of ${r.reps}` : 'no reps'}</td>
                      <td className="num">{r.responseTimeHours} h</td>
                      {/* Plain text, line breaks kept: never rendered as HTML. */}
                      <td className="vis-conduct">{r.conduct || <span className="muted">—</span>}</td>
                    </>
                  ) : (
                    <td colSpan={6} className="muted">
                      No rule set
                    </td>
                  )}
                </tr>
              )
            })}
          </tbody>
        </table>
      </div>
      {editing ? <RuleForm key={editing} role={editing} rule={byRole.get(editing) ?? null} onDone={() => close(editing)} /> : null}
      <RepCadence teamId={teamId} />
    </section>
  )
}

type RuleField = 'cadencePerWeek' | 'responseTimeHours' | 'conduct'

function RuleForm({ role, rule, onDone }: { role: RepRole; rule: SocialRuleWithTeam | null; onDone: () => void }) {
  const save = useSetSocialRule()
  const [platforms, setPlatforms] = useState<SocialPlatform[]>(rule?.platforms ?? ['linkedin'])
  const [cadence, setCadence] = useState(rule ? String(rule.cadencePerWeek) : '3')
  const [hours, setHours] = useState(rule ? String(rule.responseTimeHours) : '24')
  const [conduct, setConduct] = useState(rule?.conduct ?? '')
  const [problems, setProblems] = useState<Problems<RuleField>>({})
  const refs = { cadencePerWeek: useRef<HTMLInputElement>(null), responseTimeHours: useRef<HTMLInputElement>(null), conduct: useRef<HTMLTextAreaElement>(null) }
  const firstBox = useRef<HTMLInputElement>(null)
  useEffect(() => firstBox.current?.focus(), [])
  const label = VISIBILITY_LABELS.repRole[role]

  const submit = (e: FormEvent) => {
    e.preventDefault()
    const p: Problems<RuleField> = {}
    const c = cadence.trim()
    if (!/^\d+(\.\d+)?$/.test(c)) p.cadencePerWeek = c === '' ? 'Required: activities per week (0 for none).' : 'A number of 0 or more (decimals with a point).'
    else if (Number(c) > 100) p.cadencePerWeek = 'At most 100 a week.'
    const h = hours.trim()
    if (!/^\d+$/.test(h)) p.responseTimeHours = h === '' ? 'Required: hours to respond.' : 'Whole hours, 0 or more.'
    else if (Number(h) > 720) p.responseTimeHours = 'At most 720 hours (30 days).'
    if (conduct.trim().length > CONDUCT_MAX) p.conduct = `At most ${CONDUCT_MAX.toLocaleString()} characters.`
    setProblems(p)
    if (Object.keys(p).length) return focusFirst(p, ['cadencePerWeek', 'responseTimeHours', 'conduct'], refs)
    save.mutate(
      { role, platforms: SOCIAL_PLATFORMS.filter((x) => platforms.includes(x)), cadencePerWeek: Number(c), responseTimeHours: Number(h), conduct },
      { onSuccess: onDone }
    )
  }
  const server = (f: RuleField) => fieldMessage(save.error, f)
  return (
    <form
      className="vis-card vis-form vis-rule-form"
      aria-label={`Social rule for ${label}`}
      noValidate
      onSubmit={submit}
      onKeyDown={(e) => {
        if (e.key === 'Escape') onDone()
      }}
    >
      <h3 className="vis-h3">Social rule · {label}</h3>
      <fieldset className="vis-platforms">
        <legend>Platforms</legend>
        {SOCIAL_PLATFORMS.map((p, i) => (
          <label key={p}>
            <input
              ref={i === 0 ? firstBox : undefined}
              type="checkbox"
              checked={platforms.includes(p)}
              onChange={(e) => setPlatforms(e.target.checked ? [...platforms, p] : platforms.filter((x) => x !== p))}
            />{' '}
            {VISIBILITY_LABELS.platform[p]}
          </label>
        ))}
      </fieldset>
      <div className="vis-form-grid">
        <Field label="Expected cadence (public activities per week)" error={problems.cadencePerWeek ?? server('cadencePerWeek')}>
          {(a) => <input {...a} ref={refs.cadencePerWeek} type="number" min={0} max={100} step="any" inputMode="decimal" value={cadence} onChange={(e) => setCadence(e.target.value)} />}
        </Field>
        <Field label="Expected response time (hours)" error={problems.responseTimeHours ?? server('responseTimeHours')}>
          {(a) => <input {...a} ref={refs.responseTimeHours} type="number" min={0} max={720} step={1} inputMode="numeric" value={hours} onChange={(e) => setHours(e.target.value)} />}
        </Field>
      </div>
      <Field label="Rules of conduct: what is said, and what is never said" hint={`Plain text, shown as written · ${conduct.length.toLocaleString()} / ${CONDUCT_MAX.toLocaleString()}`} error={problems.conduct ?? server('conduct')}>
        {(a) => <textarea {...a} ref={refs.conduct} rows={5} value={conduct} onChange={(e) => setConduct(e.target.value)} />}
      </Field>
      {save.error && !(['cadencePerWeek', 'responseTimeHours', 'conduct'] as const).some((f) => server(f)) ? <ErrorBanner error={save.error} /> : null}
      <div className="vis-actions">
        <button type="submit" className="button primary" disabled={save.isPending}>
          Save rule
        </button>
        <button type="button" className="button" onClick={onDone}>
          Cancel
        </button>
      </div>
    </form>
  )
}

/** Each active rep's cadence over the last four weeks against their role's expectation. */
function RepCadence({ teamId }: { teamId?: number }) {
  const [offset, setOffset] = useState(0)
  const q = useTeamVisibility({ windowDays: WINDOW_DAYS, teamId, offset, limit: 25 })
  if (q.isPending) return <Loading label="Measuring each rep’s cadence…" />
  if (!q.data) return <ErrorBanner error={q.error} />
  const t = q.data
  return (
    <section aria-labelledby="vis-rep-cadence" className="vis-section">
      <h2 id="vis-rep-cadence" className="vis-h2">
        Each rep against their role’s cadence · last {t.windowDays} days
      </h2>
      {t.total === 0 ? (
        <p className="muted">No active reps{teamId !== undefined ? ' in this team' : ''}.</p>
      ) : (
        <>
          <div className="table-wrap">
            <table className="data-table compact vis-rep-cadence">
              <caption className="sr-only">Each rep’s actual cadence against the expected cadence of their role</caption>
              <thead>
                <tr>
                  <th scope="col">Rep</th>
                  <th scope="col">Role</th>
                  <th scope="col" className="num">Expected / wk</th>
                  <th scope="col" className="num">Actual / wk</th>
                  <th scope="col">Status</th>
                </tr>
              </thead>
              <tbody>
                {t.rows.map((r) => (
                  <tr key={r.id}>
                    <th scope="row">{r.name}</th>
                    <td>{VISIBILITY_LABELS.repRole[r.role]}</td>
                    <td className="num">{perWeek(r.expectedCadence)}</td>
                    <td className="num">{perWeek(r.cadencePerWeek)}</td>
                    <td>
                      {r.expectedCadence === null ? (
                        <span className="muted">no rule for the role</span>
                      ) : r.cadencePerWeek >= r.expectedCadence ? (
                        <Chip tone="good">meets it</Chip>
                      ) : (
                        <Chip tone="warn">below</Chip>
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <Pager offset={t.offset} limit={t.limit} total={t.total} onChange={setOffset} />
        </>
      )}
    </section>
  )
}
