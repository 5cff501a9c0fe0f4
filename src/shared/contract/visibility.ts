// Methods for visibility and the kickoff: measures per rep, us against competitors, calendars, tier-one relationships, rules, weights.
import { z } from 'zod'
import { REP_ROLES, type BuyingRole, type RepRole } from '../domain'
import { COMPETITOR_ROLES, PILLARS, SOCIAL_PLATFORMS, type CompetitorRole, type CompositeWeights, type Pillar, type SocialPlatform } from '../visibility'
import { method } from './method'
import { id, isoDate, noInput, paging } from './common'

const windowDays = z.number().int().min(7).max(365)
const text = (max: number) => z.string().trim().min(1).max(max)
const weight = z.number().int().min(0).max(100)
const count = z.number().int().min(0).max(100_000_000)
/** Profile links are shown, never followed by the app: only http(s) is kept. */
const profileUrl = z.string().trim().max(500).url().refine((u) => /^https?:\/\//i.test(u), 'expected an http(s) address')

export interface PresenceMeasures {
  visibilityShare: number
  /** True when the share comes from counts only (an upper bound), not from dated activities. */
  shareEstimated: boolean
  longestInvisibleStretch: number | null
  cadencePerWeek: number
  commentsPerWeek: number
  reach: number | null
  followers: number | null
  connections: number | null
  engagementPerPost: number | null
  pillars: Record<Pillar, number>
  composite: number
}

export interface RepVisibility extends PresenceMeasures {
  id: number
  name: string
  teamName: string | null
  role: RepRole
  activeDays: number
  publicActivities: number
  posts: number
  comments: number
  shares: number
  /** Public activities per day, oldest first: the invisible-days calendar. */
  dayCounts: number[]
  /** The role's expected cadence from the social rules, when one is set. */
  expectedCadence: number | null
}

export interface TeamVisibility {
  windowStart: string
  windowEnd: string
  windowDays: number
  weights: CompositeWeights
  rows: RepVisibility[]
  total: number
  offset: number
  limit: number
}

export interface CompetitorPersonPresence extends PresenceMeasures {
  id: number
  name: string
  title: string | null
  role: CompetitorRole
  profileUrl: string | null
  snapshotOn: string | null
}

export interface SideSummary {
  key: string
  label: string
  /** People on this side; competitor people without a snapshot count here but have no measures. */
  headcount: number
  measures: PresenceMeasures | null
}

export interface TrendPoint {
  month: string
  /** Side key → mean composite of that month's snapshots. */
  composite: Record<string, number | null>
  reach: Record<string, number | null>
}

export interface VisibilityComparison {
  windowStart: string
  windowEnd: string
  windowDays: number
  weights: CompositeWeights
  us: SideSummary
  competitors: (SideSummary & { competitorId: number; people: CompetitorPersonPresence[] })[]
  trend: TrendPoint[]
}

export interface VisibilityCalendar {
  repId: number
  name: string
  windowStart: string
  windowEnd: string
  days: { day: string; count: number }[]
  visibilityShare: number
  longestInvisibleStretch: number
}

export interface TierOneRow {
  id: number
  name: string
  ownerName: string | null
  /** Connections at the company plus engaged contacts not already among them. */
  ours: number
  connections: number
  engagedContacts: number
  strongest: { repId: number; name: string; count: number }[]
  decisionRoles: BuyingRole[]
  /** Competitor id → count where known, null where nobody has noted it. */
  competitors: { competitorId: number; count: number | null }[]
}

export interface TierOneRelationships {
  engagedWindowDays: number
  competitors: { id: number; name: string }[]
  rows: TierOneRow[]
  total: number
  offset: number
  limit: number
  noRelationship: { id: number; name: string; ownerName: string | null }[]
  tierOneAccounts: number
}

export interface CompetitorRow {
  id: number
  name: string
  aliases: string[]
  people: {
    id: number
    name: string
    title: string | null
    role: CompetitorRole
    profileUrl: string | null
    latestSnapshotOn: string | null
    snapshotCount: number
  }[]
}

export interface SnapshotRow {
  id: number
  repId: number | null
  competitorPersonId: number | null
  takenOn: string
  periodDays: number
  followers: number
  connections: number
  posts: number
  comments: number
  activeDays: number | null
  engagementPerPost: number | null
}

/** One person's dated snapshots, oldest first, and main's today (the latest date a snapshot may carry). */
export interface SnapshotHistory {
  personId: number
  today: string
  snapshots: (SnapshotRow & { source: string })[]
}

/** What a snapshot CSV did; a refused file raises an error naming the row and column instead. */
export interface SnapshotImportResult {
  fileName: string
  rows: number
  peopleCreated: number
  snapshotsAdded: number
  snapshotsUpdated: number
  snapshotsUnchanged: number
  /** Headers the import does not read, as written in the file. */
  ignoredColumns: string[]
}

/** Snapshot CSVs are typed or exported by hand: a few thousand rows at most. */
export const SNAPSHOT_CSV_MAX_CHARS = 2_000_000

export interface SocialRule {
  role: RepRole
  platforms: SocialPlatform[]
  cadencePerWeek: number
  responseTimeHours: number
  conduct: string
  updatedAt: string
}

export interface SocialRuleWithTeam extends SocialRule {
  /** Mean public activities per week of the role's active reps over the last 28 days. */
  actualCadence: number | null
  reps: number
  meeting: number
}

const person = z.union([z.object({ repId: id }).strict(), z.object({ competitorPersonId: id }).strict()])

export const visibilityMethods = {
  'visibility.team': method<TeamVisibility>()(
    z.object({ teamId: id.optional(), windowDays: windowDays.default(28), ...paging }).strict()
  ),
  'visibility.compare': method<VisibilityComparison>()(
    z.object({ competitorId: id.optional(), teamId: id.optional(), windowDays: windowDays.default(90) }).strict()
  ),
  'visibility.calendar': method<VisibilityCalendar>()(z.object({ repId: id, windowDays: windowDays.default(28) }).strict()),
  'visibility.weights.get': method<CompositeWeights>()(noInput),
  'visibility.weights.set': method<CompositeWeights>()(
    z
      .object({ brand: weight, people: weight, insight: weight, relationships: weight })
      .strict()
      .refine((w) => PILLARS.some((p) => w[p] > 0), { message: 'at least one weight must be above zero', path: ['brand'] })
  ),
  'relationships.tierOne': method<TierOneRelationships>()(z.object({ teamId: id.optional(), ...paging }).strict()),
  'competitors.list': method<CompetitorRow[]>()(noInput),
  'competitors.create': method<CompetitorRow>()(
    z
      .object({
        name: text(120),
        aliases: z.array(text(120)).max(20).default([]),
        people: z
          .array(z.object({ name: text(120), title: text(160).optional(), role: z.enum(COMPETITOR_ROLES), profileUrl: profileUrl.optional() }).strict())
          .max(200)
          .default([])
      })
      .strict()
  ),
  'competitors.addPerson': method<CompetitorRow>()(
    z.object({ competitorId: id, name: text(120), title: text(160).optional(), role: z.enum(COMPETITOR_ROLES), profileUrl: profileUrl.optional() }).strict()
  ),
  /** Renames a competitor or replaces its aliases; what is left out stays as it is. */
  'competitors.update': method<CompetitorRow>()(
    z.object({ id, name: text(120).optional(), aliases: z.array(text(120)).max(20).optional() }).strict()
  ),
  /** Removes the competitor with its people, their snapshots and its relationship counts. */
  'competitors.remove': method<{ id: number }>()(z.object({ id }).strict()),
  /** Removes one person with their snapshots; returns the competitor as it is now. */
  'competitors.removePerson': method<CompetitorRow>()(z.object({ personId: id }).strict()),
  'snapshots.list': method<SnapshotHistory>()(z.object({ competitorPersonId: id }).strict()),
  'snapshots.importCsv': method<SnapshotImportResult>()(
    z
      .object({
        competitorId: id,
        fileName: z.string().trim().min(1).max(255),
        text: z.string().max(SNAPSHOT_CSV_MAX_CHARS, `a snapshot CSV is at most ${SNAPSHOT_CSV_MAX_CHARS.toLocaleString('en')} characters`)
      })
      .strict()
  ),
  'snapshots.add': method<SnapshotRow>()(
    z
      .object({
        person,
        takenOn: isoDate,
        periodDays: z.number().int().min(1).max(366).default(30),
        followers: count,
        connections: count,
        posts: count,
        comments: count,
        activeDays: z.number().int().min(0).max(366).optional(),
        engagementPerPost: z.number().min(0).max(1_000_000).optional()
      })
      .strict()
      .refine((s) => s.activeDays === undefined || s.activeDays <= s.periodDays, { message: 'cannot exceed periodDays', path: ['activeDays'] })
  ),
  'competitorRelationships.set': method<{ competitorId: number; accountId: number; count: number | null }>()(
    z.object({ competitorId: id, accountId: id, count: z.number().int().min(0).max(100_000).nullable(), notedOn: isoDate, source: text(60).default('manual') }).strict()
  ),
  'socialRules.list': method<SocialRuleWithTeam[]>()(noInput),
  'socialRules.set': method<SocialRule>()(
    z
      .object({
        role: z.enum(REP_ROLES),
        platforms: z.array(z.enum(SOCIAL_PLATFORMS)).max(SOCIAL_PLATFORMS.length).refine((p) => new Set(p).size === p.length, 'lists a platform twice'),
        cadencePerWeek: z.number().min(0).max(100),
        responseTimeHours: z.number().int().min(0).max(720),
        conduct: z.string().trim().max(4000).default('')
      })
      .strict()
  )
}
