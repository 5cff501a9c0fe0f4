// Recruiting's vocabulary: candidate stages, behaviour topics with their anchored questions, recommendations.

export const CANDIDATE_STAGES = [
  'sourced',
  'screening',
  'interviews',
  'reference_check',
  'offer',
  'hired',
  'rejected',
  'withdrawn'
] as const
export type CandidateStage = (typeof CANDIDATE_STAGES)[number]

/** The forward path a candidate walks; rejected and withdrawn leave it from any point. */
export const PROGRESS_STAGES = ['sourced', 'screening', 'interviews', 'reference_check', 'offer', 'hired'] as const satisfies readonly CandidateStage[]
export type ProgressStage = (typeof PROGRESS_STAGES)[number]

export const EXIT_STAGES = ['rejected', 'withdrawn'] as const satisfies readonly CandidateStage[]
export const CLOSED_STAGES: readonly CandidateStage[] = ['hired', 'rejected', 'withdrawn']

export function isExitStage(stage: CandidateStage): stage is 'rejected' | 'withdrawn' {
  return stage === 'rejected' || stage === 'withdrawn'
}

/** Days in a stage after which a candidate is stalled: a good candidate left waiting takes another offer. */
export const STALL_DAYS: Record<CandidateStage, number | null> = {
  sourced: 14,
  screening: 10,
  interviews: 14,
  reference_check: 7,
  offer: 7,
  hired: null,
  rejected: null,
  withdrawn: null
}

export const REQUISITION_STATUSES = ['open', 'on_hold', 'filled', 'closed'] as const
export type RequisitionStatus = (typeof REQUISITION_STATUSES)[number]

export const CANDIDATE_SOURCES = ['referral', 'linkedin', 'job_board', 'agency', 'inbound', 'event', 'other'] as const
export type CandidateSource = (typeof CANDIDATE_SOURCES)[number]

export const RECOMMENDATIONS = ['strong_no', 'no', 'yes', 'strong_yes'] as const
export type Recommendation = (typeof RECOMMENDATIONS)[number]

/** The seeds' five behaviour topics; 'role' marks a question a requisition adds for itself. */
export const BEHAVIOUR_TOPICS = ['team_selling', 'sales_technology', 'sales_methodology', 'best_practices', 'knowledge_sharing'] as const
export type BehaviourTopic = (typeof BEHAVIOUR_TOPICS)[number]
export type QuestionTopic = BehaviourTopic | 'role'

export interface QuestionTemplate {
  topic: QuestionTopic
  prompt: string
  anchorLow: string
  anchorHigh: string
}

/** Built into every requisition's interview kit: what a 1 and a 4 sound like, so ratings mean the same across a panel. */
export const BEHAVIOUR_QUESTIONS: readonly QuestionTemplate[] = [
  {
    topic: 'team_selling',
    prompt: 'Tell us about a deal you won with others: who was involved, and what did each person do?',
    anchorLow: 'Only "I": cannot name what colleagues, SEs or leaders contributed.',
    anchorHigh: 'Orchestrated a team around the buyer: names roles, hand-offs and how they brought in the right people at the right time.'
  },
  {
    topic: 'sales_technology',
    prompt: 'Which sales tools did you use every week, and what did they change about how you sold?',
    anchorLow: 'Names the CRM because it was mandatory; no example of a tool changing an outcome.',
    anchorHigh: 'Concrete use of CRM, social and intelligence tools that found or moved deals, with numbers.'
  },
  {
    topic: 'sales_methodology',
    prompt: 'Which sales methodology did you work in, and how did it shape a recent deal?',
    anchorLow: 'Cannot name one, or names one without any sign of using it.',
    anchorHigh: 'Explains the method, applies it to a real deal (qualification, decision process, champion) and says where it fell short.'
  },
  {
    topic: 'best_practices',
    prompt: 'What best practices do you follow each week, and where did you learn them?',
    anchorLow: 'No routine beyond "work hard"; nothing repeatable.',
    anchorHigh: 'A deliberate weekly routine (pipeline review, account plans, preparation) and evidence it works.'
  },
  {
    topic: 'knowledge_sharing',
    prompt: 'How did you share what you learned with your team?',
    anchorLow: 'Kept wins and techniques to themselves; sees colleagues as competition.',
    anchorHigh: 'Coached peers, wrote playbooks or ran sessions; can name someone who improved because of it.'
  }
]

export const STRONG_RECORD_PCT = 120
export const WEAK_MEAN = 2.5
export const DISAGREEMENT_SPREAD = 2

export const RECRUITING_LABELS = {
  stage: {
    sourced: 'Sourced',
    screening: 'Screening',
    interviews: 'Interviews',
    reference_check: 'Reference check',
    offer: 'Offer',
    hired: 'Hired',
    rejected: 'Rejected',
    withdrawn: 'Withdrawn'
  } satisfies Record<CandidateStage, string>,
  topic: {
    team_selling: 'Team selling',
    sales_technology: 'Sales technology',
    sales_methodology: 'Sales methodology',
    best_practices: 'Best practices',
    knowledge_sharing: 'Knowledge sharing',
    role: 'Role question'
  } satisfies Record<QuestionTopic, string>,
  recommendation: {
    strong_no: 'Strong no',
    no: 'No',
    yes: 'Yes',
    strong_yes: 'Strong yes'
  } satisfies Record<Recommendation, string>,
  source: {
    referral: 'Referral',
    linkedin: 'LinkedIn',
    job_board: 'Job board',
    agency: 'Agency',
    inbound: 'Inbound',
    event: 'Event',
    other: 'Other'
  } satisfies Record<CandidateSource, string>,
  requisitionStatus: {
    open: 'Open',
    on_hold: 'On hold',
    filled: 'Filled',
    closed: 'Closed'
  } satisfies Record<RequisitionStatus, string>
} as const
