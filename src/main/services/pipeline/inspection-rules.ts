// Pure inspection rules: a deal's evidence facts, the thresholds and today in; flags with reasons and the evidence score out.
import { addDays, daysBetween } from '@shared/dates'
import { LABELS, QUALIFICATION_CRITERIA, type ForecastCategory, type QualificationCriterion, type Stage } from '@shared/domain'
import { DISQUALIFYING_FLAGS, flagBit, type Flag, type Thresholds } from '@shared/inspection'

/** What the evidence row knows about one deal; dates are ISO days or UTC timestamps. */
export interface EvidenceFacts {
  isOpen: boolean
  stage: Stage
  forecastCategory: ForecastCategory
  amountMinor: number
  closeDate: string
  lastActivityAt: string | null
  lastInboundAt: string | null
  lastOutboundAt: string | null
  /** Activities on the deal within the engaged-contact window. */
  recentActivityCount: number
  /** Distinct contacts at the account touched within the engaged-contact window. */
  engagedContacts: number
  lastEngagedAt: string | null
  economicBuyerEngaged: boolean
  ownerConnections: number
  /** Connections of anyone on the owner's team, the owner included. */
  teamConnections: number
  /** Criteria not met or not yet answered, in checklist order. */
  criteriaMissing: QualificationCriterion[]
  closePushes: number
  lastPushAt: string | null
  stageEnteredAt: string | null
  stageMedianDays: number | null
  stageSamples: number
  amountAtCommit: number | null
}

export interface FlagFinding {
  flag: Flag
  /** One sentence naming the evidence, or its absence, behind the flag. */
  sentence: string
  /** The day the flag became true, when the data says. */
  since: string | null
}

export interface Inspection {
  flags: FlagFinding[]
  mask: number
  score: number
  /** Counted in the evidence-based forecast: none of the disqualifying flags. */
  evidenceBacked: boolean
}

const day = (iso: string) => iso.slice(0, 10)
const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`
const criterionLabel = (c: QualificationCriterion) => LABELS.criterion[c]

export function noEvidenceDays(t: Thresholds, stage: Stage): number {
  return t.noEvidenceDaysByStage[stage] ?? t.noEvidenceDays
}

/** The days in the current stage after which a deal is stalled: the team's median × multiple, or the stage's fallback. */
export function stalledAfterDays(f: Pick<EvidenceFacts, 'stage' | 'stageMedianDays' | 'stageSamples'>, t: Thresholds): { days: number; fromTeam: boolean } {
  if (f.stageMedianDays !== null && f.stageSamples >= t.stalledMinSamples) {
    return { days: Math.ceil(f.stageMedianDays * t.stalledMultiple), fromTeam: true }
  }
  return { days: t.stalledFallbackDays[f.stage], fromTeam: false }
}

export function inspectDeal(f: EvidenceFacts, t: Thresholds, today: string): Inspection {
  const flags: FlagFinding[] = []
  if (!f.isOpen) return { flags, mask: 0, score: 0, evidenceBacked: false }
  const add = (flag: Flag, sentence: string, since: string | null) => flags.push({ flag, sentence, since })
  const category = LABELS.forecastCategory[f.forecastCategory]

  // No evidence: a commit or best-case deal with nothing happening behind it (domain rule 1).
  if (f.forecastCategory === 'commit' || f.forecastCategory === 'best_case') {
    const limit = noEvidenceDays(t, f.stage)
    if (f.lastActivityAt === null) {
      add('no_evidence', `${category} deal with no activity logged at all: no meeting, call, email, social touch or note.`, null)
    } else {
      const quiet = daysBetween(day(f.lastActivityAt), today)
      if (quiet > limit) {
        add(
          'no_evidence',
          `${category} deal with no activity in ${quiet} days (last on ${day(f.lastActivityAt)}; the limit is ${limit}).`,
          addDays(day(f.lastActivityAt), limit + 1)
        )
      }
    }
  }

  // No relationships (domain rule 2): nobody engaged at the account and the owner knows nobody there.
  if (f.engagedContacts === 0 && f.ownerConnections === 0) {
    const team =
      f.teamConnections > 0
        ? `the owner has no connection there, but the team has ${plural(f.teamConnections, 'connection')} at the account`
        : 'neither the owner nor anyone on the team has a connection there'
    add(
      'no_relationships',
      `No contact at the account engaged in the last ${t.engagedWindowDays} days, and ${team}.`,
      f.lastEngagedAt ? addDays(day(f.lastEngagedAt), t.engagedWindowDays + 1) : null
    )
  }

  if (f.engagedContacts <= t.singleThreadedMax) {
    add(
      'single_threaded',
      f.engagedContacts === 0
        ? `No engaged contact in the last ${t.engagedWindowDays} days: the deal hangs on nobody.`
        : `Only ${plural(f.engagedContacts, 'engaged contact')} in the last ${t.engagedWindowDays} days: the deal hangs on one person.`,
      null
    )
  }

  if (!f.economicBuyerEngaged) {
    add('no_decision_maker', `No engaged contact holds the economic-buyer role (last ${t.engagedWindowDays} days).`, null)
  }

  // 1 × 1 × 1 × 0 = 0: one missing criterion makes the whole checklist zero (domain rule 3).
  if (f.criteriaMissing.length > 0) {
    const product = QUALIFICATION_CRITERIA.map((c) => (f.criteriaMissing.includes(c) ? '0' : '1')).join(' × ')
    add(
      'qualification_zero',
      `Qualification scores 0 (${product} = 0): ${f.criteriaMissing.map(criterionLabel).join(', ')} not met.`,
      null
    )
  }

  const pastDue = f.closeDate < today
  if (f.closePushes >= t.slippingPushes) {
    add('slipping', `Close date moved later ${plural(f.closePushes, 'time')} (now ${f.closeDate}).`, f.lastPushAt ? day(f.lastPushAt) : null)
  } else if (pastDue) {
    add('slipping', `Close date ${f.closeDate} has passed while the deal is still open.`, addDays(f.closeDate, 1))
  }

  if (f.stageEnteredAt !== null) {
    const inStage = daysBetween(day(f.stageEnteredAt), today)
    const limit = stalledAfterDays(f, t)
    if (inStage > limit.days) {
      const basis = limit.fromTeam
        ? `${t.stalledMultiple}× the team's median of ${Math.round(f.stageMedianDays ?? 0)} days`
        : `the default for a team with little history`
      add(
        'stalled',
        `In ${LABELS.stage[f.stage]} for ${inStage} days; stalled after ${limit.days} (${basis}).`,
        addDays(day(f.stageEnteredAt), limit.days + 1)
      )
    }
  }

  if (f.amountAtCommit !== null && f.amountAtCommit > 0 && f.amountMinor < f.amountAtCommit * (1 - t.amountLoweredShare)) {
    const share = Math.round((1 - f.amountMinor / f.amountAtCommit) * 100)
    add('amount_lowered', `Amount lowered ${share}% since the deal entered commit (more than ${Math.round(t.amountLoweredShare * 100)}%).`, null)
  }

  // Gone quiet: the seller keeps writing, the buyer has stopped answering.
  if (f.lastOutboundAt !== null) {
    if (f.lastInboundAt === null) {
      add('gone_quiet', `No inbound touch from the buyer side at all; the last outbound was on ${day(f.lastOutboundAt)}.`, null)
    } else {
      const gap = daysBetween(day(f.lastInboundAt), day(f.lastOutboundAt))
      if (gap > t.goneQuietDays) {
        add(
          'gone_quiet',
          `The buyer's last inbound touch (${day(f.lastInboundAt)}) is ${gap} days older than the last outbound one (${day(f.lastOutboundAt)}).`,
          addDays(day(f.lastInboundAt), t.goneQuietDays + 1)
        )
      }
    }
  }

  if (pastDue) add('past_due', `Close date ${f.closeDate} is in the past and the deal is still open.`, addDays(f.closeDate, 1))

  const mask = flags.reduce((m, x) => m | flagBit(x.flag), 0)
  return {
    flags,
    mask,
    score: evidenceScore(f, today),
    evidenceBacked: !flags.some((x) => DISQUALIFYING_FLAGS.includes(x.flag))
  }
}

/**
 * Evidence score, 0–100 (the same text is in EVIDENCE_SCORE_EXPLAINED for the app's "How is this scored?"):
 *   recency        30 if the last activity is within 7 days, 15 within 14, else 0
 *   activity       3 × min(activities in the window, 5)                       (≤ 15)
 *   engaged        round(20 / 3 × min(engaged contacts, 3))                    (≤ 20)
 *   decision role  15 when an engaged contact is the economic buyer
 *   qualification  20 when the checklist product is 1
 *   slippage       −10 per close-date push (≤ −20), −10 when past due
 * The 7/14-day steps are the practitioners' healthy / warning / critical bands.
 */
export function evidenceScore(f: EvidenceFacts, today: string): number {
  const quiet = f.lastActivityAt === null ? Number.POSITIVE_INFINITY : daysBetween(day(f.lastActivityAt), today)
  const recency = quiet <= 7 ? 30 : quiet <= 14 ? 15 : 0
  const activity = 3 * Math.min(f.recentActivityCount, 5)
  const engaged = Math.round((20 / 3) * Math.min(f.engagedContacts, 3))
  const role = f.economicBuyerEngaged ? 15 : 0
  const qualification = f.criteriaMissing.length === 0 ? 20 : 0
  const slippage = -Math.min(20, 10 * f.closePushes) - (f.closeDate < today ? 10 : 0)
  return Math.max(0, Math.min(100, recency + activity + engaged + role + qualification + slippage))
}
