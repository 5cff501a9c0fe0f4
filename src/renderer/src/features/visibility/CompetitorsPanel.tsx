// Competitors and their people, entered by hand: add, rename, remove, and open a person's snapshots; one CSV import per competitor.
import { useEffect, useRef, useState, type FormEvent } from 'react'
import type { CompetitorRow } from '@shared/contract'
import { COMPETITOR_ROLES, VISIBILITY_LABELS, type CompetitorRole } from '@shared/visibility'
import { Chip, EmptyState, ErrorBanner, Loading } from '../../kit/kit'
import { Field, fieldMessage, focusFirst, profileUrlProblem, type Problems } from './forms'
import { useAddCompetitorPerson, useCompetitors, useCreateCompetitor, useRemoveCompetitor, useRemoveCompetitorPerson, useUpdateCompetitor } from './hooks'
import { PersonSnapshots } from './PersonSnapshots'
import { SnapshotImport } from './SnapshotImport'

/** "Altmark GmbH, AMS ," → ["Altmark GmbH", "AMS"]. */
export function splitAliases(text: string): string[] {
  return text
    .split(',')
    .map((a) => a.trim())
    .filter(Boolean)
}

function namesProblems(name: string, aliases: string): Problems<'name' | 'aliases'> {
  const p: Problems<'name' | 'aliases'> = {}
  if (!name.trim()) p.name = 'A competitor needs a name.'
  else if (!/[\p{L}\p{N}]/u.test(name)) p.name = 'Needs at least one letter or digit.'
  else if (name.trim().length > 120) p.name = 'At most 120 characters.'
  const list = splitAliases(aliases)
  if (list.length > 20) p.aliases = 'At most 20 aliases.'
  else if (list.some((a) => a.length > 120)) p.aliases = 'Each alias at most 120 characters.'
  return p
}

export function CompetitorsPanel() {
  const q = useCompetitors()
  const headingRef = useRef<HTMLHeadingElement>(null)
  if (q.isPending) return <Loading label="Reading the competitors…" />
  if (!q.data) return <ErrorBanner error={q.error} />
  return (
    <section aria-labelledby="vis-competitors-heading" className="vis-competitors">
      <h2 id="vis-competitors-heading" className="sr-only" tabIndex={-1} ref={headingRef}>
        Competitors
      </h2>
      <p className="muted vis-note">
        The competition’s sales leaders and sellers, with dated snapshots of their public presence, typed in from what you saw or imported from a CSV. They feed the
        comparison, the tier-one table and the deck.
      </p>
      <AddCompetitorForm />
      {q.data.length === 0 ? (
        <EmptyState title="No competitors yet">Add the competitors the team meets most, then their sales leaders and sellers.</EmptyState>
      ) : (
        q.data.map((c) => <CompetitorCard key={c.id} competitor={c} onRemoved={() => headingRef.current?.focus()} />)
      )}
    </section>
  )
}

function AddCompetitorForm() {
  const create = useCreateCompetitor()
  const [name, setName] = useState('')
  const [aliases, setAliases] = useState('')
  const [problems, setProblems] = useState<Problems<'name' | 'aliases'>>({})
  const [added, setAdded] = useState<string | null>(null)
  const nameRef = useRef<HTMLInputElement>(null)
  const aliasesRef = useRef<HTMLInputElement>(null)

  const submit = (e: FormEvent) => {
    e.preventDefault()
    const p = namesProblems(name, aliases)
    setProblems(p)
    setAdded(null)
    if (Object.keys(p).length) return focusFirst(p, ['name', 'aliases'], { name: nameRef, aliases: aliasesRef })
    create.mutate(
      { name: name.trim(), aliases: splitAliases(aliases) },
      {
        onSuccess: (c) => {
          setName('')
          setAliases('')
          setAdded(c.name)
          nameRef.current?.focus()
        },
        onError: (err) => (fieldMessage(err, 'aliases') ? aliasesRef : nameRef).current?.focus()
      }
    )
  }
  const serverName = fieldMessage(create.error, 'name')
  const serverAliases = fieldMessage(create.error, 'aliases')
  return (
    <form className="vis-card vis-form" aria-label="Add a competitor" noValidate onSubmit={submit}>
      <h3 className="vis-h3">Add a competitor</h3>
      <div className="vis-form-row">
        <Field label="Name" error={problems.name ?? serverName}>
          {(a) => <input {...a} ref={nameRef} value={name} maxLength={200} onChange={(e) => setName(e.target.value)} autoComplete="off" />}
        </Field>
        <Field label="Aliases" hint="Other spellings, separated by commas" error={problems.aliases ?? serverAliases}>
          {(a) => <input {...a} ref={aliasesRef} value={aliases} onChange={(e) => setAliases(e.target.value)} autoComplete="off" placeholder="Altmark GmbH, AMS" />}
        </Field>
        <button type="submit" className="button primary vis-form-submit" disabled={create.isPending}>
          {create.isPending ? 'Adding…' : 'Add competitor'}
        </button>
      </div>
      {create.error && !serverName && !serverAliases ? <ErrorBanner error={create.error} /> : null}
      <p role="status" className="vis-status">
        {added ? `Added ${added}.` : ''}
      </p>
    </form>
  )
}

function CompetitorCard({ competitor: c, onRemoved }: { competitor: CompetitorRow; onRemoved: () => void }) {
  const [editing, setEditing] = useState(false)
  const [confirming, setConfirming] = useState(false)
  const [openPerson, setOpenPerson] = useState<number | null>(null)
  const editButton = useRef<HTMLButtonElement>(null)
  const removeButton = useRef<HTMLButtonElement>(null)
  const keepButton = useRef<HTMLButtonElement>(null)
  const remove = useRemoveCompetitor()
  const card = useRef<HTMLElement>(null)
  const headingId = `vis-competitor-${c.id}`
  const closePerson = () => {
    const name = c.people.find((p) => p.id === openPerson)?.name
    setOpenPerson(null)
    // Back to the button that opened the snapshots.
    if (name) requestAnimationFrame(() => card.current?.querySelector<HTMLButtonElement>(`button[aria-label="${CSS.escape(`Snapshots of ${name}`)}"]`)?.focus())
  }

  useEffect(() => {
    if (confirming) keepButton.current?.focus()
  }, [confirming])
  // A person removed elsewhere closes their snapshots.
  useEffect(() => {
    if (openPerson !== null && !c.people.some((p) => p.id === openPerson)) setOpenPerson(null)
  }, [c.people, openPerson])

  const snapshots = c.people.reduce((s, p) => s + p.snapshotCount, 0)
  return (
    <article className="vis-card vis-competitor" aria-labelledby={headingId} ref={card}>
      <header className="vis-competitor-head">
        <div>
          <h3 id={headingId} className="vis-h3">
            {c.name}
          </h3>
          <div className="chips">
            {c.aliases.length ? c.aliases.map((a) => <Chip key={a}>{a}</Chip>) : <span className="muted small">No aliases</span>}
          </div>
        </div>
        {!editing && !confirming ? (
          <div className="vis-actions">
            <button type="button" className="button" ref={editButton} onClick={() => setEditing(true)} aria-label={`Rename ${c.name} or edit its aliases`}>
              Edit
            </button>
            <button type="button" className="button" ref={removeButton} onClick={() => setConfirming(true)} aria-label={`Remove ${c.name}`}>
              Remove
            </button>
          </div>
        ) : null}
      </header>
      {confirming ? (
        <div className="vis-confirm" role="group" aria-label={`Confirm removing ${c.name}`}>
          <span>
            Remove <strong>{c.name}</strong> with its {c.people.length} {c.people.length === 1 ? 'person' : 'people'}, {snapshots} {snapshots === 1 ? 'snapshot' : 'snapshots'} and
            every relationship count noted for it? This cannot be undone.
          </span>
          <button
            type="button"
            className="button danger"
            disabled={remove.isPending}
            onClick={() => remove.mutate({ id: c.id }, { onSuccess: onRemoved })}
          >
            Remove {c.name}
          </button>
          <button
            type="button"
            className="button"
            ref={keepButton}
            onClick={() => {
              setConfirming(false)
              requestAnimationFrame(() => removeButton.current?.focus())
            }}
          >
            Keep it
          </button>
          <ErrorBanner error={remove.error} />
        </div>
      ) : null}
      {editing ? (
        <EditCompetitorForm
          competitor={c}
          onDone={() => {
            setEditing(false)
            requestAnimationFrame(() => editButton.current?.focus())
          }}
        />
      ) : null}
      <PeopleTable competitor={c} openPerson={openPerson} onOpen={setOpenPerson} />
      {openPerson !== null ? (
        <PersonSnapshots key={openPerson} person={c.people.find((p) => p.id === openPerson) ?? null} competitorName={c.name} onClose={closePerson} />
      ) : null}
      <div className="vis-grid vis-competitor-forms">
        <AddPersonForm competitor={c} />
        <SnapshotImport competitor={c} />
      </div>
    </article>
  )
}

function EditCompetitorForm({ competitor: c, onDone }: { competitor: CompetitorRow; onDone: () => void }) {
  const update = useUpdateCompetitor()
  const [name, setName] = useState(c.name)
  const [aliases, setAliases] = useState(c.aliases.join(', '))
  const [problems, setProblems] = useState<Problems<'name' | 'aliases'>>({})
  const nameRef = useRef<HTMLInputElement>(null)
  const aliasesRef = useRef<HTMLInputElement>(null)
  useEffect(() => nameRef.current?.focus(), [])
  const submit = (e: FormEvent) => {
    e.preventDefault()
    const p = namesProblems(name, aliases)
    setProblems(p)
    if (Object.keys(p).length) return focusFirst(p, ['name', 'aliases'], { name: nameRef, aliases: aliasesRef })
    update.mutate({ id: c.id, name: name.trim(), aliases: splitAliases(aliases) }, { onSuccess: onDone })
  }
  const serverName = fieldMessage(update.error, 'name')
  const serverAliases = fieldMessage(update.error, 'aliases')
  return (
    <form
      className="vis-form vis-inline-form"
      aria-label={`Edit ${c.name}`}
      noValidate
      onSubmit={submit}
      onKeyDown={(e) => {
        if (e.key === 'Escape') onDone()
      }}
    >
      <div className="vis-form-row">
        <Field label="Name" error={problems.name ?? serverName}>
          {(a) => <input {...a} ref={nameRef} value={name} onChange={(e) => setName(e.target.value)} autoComplete="off" />}
        </Field>
        <Field label="Aliases" hint="Separated by commas" error={problems.aliases ?? serverAliases}>
          {(a) => <input {...a} ref={aliasesRef} value={aliases} onChange={(e) => setAliases(e.target.value)} autoComplete="off" />}
        </Field>
        <div className="vis-actions vis-form-submit">
          <button type="submit" className="button primary" disabled={update.isPending}>
            Save
          </button>
          <button type="button" className="button" onClick={onDone}>
            Cancel
          </button>
        </div>
      </div>
      {update.error && !serverName && !serverAliases ? <ErrorBanner error={update.error} /> : null}
    </form>
  )
}

function PeopleTable({ competitor: c, openPerson, onOpen }: { competitor: CompetitorRow; openPerson: number | null; onOpen: (id: number | null) => void }) {
  const remove = useRemoveCompetitorPerson()
  const [confirming, setConfirming] = useState<number | null>(null)
  if (c.people.length === 0) {
    return <p className="muted vis-note">No people yet: add {c.name}’s sales leaders and sellers below, or import a snapshot CSV (it adds the people it names).</p>
  }
  return (
    <div className="table-wrap">
      <table className="data-table compact vis-people">
        <caption className="sr-only">{c.name}’s people</caption>
        <thead>
          <tr>
            <th scope="col">Person</th>
            <th scope="col">Role</th>
            <th scope="col">Profile</th>
            <th scope="col" className="num">Snapshots</th>
            <th scope="col">Latest</th>
            <th scope="col">
              <span className="sr-only">Actions</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {c.people.map((p) => (
            <tr key={p.id} className={openPerson === p.id ? 'selected' : undefined}>
              <th scope="row">
                {p.name}
                {p.title ? <div className="muted small">{p.title}</div> : null}
              </th>
              <td>{VISIBILITY_LABELS.competitorRole[p.role]}</td>
              {/* Shown, never followed: the app opens no links to the web. */}
              <td className="vis-url">{p.profileUrl ?? <span className="muted">—</span>}</td>
              <td className="num">{p.snapshotCount}</td>
              <td>{p.latestSnapshotOn ?? <span className="muted">none</span>}</td>
              <td className="vis-row-actions">
                {confirming === p.id ? (
                  <span className="confirm">
                    Remove {p.name} and {p.snapshotCount === 1 ? 'the snapshot' : `all ${p.snapshotCount} snapshots`}?
                    <button
                      type="button"
                      className="button danger"
                      disabled={remove.isPending}
                      onClick={() => remove.mutate({ personId: p.id }, { onSuccess: () => setConfirming(null) })}
                    >
                      Remove
                    </button>
                    <button type="button" className="button" autoFocus onClick={() => setConfirming(null)}>
                      Keep
                    </button>
                  </span>
                ) : (
                  <>
                    <button type="button" className="button" aria-expanded={openPerson === p.id} onClick={() => onOpen(openPerson === p.id ? null : p.id)} aria-label={`Snapshots of ${p.name}`}>
                      Snapshots
                    </button>
                    <button type="button" className="button" onClick={() => setConfirming(p.id)} aria-label={`Remove ${p.name}`}>
                      Remove
                    </button>
                  </>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <ErrorBanner error={remove.error} />
    </div>
  )
}

type PersonField = 'name' | 'title' | 'profileUrl'

function AddPersonForm({ competitor: c }: { competitor: CompetitorRow }) {
  const add = useAddCompetitorPerson()
  const [name, setName] = useState('')
  const [title, setTitle] = useState('')
  const [role, setRole] = useState<CompetitorRole>('seller')
  const [profileUrl, setProfileUrl] = useState('')
  const [problems, setProblems] = useState<Problems<PersonField>>({})
  const [added, setAdded] = useState<string | null>(null)
  const refs = { name: useRef<HTMLInputElement>(null), title: useRef<HTMLInputElement>(null), profileUrl: useRef<HTMLInputElement>(null) }
  const order: PersonField[] = ['name', 'title', 'profileUrl']

  const submit = (e: FormEvent) => {
    e.preventDefault()
    const p: Problems<PersonField> = {}
    if (!name.trim()) p.name = 'A name, please.'
    else if (name.trim().length > 120) p.name = 'At most 120 characters.'
    if (title.trim().length > 160) p.title = 'At most 160 characters.'
    const urlProblem = profileUrlProblem(profileUrl)
    if (urlProblem) p.profileUrl = urlProblem
    setProblems(p)
    setAdded(null)
    if (Object.keys(p).length) return focusFirst(p, order, refs)
    add.mutate(
      { competitorId: c.id, name: name.trim(), role, title: title.trim() || undefined, profileUrl: profileUrl.trim() || undefined },
      {
        onSuccess: () => {
          setAdded(name.trim())
          setName('')
          setTitle('')
          setProfileUrl('')
          refs.name.current?.focus()
        },
        onError: (err) => (refs[order.find((f) => fieldMessage(err, f)) ?? 'name'].current)?.focus()
      }
    )
  }
  const server = (f: PersonField) => fieldMessage(add.error, f)
  const unplaced = add.error && !order.some((f) => server(f))
  return (
    <form className="vis-form" aria-label={`Add a person to ${c.name}`} noValidate onSubmit={submit}>
      <h4 className="vis-h4">Add a person</h4>
      <div className="vis-form-grid">
        <Field label="Name" error={problems.name ?? server('name')}>
          {(a) => <input {...a} ref={refs.name} value={name} onChange={(e) => setName(e.target.value)} autoComplete="off" />}
        </Field>
        <Field label="Title" error={problems.title ?? server('title')}>
          {(a) => <input {...a} ref={refs.title} value={title} onChange={(e) => setTitle(e.target.value)} autoComplete="off" placeholder="VP Sales EMEA" />}
        </Field>
        <Field label="Role">
          {(a) => (
            <select {...a} value={role} onChange={(e) => setRole(e.target.value as CompetitorRole)}>
              {COMPETITOR_ROLES.map((r) => (
                <option key={r} value={r}>
                  {VISIBILITY_LABELS.competitorRole[r]}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field label="Profile URL" hint="http(s) only; shown, never opened" error={problems.profileUrl ?? server('profileUrl')}>
          {(a) => <input {...a} ref={refs.profileUrl} value={profileUrl} onChange={(e) => setProfileUrl(e.target.value)} autoComplete="off" inputMode="url" placeholder="https://www.linkedin.com/in/…" />}
        </Field>
      </div>
      {unplaced ? <ErrorBanner error={add.error} /> : null}
      <div className="vis-actions">
        <button type="submit" className="button" disabled={add.isPending}>
          Add person
        </button>
        <span role="status" className="vis-status">
          {added ? `Added ${added}.` : ''}
        </span>
      </div>
    </form>
  )
}
