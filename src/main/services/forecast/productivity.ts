// The productivity dashboard: efficiency (activities per rep per week), effectiveness (outcomes per activity), cycle, conversion, wins, turnover.
import type { ConversionRow, CycleBySize, LossReasonRow, ParsedInput, ProductivityDashboard, RepProductivity, WeekActivity } from '@shared/contract'
import { LOSS_REASONS, OPEN_STAGES, type ActivityKind, type LossReason } from '@shared/domain'
import { TouchlineError } from '@shared/errors'
import { addDays } from '@shared/dates'
import { ensureEvidenceFresh, prepared } from '../pipeline/evidence'
import type { ForecastStore } from './calls'
import { DISQUALIFYING_MASK } from './figures'
import { funnelConfidence, onTheBooks, spreadOf, stageConversion, turnover, winRate, wonPer100, type StageJourney } from './rules'

/** A stage's place in the funnel, in SQL, so "further" can be compared in one pass. */
const RANK = (col: string) => `CASE ${col} ${OPEN_STAGES.map((s, i) => `WHEN '${s}' THEN ${i}`).join(' ')} ELSE -1 END`

/** The same Monday, for a day already read: (getUTCDay() + 6) % 7 days back. */
function mondayOf(day: string): string {
  const t = Date.parse(`${day}T00:00:00Z`)
  return addDays(day, -((new Date(t).getUTCDay() + 6) % 7))
}

const SIZE_SEGMENTS = [
  { segment: 'under 25k', max: 2_500_000 },
  { segment: '25k–100k', max: 10_000_000 },
  { segment: '100k and over', max: Number.POSITIVE_INFINITY }
]

/**
 * Counts the activities added since the last read into activity_days (schema v12): everything above the watermark in
 * one grouped pass, then the watermark moves up. Rows at or below it are kept current by triggers.
 */
export function foldNewActivities(sqlite: ForecastStore['sqlite']): void {
  const mark = (prepared(sqlite, 'SELECT id FROM activity_days_mark').get() as { id: number }).id
  const top = (prepared(sqlite, 'SELECT coalesce(max(id), 0) AS id FROM activities').get() as { id: number }).id
  if (top <= mark) return
  sqlite.transaction(() => {
    prepared(
      sqlite,
      `INSERT INTO activity_days (day, rep_id, n, meeting, call, email, social)
       SELECT substr(occurred_at, 1, 10), rep_id, count(*), sum(kind = 'meeting'), sum(kind = 'call'), sum(kind = 'email'), sum(kind LIKE 'social%')
       FROM activities WHERE id > @mark AND id <= @top GROUP BY 1, 2
       ON CONFLICT (day, rep_id) DO UPDATE SET n = n + excluded.n, meeting = meeting + excluded.meeting, call = call + excluded.call,
         email = email + excluded.email, social = social + excluded.social`
    ).run({ mark, top })
    prepared(sqlite, 'UPDATE activity_days_mark SET id = ?').run(top)
  })()
}

/** How long after a meeting a stage entry still counts as the meeting having moved the deal on. */
export const ADVANCE_WINDOW_DAYS = 14

export function productivityDashboard(store: ForecastStore, input: ParsedInput<'productivity.dashboard'>, today: string): ProductivityDashboard {
  const sqlite = store.sqlite
  const method = 'productivity.dashboard'
  if (input.from > input.to) throw new TouchlineError('INVALID_INPUT', `${method}: input.to: ${input.to} is before input.from ${input.from}.`)
  if (input.teamId !== undefined && !prepared(sqlite, 'SELECT 1 FROM teams WHERE id = ?').get(input.teamId)) {
    throw new TouchlineError('NOT_FOUND', `${method}: input.teamId: there is no team with id ${input.teamId}.`)
  }
  ensureEvidenceFresh(sqlite, today)
  const team = input.teamId !== undefined
  const p: Record<string, string | number> = {
    from: input.from,
    to: input.to,
    fromTs: `${input.from}T00:00:00Z`,
    toTs: `${addDays(input.to, 1)}T00:00:00Z`,
    ...(team ? { teamId: input.teamId! } : {})
  }
  const repScope = (col: string) => (team ? `${col} IN (SELECT id FROM reps WHERE team_id = @teamId)` : '1')

  const reps = prepared(sqlite, `SELECT id, name, hire_date, left_date, role FROM reps WHERE ${team ? 'team_id = @teamId' : '1'} ORDER BY name`).all(
    team ? { teamId: input.teamId } : {}
  ) as { id: number; name: string; hire_date: string | null; left_date: string | null; role: string }[]
  const sellers = reps.filter((r) => r.role !== 'manager' && r.role !== 'leader')
  const tenures = sellers.map((r) => ({ hireDate: r.hire_date, leftDate: r.left_date }))

  foldNewActivities(sqlite)
  // Efficiency: activity_days (schema v9, v12) holds activities counted per day, rep and kind; two grouped reads of its ~18,000 rows for an org-wide quarter (by day in its key order, by rep) replace
  // grouping ~500,000 activity index entries (~650 ms of CPU on the large workspace). Days fold into weeks here.
  const byDay = prepared(
    sqlite,
    `SELECT x.day, sum(x.n) AS n, sum(x.meeting) AS meeting, sum(x.call) AS call, sum(x.email) AS email, sum(x.social) AS social
     FROM activity_days x WHERE x.day >= @from AND x.day <= @to AND ${repScope('x.rep_id')} GROUP BY x.day`
  ).all(p) as { day: string; n: number; meeting: number; call: number; email: number; social: number }[]
  const byRep = prepared(
    sqlite,
    `SELECT x.rep_id, sum(x.n) AS n, sum(x.meeting) AS meetings FROM activity_days x
     WHERE x.day >= @from AND x.day <= @to AND ${repScope('x.rep_id')} GROUP BY x.rep_id`
  ).all(p) as { rep_id: number; n: number; meetings: number }[]
  const weekMap = new Map<string, WeekActivity>()
  for (const r of byDay) {
    const week = mondayOf(r.day)
    let w = weekMap.get(week)
    if (!w) weekMap.set(week, (w = { weekStart: week, meeting: 0, call: 0, email: 0, social: 0, other: 0, perRep: 0 }))
    w.meeting += r.meeting
    w.call += r.call
    w.email += r.email
    w.social += r.social
    w.other += r.n - r.meeting - r.call - r.email - r.social
  }
  const weeks = [...weekMap.values()].sort((a, b) => (a.weekStart < b.weekStart ? -1 : 1)).map((w) => {
    const headcount = tenures.filter((t) => onTheBooks(t, w.weekStart < input.from ? input.from : w.weekStart)).length
    const all = w.meeting + w.call + w.email + w.social + w.other
    return { ...w, perRep: headcount ? Math.round((all / headcount) * 10) / 10 : 0 }
  })

  const closed = prepared(
    sqlite,
    `SELECT d.owner_id, d.status, d.loss_reason, count(*) AS n, total(d.amount_minor) AS amount FROM deals d
     WHERE d.status IN ('won','lost') AND d.closed_date BETWEEN @from AND @to AND ${repScope('d.owner_id')}
     GROUP BY d.owner_id, d.status, d.loss_reason`
  ).all(p) as { owner_id: number; status: 'won' | 'lost'; loss_reason: LossReason | null; n: number; amount: number }[]
  const wonByRep = new Map<number, number>()
  let won = 0
  let lost = 0
  let wonMinor = 0
  const losses = new Map<LossReason, { deals: number; amount: number }>()
  for (const c of closed) {
    if (c.status === 'won') {
      won += c.n
      wonMinor += c.amount
      wonByRep.set(c.owner_id, (wonByRep.get(c.owner_id) ?? 0) + c.n)
    } else {
      lost += c.n
      const reason = c.loss_reason ?? 'other'
      const l = losses.get(reason) ?? { deals: 0, amount: 0 }
      losses.set(reason, { deals: l.deals + c.n, amount: l.amount + c.amount })
    }
  }
  const weeksInRange = Math.max(1, (Date.parse(`${input.to}T00:00:00Z`) - Date.parse(`${input.from}T00:00:00Z`)) / (7 * 86_400_000))
  const actByRep = new Map(byRep.map((r) => [r.rep_id, r]))
  const repRows: RepProductivity[] = reps
    .filter((r) => actByRep.has(r.id) || wonByRep.has(r.id))
    .map((r) => {
      const a = actByRep.get(r.id)
      const n = a?.n ?? 0
      const w = wonByRep.get(r.id) ?? 0
      return { id: r.id, repName: r.name, activities: n, perWeek: Math.round((n / weeksInRange) * 10) / 10, meetings: a?.meetings ?? 0, won: w, wonPer100: wonPer100(w, n) }
    })
  const activities = byRep.reduce((s, r) => s + r.n, 0)
  const meetings = byRep.reduce((s, r) => s + r.meetings, 0)

  // Effectiveness: a meeting on a deal followed, within the window, by the deal entering a stage further than the one
  // it was in. Whether a meeting did is remembered in meeting_advances (schema v9; its triggers drop a row whenever the
  // meeting or its deal's stage history changes): meetings of the range not remembered yet are tested once and stored,
  // then the range is summed off that table's index.
  const meetingsInRange = `FROM activities x INDEXED BY activities_meetings
       WHERE x.occurred_at >= @fromTs AND x.occurred_at < @toTs AND x.kind = 'meeting' AND x.deal_id IS NOT NULL AND ${repScope('x.rep_id')}`
  const remembered = prepared(
    sqlite,
    `SELECT count(*) AS n, total(m.advanced) AS advanced FROM meeting_advances m INDEXED BY meeting_advances_window
     WHERE m.occurred_at >= @fromTs AND m.occurred_at < @toTs AND ${repScope('m.rep_id')}`
  )
  let advancedCount = remembered.get(p) as { n: number; advanced: number }
  const meetingsOnDeals = (prepared(sqlite, `SELECT count(*) AS n ${meetingsInRange}`).get(p) as { n: number }).n
  if (advancedCount.n !== meetingsOnDeals) {
    sqlite.transaction(() => {
      prepared(
        sqlite,
        `INSERT INTO meeting_advances (activity_id, deal_id, occurred_at, rep_id, advanced)
         SELECT x.id, x.deal_id, x.occurred_at, x.rep_id, EXISTS (
           SELECT 1 FROM deal_stage_history h WHERE h.deal_id = x.deal_id AND h.entered_at > x.occurred_at
             AND h.entered_at <= strftime('%Y-%m-%dT%H:%M:%SZ', x.occurred_at, '+${ADVANCE_WINDOW_DAYS} days')
             AND ${RANK('h.stage')} > coalesce((SELECT ${RANK('b.stage')} FROM deal_stage_history b
               WHERE b.deal_id = x.deal_id AND b.entered_at <= x.occurred_at ORDER BY b.entered_at DESC LIMIT 1), -1))
         ${meetingsInRange} AND NOT EXISTS (SELECT 1 FROM meeting_advances m WHERE m.activity_id = x.id)`
      ).run(p)
    })()
    advancedCount = remembered.get(p) as { n: number; advanced: number }
  }
  const advancing = advancedCount.advanced

  // Cycle length of deals won in the range, overall and by deal size.
  const cycles = prepared(
    sqlite,
    `SELECT CAST(julianday(d.closed_date) - julianday(d.created_date) AS INTEGER) AS days, d.amount_minor AS amount FROM deals d
     WHERE d.status = 'won' AND d.closed_date BETWEEN @from AND @to AND ${repScope('d.owner_id')}`
  ).all(p) as { days: number; amount: number }[]
  let lower = 0
  const cycleBySize: CycleBySize[] = SIZE_SEGMENTS.map((s, i) => {
    const min = lower
    lower = s.max
    const sp = spreadOf(cycles.filter((c) => c.amount >= min && c.amount < s.max).map((c) => c.days))
    return { id: i + 1, segment: s.segment, samples: sp.samples, median: sp.median, p25: sp.p25, p75: sp.p75 }
  })

  // Conversion by stage over the deals that finished (won or lost) in the range: complete journeys only.
  // The furthest stage per deal as a correlated max over stage history's covering index: no grouping by deal.
  const furthest = prepared(
    sqlite,
    `SELECT won, furthest, count(*) AS n FROM (
       SELECT d.status = 'won' AS won, (SELECT max(${RANK('h.stage')}) FROM deal_stage_history h WHERE h.deal_id = d.id) AS furthest
       FROM deals d WHERE d.status IN ('won','lost') AND d.closed_date BETWEEN @from AND @to AND ${repScope('d.owner_id')}
     ) GROUP BY won, furthest`
  ).all(p) as { won: number; furthest: number | null; n: number }[]
  const journeys: StageJourney[] = []
  for (const f of furthest) {
    const stage = f.furthest !== null && f.furthest >= 0 ? OPEN_STAGES[f.furthest]! : null
    const j: StageJourney = { stages: stage ? [stage] : [], won: f.won === 1 }
    for (let i = 0; i < f.n; i++) journeys.push(j)
  }
  const conversion: ConversionRow[] = stageConversion(journeys).map((c, i) => ({ id: i + 1, ...c }))

  // Pipeline created in the range, by day in the index's order (no date() per deal), folded into weeks here.
  const createdByDay = prepared(
    sqlite,
    `SELECT d.created_date AS day, count(*) AS n, total(d.amount_minor) AS amount FROM deals d
     WHERE d.created_date BETWEEN @from AND @to AND ${repScope('d.owner_id')} GROUP BY d.created_date`
  ).all(p) as { day: string; n: number; amount: number }[]
  const createdWeeks = new Map<string, { week: string; n: number; amount: number }>()
  for (const c of createdByDay) {
    const week = mondayOf(c.day)
    const w = createdWeeks.get(week)
    if (w) (w.n += c.n), (w.amount += c.amount)
    else createdWeeks.set(week, { week, n: c.n, amount: c.amount })
  }
  const created = [...createdWeeks.values()].sort((a, b) => (a.week < b.week ? -1 : 1))

  // Funnel confidence: the open pipeline now (commit, best case, pipeline), evidence-backed by inspection's flags.
  const conf = prepared(
    sqlite,
    `SELECT total(e.amount_minor) AS total, total(CASE WHEN (e.flags & ${DISQUALIFYING_MASK}) = 0 THEN e.amount_minor END) AS backed
     FROM deal_evidence e WHERE e.is_open = 1 AND e.forecast_category IN ('commit','best_case','pipeline') ${team ? 'AND e.team_id = @teamId' : ''}`
  ).get(team ? { teamId: input.teamId } : {}) as { total: number; backed: number }

  const lossReasons: LossReasonRow[] = LOSS_REASONS.map((reason, i) => ({
    id: i + 1,
    reason,
    deals: losses.get(reason)?.deals ?? 0,
    amountMinor: losses.get(reason)?.amount ?? 0
  }))

  return {
    from: input.from,
    to: input.to,
    currency: 'USD',
    weeks,
    reps: repRows,
    activities,
    won,
    lost,
    wonMinor,
    wonPer100: wonPer100(won, activities),
    advancingMeetings: advancing,
    meetings,
    cycle: spreadOf(cycles.map((c) => c.days)),
    cycleBySize,
    conversion,
    winRate: winRate(won, lost),
    lossReasons,
    pipelineCreated: {
      deals: created.reduce((s, c) => s + c.n, 0),
      amountMinor: created.reduce((s, c) => s + c.amount, 0),
      weeks: created.map((c) => ({ weekStart: c.week, deals: c.n, amountMinor: c.amount }))
    },
    funnelConfidence: { rate: funnelConfidence(conf.backed, conf.total), evidenceBackedMinor: conf.backed, totalMinor: conf.total },
    turnover: turnover(tenures, input.from, input.to)
  }
}
