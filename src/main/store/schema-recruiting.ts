// Recruiting's tables in the DB interface (schema v3), kept beside schema.ts so each capability owns its own lines.
import type { Generated } from 'kysely'
import type { CandidateStage, QuestionTopic, Recommendation, RequisitionStatus } from '@shared/recruiting'

export interface RequisitionsTable {
  id: Generated<number>
  title: string
  team_id: number | null
  hiring_manager: string | null
  target_start: string | null
  headcount: number
  status: RequisitionStatus
  created_at: string
}

export interface CandidatesTable {
  id: Generated<number>
  name: string
  email: string | null
  phone: string | null
  location: string | null
  current_company: string | null
  current_title: string | null
  source: string
  linkedin_url: string | null
  /** JSON array of URLs. */
  other_links: string
  research_notes: string
  connections: number | null
  followers: number | null
  posts_90d: number | null
  visibility_share: number | null
  email_key: string | null
  linkedin_key: string | null
  name_company_key: string
  merged_into: number | null
  rep_id: number | null
  created_at: string
  updated_at: string
}

export interface CandidateApplicationsTable {
  id: Generated<number>
  candidate_id: number
  requisition_id: number
  stage: CandidateStage
  exit_reason: string | null
  stage_entered_at: string
  created_at: string
}

export interface CandidateStageHistoryTable {
  id: Generated<number>
  application_id: number
  from_stage: CandidateStage | null
  stage: CandidateStage
  reason: string | null
  entered_at: string
}

export interface TrackRecordsTable {
  id: Generated<number>
  candidate_id: number
  year: number
  quota_minor: number | null
  currency: string
  attainment_pct: number | null
  rank_in_team: number | null
  team_size: number | null
  avg_deal_minor: number | null
  segment: string | null
}

export interface InterviewQuestionsTable {
  id: Generated<number>
  requisition_id: number
  topic: QuestionTopic
  position: number
  prompt: string
  anchor_low: string
  anchor_high: string
}

export interface ScorecardsTable {
  id: Generated<number>
  candidate_id: number
  requisition_id: number
  interviewer: string
  interviewer_key: string
  recommendation: Recommendation
  summary: string | null
  submitted_at: string
}

export interface ScorecardRatingsTable {
  scorecard_id: number
  question_id: number
  rating: number | null
  notes: string | null
}

/** Schema v13: a candidate's reference to a file stored by content hash beside the workspace. */
export interface CandidateAttachmentsTable {
  id: Generated<number>
  candidate_id: number
  sha256: string
  /** The user's file name, sanitised: display only, never a path. */
  name: string
  media_type: string
  size_bytes: number
  added_at: string
}

/** Schema v14: the hire (an application ended in 'hired') and the rep that person became. */
export interface HireLinksTable {
  application_id: number
  rep_id: number
  linked_at: string
}

export interface RecruitingTables {
  requisitions: RequisitionsTable
  candidates: CandidatesTable
  candidate_applications: CandidateApplicationsTable
  candidate_stage_history: CandidateStageHistoryTable
  track_records: TrackRecordsTable
  interview_questions: InterviewQuestionsTable
  scorecards: ScorecardsTable
  scorecard_ratings: ScorecardRatingsTable
  hire_links: HireLinksTable
  candidate_attachments: CandidateAttachmentsTable
}
