// Visibility of our reps from their public activities, and of anyone from a presence snapshot: the measures behind every view.
import { sql, type Kysely } from 'kysely'
import type { PresenceMeasures, RepVisibility } from '@shared/contract'
import { addDays } from '@shared/dates'
import { PUBLIC_ACTIVITY_KINDS, type RepRole } from '@shared/domain'
import type { CompositeWeights } from '@shared/visibility'
import type { DB } from '../../store/schema'
import {
  cadencePerWeek,
  composite,
  dayCounts,
  estimatedShare,
  longestInvisibleStretch,
  pillarScores,
  reach,
  visibilityShare,
  windowStart,
  type Window
} from './measures'

export interface SnapshotFigures {
  followers: number
  connections: number
  posts: number
  comments: number
  period_days: number
  active_days: number | null
  engagement_per_post: number | null
}

/** The half-open range of occurred_at stamps in a window: 'YYYY-MM-DD' sorts before any stamp of that day. */
export function stampRange(w: Window): { from: string; to: string } {
  return { from: windowStart(w), to: addDays(w.end, 1) }
}

export function measuresOf(
  figures: { share: number; shareEstimated: boolean; stretch: number | null; publicActivities: number; comments: number; days: number },
  snapshot: SnapshotFigures | null,
  weights: CompositeWeights
): PresenceMeasures {
  const r = snapshot ? reach(snapshot.followers, snapshot.connections) : null
  const engagement = snapshot?.engagement_per_post ?? null
  const commentsPerWeek = cadencePerWeek(figures.comments, figures.days)
  const pillars = pillarScores({ visibilityShare: figures.share, reach: r, engagementPerPost: engagement, commentsPerWeek })
  return {
    visibilityShare: figures.share,
    shareEstimated: figures.shareEstimated,
    longestInvisibleStretch: figures.stretch,
    cadencePerWeek: cadencePerWeek(figures.publicActivities, figures.days),
    commentsPerWeek,
    reach: r,
    followers: snapshot?.followers ?? null,
    connections: snapshot?.connections ?? null,
    engagementPerPost: engagement,
    pillars,
    composite: composite(pillars, weights)
  }
}

/** A person seen only through a snapshot (a competitor, or a month of the trend): counts over the snapshot's period. */
export function snapshotMeasures(s: SnapshotFigures, weights: CompositeWeights): PresenceMeasures {
  return measuresOf(
    {
      share: estimatedShare(s.posts, s.comments, s.period_days, s.active_days),
      shareEstimated: s.active_days === null,
      stretch: null,
      publicActivities: s.posts + s.comments,
      comments: s.comments,
      days: s.period_days
    },
    s,
    weights
  )
}

/** Latest snapshot on or before `today` for each of the given reps. */
export async function latestRepSnapshots(db: Kysely<DB>, repIds: number[], today: string): Promise<Map<number, SnapshotFigures>> {
  const out = new Map<number, SnapshotFigures>()
  if (repIds.length === 0) return out
  const rows = await db
    .selectFrom('presence_snapshots as s')
    .where('s.rep_id', 'in', repIds)
    .where('s.taken_on', '=', (eb) =>
      eb.selectFrom('presence_snapshots as l').whereRef('l.rep_id', '=', 's.rep_id').where('l.taken_on', '<=', today).select((e) => e.fn.max('l.taken_on').as('m'))
    )
    .select(['s.rep_id', 's.followers', 's.connections', 's.posts', 's.comments', 's.period_days', 's.active_days', 's.engagement_per_post'])
    .execute()
  for (const r of rows) if (r.rep_id !== null) out.set(r.rep_id, r)
  return out
}

export interface RepBasics {
  id: number
  name: string
  team_name: string | null
  role: RepRole
}

/** Per-rep, per-day public activity counts over the window for one page of reps: one grouped query on the (rep_id, occurred_at) index. */
export async function repVisibility(
  db: Kysely<DB>,
  reps: RepBasics[],
  w: Window,
  weights: CompositeWeights,
  today: string,
  expected: Map<RepRole, number>
): Promise<RepVisibility[]> {
  if (reps.length === 0) return []
  const { from, to } = stampRange(w)
  const days = await db
    .selectFrom('activities')
    .where('rep_id', 'in', reps.map((r) => r.id))
    .where('occurred_at', '>=', from)
    .where('occurred_at', '<', to)
    .where('kind', 'in', [...PUBLIC_ACTIVITY_KINDS])
    .select([
      'rep_id',
      sql<string>`substr(occurred_at, 1, 10)`.as('day'),
      sql<number>`count(*)`.as('n'),
      sql<number>`sum(kind = 'social_post')`.as('posts'),
      sql<number>`sum(kind = 'social_comment')`.as('comments'),
      sql<number>`sum(kind = 'social_share')`.as('shares')
    ])
    .groupBy(['rep_id', sql`substr(occurred_at, 1, 10)`])
    .execute()
  const byRep = new Map<number, typeof days>()
  for (const d of days) {
    const list = byRep.get(d.rep_id) ?? []
    list.push(d)
    byRep.set(d.rep_id, list)
  }
  const snapshots = await latestRepSnapshots(db, reps.map((r) => r.id), today)
  return reps.map((rep) => {
    const list = byRep.get(rep.id) ?? []
    const perDay = dayCounts(w, list)
    const sum = (k: 'n' | 'posts' | 'comments' | 'shares') => list.reduce((s, d) => s + d[k], 0)
    const measures = measuresOf(
      {
        share: visibilityShare(perDay),
        shareEstimated: false,
        stretch: longestInvisibleStretch(perDay),
        publicActivities: sum('n'),
        comments: sum('comments'),
        days: w.days
      },
      snapshots.get(rep.id) ?? null,
      weights
    )
    return {
      ...measures,
      id: rep.id,
      name: rep.name,
      teamName: rep.team_name,
      role: rep.role,
      activeDays: perDay.filter((n) => n > 0).length,
      publicActivities: sum('n'),
      posts: sum('posts'),
      comments: sum('comments'),
      shares: sum('shares'),
      dayCounts: perDay,
      expectedCadence: expected.get(rep.role) ?? null
    }
  })
}
