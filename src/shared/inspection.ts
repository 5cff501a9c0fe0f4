// Pipeline inspection's vocabulary: the flags, their bits and labels, the thresholds and their defaults.
import type { Stage } from './domain'

/** Order is display order; the bit of each flag is 1 << its index, stored in deal_evidence.flags. */
export const FLAGS = [
  'no_evidence',
  'no_relationships',
  'single_threaded',
  'no_decision_maker',
  'qualification_zero',
  'slipping',
  'stalled',
  'amount_lowered',
  'gone_quiet',
  'past_due'
] as const
export type Flag = (typeof FLAGS)[number]

export function flagBit(flag: Flag): number {
  return 1 << FLAGS.indexOf(flag)
}

export function flagsFromMask(mask: number): Flag[] {
  return FLAGS.filter((_, i) => (mask & (1 << i)) !== 0)
}

export const FLAG_LABELS: Record<Flag, string> = {
  no_evidence: 'No evidence',
  no_relationships: 'No relationships',
  single_threaded: 'Single-threaded',
  no_decision_maker: 'No decision-maker',
  qualification_zero: 'Qualification zero',
  slipping: 'Slipping',
  stalled: 'Stalled',
  amount_lowered: 'Amount lowered',
  gone_quiet: 'Gone quiet',
  past_due: 'Past due'
}

/** Flags that say the forecast has nothing behind it; a commit deal with one of these is not evidence-backed. */
export const DISQUALIFYING_FLAGS: readonly Flag[] = ['no_evidence', 'no_relationships', 'qualification_zero']

export interface Thresholds {
  /** Days without any activity on a commit or best-case deal before it has no evidence. */
  noEvidenceDays: number
  /** Per-stage overrides of noEvidenceDays (a negotiation goes quiet faster than a prospect). */
  noEvidenceDaysByStage: Partial<Record<Stage, number>>
  /** A contact is engaged when someone touched them within this many days. */
  engagedWindowDays: number
  /** Single-threaded at or below this many engaged contacts. */
  singleThreadedMax: number
  /** Stalled beyond this multiple of the team's median time in the stage. */
  stalledMultiple: number
  /** The team needs this many completed stage spans before its median is trusted. */
  stalledMinSamples: number
  /** Days in a stage before stalled when the team has too little history. */
  stalledFallbackDays: Record<Stage, number>
  /** Slipping at this many close-date pushes. */
  slippingPushes: number
  /** Amount lowered by more than this share (0–1) since the deal entered commit. */
  amountLoweredShare: number
  /** Gone quiet when the last inbound touch is older than the last outbound one by more than this. */
  goneQuietDays: number
}

export const DEFAULT_THRESHOLDS: Thresholds = {
  noEvidenceDays: 14,
  noEvidenceDaysByStage: {},
  engagedWindowDays: 30,
  singleThreadedMax: 1,
  stalledMultiple: 1.5,
  stalledMinSamples: 5,
  stalledFallbackDays: { prospecting: 30, qualifying: 30, solution: 45, proposal: 30, negotiation: 30 },
  slippingPushes: 2,
  amountLoweredShare: 0.2,
  goneQuietDays: 14
}

/** The "How is this scored?" text, shown in the app; the formula lives in inspection-rules.ts. */
export const EVIDENCE_SCORE_EXPLAINED = [
  'Evidence score, 0–100, from the data only (no minimum history):',
  '• Recency, up to 30: last activity within 7 days 30, within 14 days 15, older or none 0.',
  '• Activity, up to 15: 3 per activity in the engaged-contact window, at most 5 counted.',
  '• Engaged contacts, up to 20: about 7 per engaged contact at the account, at most 3 counted.',
  '• Decision role, 15: an engaged contact holds the economic-buyer role.',
  '• Qualification, 20: the checklist product is 1 (every criterion met); one missing criterion makes it 0.',
  '• Slippage, down to −30: −10 per close-date push (at most −20), −10 when the close date has passed.'
].join('\n')
