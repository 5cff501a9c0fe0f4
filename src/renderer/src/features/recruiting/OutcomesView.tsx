// Hiring outcomes: did the interview predict the hire? Per question, how its ratings ranked the hires who later performed.
import { Bar, BarChart, CartesianGrid, Cell, ReferenceLine, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts'
import type { HireOutcomeRow, OutcomeReading, QuestionOutcomeRow } from '@shared/contract'
import { RECRUITING_LABELS as L } from '@shared/recruiting'
import { ChartFrame, EmptyState, ErrorBanner, Loading, Stat } from '../../kit/kit'
import { formatDate } from '../../kit/format'
import { useState } from 'react'
import { useCall } from '../../api/query'
import './outcomes.css'

const READING: Record<OutcomeReading, string> = {
  well: 'Ranked later performers well',
  weakly: 'Ranked later performers weakly',
  not_at_all: 'Did not rank later performers at all',
  backwards: 'Ranked them backwards: higher scores, weaker performers',
  no_spread: 'Every hire got the same score: nothing was ranked',
  too_few: 'Too few rated hires to say'
}

const pct = (v: number | null) => (v === null ? '—' : `${Math.round(v * 100)} %`)
const rho = (v: number | null) => (v === null ? '—' : `${v > 0 ? '+' : v < 0 ? '−' : ''}${Math.abs(v).toFixed(2)}`)
const questionName = (q: QuestionOutcomeRow) => (q.topic === 'role' ? q.prompt : L.topic[q.topic])

/**
 * Every role's hires by default: one role rarely has five hires with outcomes. The role picked above can narrow it,
 * for a kit that asks its own questions.
 */
export function OutcomesView({ role }: { role: { id: number; title: string } | null }) {
  const [scope, setScope] = useState<'all' | 'role'>('all')
  const narrowed = scope === 'role' && role !== null
  const outcomes = useCall('recruiting.hireOutcomes', narrowed ? { requisitionId: role.id } : {})
  const o = outcomes.data
  const scopePicker = (
    <div className="segmented" role="group" aria-label="Hires from">
      <button type="button" className={`tab${narrowed ? '' : ' active'}`} aria-pressed={!narrowed} onClick={() => setScope('all')}>
        All roles
      </button>
      <button type="button" className={`tab${narrowed ? ' active' : ''}`} aria-pressed={narrowed} disabled={role === null} onClick={() => setScope('role')}>
        {role ? `Only ${role.title}` : 'Only this role'}
      </button>
    </div>
  )
  const header = (
    <div className="outcomes-scope">
      {scopePicker}
      <p className="muted small">{narrowed ? `Hires for ${role.title} only.` : "Every role's hires, filled roles included."}</p>
    </div>
  )
  if (!o) {
    return (
      <section aria-label="Hiring outcomes" className="outcomes">
        {header}
        {outcomes.isPending ? <Loading label="Joining interview scores to later attainment…" /> : <ErrorBanner error={outcomes.error} />}
      </section>
    )
  }
  return (
    <section aria-label="Hiring outcomes" className="outcomes">
      <ErrorBanner error={outcomes.error} />
      {header}
      <div className="stats">
        <Stat label="Hires linked to reps" value={o.linked} />
        <Stat label="With two full quarters" value={o.withOutcome} hint="first two to four quarters after the hire date" />
        <Stat label="Needed to judge questions" value={o.threshold} />
      </div>
      {!o.enough ? (
        <EmptyState title="Not enough hires with outcomes yet">
          {o.linked === 0 ? 'No hire is linked to a rep yet. ' : `${o.linked} hire${o.linked === 1 ? ' is linked to a rep' : 's are linked to reps'}, ${o.withOutcome} with two full quarters on a team. `}
          The questions are judged once {o.threshold} hires have two full quarters of attainment; {Math.max(0, o.threshold - o.withOutcome)} more needed. Link a
          hire to the rep they became from the candidate's profile (History, Link to rep).
        </EmptyState>
      ) : (
        <Questions questions={o.questions} hires={o.withOutcome} />
      )}
      {o.hires.length > 0 ? <Hires hires={o.hires} /> : null}
    </section>
  )
}

function Questions({ questions, hires }: { questions: QuestionOutcomeRow[]; hires: number }) {
  const chart = questions.map((q) => ({ name: q.topic === 'role' ? 'Role question' : L.topic[q.topic], rho: q.rho ?? 0, judged: q.rho !== null }))
  return (
    <>
      <p className="outcomes-caveat" role="note">
        Based on {hires} hires. Each question's score is the rank correlation (Spearman, −1 to +1) between a hire's mean rating on it and their attainment
        over their first full quarters; a hire with no rating on a question is left out of that question, never counted as zero. With this few hires one
        person can swing a figure: read it as a hint to revisit a question, not a verdict. Well means +0.5 or more, weakly +0.2 to +0.5, not at all
        between −0.2 and +0.2, backwards −0.2 or below.
      </p>
      <div className="outcomes-grid">
        <div className="table-wrap">
          <table className="data-table" aria-label="How each interview question ranked later performers">
            <thead>
              <tr>
                <th scope="col">Question</th>
                <th scope="col" className="num">Hires rated</th>
                <th scope="col" className="num">Correlation</th>
                <th scope="col">Reading</th>
              </tr>
            </thead>
            <tbody>
              {questions.map((q) => (
                <tr key={q.key}>
                  <td title={q.prompt}>
                    {questionName(q)}
                    {q.topic === 'role' ? <span className="muted small"> (role question)</span> : null}
                  </td>
                  <td className="num">{q.n}</td>
                  <td className="num">{rho(q.rho)}</td>
                  <td className={`outcome-reading ${q.reading}`}>{READING[q.reading]}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        <ChartFrame title="Rank correlation with later attainment, per question" height={280}>
          <ResponsiveContainer width="100%" height="100%" initialDimension={{ width: 480, height: 270 }}>
            <BarChart data={chart} layout="vertical" margin={{ top: 8, right: 24, bottom: 8, left: 8 }}>
              <CartesianGrid strokeDasharray="3 3" horizontal={false} />
              <XAxis type="number" domain={[-1, 1]} ticks={[-1, -0.5, 0, 0.5, 1]} tick={{ fontSize: 12 }} />
              <YAxis type="category" dataKey="name" width={140} tick={{ fontSize: 12 }} />
              <ReferenceLine x={0} stroke="#6b7280" />
              <Tooltip formatter={(v) => (typeof v === 'number' ? v.toFixed(2) : String(v))} />
              <Bar dataKey="rho" name="Correlation" isAnimationActive={false}>
                {chart.map((d) => (
                  <Cell key={d.name} fill={!d.judged ? '#c4c9d4' : d.rho >= 0.2 ? '#1f8a5b' : d.rho <= -0.2 ? '#c2410c' : '#8a94a6'} />
                ))}
              </Bar>
            </BarChart>
          </ResponsiveContainer>
        </ChartFrame>
      </div>
    </>
  )
}

function Hires({ hires }: { hires: HireOutcomeRow[] }) {
  return (
    <div className="table-wrap">
      <table className="data-table" aria-label="Hires and their first quarters">
        <thead>
          <tr>
            <th scope="col">Hire</th>
            <th scope="col">Role</th>
            <th scope="col">Rep</th>
            <th scope="col">Hire date</th>
            <th scope="col">First full quarters</th>
            <th scope="col" className="num">Mean attainment</th>
          </tr>
        </thead>
        <tbody>
          {hires.map((h) => (
            <tr key={h.applicationId}>
              <td>{h.candidateName}</td>
              <td>{h.requisitionTitle}</td>
              <td>{h.repName}</td>
              <td>{formatDate(h.hireDate)}</td>
              <td>{h.quarters.length ? h.quarters.map((q) => pct(q.attainment)).join(' · ') : <span className="muted">none yet</span>}</td>
              <td className={h.counted ? 'num' : 'outcome-note'}>{h.counted ? pct(h.attainment) : <span className="muted small">{h.note}</span>}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  )
}
