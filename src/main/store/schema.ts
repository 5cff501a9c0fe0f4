// The DB interface Kysely types every query against; mirrors the migrations.
import type { Generated, Selectable } from 'kysely'
import type {
  ActivityKind,
  Alternative,
  BuyingRole,
  DealStatus,
  Direction,
  ForecastCategory,
  Influence,
  LossReason,
  RepRole,
  RepStatus,
  Stage,
  Tier
} from '@shared/domain'
import type { RecruitingTables } from './schema-recruiting'
import type { VisibilityTables } from './schema-visibility'
import type { TeamTables } from './schema-team'
import type { ForecastTables } from './schema-forecast'
import type { ImportTables } from './schema-import'

export type ManagerCall = 'forecast' | 'would_not_forecast'

export interface SettingsTable {
  key: string
  value: string
}

export interface TeamsTable {
  id: Generated<number>
  name: string
  manager_name: string | null
  created_at: string
}

export interface RepsTable {
  id: Generated<number>
  team_id: number | null
  name: string
  email: string | null
  role: RepRole
  hire_date: string | null
  quota_minor: number
  quota_currency: string
  status: RepStatus
  left_date: string | null
}

export interface AccountsTable {
  id: Generated<number>
  name: string
  name_key: string
  tier: Tier
  is_named: 0 | 1
  industry: string | null
  owner_id: number | null
  external_id: string | null
}

export interface AccountAliasesTable {
  account_id: number
  alias: string
  alias_key: string
}

export interface ContactsTable {
  id: Generated<number>
  account_id: number
  name: string
  title: string | null
  email: string | null
  buying_role: BuyingRole | null
  influence: Influence | null
}

export interface DealsTable {
  id: Generated<number>
  external_id: string | null
  name: string
  owner_id: number
  account_id: number
  amount_minor: number
  currency: string
  stage: Stage
  probability: number
  forecast_category: ForecastCategory
  close_date: string
  created_date: string
  closed_date: string | null
  status: DealStatus
  loss_reason: LossReason | null
  alternative: Alternative | null
  competitor_name: string | null
  next_step: string | null
  updated_at: string
  manager_call: ManagerCall | null
}

export interface DealStageHistoryTable {
  id: Generated<number>
  deal_id: number
  stage: Stage
  entered_at: string
}

export interface DealCloseDateHistoryTable {
  id: Generated<number>
  deal_id: number
  close_date: string
  previous_close_date: string | null
  changed_at: string
}

export interface DealContactsTable {
  deal_id: number
  contact_id: number
}

export interface ActivitiesTable {
  id: Generated<number>
  rep_id: number
  kind: ActivityKind
  direction: Direction
  occurred_at: string
  subject: string | null
  outcome: string | null
  deal_id: number | null
  account_id: number | null
  contact_id: number | null
}

export interface QualificationCriteriaTable {
  deal_id: number
  criterion: string
  met: 0 | 1
  evidence: string | null
  updated_at: string
}

export interface ConnectionsTable {
  id: Generated<number>
  rep_id: number
  person_name: string
  company_name: string | null
  account_id: number | null
  contact_id: number | null
  connected_on: string | null
  source: string
}

export interface DealEvidenceTable {
  deal_id: number
  is_open: 0 | 1
  owner_id: number
  team_id: number | null
  account_id: number
  tier: Tier
  stage: Stage
  forecast_category: ForecastCategory
  amount_minor: number
  close_date: string
  last_activity_at: string | null
  last_inbound_at: string | null
  last_outbound_at: string | null
  activity_count: number
  recent_activity_count: number
  engaged_contacts: number
  last_engaged_at: string | null
  economic_buyer_engaged: 0 | 1
  owner_connections: number
  team_connections: number
  criteria_met: string | null
  criteria_missing: string | null
  qualification_product: 0 | 1
  close_pushes: number
  last_push_at: string | null
  stage_entered_at: string | null
  stage_median_days: number | null
  stage_samples: number
  amount_at_commit: number | null
  evidence_score: number
  flags: number
  computed_as_of: string
}

export interface StageMediansTable {
  team_id: number
  stage: Stage
  median_days: number
  samples: number
}

export interface FlagAcknowledgementsTable {
  deal_id: number
  flag: string
  reason: string
  until_date: string
  created_at: string
  deal_updated_at: string
}

/** Recruiting's tables live in schema-recruiting.ts (schema v3), visibility's in schema-visibility.ts (v4), one-on-ones' in schema-team.ts (v5). */
export interface DB extends RecruitingTables, VisibilityTables, TeamTables, ForecastTables, ImportTables {
  settings: SettingsTable
  teams: TeamsTable
  reps: RepsTable
  accounts: AccountsTable
  account_aliases: AccountAliasesTable
  contacts: ContactsTable
  deals: DealsTable
  deal_stage_history: DealStageHistoryTable
  deal_close_date_history: DealCloseDateHistoryTable
  deal_contacts: DealContactsTable
  activities: ActivitiesTable
  qualification_criteria: QualificationCriteriaTable
  connections: ConnectionsTable
  deal_evidence: DealEvidenceTable
  stage_medians: StageMediansTable
  flag_acknowledgements: FlagAcknowledgementsTable
}

export type Deal = Selectable<DealsTable>
export type Rep = Selectable<RepsTable>
