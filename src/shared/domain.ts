// The sales domain's vocabulary: the fixed lists every layer agrees on, with their labels.

export const OPEN_STAGES = ['prospecting', 'qualifying', 'solution', 'proposal', 'negotiation'] as const
export type Stage = (typeof OPEN_STAGES)[number]

export const FORECAST_CATEGORIES = ['pipeline', 'best_case', 'commit', 'closed', 'omitted'] as const
export type ForecastCategory = (typeof FORECAST_CATEGORIES)[number]

export const DEAL_STATUSES = ['open', 'won', 'lost'] as const
export type DealStatus = (typeof DEAL_STATUSES)[number]

export const BUYING_ROLES = ['economic_buyer', 'technical_buyer', 'user_buyer', 'coach'] as const
export type BuyingRole = (typeof BUYING_ROLES)[number]

export const INFLUENCE_LEVELS = ['high', 'medium', 'low'] as const
export type Influence = (typeof INFLUENCE_LEVELS)[number]

export const ACTIVITY_KINDS = [
  'meeting',
  'call',
  'email',
  'social_post',
  'social_comment',
  'social_share',
  'social_reaction',
  'social_message',
  'note'
] as const
export type ActivityKind = (typeof ACTIVITY_KINDS)[number]

/** Public activities are what visibility counts: a post, a comment, a share (domain rule 4). */
export const PUBLIC_ACTIVITY_KINDS: readonly ActivityKind[] = ['social_post', 'social_comment', 'social_share']

export const DIRECTIONS = ['outbound', 'inbound'] as const
export type Direction = (typeof DIRECTIONS)[number]

export const ALTERNATIVES = ['competitor', 'do_nothing', 'internal'] as const
export type Alternative = (typeof ALTERNATIVES)[number]

/** The seeds' four main inhibitors, plus a catch-all. */
export const LOSS_REASONS = [
  'value_and_competition',
  'pricing',
  'complex_buying_requirements',
  'failure_to_attract',
  'other'
] as const
export type LossReason = (typeof LOSS_REASONS)[number]

export const REP_ROLES = ['ae', 'sdr', 'am', 'se', 'manager', 'leader'] as const
export type RepRole = (typeof REP_ROLES)[number]

export const REP_STATUSES = ['active', 'left'] as const
export type RepStatus = (typeof REP_STATUSES)[number]

export const TIERS = [1, 2, 3] as const
export type Tier = (typeof TIERS)[number]

/** The default qualification checklist; a deal's score is the product of these (domain rule 3). */
export const QUALIFICATION_CRITERIA = [
  'metrics',
  'economic_buyer',
  'decision_criteria',
  'decision_process',
  'identified_pain',
  'champion'
] as const
export type QualificationCriterion = (typeof QUALIFICATION_CRITERIA)[number]

export const LABELS = {
  stage: {
    prospecting: 'Prospecting',
    qualifying: 'Qualifying',
    solution: 'Solution',
    proposal: 'Proposal',
    negotiation: 'Negotiation'
  } satisfies Record<Stage, string>,
  forecastCategory: {
    pipeline: 'Pipeline',
    best_case: 'Best case',
    commit: 'Commit',
    closed: 'Closed',
    omitted: 'Omitted'
  } satisfies Record<ForecastCategory, string>,
  buyingRole: {
    economic_buyer: 'Economic buyer',
    technical_buyer: 'Technical buyer',
    user_buyer: 'User buyer',
    coach: 'Coach / champion'
  } satisfies Record<BuyingRole, string>,
  activityKind: {
    meeting: 'Meeting',
    call: 'Call',
    email: 'Email',
    social_post: 'Social post',
    social_comment: 'Social comment',
    social_share: 'Social share',
    social_reaction: 'Social reaction',
    social_message: 'Social message',
    note: 'Note'
  } satisfies Record<ActivityKind, string>,
  lossReason: {
    value_and_competition: 'Value message and competition',
    pricing: 'Pricing',
    complex_buying_requirements: 'Complex buying requirements',
    failure_to_attract: 'Failure to attract new clients',
    other: 'Other'
  } satisfies Record<LossReason, string>,
  alternative: {
    competitor: 'Another vendor',
    do_nothing: 'Do nothing',
    internal: 'Internal resources'
  } satisfies Record<Alternative, string>,
  criterion: {
    metrics: 'Metrics',
    economic_buyer: 'Economic buyer',
    decision_criteria: 'Decision criteria',
    decision_process: 'Decision process',
    identified_pain: 'Identified pain',
    champion: 'Champion'
  } satisfies Record<QualificationCriterion, string>
} as const
