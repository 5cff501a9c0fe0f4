// Visibility: our sellers next to the competition's, the invisible-days calendar, tier-one relationships, social rules, and the kickoff deck.
import { useState } from 'react'
import type { CompositeWeights } from '@shared/visibility'
import { MEASURE_DOCS, PILLARS, VISIBILITY_LABELS } from '@shared/visibility'
import { ChartFrame, Chip, EmptyState, ErrorBanner, Loading, PageHeader, Pager, Stat } from '../../kit/kit'
import { VisibilityCalendar } from './Calendar'
import { PillarChart, TrendChart } from './CompareChart'
import { Deck } from './Deck'
import { CompetitorsPanel } from './CompetitorsPanel'
import { localToday } from './forms'
import { HeatTable } from './HeatTable'
import { useComparison, useCompetitors, useSetCompetitorRelationship, useSetWeights, useTeams, useTeamVisibility, useTierOne, useWeights } from './hooks'
import { SocialRulesEditor } from './SocialRulesEditor'
import { pct, perWeek, whole } from './present'
import './visibility.css'

type View = 'compare' | 'measures' | 'relationships' | 'rules' | 'competitors'
const VIEWS: { key: View; label: string }[] = [
  { key: 'compare', label: 'Team vs competition' },
  { key: 'measures', label: 'Measures & calendar' },
  { key: 'relationships', label: 'Tier-one relationships' },
  { key: 'rules', label: 'Social rules' },
  { key: 'competitors', label: 'Competitors' }
]

export function VisibilityPage() {
  const [view, setView] = useState<View>('compare')
  const [windowDays, setWindowDays] = useState(90)
  const [teamId, setTeamId] = useState<number | undefined>(undefined)
  const [competitorId, setCompetitorId] = useState<number | undefined>(undefined)
  const [presenting, setPresenting] = useState(false)
  const teams = useTeams()
  const competitors = useCompetitors()

  return (
    <>
      <PageHeader
        title="Visibility"
        subtitle="Posting once every 14 days leaves a seller invisible for 13. How visible is the team next to the competition?"
        actions={
          <button type="button" className="button primary" onClick={() => setPresenting(true)}>
            ▶ Start presentation
          </button>
        }
      />
      <div className="toolbar">
        <label>
          Team
          <select value={teamId ?? ''} onChange={(e) => setTeamId(e.target.value ? Number(e.target.value) : undefined)}>
            <option value="">All teams</option>
            {teams.data?.map((t) => (
              <option key={t.id} value={t.id}>
                {t.name}
              </option>
            ))}
          </select>
        </label>
        <label>
          Competitor
          <select aria-label="Competitor" value={competitorId ?? ''} onChange={(e) => setCompetitorId(e.target.value ? Number(e.target.value) : undefined)}>
            <option value="">All competitors</option>
            {competitors.data?.map((c) => (
              <option key={c.id} value={c.id}>
                {c.name}
              </option>
            ))}
          </select>
        </label>
        <label>
          Window
          <select value={windowDays} onChange={(e) => setWindowDays(Number(e.target.value))}>
            {[28, 90, 180, 365].map((d) => (
              <option key={d} value={d}>
                Last {d} days
              </option>
            ))}
          </select>
        </label>
        <div className="tabs" role="tablist" aria-label="Visibility views">
          {VIEWS.map((v) => (
            <button key={v.key} type="button" role="tab" aria-selected={view === v.key} className={`tab${view === v.key ? ' active' : ''}`} onClick={() => setView(v.key)}>
              {v.label}
            </button>
          ))}
        </div>
      </div>
      {view === 'compare' ? <CompareView windowDays={windowDays} teamId={teamId} competitorId={competitorId} /> : null}
      {view === 'measures' ? <MeasuresView windowDays={windowDays} teamId={teamId} /> : null}
      {view === 'relationships' ? <RelationshipsView teamId={teamId} /> : null}
      {view === 'rules' ? <SocialRulesEditor teamId={teamId} /> : null}
      {view === 'competitors' ? <CompetitorsPanel /> : null}
      {presenting ? <Deck windowDays={windowDays} teamId={teamId} competitorId={competitorId} onExit={() => setPresenting(false)} /> : null}
    </>
  )
}

function CompareView({ windowDays, teamId, competitorId }: { windowDays: number; teamId?: number; competitorId?: number }) {
  const q = useComparison({ windowDays, teamId, competitorId })
  const c = q.data
  if (q.isPending) return <Loading label="Comparing with the competition…" />
  if (!c) return <ErrorBanner error={q.error} />
  if (c.competitors.length === 0) {
    return <EmptyState title="No competitors yet">Add a competitor and their sales leaders, with a snapshot of each profile, to compare the team with them.</EmptyState>
  }
  const sides = [c.us, ...c.competitors]
  const rows: { name: string; value: (s: (typeof sides)[number]) => string }[] = [
    { name: 'Visibility share', value: (s) => `${pct(s.measures?.visibilityShare)}${s.measures?.shareEstimated ? ' *' : ''}` },
    { name: 'Cadence (public activities / week)', value: (s) => perWeek(s.measures?.cadencePerWeek) },
    { name: 'Comments / week', value: (s) => perWeek(s.measures?.commentsPerWeek) },
    { name: 'Reach', value: (s) => whole(s.measures?.reach) },
    { name: 'Engagement per post', value: (s) => perWeek(s.measures?.engagementPerPost) },
    { name: 'Composite (0–100)', value: (s) => String(s.measures?.composite ?? '—') }
  ]
  return (
    <section aria-label="Team vs competition">
      <ErrorBanner error={q.error} />
      <div className="stats">
        {sides.map((s) => (
          <Stat key={s.key} label={`${s.label} · composite`} value={s.measures?.composite ?? '—'} hint={`${s.headcount} people · ${pct(s.measures?.visibilityShare)} visible`} />
        ))}
      </div>
      <div className="vis-grid">
        <ChartFrame title="Composite and its four pillars (0–100)" height={300}>
          <PillarChart comparison={c} />
        </ChartFrame>
        <ChartFrame title="Composite month by month, from the snapshots" height={300}>
          <TrendChart comparison={c} />
        </ChartFrame>
      </div>
      <div className="table-wrap vis-section">
        <table className="data-table vis-table">
          <caption className="sr-only">Each measure, us and each competitor</caption>
          <thead>
            <tr>
              <th scope="col">Measure · last {c.windowDays} days</th>
              {sides.map((s) => (
                <th key={s.key} scope="col" className="num">
                  {s.label}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.name}>
                <th scope="row">{r.name}</th>
                {sides.map((s) => (
                  <td key={s.key} className="num">
                    {r.value(s)}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <p className="muted vis-note">* Competitors’ visibility share comes from counts in their snapshots (at most one visible day per post or comment): an upper bound.</p>
      <h2 className="vis-h2">The competition’s people</h2>
      <div className="table-wrap">
        <table className="data-table">
          <caption className="sr-only">Competitors’ sales leaders and sellers</caption>
          <thead>
            <tr>
              <th scope="col">Person</th>
              <th scope="col">Competitor</th>
              <th scope="col">Role</th>
              <th scope="col" className="num">Visible</th>
              <th scope="col" className="num">Cadence / wk</th>
              <th scope="col" className="num">Reach</th>
              <th scope="col" className="num">Engagement / post</th>
              <th scope="col" className="num">Composite</th>
              <th scope="col">Snapshot</th>
            </tr>
          </thead>
          <tbody>
            {c.competitors.flatMap((side) =>
              side.people.map((p) => (
                <tr key={p.id}>
                  <td>
                    {p.name}
                    {p.title ? <div className="muted">{p.title}</div> : null}
                  </td>
                  <td>{side.label}</td>
                  <td>{VISIBILITY_LABELS.competitorRole[p.role]}</td>
                  <td className="num">{pct(p.visibilityShare)}</td>
                  <td className="num">{perWeek(p.cadencePerWeek)}</td>
                  <td className="num">{whole(p.reach)}</td>
                  <td className="num">{perWeek(p.engagementPerPost)}</td>
                  <td className="num">{p.composite}</td>
                  <td>{p.snapshotOn}</td>
                </tr>
              ))
            )}
          </tbody>
        </table>
      </div>
    </section>
  )
}

function MeasuresView({ windowDays, teamId }: { windowDays: number; teamId?: number }) {
  const [offset, setOffset] = useState(0)
  const q = useTeamVisibility({ windowDays, teamId, offset, limit: 25 })
  const t = q.data
  if (q.isPending) return <Loading label="Measuring the team…" />
  if (!t) return <ErrorBanner error={q.error} />
  return (
    <section aria-label="Measures">
      <ErrorBanner error={q.error} />
      <div className="table-wrap">
        <table className="data-table">
          <caption className="sr-only">Each rep’s visibility measures</caption>
          <thead>
            <tr>
              <th scope="col">Rep</th>
              <th scope="col" className="num">Visibility share</th>
              <th scope="col" className="num">Longest invisible</th>
              <th scope="col" className="num">Cadence / wk</th>
              <th scope="col" className="num">Expected</th>
              <th scope="col" className="num">Reach</th>
              <th scope="col" className="num">Engagement / post</th>
              <th scope="col" className="num">Composite</th>
            </tr>
          </thead>
          <tbody>
            {t.rows.map((r) => (
              <tr key={r.id}>
                <td>
                  {r.name}
                  <div className="muted">
                    {r.teamName ?? 'No team'} · {VISIBILITY_LABELS.repRole[r.role]}
                  </div>
                </td>
                <td className="num">{pct(r.visibilityShare)}</td>
                <td className="num">{r.longestInvisibleStretch} d</td>
                <td className="num">
                  {perWeek(r.cadencePerWeek)}{' '}
                  {r.expectedCadence !== null ? (
                    r.cadencePerWeek >= r.expectedCadence ? <Chip tone="good">meets</Chip> : <Chip tone="warn">below</Chip>
                  ) : null}
                </td>
                <td className="num">{perWeek(r.expectedCadence)}</td>
                <td className="num">{whole(r.reach)}</td>
                <td className="num">{perWeek(r.engagementPerPost)}</td>
                <td className="num">{r.composite}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <Pager offset={t.offset} limit={t.limit} total={t.total} onChange={setOffset} />
      <h2 className="vis-h2">Invisible-days calendar · last {t.windowDays} days</h2>
      <VisibilityCalendar windowStart={t.windowStart} rows={t.rows} />
      <div className="vis-grid vis-section">
        <MeasureDocs />
        <WeightsEditor />
      </div>
    </section>
  )
}

function MeasureDocs() {
  return (
    <section className="vis-card" aria-label="What each measure means">
      <h2 className="vis-h2">What each measure means</h2>
      <dl className="vis-docs">
        {MEASURE_DOCS.map((m) => (
          <div key={m.key}>
            <dt>{m.name}</dt>
            <dd>{m.text}</dd>
          </div>
        ))}
      </dl>
    </section>
  )
}

function WeightsEditor() {
  const weights = useWeights()
  const save = useSetWeights()
  const [draft, setDraft] = useState<CompositeWeights | null>(null)
  const shown = draft ?? weights.data
  if (!shown) return <Loading label="Reading the weights…" />
  const total = PILLARS.reduce((s, p) => s + shown[p], 0)
  return (
    <form
      className="vis-card"
      aria-label="Composite weights"
      onSubmit={(e) => {
        e.preventDefault()
        save.mutate(shown, { onSuccess: () => setDraft(null) })
      }}
    >
      <h2 className="vis-h2">Composite weights</h2>
      <p className="muted">Each pillar counts in proportion to its weight. Equal weights (25 each) follow the Social Selling Index.</p>
      {PILLARS.map((p) => (
        <label key={p} className="vis-weight">
          <span>{VISIBILITY_LABELS.pillar[p]}</span>
          <input
            type="number"
            min={0}
            max={100}
            value={shown[p]}
            onChange={(e) => setDraft({ ...shown, [p]: Math.max(0, Math.min(100, Math.round(Number(e.target.value) || 0))) })}
          />
          <span className="muted">{total > 0 ? `${Math.round((shown[p] / total) * 100)} %` : '—'}</span>
        </label>
      ))}
      <ErrorBanner error={save.error} />
      <div className="vis-actions">
        <button type="submit" className="button" disabled={!draft || total === 0 || save.isPending}>
          Save weights
        </button>
        <button type="button" className="button" disabled={!draft} onClick={() => setDraft(null)}>
          Undo changes
        </button>
      </div>
    </form>
  )
}

function RelationshipsView({ teamId }: { teamId?: number }) {
  const [offset, setOffset] = useState(0)
  const q = useTierOne({ teamId, offset, limit: 25 })
  const setCount = useSetCompetitorRelationship()
  const r = q.data
  if (q.isPending) return <Loading label="Counting relationships in tier-one accounts…" />
  if (!r) return <ErrorBanner error={q.error} />
  return (
    <section aria-label="Tier-one relationships">
      <ErrorBanner error={q.error} />
      <div className="stats">
        <Stat label="Tier-one accounts" value={r.tierOneAccounts} />
        <Stat label="With no relationship of ours" value={r.noRelationship.length} hint="no connection, no engaged contact" />
      </div>
      <p className="muted vis-note">
        Us = people our active reps know there: connections at the company (matched by account, name or alias) and contacts engaged in the last {r.engagedWindowDays} days, each
        person once. Competitors’ counts are what was noted from their networks; ? = not known. Select a competitor’s count to change it: Enter saves, Escape cancels, an
        empty count means not known.
      </p>
      {r.competitors.length === 0 ? <p className="muted vis-note">No competitors yet: add them on the Competitors tab to note their relationships here.</p> : null}
      <HeatTable
        rows={r.rows}
        competitors={r.competitors}
        onSetCount={(competitorId, accountId, count) => setCount.mutateAsync({ competitorId, accountId, count, notedOn: localToday() })}
      />
      <Pager offset={r.offset} limit={r.limit} total={r.total} onChange={setOffset} />
      <h2 className="vis-h2">Accounts where we have no relationship</h2>
      {r.noRelationship.length ? (
        <ul className="vis-norel">
          {r.noRelationship.map((a) => (
            <li key={a.id}>
              {a.name} <span className="muted">· owner {a.ownerName ?? 'none'}</span>
            </li>
          ))}
        </ul>
      ) : (
        <p>We know someone in every tier-one account.</p>
      )}
    </section>
  )
}
