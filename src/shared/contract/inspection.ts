// Methods for pipeline inspection: the flagged pipeline list, totals, funnel, the deal drawer and the manager's edits.
import { z } from 'zod'
import {
  FORECAST_CATEGORIES,
  OPEN_STAGES,
  QUALIFICATION_CRITERIA,
  type ActivityKind,
  type BuyingRole,
  type Direction,
  type ForecastCategory,
  type Influence,
  type QualificationCriterion,
  type Stage
} from '../domain'
import { FLAGS, type Flag, type Thresholds } from '../inspection'
import { method } from './method'
import { id, isoDate, noInput, paging, type Page } from './common'
import type { DealDetail, DealRow } from './pipeline'

export const MANAGER_CALLS = ['forecast', 'would_not_forecast'] as const
export type ManagerCallValue = (typeof MANAGER_CALLS)[number]

export interface PipelineRow extends DealRow {
  daysInStage: number | null
  lastActivityAt: string | null
  evidenceScore: number
  flags: Flag[]
  /** Raised flags a manager has acknowledged (still shown, marked as known). */
  acknowledged: Flag[]
  managerCall: ManagerCallValue | null
}

export interface CategoryTotal {
  category: ForecastCategory
  deals: number
  amountMinor: number
  flaggedDeals: number
  flaggedAmountMinor: number
}

export interface PipelineTotals {
  currency: string
  categories: CategoryTotal[]
  deals: number
  flaggedDeals: number
}

export interface RepForecastRow {
  repId: number
  repName: string
  teamId: number | null
  openDeals: number
  flaggedDeals: number
  /** The rep's call: the sum of their commit deals. */
  commitMinor: number
  /** Commit counting only evidence-backed deals (none of no evidence, no relationships, qualification zero). */
  evidenceCommitMinor: number
  bestCaseMinor: number
  /** Commit minus the deals the manager would not forecast. */
  managerCommitMinor: number
}

export interface FunnelStage {
  stage: Stage
  openDeals: number
  openAmountMinor: number
  /** Deals that ever entered the stage (stage history). */
  entered: number
  /** Share of deals entering this stage that went on to the next; null for the last stage. */
  conversionToNext: number | null
}

export interface FlagExplained {
  flag: Flag
  sentence: string
  since: string | null
  acknowledged: { reason: string; until: string } | null
}

export type TimelineEntry =
  | { type: 'activity'; at: string; kind: ActivityKind; direction: Direction; subject: string | null; repName: string; contactName: string | null }
  | { type: 'stage'; at: string; stage: Stage }
  | { type: 'close_date'; at: string; closeDate: string; previousCloseDate: string | null }

export interface InspectedContact {
  id: number
  name: string
  title: string | null
  buyingRole: BuyingRole | null
  influence: Influence | null
  onDeal: boolean
  lastEngagedAt: string | null
  engaged: boolean
}

export interface Relationship {
  repId: number
  repName: string
  personName: string
  contactId: number | null
  isOwner: boolean
  sameTeam: boolean
  connectedOn: string | null
}

export interface DealInspection {
  deal: DealDetail
  managerCall: ManagerCallValue | null
  evidenceScore: number
  evidenceBacked: boolean
  flags: FlagExplained[]
  daysInStage: number | null
  lastActivityAt: string | null
  timeline: TimelineEntry[]
  accountContacts: InspectedContact[]
  relationships: Relationship[]
  missingCriteria: QualificationCriterion[]
  scoreExplained: string
}

/** Close periods the page offers, relative to today, so a saved view keeps meaning "this quarter" next quarter. */
export const CLOSE_PERIODS = ['this_quarter', 'next_quarter', 'past'] as const
export type ClosePeriod = (typeof CLOSE_PERIODS)[number]
export const PIPELINE_LAYOUTS = ['table', 'board'] as const
export type PipelineLayout = (typeof PIPELINE_LAYOUTS)[number]

export interface SavedView {
  name: string
  filters: PipelineFilters
  sort: PipelineSort
  direction: 'asc' | 'desc'
  /** Absent in views saved before the board existed: read as the table and any close date. */
  period?: ClosePeriod
  layout?: PipelineLayout
}

/** One stage's column on the board: the count and total of every matching deal, and one page of its cards. */
export interface BoardColumn {
  stage: Stage
  count: number
  totalMinor: number
  /** Where this page of cards starts in the column (weakest evidence first). */
  offset: number
  cards: PipelineRow[]
}

export interface PipelineBoard {
  currency: string
  columns: BoardColumn[]
}

export const PIPELINE_SORTS = ['evidence_score', 'close_date', 'amount', 'last_activity', 'days_in_stage'] as const
export type PipelineSort = (typeof PIPELINE_SORTS)[number]

const tier = z.union([z.literal(1), z.literal(2), z.literal(3)])

export const pipelineFilters = z
  .object({
    teamId: id.optional(),
    ownerId: id.optional(),
    stage: z.enum(OPEN_STAGES).optional(),
    forecastCategory: z.enum(FORECAST_CATEGORIES).optional(),
    /** One flag, or 'any' for deals with at least one, or 'none' for clean deals. */
    flag: z.enum([...FLAGS, 'any', 'none']).optional(),
    tier: tier.optional(),
    closeFrom: isoDate.optional(),
    closeTo: isoDate.optional()
  })
  .strict()
export type PipelineFilters = z.infer<typeof pipelineFilters>

export const BOARD_MAX_PER_COLUMN = 50

const viewName = z.string().trim().min(1, 'a view needs a name').max(80)

/** A saved view as stored and as saved: stored views are read back through it too, and one that fails is skipped. */
export const savedViewSchema = z
  .object({
    name: viewName,
    filters: pipelineFilters,
    sort: z.enum(PIPELINE_SORTS),
    direction: z.enum(['asc', 'desc']),
    period: z.enum(CLOSE_PERIODS).optional(),
    layout: z.enum(PIPELINE_LAYOUTS).optional()
  })
  .strict()

const thresholdsInput = z
  .object({
    noEvidenceDays: z.number().int().min(1).max(3650),
    noEvidenceDaysByStage: z.partialRecord(z.enum(OPEN_STAGES), z.number().int().min(1).max(3650)),
    engagedWindowDays: z.number().int().min(1).max(3650),
    singleThreadedMax: z.number().int().min(0).max(20),
    stalledMultiple: z.number().min(1).max(10),
    stalledMinSamples: z.number().int().min(1).max(1000),
    stalledFallbackDays: z.record(z.enum(OPEN_STAGES), z.number().int().min(1).max(3650)),
    slippingPushes: z.number().int().min(1).max(20),
    amountLoweredShare: z.number().gt(0).lt(1),
    goneQuietDays: z.number().int().min(1).max(3650)
  })
  .strict()

export const inspectionMethods = {
  'pipeline.list': method<Page<PipelineRow>>()(
    z
      .object({
        filters: pipelineFilters.default({}),
        sort: z.enum(PIPELINE_SORTS).default('evidence_score'),
        direction: z.enum(['asc', 'desc']).default('asc'),
        ...paging
      })
      .strict()
  ),
  /** The board: per open stage its count, total and the first cards by evidence score; with `stage`, one column paged by `offset`. */
  'deals.board': method<PipelineBoard>()(
    z
      .object({
        filters: pipelineFilters.default({}),
        perColumn: z.number().int().min(1).max(BOARD_MAX_PER_COLUMN).default(20),
        stage: z.enum(OPEN_STAGES).optional(),
        offset: z.number().int().min(0).max(10_000_000).default(0)
      })
      .strict()
      .refine((v) => v.offset === 0 || v.stage !== undefined, {
        message: 'an offset pages one column: give the stage too',
        path: ['offset']
      })
  ),
  'pipeline.totals': method<PipelineTotals>()(z.object({ filters: pipelineFilters.default({}) }).strict()),
  'pipeline.forecast': method<RepForecastRow[]>()(z.object({ teamId: id.optional() }).strict()),
  'pipeline.funnel': method<FunnelStage[]>()(z.object({ teamId: id.optional(), ownerId: id.optional() }).strict()),
  'deals.inspect': method<DealInspection>()(z.object({ id }).strict()),
  'flags.acknowledge': method<FlagExplained>()(
    z
      .object({
        dealId: id,
        flag: z.enum(FLAGS),
        reason: z.string().trim().min(1, 'say why the flag is known').max(500),
        until: isoDate
      })
      .strict()
  ),
  'deals.setManagerCall': method<{ dealId: number; managerCall: ManagerCallValue | null }>()(
    z.object({ dealId: id, managerCall: z.enum(MANAGER_CALLS).nullable() }).strict()
  ),
  'criteria.set': method<DealInspection>()(
    z
      .object({
        dealId: id,
        criterion: z.enum(QUALIFICATION_CRITERIA),
        met: z.boolean(),
        evidence: z.string().trim().max(1000).nullable().default(null)
      })
      .strict()
  ),
  'settings.getThresholds': method<Thresholds>()(noInput),
  'settings.setThresholds': method<Thresholds>()(thresholdsInput),
  'pipelineViews.list': method<SavedView[]>()(noInput),
  'pipelineViews.save': method<SavedView[]>()(savedViewSchema),
  'pipelineViews.delete': method<SavedView[]>()(z.object({ name: viewName }).strict())
}
