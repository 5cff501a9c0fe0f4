// Recruiting: pick a role, work its candidate board, open profiles and scorecards, compare, and read the funnel.
import { useEffect, useState, type DragEvent, type FormEvent } from 'react'
import type { BoardCard } from '@shared/contract'
import { CANDIDATE_SOURCES, CANDIDATE_STAGES, RECRUITING_LABELS as L, isExitStage, type CandidateSource, type CandidateStage } from '@shared/recruiting'
import { Chip, EmptyState, ErrorBanner, Loading, PageHeader } from '../../kit/kit'
import { formatDate } from '../../kit/format'
import { useBoard, useCreateCandidate, useCreateRequisition, useDuplicates, useMergeCandidates, useMoveCandidate, useRequisitions } from './hooks'
import { CandidateDrawer } from './CandidateDrawer'
import { CompareView } from './CompareView'
import { FunnelView } from './FunnelView'
import { OutcomesView } from './OutcomesView'
import { ImportCandidates, MATCHED_ON } from './ImportCandidates'
import './board.css'

/** What a dragged card carries: "candidateId:stage", read back only by a column of this board. */
const DRAG_TYPE = 'application/x-touchline-candidate'

function dragged(e: DragEvent): { candidateId: number; stage: CandidateStage } | null {
  const m = /^(\d+):([a-z_]+)$/.exec(e.dataTransfer.getData(DRAG_TYPE))
  const stage = m ? (CANDIDATE_STAGES as readonly string[]).find((s) => s === m[2]) : undefined
  return m && stage ? { candidateId: Number(m[1]), stage: stage as CandidateStage } : null
}

type View = 'board' | 'funnel' | 'outcomes'

export function RecruitingPage() {
  const requisitions = useRequisitions()
  const [requisitionId, setRequisitionId] = useState<number | null>(null)
  const [view, setView] = useState<View>('board')
  const [openId, setOpenId] = useState<number | null>(null)
  const [selected, setSelected] = useState<number[]>([])
  const [comparing, setComparing] = useState(false)
  const [form, setForm] = useState<'role' | 'candidate' | 'import' | null>(null)
  const rows = requisitions.data?.rows ?? []

  useEffect(() => {
    if (requisitionId === null && rows[0]) setRequisitionId(rows[0].id)
  }, [requisitionId, rows])

  const toggle = (id: number) =>
    setSelected((s) => (s.includes(id) ? s.filter((x) => x !== id) : s.length >= 4 ? s : [...s, id]))

  return (
    <div className="recruiting">
      <PageHeader
        title="Recruiting"
        subtitle="Hire for behaviour, not only results."
        actions={
          <>
            <button type="button" className="button" onClick={() => setForm(form === 'role' ? null : 'role')}>
              New role
            </button>
            <button type="button" className="button" disabled={requisitionId === null} onClick={() => setForm(form === 'candidate' ? null : 'candidate')}>
              Add candidate
            </button>
            <button type="button" className="button" aria-expanded={form === 'import'} onClick={() => setForm(form === 'import' ? null : 'import')}>
              Import candidates (CSV)
            </button>
            <button type="button" className="button primary" disabled={selected.length < 2} onClick={() => setComparing(true)}>
              Compare ({selected.length})
            </button>
          </>
        }
      />
      <ErrorBanner error={requisitions.error} />
      {form === 'role' ? <RoleForm onDone={(id) => (setForm(null), setRequisitionId(id))} /> : null}
      {form === 'import' ? (
        <ImportCandidates
          requisition={rows.find((r) => r.id === requisitionId) ?? null}
          onClose={() => setForm(null)}
          onOpen={setOpenId}
        />
      ) : null}
      {form === 'candidate' && requisitionId !== null ? (
        <CandidateForm requisitionId={requisitionId} onDone={(id) => (setForm(null), setOpenId(id))} />
      ) : null}
      {requisitions.isPending ? (
        <Loading label="Loading roles…" />
      ) : rows.length === 0 && form !== 'role' ? (
        <EmptyState title="No open roles yet" action={<button type="button" className="button primary" onClick={() => setForm('role')}>New role</button>}>
          Open a role to start a candidate board. Every role's interview kit asks about team selling, sales technology, methodology, best
          practices and knowledge sharing, beside the track record.
        </EmptyState>
      ) : (
        <>
          <div className="toolbar">
            <label>
              Role
              <select value={requisitionId ?? ''} onChange={(e) => (setRequisitionId(Number(e.target.value)), setSelected([]))}>
                {rows.map((r) => (
                  <option key={r.id} value={r.id}>
                    {r.title} ({r.activeCandidates} active)
                  </option>
                ))}
              </select>
            </label>
            <div className="tabs" role="tablist" aria-label="Recruiting views">
              {(['board', 'funnel', 'outcomes'] as const).map((v) => (
                <button key={v} type="button" role="tab" aria-selected={view === v} className={`tab${view === v ? ' active' : ''}`} onClick={() => setView(v)}>
                  {v === 'board' ? 'Board' : v === 'funnel' ? 'Funnel' : 'Hiring outcomes'}
                </button>
              ))}
            </div>
          </div>
          {comparing && selected.length >= 2 ? <CompareView ids={selected} onClose={() => setComparing(false)} /> : null}
          {view === 'board' ? (
            <BoardView requisitionId={requisitionId} selected={selected} onToggle={toggle} onOpen={setOpenId} />
          ) : view === 'funnel' ? (
            <FunnelView requisitionId={requisitionId} />
          ) : (
            <OutcomesView role={rows.find((r) => r.id === requisitionId) ?? null} />
          )}
        </>
      )}
      {openId !== null ? <CandidateDrawer candidateId={openId} requisitionId={requisitionId} onClose={() => setOpenId(null)} /> : null}
    </div>
  )
}

function BoardView({
  requisitionId,
  selected,
  onToggle,
  onOpen
}: {
  requisitionId: number | null
  selected: number[]
  onToggle: (id: number) => void
  onOpen: (id: number) => void
}) {
  const board = useBoard(requisitionId)
  const drop = useMoveCandidate()
  const [over, setOver] = useState<CandidateStage | null>(null)
  // A card dropped on Rejected or Withdrawn waits on its card for the reason, as a move chosen in its select does.
  const [asking, setAsking] = useState<{ candidateId: number; stage: CandidateStage } | null>(null)
  if (board.isPending) return <Loading label="Loading the board…" />
  if (!board.data) return <ErrorBanner error={board.error} />
  const r = board.data.requisition
  const onDrop = (stage: CandidateStage, e: DragEvent) => {
    e.preventDefault()
    setOver(null)
    const card = dragged(e)
    if (!card || card.stage === stage) return
    if (isExitStage(stage)) setAsking({ candidateId: card.candidateId, stage })
    else drop.mutate({ candidateId: card.candidateId, requisitionId: r.id, stage })
  }
  return (
    <>
      <p className="muted small">
        {r.hiringManager ? `Hiring manager ${r.hiringManager}` : 'No hiring manager'} · {r.headcount} to hire
        {r.targetStart ? ` · start ${formatDate(r.targetStart)}` : ''}
        {r.teamName ? ` · ${r.teamName}` : ''}
      </p>
      <ErrorBanner error={board.error} />
      <ErrorBanner error={drop.error} />
      <div className="board" aria-label="Candidate board">
        {board.data.columns.map((col) => (
          <section
            key={col.stage}
            className={`board-column${isExitStage(col.stage) ? ' exit' : ''}${over === col.stage ? ' drop-target' : ''}`}
            aria-label={L.stage[col.stage]}
            onDragOver={(e) => {
              if (!e.dataTransfer.types.includes(DRAG_TYPE)) return
              e.preventDefault()
              e.dataTransfer.dropEffect = 'move'
              if (over !== col.stage) setOver(col.stage)
            }}
            onDragLeave={(e) => {
              if (!e.currentTarget.contains(e.relatedTarget as Node | null)) setOver(null)
            }}
            onDrop={(e) => onDrop(col.stage, e)}
          >
            <h2>
              {L.stage[col.stage]} <span className="muted">{col.total}</span>
            </h2>
            {col.cards.map((card) => (
              <Card
                key={card.applicationId}
                card={card}
                requisitionId={r.id}
                checked={selected.includes(card.candidateId)}
                onToggle={onToggle}
                onOpen={onOpen}
                pending={asking?.candidateId === card.candidateId ? asking.stage : null}
                setPending={(stage) => setAsking(stage ? { candidateId: card.candidateId, stage } : null)}
              />
            ))}
          </section>
        ))}
      </div>
    </>
  )
}

function Card({
  card,
  requisitionId,
  checked,
  onToggle,
  onOpen,
  pending,
  setPending
}: {
  card: BoardCard
  requisitionId: number
  checked: boolean
  onToggle: (id: number) => void
  onOpen: (id: number) => void
  /** An exit stage chosen (in the select or by a drop) that waits for its reason. */
  pending: CandidateStage | null
  setPending: (stage: CandidateStage | null) => void
}) {
  const move = useMoveCandidate()
  const [reason, setReason] = useState('')
  const go = (stage: CandidateStage, why?: string) => move.mutate({ candidateId: card.candidateId, requisitionId, stage, reason: why })
  return (
    <article
      className={`card${card.stalled ? ' stalled' : ''}`}
      aria-label={card.name}
      draggable={pending === null}
      onDragStart={(e) => {
        e.dataTransfer.setData(DRAG_TYPE, `${card.candidateId}:${card.stage}`)
        e.dataTransfer.effectAllowed = 'move'
      }}
    >
      <div className="card-top">
        <button type="button" className="link" onClick={() => onOpen(card.candidateId)}>
          {card.name}
        </button>
        <input type="checkbox" aria-label={`Compare ${card.name}`} checked={checked} onChange={() => onToggle(card.candidateId)} />
      </div>
      <div className="small muted">{[card.currentTitle, card.currentCompany].filter(Boolean).join(', ')}</div>
      <div className="card-chips">
        <Chip tone={card.stalled ? 'bad' : 'neutral'} title={`In ${L.stage[card.stage]} since ${formatDate(card.stageEnteredAt)}`}>
          {card.daysInStage} d{card.stalled ? ' · stalled' : ''}
        </Chip>
        {card.latestAttainmentPct !== null ? <Chip tone={card.latestAttainmentPct >= 120 ? 'good' : 'neutral'}>{Math.round(card.latestAttainmentPct)} %</Chip> : null}
        {card.scorecards ? <Chip tone="info">{card.scorecards} scorecards</Chip> : null}
        {card.warning ? (
          <Chip tone="warn" title="Strong record, weak or missing behaviour answers">
            ⚠ behaviour
          </Chip>
        ) : null}
      </div>
      {card.exitReason ? <div className="small muted">{card.exitReason}</div> : null}
      <label className="move small">
        Move to
        <select
          value=""
          aria-label={`Move ${card.name} to stage`}
          disabled={move.isPending}
          onChange={(e) => {
            const stage = e.target.value as CandidateStage
            if (!stage) return
            if (isExitStage(stage)) setPending(stage)
            else go(stage)
          }}
        >
          <option value="">Choose a stage…</option>
          {CANDIDATE_STAGES.filter((s) => s !== card.stage).map((s) => (
            <option key={s} value={s}>
              {L.stage[s]}
            </option>
          ))}
        </select>
      </label>
      {pending ? (
        <form
          className="reason"
          onSubmit={(e) => {
            e.preventDefault()
            go(pending, reason)
            setPending(null)
            setReason('')
          }}
        >
          <input aria-label={`Reason ${card.name} is ${L.stage[pending].toLowerCase()}`} value={reason} onChange={(e) => setReason(e.target.value)} placeholder={`Why ${L.stage[pending].toLowerCase()}?`} required />
          <button type="submit" className="button" disabled={!reason.trim()}>
            {L.stage[pending]}
          </button>
          <button type="button" className="button" onClick={() => setPending(null)}>
            Cancel
          </button>
        </form>
      ) : null}
      <ErrorBanner error={move.error} />
    </article>
  )
}

function RoleForm({ onDone }: { onDone: (id: number) => void }) {
  const create = useCreateRequisition()
  const [title, setTitle] = useState('')
  const [hiringManager, setHiringManager] = useState('')
  const [targetStart, setTargetStart] = useState('')
  const [headcount, setHeadcount] = useState(1)
  const [question, setQuestion] = useState('')
  const submit = (e: FormEvent) => {
    e.preventDefault()
    create.mutate(
      {
        title,
        hiringManager: hiringManager || undefined,
        targetStart: targetStart || undefined,
        headcount,
        questions: question.trim() ? [{ prompt: question, anchorLow: 'No real example.', anchorHigh: 'A specific, recent example with results.' }] : []
      },
      { onSuccess: (r) => onDone(r.id) }
    )
  }
  return (
    <form className="panel form-grid" onSubmit={submit} aria-label="New role">
      <h2>New role</h2>
      <label className="field">
        Title
        <input value={title} onChange={(e) => setTitle(e.target.value)} required maxLength={200} />
      </label>
      <label className="field">
        Hiring manager
        <input value={hiringManager} onChange={(e) => setHiringManager(e.target.value)} maxLength={200} />
      </label>
      <label className="field">
        Target start
        <input type="date" value={targetStart} onChange={(e) => setTargetStart(e.target.value)} />
      </label>
      <label className="field">
        Headcount
        <input type="number" min={1} max={1000} value={headcount} onChange={(e) => setHeadcount(Number(e.target.value) || 1)} />
      </label>
      <label className="field span">
        The role's own interview question (the five behaviour questions are built in)
        <input value={question} onChange={(e) => setQuestion(e.target.value)} maxLength={500} />
      </label>
      <ErrorBanner error={create.error} />
      <div className="span">
        <button type="submit" className="button primary" disabled={create.isPending || !title.trim()}>
          Create role
        </button>
      </div>
    </form>
  )
}

function CandidateForm({ requisitionId, onDone }: { requisitionId: number; onDone: (id: number) => void }) {
  const create = useCreateCandidate()
  const merge = useMergeCandidates()
  const [f, setF] = useState({ name: '', email: '', currentCompany: '', currentTitle: '', linkedinUrl: '', source: 'linkedin' as CandidateSource, attainment: '', notes: '' })
  const set = (k: keyof typeof f) => (e: { target: { value: string } }) => setF((x) => ({ ...x, [k]: e.target.value }))
  /** With `mergeInto`, the person is added and at once folded into that existing profile: one person, every detail kept. */
  const submit = (allowDuplicate: boolean, mergeInto?: number) => {
    const attainment = Number(f.attainment)
    create.mutate(
      {
        name: f.name,
        email: f.email || undefined,
        currentCompany: f.currentCompany || undefined,
        currentTitle: f.currentTitle || undefined,
        linkedinUrl: f.linkedinUrl || undefined,
        source: f.source,
        researchNotes: f.notes,
        trackRecord: f.attainment && Number.isFinite(attainment) ? [{ year: new Date().getUTCFullYear() - 1, attainmentPct: attainment }] : [],
        requisitionId,
        allowDuplicate
      },
      {
        onSuccess: (c) =>
          mergeInto === undefined ? onDone(c.id) : merge.mutate({ keepId: mergeInto, mergeId: c.id }, { onSuccess: (kept) => onDone(kept.id) })
      }
    )
  }
  const duplicate = create.error?.code === 'CONFLICT'
  const matches = useDuplicates(
    { name: f.name.trim() || '-', email: f.email.trim() || undefined, linkedinUrl: f.linkedinUrl.trim() || undefined, currentCompany: f.currentCompany.trim() || undefined },
    duplicate
  )
  return (
    <form className="panel form-grid" onSubmit={(e) => (e.preventDefault(), submit(false))} aria-label="Add candidate">
      <h2>Add candidate</h2>
      <label className="field">
        Name
        <input value={f.name} onChange={set('name')} required maxLength={200} />
      </label>
      <label className="field">
        Email
        <input type="email" value={f.email} onChange={set('email')} maxLength={320} />
      </label>
      <label className="field">
        Current company
        <input value={f.currentCompany} onChange={set('currentCompany')} maxLength={200} />
      </label>
      <label className="field">
        Current title
        <input value={f.currentTitle} onChange={set('currentTitle')} maxLength={200} />
      </label>
      <label className="field">
        LinkedIn URL
        <input type="url" value={f.linkedinUrl} onChange={set('linkedinUrl')} maxLength={500} />
      </label>
      <label className="field">
        Source
        <select value={f.source} onChange={set('source')}>
          {CANDIDATE_SOURCES.map((s) => (
            <option key={s} value={s}>
              {L.source[s]}
            </option>
          ))}
        </select>
      </label>
      <label className="field">
        Last year's attainment (% of quota)
        <input type="number" min={0} max={1000} value={f.attainment} onChange={set('attainment')} />
      </label>
      <label className="field span">
        Research notes (Markdown)
        <textarea rows={3} value={f.notes} onChange={set('notes')} maxLength={20000} />
      </label>
      {duplicate ? (
        <div className="warning-banner" role="alert">
          <strong>This looks like an existing candidate.</strong> Merge into their profile (nothing typed here is lost), or add anyway if it is someone else.
        </div>
      ) : (
        <ErrorBanner error={create.error} />
      )}
      <ErrorBanner error={merge.error} />
      {duplicate && matches.data?.length ? (
        <ul className="duplicate-offer" aria-label="Existing candidates this looks like">
          {matches.data.map((m) => (
            <li key={m.id}>
              <span>
                <strong>{m.name}</strong>
                {m.currentCompany ? ` at ${m.currentCompany}` : ''} <span className="muted">({m.matchedOn.map((k) => MATCHED_ON[k]).join(', ')})</span>
              </span>
              <button type="button" className="button" disabled={create.isPending || merge.isPending} onClick={() => submit(true, m.id)}>
                Merge into {m.name}’s profile
              </button>
            </li>
          ))}
        </ul>
      ) : null}
      <div className="span">
        <button type="submit" className="button primary" disabled={create.isPending || !f.name.trim()}>
          Add to board
        </button>
        {duplicate ? (
          <button type="button" className="button" onClick={() => submit(true)}>
            Add anyway (not the same person)
          </button>
        ) : null}
      </div>
    </form>
  )
}
