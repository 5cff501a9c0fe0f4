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

/** Recruiting's tables live in schema-recruiting.ts (schema v3). */
export interface DB extends RecruitingTables {
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
}

export type Deal = Selectable<DealsTable>
export type Rep = Selectable<RepsTable>
