// One-on-ones' tables in the DB interface (schema v5), kept beside schema.ts so each capability owns its own lines.
import type { Generated } from 'kysely'
import type { ActionOwner, CoachingSkill, OneOnOneStatus } from '@shared/team'

export interface OneOnOnesTable {
  id: Generated<number>
  rep_id: number
  scheduled_for: string
  held_at: string | null
  status: OneOnOneStatus
  agenda: string
  created_at: string
}

export interface CoachingNotesTable {
  id: Generated<number>
  one_on_one_id: number
  rep_id: number
  body: string
  shared_with_rep: 0 | 1
  version: number
  updated_at: string
}

export interface NoteVersionsTable {
  id: Generated<number>
  note_id: number
  version: number
  body: string
  opened_at: string
  saved_at: string
}

export interface ActionItemsTable {
  id: Generated<number>
  rep_id: number
  one_on_one_id: number | null
  text: string
  owner: ActionOwner
  due: string | null
  deal_id: number | null
  created_at: string
  done_at: string | null
}

export interface FocusRatingsTable {
  id: Generated<number>
  rep_id: number
  skill: CoachingSkill
  rating: number
  evidence: string | null
  one_on_one_id: number | null
  rated_at: string
}

export interface DealHistoryTable {
  id: Generated<number>
  deal_id: number
  field: 'amount' | 'forecast_category'
  old_value: string | null
  new_value: string | null
  changed_at: string
}

export interface TeamTables {
  one_on_ones: OneOnOnesTable
  coaching_notes: CoachingNotesTable
  note_versions: NoteVersionsTable
  action_items: ActionItemsTable
  focus_ratings: FocusRatingsTable
  deal_history: DealHistoryTable
}
