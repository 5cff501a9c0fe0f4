// Methods for the Team page and one-on-ones: rep cards, the prep sheet, 1:1 records, notes with versions, action items, focus ratings, note search.
import { z } from 'zod'
import type { BuyingRole, ForecastCategory, LossReason, RepRole, RepStatus, Stage } from '../domain'
import type { Flag } from '../inspection'
import { ACTION_OWNERS, COACHING_SKILLS, ONE_ON_ONE_STATUSES, type ActionOwner, type CoachingSkill, type OneOnOneStatus } from '../team'
import { method } from './method'
import { id, isoDate, paging, type Page } from './common'

/** A rep at a glance. The period is the calendar quarter of today; the period quota is a quarter of the annual quota. */
export interface RepCard {
  repId: number
  name: string
  teamId: number | null
  teamName: string | null
  role: RepRole
  status: RepStatus
  currency: string
  periodStart: string
  periodEnd: string
  quotaMinor: number
  wonMinor: number
  /** Won ÷ period quota; null without a quota. */
  attainment: number | null
  /** Open deals closing in the period. */
  openPipelineMinor: number
  remainingQuotaMinor: number
  /** Open pipeline ÷ remaining quota; null when the quota is met (nothing left to cover). */
  coverage: number | null
  openDeals: number
  flaggedDeals: number
  lastOneOnOneAt: string | null
  daysSinceLastOneOnOne: number | null
  /** Days in the last 30 with at least one public social activity (domain rule 4). */
  publicDays: number
  visibilityShare: number
  openActionItems: number
}

export interface OneOnOneRow {
  id: number
  repId: number
  scheduledFor: string
  heldAt: string | null
  status: OneOnOneStatus
  agenda: string
  noteVersion: number
  /** The first line of the note, for the history list. */
  noteExcerpt: string | null
}

export interface NoteState {
  noteId: number
  oneOnOneId: number
  body: string
  version: number
  savedAt: string
  sharedWithRep: boolean
}

export interface NoteVersion {
  version: number
  openedAt: string
  savedAt: string
  body: string
}

export interface ActionItemRow {
  id: number
  repId: number
  oneOnOneId: number | null
  /** The day of the 1:1 where it was agreed. */
  agreedOn: string | null
  text: string
  owner: ActionOwner
  due: string | null
  dealId: number | null
  createdAt: string
  doneAt: string | null
}

export interface OneOnOneDetail {
  oneOnOne: OneOnOneRow
  note: NoteState | null
  /** Items agreed in this 1:1. */
  actionItems: ActionItemRow[]
}

export type DealChangeType = 'created' | 'won' | 'lost' | 'stage' | 'close_date' | 'amount' | 'forecast_category'

export interface DealChange {
  type: DealChangeType
  dealId: number
  dealName: string
  accountName: string
  at: string
  from: string | null
  to: string | null
  lossReason: LossReason | null
  /** One sentence for the sheet, e.g. "Close date moved from 2026-11-30 to 2027-01-15". */
  sentence: string
}

export interface FlaggedDeal {
  dealId: number
  dealName: string
  accountName: string
  amountMinor: number
  currency: string
  stage: Stage
  forecastCategory: ForecastCategory
  flags: { flag: Flag; sentence: string }[]
}

export interface ActivityWeek {
  weekStart: string
  meetings: number
  calls: number
  emails: number
  social: number
}

export interface RoleCoverage {
  dealId: number
  dealName: string
  accountName: string
  amountMinor: number
  covered: BuyingRole[]
  missing: BuyingRole[]
}

export interface FocusArea {
  skill: CoachingSkill
  rating: number | null
  evidence: string | null
  ratedAt: string | null
  history: { rating: number; ratedAt: string; evidence: string | null }[]
}

export type TalkingPointKind = 'no_evidence' | 'lost' | 'slipped' | 'amount_lowered' | 'no_decision_maker' | 'evidence_gap' | 'overdue_item' | 'visibility' | 'coverage'

export interface TalkingPoint {
  kind: TalkingPointKind
  text: string
  dealId: number | null
}

export interface PrepSheet {
  card: RepCard
  /** When the last held 1:1 was; changes are counted from then (or the last 30 days before any). */
  since: string
  lastOneOnOne: OneOnOneRow | null
  changes: DealChange[]
  flagged: FlaggedDeal[]
  forecast: { currency: string; commitMinor: number; evidenceCommitMinor: number; bestCaseMinor: number; unbackedMinor: number }
  activity: ActivityWeek[]
  decisionRoles: RoleCoverage[]
  actionItems: ActionItemRow[]
  focus: FocusArea[]
  talkingPoints: TalkingPoint[]
  recent: OneOnOneRow[]
}

export interface SearchHit {
  kind: 'note' | 'action_item'
  id: number
  repId: number
  repName: string
  oneOnOneId: number | null
  date: string
  /** The matching passage, split so the matched words can be marked without HTML. */
  snippet: { text: string; hit: boolean }[]
}

const noteBody = z.string().max(200_000, 'a note is at most 200,000 characters')

export const oneOnOneMethods = {
  'reps.cards': method<Page<RepCard>>()(z.object({ teamId: id.optional(), ...paging }).strict()),
  'reps.card': method<RepCard>()(z.object({ repId: id }).strict()),
  'oneOnOnes.prep': method<PrepSheet>()(z.object({ repId: id }).strict()),
  'oneOnOnes.start': method<OneOnOneDetail>()(
    z.object({ repId: id, agenda: z.string().max(5_000).optional() }).strict()
  ),
  'oneOnOnes.get': method<OneOnOneDetail>()(z.object({ id }).strict()),
  'oneOnOnes.list': method<Page<OneOnOneRow>>()(z.object({ repId: id, ...paging }).strict()),
  'oneOnOnes.setStatus': method<OneOnOneRow>()(
    z.object({ id, status: z.enum(ONE_ON_ONE_STATUSES), scheduledFor: isoDate.optional() }).strict()
  ),
  'notes.save': method<NoteState>()(
    z.object({ oneOnOneId: id, body: noteBody, sharedWithRep: z.boolean().optional() }).strict()
  ),
  'notes.versions': method<NoteVersion[]>()(z.object({ oneOnOneId: id }).strict()),
  'notes.restore': method<NoteState>()(z.object({ oneOnOneId: id, version: z.number().int().positive() }).strict()),
  'actionItems.add': method<ActionItemRow>()(
    z
      .object({
        repId: id,
        oneOnOneId: id.optional(),
        text: z.string().trim().min(1, 'an action item needs some text').max(1000),
        owner: z.enum(ACTION_OWNERS).default('rep'),
        due: isoDate.optional(),
        dealId: id.optional()
      })
      .strict()
  ),
  'actionItems.complete': method<ActionItemRow>()(z.object({ id, done: z.boolean().default(true) }).strict()),
  'actionItems.list': method<Page<ActionItemRow>>()(
    z.object({ repId: id, state: z.enum(['open', 'done', 'all']).default('open'), ...paging }).strict()
  ),
  'focus.rate': method<FocusArea[]>()(
    z
      .object({
        repId: id,
        oneOnOneId: id.optional(),
        skill: z.enum(COACHING_SKILLS),
        rating: z.number().int().min(1).max(5),
        evidence: z.string().trim().max(500).optional()
      })
      .strict()
  ),
  'search.notes': method<Page<SearchHit>>()(
    z
      .object({
        query: z.string().trim().min(1, 'type something to search for').max(200),
        repId: id.optional(),
        ...paging
      })
      .strict()
  )
}
