// The candidate profile: contact and research, track record beside behaviour scores, the warning, history, and the scorecard form.
import { useEffect, useRef, useState, type FormEvent } from 'react'
import type { CandidateDetail, CandidateErasure, InterviewQuestion } from '@shared/contract'
import { RECOMMENDATIONS, RECRUITING_LABELS, type Recommendation } from '@shared/recruiting'
import { Chip, ErrorBanner, Loading } from '../../kit/kit'
import { formatDate, formatMoney } from '../../kit/format'
import { useCandidate, useRequisition, useScorecards, useSubmitScorecard } from './hooks'
import { ResearchNotes } from './notes'
import { EraseCandidateButton, ErasedNotice } from './EraseCandidate'
import { LinkRep } from './LinkRep'
import { Attachments } from './Attachments'

const L = RECRUITING_LABELS

/** As main compares interviewer names: case and spacing aside. */
const interviewerKey = (name: string) => name.trim().replace(/\s+/g, ' ').toLowerCase()

function pct(v: number | null): string {
  return v === null ? '—' : `${Math.round(v)} %`
}

export function score(mean: number | null): string {
  return mean === null ? 'no rating' : mean.toFixed(1)
}

export function CandidateDrawer({ candidateId, requisitionId, onClose }: { candidateId: number; requisitionId: number | null; onClose: () => void }) {
  const [viewer, setViewer] = useState('')
  const [erased, setErased] = useState<{ result: CandidateErasure; name: string } | null>(null)
  // Once erased the profile is gone: stop asking for it rather than show a "not found" behind the notice.
  const candidate = useCandidate(erased ? null : candidateId, viewer)
  const c = erased ? undefined : candidate.data
  if (erased) {
    return (
      <aside className="drawer" role="dialog" aria-modal="false" aria-label="Candidate erased">
        <div className="drawer-head">
          <h2>Candidate erased</h2>
          <button type="button" className="button" onClick={onClose} aria-label="Close the candidate profile">
            Close
          </button>
        </div>
        <ErasedNotice result={erased.result} name={erased.name} onClose={onClose} />
      </aside>
    )
  }
  return (
    <aside className="drawer" role="dialog" aria-modal="false" aria-label={c ? `Candidate ${c.name}` : 'Candidate'}>
      <div className="drawer-head">
        <div>
          <h2>{c?.name ?? 'Candidate'}</h2>
          {c ? (
            <p className="muted">
              {[c.currentTitle, c.currentCompany, c.location].filter(Boolean).join(' · ') || 'No current role recorded'}
            </p>
          ) : null}
        </div>
        <button type="button" className="button" onClick={onClose} aria-label="Close the candidate profile">
          Close
        </button>
      </div>
      <label className="viewer">
        Viewing as{' '}
        <input value={viewer} onChange={(e) => setViewer(e.target.value)} maxLength={200} placeholder="Interviewer's name (hides the panel until you submit)" />
      </label>
      <ErrorBanner error={candidate.error} />
      {candidate.isPending ? (
        <Loading label="Loading the candidate…" />
      ) : c ? (
        <Profile c={c} requisitionId={requisitionId} viewer={viewer} onSubmitted={setViewer} />
      ) : null}
      {c ? (
        <section className="erase-zone" aria-label="Erase this candidate">
          <EraseCandidateButton candidate={c} onErased={(result, name) => setErased({ result, name })} />
        </section>
      ) : null}
    </aside>
  )
}

function Profile({
  c,
  requisitionId,
  viewer,
  onSubmitted
}: {
  c: CandidateDetail
  requisitionId: number | null
  viewer: string
  /** After a scorecard is in, the profile is viewed as its interviewer: the panel opens to them. */
  onSubmitted: (interviewer: string) => void
}) {
  const s = c.summary
  return (
    <div className="drawer-body">
      {c.mergedInto ? <p className="chip chip-warn">Merged into candidate #{c.mergedInto}</p> : null}
      {s.warning ? (
        <div className="warning-banner" role="alert">
          <strong>Strong record, weak behaviour answers.</strong> {s.warning.message}
        </div>
      ) : null}
      <section>
        <h3>Contact and presence</h3>
        <dl className="facts">
          <dt>Email</dt>
          <dd>{c.email ?? '—'}</dd>
          <dt>Phone</dt>
          <dd>{c.phone ?? '—'}</dd>
          <dt>Source</dt>
          <dd>{L.source[c.source]}</dd>
          <dt>Profiles</dt>
          <dd className="links">
            {[c.linkedinUrl, ...c.otherLinks].filter((u): u is string => !!u).map((u) => (
              <code key={u}>{u}</code>
            ))}
            {!c.linkedinUrl && c.otherLinks.length === 0 ? '—' : null}
          </dd>
          <dt>Social presence</dt>
          <dd>{socialLine(c.social)}</dd>
        </dl>
      </section>
      <section>
        <h3>Track record</h3>
        {c.trackRecord.length === 0 ? (
          <p className="muted">No track record recorded.</p>
        ) : (
          <table className="data-table compact">
            <caption className="sr-only">Track record by year</caption>
            <thead>
              <tr>
                <th scope="col">Year</th>
                <th scope="col" className="num">Quota</th>
                <th scope="col" className="num">Attainment</th>
                <th scope="col" className="num">Rank</th>
                <th scope="col" className="num">Avg deal</th>
                <th scope="col">Segment</th>
              </tr>
            </thead>
            <tbody>
              {c.trackRecord.map((t) => (
                <tr key={t.id}>
                  <td>{t.year}</td>
                  <td className="num">{t.quotaMinor === null ? '—' : formatMoney(t.quotaMinor, t.currency, { compact: true })}</td>
                  <td className="num">{pct(t.attainmentPct)}</td>
                  <td className="num">{t.rankInTeam === null ? '—' : `${t.rankInTeam}${t.teamSize ? ` of ${t.teamSize}` : ''}`}</td>
                  <td className="num">{t.avgDealMinor === null ? '—' : formatMoney(t.avgDealMinor, t.currency, { compact: true })}</td>
                  <td>{t.segment ?? '—'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
      <section>
        <h3>Behaviour scores</h3>
        {s.withheld ? (
          <p className="muted">Hidden until you submit your own scorecard.</p>
        ) : s.scorecards === 0 ? (
          <p className="muted">No scorecards yet.</p>
        ) : (
          <>
            <p className="muted small">
              {s.scorecards} scorecard{s.scorecards === 1 ? '' : 's'} ·{' '}
              {RECOMMENDATIONS.filter((r) => s.recommendations[r] > 0)
                .map((r) => `${s.recommendations[r]} ${L.recommendation[r].toLowerCase()}`)
                .join(', ')}
            </p>
            <ul className="score-list">
              {s.questions.map((q) => (
                <li key={q.questionId} className={q.disagreement ? 'disagree' : undefined}>
                  <span className="score-topic" title={q.prompt}>
                    {/* A role's own questions share a topic, so each goes by its own words. */}
                    {q.topic === 'role' ? q.prompt : L.topic[q.topic]}
                  </span>
                  <span className="score-bar" aria-hidden="true">
                    <span style={{ width: `${((q.mean ?? 0) / 4) * 100}%` }} className={q.mean !== null && q.mean < 2.5 ? 'weak' : undefined} />
                  </span>
                  <span className="score-value">{score(q.mean)}</span>
                  <span className="small muted">
                    {q.rated} rated{q.unrated ? `, ${q.unrated} no rating` : ''}
                  </span>
                  {q.disagreement ? (
                    <Chip tone="warn" title={`Ratings ${q.spread} points apart: talk it through before deciding`}>
                      Disagreement
                    </Chip>
                  ) : null}
                </li>
              ))}
            </ul>
          </>
        )}
      </section>
      <section>
        <h3>Research notes</h3>
        <ResearchNotes text={c.researchNotes} />
      </section>
      <Attachments candidateId={c.id} />
      <section>
        <h3>History</h3>
        {c.applications.map((a) => (
          <div key={a.id} className="history">
            <div className="strong">
              {a.requisitionTitle}: {L.stage[a.stage]} {a.stalled ? <Chip tone="bad">Stalled</Chip> : null}
            </div>
            {c.mergedInto ? null : <LinkRep candidateId={c.id} application={a} />}
            <ol>
              {a.history.map((h, i) => (
                <li key={i}>
                  {formatDate(h.enteredAt)} — {L.stage[h.stage]}
                  {h.reason ? <span className="muted"> ({h.reason})</span> : null}
                </li>
              ))}
              {c.interviews
                .filter((iv) => iv.requisitionId === a.requisitionId)
                .map((iv) => (
                  <li key={`s${iv.scorecardId}`}>
                    {formatDate(iv.submittedAt)} — scorecard by {iv.interviewer}
                    {iv.recommendation ? `: ${L.recommendation[iv.recommendation]}` : ''}
                  </li>
                ))}
            </ol>
          </div>
        ))}
      </section>
      {requisitionId !== null && c.applications.some((a) => a.requisitionId === requisitionId) ? (
        <PanelScorecards candidateId={c.id} requisitionId={requisitionId} viewer={viewer} />
      ) : null}
      {requisitionId !== null && c.applications.some((a) => a.requisitionId === requisitionId) && !c.mergedInto ? (
        <ScorecardForm candidateId={c.id} requisitionId={requisitionId} viewer={viewer} onSubmitted={onSubmitted} />
      ) : null}
    </div>
  )
}

/** Each interviewer's scorecard for this role, shown to an interviewer only once their own is in. */
function PanelScorecards({ candidateId, requisitionId, viewer }: { candidateId: number; requisitionId: number; viewer: string }) {
  const list = useScorecards(candidateId, requisitionId, viewer)
  const l = viewer.trim() ? list.data : undefined
  return (
    <section aria-label="Panel scorecards">
      <h3>Panel scorecards</h3>
      {!viewer.trim() ? (
        <p className="muted small">Interviewers: type your name in “Viewing as”. The panel’s scorecards open to you once yours is in.</p>
      ) : list.isPlaceholderData ? (
        // Never show one interviewer the panel as it was shown to the previous name typed.
        <Loading label="Checking whose scorecards you may see…" />
      ) : !l ? (
        <ErrorBanner error={list.error} />
      ) : !l.visible ? (
        <p className="muted" role="note">
          {l.submitted === 0 ? 'No scorecards yet' : `${l.submitted} scorecard${l.submitted === 1 ? '' : 's'} submitted`}. {viewer.trim()} sees the
          panel’s scorecards after submitting their own.
        </p>
      ) : (
        <div className="panel-cards">
          {l.scorecards.map((s) => (
            <article key={s.id} className="panel-card" aria-label={`Scorecard by ${s.interviewer}`}>
              <div className="strong">
                {s.interviewer}
                {s.id === l.own?.id ? ' (you)' : ''}: {L.recommendation[s.recommendation]}{' '}
                <span className="muted small">{formatDate(s.submittedAt)}</span>
              </div>
              <ul>
                {s.ratings.map((r) => (
                  <li key={r.questionId}>
                    {L.topic[r.topic]}: <strong>{r.rating ?? 'no rating'}</strong>
                    {r.notes ? <span className="muted"> — {r.notes}</span> : null}
                  </li>
                ))}
              </ul>
            </article>
          ))}
        </div>
      )}
    </section>
  )
}

function ScorecardForm({
  candidateId,
  requisitionId,
  viewer,
  onSubmitted
}: {
  candidateId: number
  requisitionId: number
  viewer: string
  onSubmitted: (interviewer: string) => void
}) {
  const kit = useRequisition(requisitionId)
  const submit = useSubmitScorecard()
  const [interviewer, setInterviewer] = useState(viewer)
  // The person viewing is the one likely to be scoring; not so the one who just submitted (they become the viewer).
  const justSubmitted = useRef(false)
  useEffect(() => {
    if (justSubmitted.current) justSubmitted.current = false
    else if (viewer.trim()) setInterviewer(viewer)
  }, [viewer])
  const [recommendation, setRecommendation] = useState<Recommendation | ''>('')
  const [ratings, setRatings] = useState<Record<number, number | null>>({})
  const [notes, setNotes] = useState<Record<number, string>>({})
  const [done, setDone] = useState<string | null>(null)
  const questions: InterviewQuestion[] = kit.data?.questions ?? []
  const onSubmit = (e: FormEvent) => {
    e.preventDefault()
    if (!recommendation) return
    submit.mutate(
      {
        candidateId,
        requisitionId,
        interviewer,
        recommendation,
        ratings: questions.map((q) => ({ questionId: q.id, rating: ratings[q.id] ?? null, notes: notes[q.id] || undefined }))
      },
      {
        onSuccess: (v) => {
          setDone(`Scorecard from ${v.interviewer} saved.`)
          justSubmitted.current = interviewerKey(v.interviewer) !== interviewerKey(viewer)
          onSubmitted(v.interviewer)
          setRatings({})
          setNotes({})
          setRecommendation('')
          setInterviewer('')
        }
      }
    )
  }
  return (
    <section>
      <h3>Submit a scorecard</h3>
      <form className="scorecard-form" onSubmit={onSubmit} aria-label="Scorecard">
        <label className="field">
          Interviewer
          <input value={interviewer} onChange={(e) => setInterviewer(e.target.value)} required maxLength={200} placeholder="Your name" />
        </label>
        {questions.map((q) => (
          <fieldset key={q.id} className="question">
            <legend>
              <span className="chip chip-info">{L.topic[q.topic]}</span> {q.prompt}
            </legend>
            <div className="anchors small muted">
              <span>1 — {q.anchorLow}</span>
              <span>4 — {q.anchorHigh}</span>
            </div>
            <div className="rating" role="radiogroup" aria-label={`Rating for ${L.topic[q.topic]}`}>
              {[1, 2, 3, 4].map((n) => (
                <label key={n}>
                  <input type="radio" name={`q${q.id}`} checked={ratings[q.id] === n} onChange={() => setRatings((r) => ({ ...r, [q.id]: n }))} /> {n}
                </label>
              ))}
              <label>
                <input type="radio" name={`q${q.id}`} checked={ratings[q.id] === undefined || ratings[q.id] === null} onChange={() => setRatings((r) => ({ ...r, [q.id]: null }))} /> No rating
              </label>
            </div>
            <input
              className="note"
              aria-label={`Notes for ${L.topic[q.topic]}`}
              placeholder="Notes (what they actually said)"
              value={notes[q.id] ?? ''}
              onChange={(e) => setNotes((n) => ({ ...n, [q.id]: e.target.value }))}
            />
          </fieldset>
        ))}
        <label className="field">
          Recommendation
          <select value={recommendation} onChange={(e) => setRecommendation(e.target.value as Recommendation | '')} required>
            <option value="">Choose…</option>
            {RECOMMENDATIONS.map((r) => (
              <option key={r} value={r}>
                {L.recommendation[r]}
              </option>
            ))}
          </select>
        </label>
        <ErrorBanner error={submit.error} />
        {done ? (
          <p className="chip chip-good" role="status">
            {done}
          </p>
        ) : null}
        <button type="submit" className="button primary" disabled={submit.isPending || !interviewer.trim() || !recommendation}>
          Submit scorecard
        </button>
      </form>
    </section>
  )
}

/** The facts recorded, in words; the ones not gathered yet are left out rather than shown as dashes. */
function socialLine(s: CandidateDetail['social']): string {
  const parts = [
    s.connections === null ? null : `${s.connections.toLocaleString()} connections`,
    s.followers === null ? null : `${s.followers.toLocaleString()} followers`,
    s.posts90d === null ? null : `${s.posts90d} posts in 90 days`,
    s.visibilityShare === null ? null : `visible ${Math.round(s.visibilityShare * 100)} % of days`
  ].filter((p) => p !== null)
  return parts.length ? parts.join(' · ') : 'Not gathered yet'
}
