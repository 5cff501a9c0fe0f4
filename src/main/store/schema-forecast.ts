// Kysely row types for forecast periods and call snapshots (schema v6).
import type { Generated } from 'kysely'

export interface ForecastPeriodsTable {
  id: Generated<number>
  kind: 'month' | 'quarter'
  label: string
  start_date: string
  end_date: string
  created_at: string
  closed_at: string | null
  closed_won_minor: number | null
}

export interface ForecastCallsTable {
  id: Generated<number>
  period_id: number
  subject_kind: 'rep' | 'team'
  rep_id: number | null
  team_id: number | null
  taken_on: string
  label: string
  rep_commit_minor: number
  rep_best_case_minor: number
  manager_call_minor: number
  evidence_based_minor: number
  system_minor: number
  actual_minor: number | null
  rep_accuracy: number | null
  manager_accuracy: number | null
  evidence_accuracy: number | null
  system_accuracy: number | null
  created_at: string
}

export interface ForecastTables {
  forecast_periods: ForecastPeriodsTable
  forecast_calls: ForecastCallsTable
  deal_amount_history: DealAmountHistoryTable
  activity_days: ActivityDaysTable
}

/** Every amount a deal has had (schema v9), written by triggers on deals. */
export interface DealAmountHistoryTable {
  id: Generated<number>
  deal_id: number
  amount_minor: number
  previous_amount_minor: number | null
  changed_at: string
}

/** Activities per day and rep by kind (schema v9), kept by triggers on activities. */
export interface ActivityDaysTable {
  day: string
  rep_id: number
  n: number
  meeting: number
  call: number
  email: number
  social: number
}
