// Visibility's vocabulary: the measures and their documented definitions, the composite's pillars and default weights.
import type { RepRole } from './domain'

export const COMPETITOR_ROLES = ['leader', 'seller'] as const
export type CompetitorRole = (typeof COMPETITOR_ROLES)[number]

export const SOCIAL_PLATFORMS = ['linkedin', 'x', 'youtube', 'blog', 'events'] as const
export type SocialPlatform = (typeof SOCIAL_PLATFORMS)[number]

/** The four pillars of the composite, in the spirit of the Social Selling Index. */
export const PILLARS = ['brand', 'people', 'insight', 'relationships'] as const
export type Pillar = (typeof PILLARS)[number]
export type CompositeWeights = Record<Pillar, number>

/** Equal weights, like the SSI's four 25-point pillars. */
export const DEFAULT_WEIGHTS: CompositeWeights = { brand: 25, people: 25, insight: 25, relationships: 25 }

/**
 * What "full marks" means for a pillar. Reach is scored on a log scale because the first thousand followers
 * matter more than the tenth thousand; the others are linear and capped at 1.
 */
export const PILLAR_TARGETS = { reachFull: 10_000, engagementPerPostFull: 20, commentsPerWeekFull: 5 } as const

export const VISIBILITY_LABELS = {
  pillar: {
    brand: 'Professional brand',
    people: 'Finding the right people',
    insight: 'Engaging with insight',
    relationships: 'Building relationships'
  } satisfies Record<Pillar, string>,
  competitorRole: { leader: 'Sales leader', seller: 'Seller' } satisfies Record<CompetitorRole, string>,
  platform: { linkedin: 'LinkedIn', x: 'X', youtube: 'YouTube', blog: 'Blog', events: 'Events' } satisfies Record<SocialPlatform, string>,
  repRole: { ae: 'Account executive', sdr: 'SDR', am: 'Account manager', se: 'Sales engineer', manager: 'Manager', leader: 'Sales leader' } satisfies Record<RepRole, string>
} as const

/** Each measure as the app explains it: shown beside the numbers, so the room knows what it is looking at. */
export const MEASURE_DOCS = [
  { key: 'visibilityShare', name: 'Visibility share', text: 'Days in the window with at least one public activity (post, comment or share) ÷ days in the window. Posting every 14th day over 28 days gives 2/28 = 7 %.' },
  { key: 'invisibleStretch', name: 'Longest invisible stretch', text: 'The longest run of consecutive days in the window without any public activity. Posting once every 14 days leaves you invisible for 13.' },
  { key: 'cadence', name: 'Cadence', text: 'Public activities per week: all posts, comments and shares in the window ÷ (days in the window ÷ 7).' },
  { key: 'reach', name: 'Reach', text: 'The larger of followers and connections from the latest snapshot. Connections follow you by default, so the two are not added.' },
  { key: 'engagement', name: 'Engagement per post', text: 'Reactions and comments received per post, from the latest snapshot of the person’s presence.' },
  {
    key: 'composite',
    name: 'Composite (0–100)',
    text:
      'Σ weight × pillar ÷ Σ weights × 100, each pillar scored 0–1: professional brand = visibility share; finding the right people = log10(1 + reach) ÷ log10(1 + 10,000), capped at 1; engaging with insight = engagement per post ÷ 20, capped at 1; building relationships = comments per week ÷ 5, capped at 1.'
  }
] as const
