// One competitor person's snapshots: followers over time as a small line chart, the table behind it, and a form to add a dated snapshot.
import { useEffect, useRef, useState, type FormEvent } from 'react'
import { CartesianGrid, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts'
import type { CompetitorRow } from '@shared/contract'
import { ChartFrame, ErrorBanner, Loading } from '../../kit/kit'
import { decimalProblem, Field, fieldMessage, focusFirst, localToday, wholeNumberProblem, type Problems } from './forms'
import { useAddSnapshot, useSnapshotHistory } from './hooks'
import { SERIES_COLOURS, downsample, perWeek, whole } from './present'

type Person = CompetitorRow['people'][number]

export function PersonSnapshots({ person, competitorName, onClose }: { person: Person | null; competitorName: string; onClose: () => void }) {
  const headingRef = useRef<HTMLHeadingElement>(null)
  useEffect(() => headingRef.current?.focus(), [])
  if (!person) return null
  return (
    <section className="vis-person" aria-labelledby={`vis-person-${person.id}`}>
      <div className="panel-head">
        <h4 id={`vis-person-${person.id}`} className="vis-h4" tabIndex={-1} ref={headingRef}>
          {person.name} · {competitorName} · snapshots
        </h4>
        <button type="button" className="button" onClick={onClose}>
          Close
        </button>
      </div>
      <History personId={person.id} name={person.name} />
    </section>
  )
}

function History({ personId, name }: { personId: number; name: string }) {
  const q = useSnapshotHistory(personId)
  if (q.isPending) return <Loading label="Reading the snapshots…" />
  if (!q.data) return <ErrorBanner error={q.error} />
  const rows = q.data.snapshots
  const points = downsample(rows, 60).map((s) => ({ day: s.takenOn, followers: s.followers, connections: s.connections }))
  return (
    <div className="vis-person-body">
      <div>
        {rows.length === 0 ? (
          <p className="muted vis-empty-chart">No snapshots of {name} yet. Add the first one with the figures on their profile today.</p>
        ) : (
          <ChartFrame title={`${name}: followers over time`} height={200}>
            <ResponsiveContainer width="100%" height="100%" initialDimension={{ width: 420, height: 200 }}>
              <LineChart data={points} margin={{ top: 8, right: 16, bottom: 4, left: 8 }} accessibilityLayer>
                <CartesianGrid strokeDasharray="3 3" vertical={false} />
                <XAxis dataKey="day" tick={{ fontSize: 11 }} />
                <YAxis tick={{ fontSize: 11 }} width={56} tickFormatter={(v: number) => v.toLocaleString()} domain={['auto', 'auto']} />
                <Tooltip formatter={(v) => (typeof v === 'number' ? v.toLocaleString() : String(v))} />
                <Line type="monotone" dataKey="followers" name="Followers" stroke={SERIES_COLOURS[0]} strokeWidth={2} dot={{ r: 3 }} isAnimationActive={false} />
              </LineChart>
            </ResponsiveContainer>
          </ChartFrame>
        )}
      </div>
      <AddSnapshotForm personId={personId} name={name} today={q.data.today} />
      <div className="vis-person-table">
        {rows.length ? (
          <div className="table-wrap">
            <table className="data-table compact">
              <caption className="sr-only">Snapshots of {name}, oldest first</caption>
              <thead>
                <tr>
                  <th scope="col">Date</th>
                  <th scope="col" className="num">Followers</th>
                  <th scope="col" className="num">Connections</th>
                  <th scope="col" className="num">Posts</th>
                  <th scope="col" className="num">Comments</th>
                  <th scope="col" className="num">Engagement / post</th>
                  <th scope="col" className="num">Days seen</th>
                  <th scope="col" className="num">Period</th>
                  <th scope="col">Source</th>
                </tr>
              </thead>
              <tbody>
                {rows.map((s) => (
                  <tr key={s.id}>
                    <td>{s.takenOn}</td>
                    <td className="num">{whole(s.followers)}</td>
                    <td className="num">{whole(s.connections)}</td>
                    <td className="num">{s.posts}</td>
                    <td className="num">{s.comments}</td>
                    <td className="num">{perWeek(s.engagementPerPost)}</td>
                    <td className="num">{s.activeDays ?? '—'}</td>
                    <td className="num">{s.periodDays} d</td>
                    <td>{s.source === 'csv' ? 'CSV import' : s.source === 'manual' ? 'by hand' : s.source}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        ) : null}
      </div>
    </div>
  )
}

const FIELDS = ['takenOn', 'periodDays', 'followers', 'connections', 'posts', 'comments', 'activeDays', 'engagementPerPost'] as const
type SnapshotField = (typeof FIELDS)[number]
const LABELS: Record<SnapshotField, string> = {
  takenOn: 'Date',
  periodDays: 'Period (days)',
  followers: 'Followers',
  connections: 'Connections',
  posts: 'Posts in the period',
  comments: 'Comments in the period',
  activeDays: 'Days seen in public',
  engagementPerPost: 'Engagement per post'
}

function AddSnapshotForm({ personId, name, today }: { personId: number; name: string; today: string }) {
  const add = useAddSnapshot()
  // The user's today, unless main's (UTC) today is later; main accepts up to a day past its own.
  const latest = localToday() > today ? localToday() : today
  const blank: Record<SnapshotField, string> = { takenOn: latest, periodDays: '30', followers: '', connections: '', posts: '', comments: '', activeDays: '', engagementPerPost: '' }
  const [values, setValues] = useState(blank)
  const [problems, setProblems] = useState<Problems<SnapshotField>>({})
  const [saved, setSaved] = useState<string | null>(null)
  const refs = Object.fromEntries(FIELDS.map((f) => [f, { current: null as HTMLInputElement | null }])) as Record<SnapshotField, { current: HTMLInputElement | null }>
  const stable = useRef(refs).current

  const check = (): Problems<SnapshotField> => {
    const p: Problems<SnapshotField> = {}
    if (!/^\d{4}-\d{2}-\d{2}$/.test(values.takenOn)) p.takenOn = 'A date, please.'
    else if (values.takenOn > latest) p.takenOn = `Not in the future (today is ${latest}).`
    const period = wholeNumberProblem(values.periodDays, { min: 1, max: 366 })
    if (period) p.periodDays = period
    for (const f of ['followers', 'connections', 'posts', 'comments'] as const) {
      const problem = wholeNumberProblem(values[f])
      if (problem) p[f] = problem
    }
    const active = wholeNumberProblem(values.activeDays, { max: 366, required: false })
    if (active) p.activeDays = active
    else if (values.activeDays.trim() && !period && Number(values.activeDays) > Number(values.periodDays)) p.activeDays = 'Cannot exceed the period.'
    const eng = decimalProblem(values.engagementPerPost, 1_000_000)
    if (eng) p.engagementPerPost = eng
    return p
  }

  const submit = (e: FormEvent) => {
    e.preventDefault()
    const p = check()
    setProblems(p)
    setSaved(null)
    if (Object.keys(p).length) return focusFirst(p, FIELDS, stable)
    add.mutate(
      {
        person: { competitorPersonId: personId },
        takenOn: values.takenOn,
        periodDays: Number(values.periodDays),
        followers: Number(values.followers),
        connections: Number(values.connections),
        posts: Number(values.posts),
        comments: Number(values.comments),
        activeDays: values.activeDays.trim() ? Number(values.activeDays) : undefined,
        engagementPerPost: values.engagementPerPost.trim() ? Number(values.engagementPerPost) : undefined
      },
      {
        onSuccess: (s) => {
          setSaved(`Saved ${name}’s snapshot of ${s.takenOn}.`)
          setValues({ ...blank, takenOn: values.takenOn })
          stable.followers.current?.focus()
        },
        onError: (err) => stable[FIELDS.find((f) => fieldMessage(err, f)) ?? 'takenOn'].current?.focus()
      }
    )
  }
  const unplaced = add.error && !FIELDS.some((f) => fieldMessage(add.error, f))
  return (
    <form className="vis-form vis-snapshot-form" aria-label={`Add a snapshot of ${name}`} noValidate onSubmit={submit}>
      <h4 className="vis-h4">Add a snapshot</h4>
      <p className="muted small">What the profile shows on that day. The same date again replaces that day’s snapshot.</p>
      <div className="vis-form-grid narrow">
        {FIELDS.map((f) => (
          <Field
            key={f}
            label={LABELS[f]}
            error={problems[f] ?? fieldMessage(add.error, f)}
            hint={f === 'engagementPerPost' ? 'Optional: reactions and comments per post' : f === 'activeDays' ? 'Optional: days in the period with a post or comment' : undefined}
          >
            {(a) => (
              <input
                {...a}
                ref={(el) => {
                  stable[f].current = el
                }}
                type={f === 'takenOn' ? 'date' : 'number'}
                max={f === 'takenOn' ? latest : undefined}
                min={f === 'takenOn' ? undefined : f === 'periodDays' ? 1 : 0}
                step={f === 'engagementPerPost' ? 'any' : f === 'takenOn' ? undefined : 1}
                inputMode={f === 'engagementPerPost' ? 'decimal' : f === 'takenOn' ? undefined : 'numeric'}
                value={values[f]}
                onChange={(e) => setValues({ ...values, [f]: e.target.value })}
              />
            )}
          </Field>
        ))}
      </div>
      {unplaced ? <ErrorBanner error={add.error} /> : null}
      <div className="vis-actions">
        <button type="submit" className="button primary" disabled={add.isPending}>
          Save snapshot
        </button>
        <span role="status" className="vis-status">
          {saved ?? ''}
        </span>
      </div>
    </form>
  )
}
