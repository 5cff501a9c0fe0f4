// Our team's visibility: measures per rep (paged), one rep's invisible-days calendar, and us against the competition.
import { sql, type Kysely, type SqlBool } from 'kysely'
import type {
  CompetitorPersonPresence,
  ParsedInput,
  PresenceMeasures,
  SideSummary,
  TeamVisibility,
  TrendPoint,
  VisibilityCalendar,
  VisibilityComparison
} from '@shared/contract'
import { addDays } from '@shared/dates'
import { PUBLIC_ACTIVITY_KINDS, type RepRole } from '@shared/domain'
import { TouchlineError } from '@shared/errors'
import { PILLARS, type CompositeWeights, type Pillar } from '@shared/visibility'
import type { DB } from '../../store/schema'
import { composite, dayCounts, longestInvisibleStretch, meanOf, visibilityShare, windowStart, type Window } from './measures'
import { latestRepSnapshots, measuresOf, repVisibility, snapshotMeasures, stampRange } from './presence'
import { getWeights } from './weights'

async function assertTeam(db: Kysely<DB>, teamId: number | undefined, method: string): Promise<void> {
  if (teamId === undefined) return
  const team = await db.selectFrom('teams').where('id', '=', teamId).select('id').executeTakeFirst()
  if (!team) throw new TouchlineError('NOT_FOUND', `${method}: input.teamId: there is no team with id ${teamId}.`)
}

export async function expectedCadence(db: Kysely<DB>): Promise<Map<RepRole, number>> {
  const rules = await db.selectFrom('social_rules').select(['role', 'cadence_per_week']).execute()
  return new Map(rules.map((r) => [r.role, r.cadence_per_week]))
}

export async function teamVisibility(db: Kysely<DB>, input: ParsedInput<'visibility.team'>, today: string): Promise<TeamVisibility> {
  await assertTeam(db, input.teamId, 'visibility.team')
  const w: Window = { end: today, days: input.windowDays }
  let reps = db.selectFrom('reps as r').leftJoin('teams as t', 't.id', 'r.team_id').where('r.status', '=', 'active')
  if (input.teamId !== undefined) reps = reps.where('r.team_id', '=', input.teamId)
  const page = await reps
    .select(['r.id', 'r.name', 't.name as team_name', 'r.role'])
    .orderBy('r.name')
    .orderBy('r.id')
    .limit(input.limit)
    .offset(input.offset)
    .execute()
  const total = await reps.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()
  const weights = await getWeights(db)
  const rows = await repVisibility(db, page, w, weights, today, await expectedCadence(db))
  return { windowStart: windowStart(w), windowEnd: today, windowDays: w.days, weights, rows, total: total.n, offset: input.offset, limit: input.limit }
}

export async function repCalendar(db: Kysely<DB>, input: ParsedInput<'visibility.calendar'>, today: string): Promise<VisibilityCalendar> {
  const rep = await db.selectFrom('reps').where('id', '=', input.repId).select(['id', 'name']).executeTakeFirst()
  if (!rep) throw new TouchlineError('NOT_FOUND', `visibility.calendar: input.repId: there is no rep with id ${input.repId}.`)
  const w: Window = { end: today, days: input.windowDays }
  const { from, to } = stampRange(w)
  const rows = await db
    .selectFrom('activities')
    .where('rep_id', '=', rep.id)
    .where('occurred_at', '>=', from)
    .where('occurred_at', '<', to)
    .where('kind', 'in', [...PUBLIC_ACTIVITY_KINDS])
    .select([sql<string>`substr(occurred_at, 1, 10)`.as('day'), sql<number>`count(*)`.as('n')])
    .groupBy(sql`substr(occurred_at, 1, 10)`)
    .execute()
  const perDay = dayCounts(w, rows)
  const start = windowStart(w)
  return {
    repId: rep.id,
    name: rep.name,
    windowStart: start,
    windowEnd: today,
    days: perDay.map((count, i) => ({ day: addDays(start, i), count })),
    visibilityShare: visibilityShare(perDay),
    longestInvisibleStretch: longestInvisibleStretch(perDay)
  }
}

/** The mean of each measure over a side's people; the stretch is left out, as snapshots cannot give it. */
function sideMeasures(list: PresenceMeasures[], weights: CompositeWeights): PresenceMeasures | null {
  if (list.length === 0) return null
  const mean = (f: (m: PresenceMeasures) => number | null) => meanOf(list.map(f))
  const pillars = Object.fromEntries(PILLARS.map((p) => [p, mean((m) => m.pillars[p]) ?? 0])) as Record<Pillar, number>
  const stretches = list.map((m) => m.longestInvisibleStretch).filter((s): s is number => s !== null)
  return {
    visibilityShare: mean((m) => m.visibilityShare) ?? 0,
    shareEstimated: list.some((m) => m.shareEstimated),
    longestInvisibleStretch: stretches.length === list.length ? Math.round(meanOf(stretches) ?? 0) : null,
    cadencePerWeek: mean((m) => m.cadencePerWeek) ?? 0,
    commentsPerWeek: mean((m) => m.commentsPerWeek) ?? 0,
    reach: mean((m) => m.reach),
    followers: mean((m) => m.followers),
    connections: mean((m) => m.connections),
    engagementPerPost: mean((m) => m.engagementPerPost),
    pillars,
    composite: composite(pillars, weights)
  }
}

export async function compareVisibility(db: Kysely<DB>, input: ParsedInput<'visibility.compare'>, today: string): Promise<VisibilityComparison> {
  await assertTeam(db, input.teamId, 'visibility.compare')
  if (input.competitorId !== undefined) {
    const c = await db.selectFrom('competitors').where('id', '=', input.competitorId).select('id').executeTakeFirst()
    if (!c) throw new TouchlineError('NOT_FOUND', `visibility.compare: input.competitorId: there is no competitor with id ${input.competitorId}.`)
  }
  const weights = await getWeights(db)
  const w: Window = { end: today, days: input.windowDays }
  const { from, to } = stampRange(w)

  // Us: one grouped pass over each active rep's public activities in the window, driven by the (rep_id, occurred_at) index.
  let reps = db.selectFrom('reps as r').where('r.status', '=', 'active')
  if (input.teamId !== undefined) reps = reps.where('r.team_id', '=', input.teamId)
  const ours = await reps
    .leftJoin('activities as a', (j) =>
      j
        .onRef('a.rep_id', '=', 'r.id')
        .on('a.occurred_at', '>=', from)
        .on('a.occurred_at', '<', to)
        .on('a.kind', 'in', [...PUBLIC_ACTIVITY_KINDS])
    )
    .select([
      'r.id',
      sql<number>`count(DISTINCT substr(a.occurred_at, 1, 10))`.as('days'),
      sql<number>`count(a.id)`.as('n'),
      sql<number>`coalesce(sum(a.kind = 'social_comment'), 0)`.as('comments')
    ])
    .groupBy('r.id')
    .execute()
  const snaps = await latestRepSnapshots(db, ours.map((r) => r.id), today)
  const usMeasures = ours.map((r) =>
    measuresOf({ share: r.days / w.days, shareEstimated: false, stretch: null, publicActivities: r.n, comments: r.comments, days: w.days }, snaps.get(r.id) ?? null, weights)
  )
  const us: SideSummary = { key: 'us', label: 'Our team', headcount: ours.length, measures: sideMeasures(usMeasures, weights) }

  // Them: each competitor person's latest snapshot on or before today.
  let cq = db.selectFrom('competitors').select(['id', 'name']).orderBy('name')
  if (input.competitorId !== undefined) cq = cq.where('id', '=', input.competitorId)
  const competitors = await cq.execute()
  const ids = competitors.map((c) => c.id)
  const people = ids.length
    ? await db
        .selectFrom('competitor_people as p')
        .leftJoin('presence_snapshots as s', (j) =>
          j
            .onRef('s.competitor_person_id', '=', 'p.id')
            .on('s.taken_on', '=', (eb) =>
              eb.selectFrom('presence_snapshots as l').whereRef('l.competitor_person_id', '=', 'p.id').where('l.taken_on', '<=', today).select((e) => e.fn.max('l.taken_on').as('m'))
            )
        )
        .where('p.competitor_id', 'in', ids)
        .select([
          'p.id',
          'p.competitor_id',
          'p.name',
          'p.title',
          'p.role',
          'p.profile_url',
          's.taken_on',
          's.followers',
          's.connections',
          's.posts',
          's.comments',
          's.period_days',
          's.active_days',
          's.engagement_per_post'
        ])
        .orderBy('p.role')
        .orderBy('p.name')
        .execute()
    : []
  const sides = competitors.map((c) => {
    const mine: CompetitorPersonPresence[] = []
    for (const p of people.filter((x) => x.competitor_id === c.id)) {
      if (p.taken_on === null || p.followers === null || p.connections === null || p.posts === null || p.comments === null || p.period_days === null) continue
      const m = snapshotMeasures({ followers: p.followers, connections: p.connections, posts: p.posts, comments: p.comments, period_days: p.period_days, active_days: p.active_days, engagement_per_post: p.engagement_per_post }, weights)
      mine.push({ ...m, id: p.id, name: p.name, title: p.title, role: p.role, profileUrl: p.profile_url, snapshotOn: p.taken_on })
    }
    const headcount = people.filter((x) => x.competitor_id === c.id).length
    return { key: `c${c.id}`, label: c.name, competitorId: c.id, headcount, people: mine, measures: sideMeasures(mine, weights) }
  })

  return {
    windowStart: windowStart(w),
    windowEnd: today,
    windowDays: w.days,
    weights,
    us,
    competitors: sides,
    trend: await trend(db, today, input.teamId, ids, weights)
  }
}

/** Month by month over the last year: the mean composite and reach of each side's snapshots. */
async function trend(db: Kysely<DB>, today: string, teamId: number | undefined, competitorIds: number[], weights: CompositeWeights): Promise<TrendPoint[]> {
  const since = addDays(today, -365)
  let q = db
    .selectFrom('presence_snapshots as s')
    .leftJoin('reps as r', 'r.id', 's.rep_id')
    .leftJoin('competitor_people as p', 'p.id', 's.competitor_person_id')
    .where('s.taken_on', '>', since)
    .where('s.taken_on', '<=', today)
    .where((eb) => eb.or([eb('r.status', '=', 'active'), competitorIds.length ? eb('p.competitor_id', 'in', competitorIds) : sql<SqlBool>`0`]))
  if (teamId !== undefined) q = q.where((eb) => eb.or([eb('s.rep_id', 'is', null), eb('r.team_id', '=', teamId)]))
  const rows = await q
    .select(['s.rep_id', 'p.competitor_id', 's.taken_on', 's.followers', 's.connections', 's.posts', 's.comments', 's.period_days', 's.active_days', 's.engagement_per_post'])
    .execute()
  const buckets = new Map<string, Map<string, PresenceMeasures[]>>()
  for (const r of rows) {
    const side = r.rep_id !== null ? 'us' : `c${r.competitor_id}`
    const month = r.taken_on.slice(0, 7)
    const sides = buckets.get(month) ?? new Map<string, PresenceMeasures[]>()
    const list = sides.get(side) ?? []
    list.push(snapshotMeasures(r, weights))
    sides.set(side, list)
    buckets.set(month, sides)
  }
  const keys = ['us', ...competitorIds.map((id) => `c${id}`)]
  return [...buckets.keys()].sort().map((month) => {
    const sides = buckets.get(month)!
    const pick = (f: (m: PresenceMeasures) => number | null) =>
      Object.fromEntries(keys.map((k) => [k, meanOf((sides.get(k) ?? []).map(f))])) as Record<string, number | null>
    return { month, composite: pick((m) => m.composite), reach: pick((m) => m.reach) }
  })
}
