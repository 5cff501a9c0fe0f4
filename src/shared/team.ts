// One-on-ones' vocabulary: meeting statuses, action-item owners, the coaching skills and their labels.

export const ONE_ON_ONE_STATUSES = ['planned', 'held', 'postponed', 'skipped'] as const
export type OneOnOneStatus = (typeof ONE_ON_ONE_STATUSES)[number]

export const ACTION_OWNERS = ['rep', 'manager'] as const
export type ActionOwner = (typeof ACTION_OWNERS)[number]

/** The skills a manager rates 1–5 in a 1:1 (domain rule 8: coaching maps the buyer's process to the funnel). */
export const COACHING_SKILLS = ['discovery', 'decision_roles', 'value_messaging', 'pricing', 'forecasting', 'social_presence'] as const
export type CoachingSkill = (typeof COACHING_SKILLS)[number]

export const SKILL_LABELS: Record<CoachingSkill, string> = {
  discovery: 'Discovery',
  decision_roles: 'Mapping decision roles',
  value_messaging: 'Value messaging',
  pricing: 'Handling pricing',
  forecasting: 'Forecasting discipline',
  social_presence: 'Social presence'
}

export const STATUS_LABELS: Record<OneOnOneStatus, string> = {
  planned: 'Planned',
  held: 'Held',
  postponed: 'Postponed',
  skipped: 'Skipped'
}

/** Autosave writes the body every time; a new version opens only when the open one is older than this. */
export const NOTE_VERSION_WINDOW_SECONDS = 5
