// Visibility's tables (schema v4): competitors, their people, presence snapshots, competitor relationships, social rules.
import type { Generated } from 'kysely'
import type { RepRole } from '@shared/domain'
import type { CompetitorRole } from '@shared/visibility'

export interface CompetitorsTable {
  id: Generated<number>
  name: string
  name_key: string
  /** JSON array of other spellings. */
  aliases: string
  created_at: string
}

export interface CompetitorPeopleTable {
  id: Generated<number>
  competitor_id: number
  name: string
  title: string | null
  role: CompetitorRole
  profile_url: string | null
  created_at: string
}

export interface PresenceSnapshotsTable {
  id: Generated<number>
  rep_id: number | null
  competitor_person_id: number | null
  taken_on: string
  period_days: number
  followers: number
  connections: number
  posts: number
  comments: number
  active_days: number | null
  engagement_per_post: number | null
  source: string
}

export interface CompetitorAccountRelationshipsTable {
  competitor_id: number
  account_id: number
  count: number
  source: string
  noted_on: string
}

export interface SocialRulesTable {
  role: RepRole
  /** JSON array of SocialPlatform. */
  platforms: string
  cadence_per_week: number
  response_time_hours: number
  conduct: string
  updated_at: string
}

export interface VisibilityTables {
  competitors: CompetitorsTable
  competitor_people: CompetitorPeopleTable
  presence_snapshots: PresenceSnapshotsTable
  competitor_account_relationships: CompetitorAccountRelationshipsTable
  social_rules: SocialRulesTable
}
