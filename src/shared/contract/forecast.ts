// Methods for forecast periods, call snapshots and their accuracy, the deals behind a number, and the productivity dashboard.
import { z } from 'zod'
import { LOSS_REASONS, type DealStatus, type ForecastCategory, type LossReason, type Stage } from '../domain'
import { method } from './method'
import { id, isoDate, noInput, paging, type Page } from './common'

export const PERIOD_KINDS = ['month', 'quarter'] as const
export type PeriodKind = (typeof PERIOD_KINDS)[number]

export interface ForecastPeriod {
  id: number
  kind: PeriodKind
  label: string
  start: string
  end: string
  closedAt: string | null
  /** What closed won in the period, frozen when it closed. */
  closedWonMinor: number | null
  calls: number
}

export interface ForecastSettings {
  /** The accuracy KPI target as a share (0.98 = 98 %). */
  accuracyTarget: number
  /** 1 = January. Quarters are counted from this month. */
  fiscalYearStartMonth: number
}

/** One line of the grid: a rep, a team roll-up or the whole org. Amounts in minor units of `currency`. */
export interface ForecastGridRow {
  /** Unique within the grid: the rep id, or minus the team id for a team, 0 for the org. */
  id: number
  level: 'rep' | 'team' | 'org'
  repId: number | null
  teamId: number | null
  name: string
  /** The period's share of the annual quota (a quarter is a quarter of it, a month a twelfth). */
  quotaMinor: number
  closedWonMinor: number
  /** Open deals closing in the period, by forecast category. */
  commitMinor: number
  bestCaseMinor: number
  pipelineMinor: number
  /** The latest snapshot's rep commit and manager call, null before any call is recorded. */
  repCallMinor: number | null
  repBestCaseCallMinor: number | null
  managerCallMinor: number | null
  lastCallOn: string | null
  /** Closed won plus evidence-backed open commit (inspection's notion: none of the disqualifying flags). */
  evidenceBasedMinor: number
  /** Closed won plus each open deal's amount × probability (omitted deals excluded). */
  systemMinor: number
}

export interface ForecastGrid {
  period: ForecastPeriod
  currency: string
  rows: ForecastGridRow[]
}

export interface ForecastCall {
  id: number
  periodId: number
  subject: 'rep' | 'team'
  repId: number | null
  teamId: number | null
  name: string
  takenOn: string
  label: string
  repCommitMinor: number
  repBestCaseMinor: number
  managerCallMinor: number
  evidenceBasedMinor: number
  systemMinor: number
  actualMinor: number | null
  repAccuracy: number | null
  managerAccuracy: number | null
  evidenceAccuracy: number | null
  systemAccuracy: number | null
}

export interface CloseResult {
  period: ForecastPeriod
  accuracyTarget: number
  snapshots: number
  /** Each subject's last snapshot scored against what closed won, then the org roll-up (id 0). */
  rows: (ForecastCall & { onTarget: boolean })[]
}

export interface AccuracyPoint {
  periodId: number
  label: string
  start: string
  actualMinor: number
  repAccuracy: number | null
  managerAccuracy: number | null
  evidenceAccuracy: number | null
  systemAccuracy: number | null
}

export interface AccuracyHistory {
  accuracyTarget: number
  subject: string
  points: AccuracyPoint[]
}

export const DRILL_COLUMNS = ['closed_won', 'commit', 'best_case', 'pipeline', 'evidence_based', 'lost', 'created'] as const
export type DrillColumn = (typeof DRILL_COLUMNS)[number]

export interface DrillDeal {
  id: number
  name: string
  ownerName: string
  accountName: string
  amountMinor: number
  currency: string
  stage: Stage
  forecastCategory: ForecastCategory
  status: DealStatus
  closeDate: string
  lossReason: LossReason | null
  evidenceBacked: boolean
}

export interface WeekActivity {
  weekStart: string
  meeting: number
  call: number
  email: number
  social: number
  other: number
  /** All activities that week ÷ reps on the books: the efficiency line. */
  perRep: number
}

export interface RepProductivity {
  id: number
  repName: string
  activities: number
  perWeek: number
  meetings: number
  won: number
  wonPer100: number | null
}

export interface CycleBySize {
  id: number
  segment: string
  samples: number
  median: number | null
  p25: number | null
  p75: number | null
}

export interface ConversionRow {
  id: number
  stage: Stage
  next: Stage | 'won'
  reached: number
  advanced: number
  rate: number | null
}

export interface LossReasonRow {
  id: number
  reason: LossReason
  deals: number
  amountMinor: number
}

export interface ProductivityDashboard {
  from: string
  to: string
  currency: string
  weeks: WeekActivity[]
  reps: RepProductivity[]
  activities: number
  won: number
  lost: number
  wonMinor: number
  wonPer100: number | null
  /** Meetings on a deal followed by the deal entering a further stage within 14 days. */
  advancingMeetings: number
  meetings: number
  cycle: { samples: number; median: number | null; p25: number | null; p75: number | null; min: number | null; max: number | null }
  cycleBySize: CycleBySize[]
  conversion: ConversionRow[]
  winRate: number | null
  lossReasons: LossReasonRow[]
  pipelineCreated: { deals: number; amountMinor: number; weeks: { weekStart: string; deals: number; amountMinor: number }[] }
  funnelConfidence: { rate: number | null; evidenceBackedMinor: number; totalMinor: number }
  turnover: { left: number; averageHeadcount: number; rate: number | null }
}

/**
 * The forecast walk's movements, in the order they are drawn. Each deal that moved is classified once, by its state at
 * `from` against its state at `to`, taking the first that applies: won > lost > pushed out > pulled in > new >
 * amount up / amount down. (A deal pulled in and then won counts as won, with its whole value.)
 */
export const WALK_MOVEMENTS = ['new', 'pulled_in', 'pushed_out', 'won', 'lost', 'amount_up', 'amount_down'] as const
export type WalkMovement = (typeof WALK_MOVEMENTS)[number]

/** The period's pipeline on one day: deals closing in the period that were open, plus those already won in it. */
export interface WalkPoint {
  date: string
  valueMinor: number
  openMinor: number
  wonMinor: number
  deals: number
}

export interface WalkStep {
  id: number
  movement: WalkMovement
  /** Signed: what these deals added to (or took from) the period's value between the two days. */
  valueMinor: number
  deals: number
  /** For won deals, the amount won (their value already counted at the start is not a change). 0 for the others. */
  closedMinor: number
}

/** start.valueMinor + Σ steps' valueMinor = end.valueMinor, exactly. */
export interface ForecastWalk {
  period: ForecastPeriod
  subject: string
  currency: string
  from: string
  to: string
  start: WalkPoint
  end: WalkPoint
  steps: WalkStep[]
  /** Deals in the period on both days at the same amount. */
  unchanged: { deals: number; valueMinor: number }
  /** The days this period has call snapshots on, oldest first: what the from/to picker offers. */
  snapshots: string[]
  /** The main process's today, the default end. */
  today: string
}

export interface WalkDeal {
  id: number
  name: string
  ownerName: string
  accountName: string
  currency: string
  movement: WalkMovement
  /** The deal's value in the period on each day (0 when it was not in it). */
  fromMinor: number
  toMinor: number
  changeMinor: number
  closeDateFrom: string | null
  closeDateTo: string | null
  status: DealStatus
}

const label = z.string().trim().min(1, 'a call needs a label').max(40)
const minor = z.number().int().min(0).max(1e15)

const walkInputShape = z.object({ periodId: id, teamId: id.optional(), repId: id.optional(), from: isoDate.optional(), to: isoDate.optional() })
const walkRefine = (x: { teamId?: number; repId?: number; from?: string; to?: string }, ctx: z.RefinementCtx) => {
  if (x.teamId !== undefined && x.repId !== undefined) ctx.addIssue({ code: 'custom', message: 'give a teamId or a repId, not both', path: ['repId'] })
  if (x.from !== undefined && x.to !== undefined && x.from > x.to) ctx.addIssue({ code: 'custom', message: 'from must be on or before to', path: ['to'] })
}
const walkInput = walkInputShape.strict().superRefine(walkRefine)

export const forecastMethods = {
  'forecast.settings': method<ForecastSettings>()(noInput),
  'forecast.setSettings': method<ForecastSettings>()(
    z.object({ accuracyTarget: z.number().gt(0).max(1), fiscalYearStartMonth: z.number().int().min(1).max(12) }).strict()
  ),
  'forecast.periods': method<ForecastPeriod[]>()(noInput),
  'forecast.createPeriod': method<ForecastPeriod>()(z.object({ kind: z.enum(PERIOD_KINDS), containing: isoDate }).strict()),
  'forecast.grid': method<ForecastGrid>()(z.object({ periodId: id, teamId: id.optional() }).strict()),
  'forecast.recordCall': method<ForecastCall>()(
    z
      .object({
        periodId: id,
        repId: id.optional(),
        teamId: id.optional(),
        takenOn: isoDate.optional(),
        label: label.optional(),
        repCommitMinor: minor,
        repBestCaseMinor: minor,
        managerCallMinor: minor
      })
      .strict()
      .refine((x) => (x.repId === undefined) !== (x.teamId === undefined), { message: 'give either repId or teamId', path: ['repId'] })
  ),
  'forecast.calls': method<Page<ForecastCall>>()(
    z.object({ periodId: id, repId: id.optional(), teamId: id.optional(), ...paging }).strict()
  ),
  'forecast.close': method<CloseResult>()(z.object({ periodId: id }).strict()),
  'forecast.accuracyHistory': method<AccuracyHistory>()(
    z.object({ repId: id.optional(), teamId: id.optional(), kind: z.enum(PERIOD_KINDS).default('quarter') }).strict()
  ),
  'forecast.drill': method<Page<DrillDeal>>()(
    z
      .object({
        periodId: id.optional(),
        from: isoDate.optional(),
        to: isoDate.optional(),
        repId: id.optional(),
        teamId: id.optional(),
        column: z.enum(DRILL_COLUMNS),
        lossReason: z.enum(LOSS_REASONS).optional(),
        ...paging
      })
      .strict()
      .refine((x) => x.periodId !== undefined || (x.from !== undefined && x.to !== undefined), {
        message: 'give a periodId, or both from and to',
        path: ['periodId']
      })
  ),
  'forecast.walk': method<ForecastWalk>()(walkInput),
  'forecast.walkDeals': method<Page<WalkDeal>>()(walkInputShape.extend({ movement: z.enum(WALK_MOVEMENTS), ...paging }).strict().superRefine(walkRefine)),
  'productivity.dashboard': method<ProductivityDashboard>()(
    z.object({ from: isoDate, to: isoDate, teamId: id.optional() }).strict().refine((r) => r.from <= r.to, { message: 'from must be on or before to', path: ['to'] })
  )
}

