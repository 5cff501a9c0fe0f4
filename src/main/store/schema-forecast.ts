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
}
