// Methods for deals, accounts and the activities behind them.
import { z } from 'zod'
import {
  ACTIVITY_KINDS,
  DIRECTIONS,
  FORECAST_CATEGORIES,
  OPEN_STAGES,
  type ActivityKind,
  type Alternative,
  type BuyingRole,
  type DealStatus,
  type Direction,
  type ForecastCategory,
  type Influence,
  type LossReason,
  type QualificationCriterion,
  type Stage,
  type Tier
} from '../domain'
import { method } from './method'
import { id, isoDate, isoDateTime, paging, type Page } from './common'

export interface DealRow {
  id: number
  name: string
  ownerId: number
  ownerName: string
  accountId: number
  accountName: string
  tier: Tier
  amountMinor: number
  currency: string
  stage: Stage
  probability: number
  forecastCategory: ForecastCategory
  closeDate: string
  status: DealStatus
}

export interface ContactRow {
  id: number
  name: string
  title: string | null
  buyingRole: BuyingRole | null
  influence: Influence | null
}

export interface ActivityRow {
  id: number
  repId: number
  repName: string
  kind: ActivityKind
  direction: Direction
  occurredAt: string
  subject: string | null
  dealId: number | null
  accountId: number | null
  contactId: number | null
}

export interface DealDetail extends DealRow {
  createdDate: string
  closedDate: string | null
  lossReason: LossReason | null
  alternative: Alternative | null
  competitorName: string | null
  nextStep: string | null
  contacts: ContactRow[]
  criteria: { criterion: QualificationCriterion; met: boolean; evidence: string | null }[]
  stageHistory: { stage: Stage; enteredAt: string }[]
  closeDateHistory: { closeDate: string; previousCloseDate: string | null; changedAt: string }[]
}

export interface AccountRow {
  id: number
  name: string
  tier: Tier
  isNamed: boolean
  industry: string | null
  contacts: number
  openDeals: number
}

export const DEAL_SORTS = ['close_date', 'amount', 'name', 'stage', 'owner'] as const

export const dealFilters = z
  .object({
    teamId: id.optional(),
    ownerId: id.optional(),
    stage: z.enum(OPEN_STAGES).optional(),
    forecastCategory: z.enum(FORECAST_CATEGORIES).optional(),
    tier: z.union([z.literal(1), z.literal(2), z.literal(3)]).optional(),
    closeFrom: isoDate.optional(),
    closeTo: isoDate.optional(),
    status: z.enum(['open', 'won', 'lost', 'all']).default('open'),
    search: z.string().trim().max(200).optional()
  })
  .strict()

export const pipelineMethods = {
  'deals.list': method<Page<DealRow>>()(
    z
      .object({
        filters: dealFilters.default({ status: 'open' }),
        sort: z.enum(DEAL_SORTS).default('close_date'),
        direction: z.enum(['asc', 'desc']).default('asc'),
        ...paging
      })
      .strict()
  ),
  'deals.get': method<DealDetail>()(z.object({ id }).strict()),
  'accounts.list': method<Page<AccountRow>>()(
    z
      .object({
        tier: z.union([z.literal(1), z.literal(2), z.literal(3)]).optional(),
        search: z.string().trim().max(200).optional(),
        ...paging
      })
      .strict()
  ),
  'activities.list': method<Page<ActivityRow>>()(
    z
      .object({ dealId: id.optional(), repId: id.optional(), accountId: id.optional(), ...paging })
      .strict()
      .refine((v) => v.dealId !== undefined || v.repId !== undefined || v.accountId !== undefined, {
        message: 'give a dealId, repId or accountId: activities are listed per deal, rep or account'
      })
  ),
  'activities.create': method<ActivityRow>()(
    z
      .object({
        repId: id,
        kind: z.enum(ACTIVITY_KINDS),
        direction: z.enum(DIRECTIONS).default('outbound'),
        occurredAt: isoDateTime,
        subject: z.string().trim().min(1).max(500).optional(),
        outcome: z.string().trim().max(2000).optional(),
        dealId: id.optional(),
        accountId: id.optional(),
        contactId: id.optional()
      })
      .strict()
  )
}
