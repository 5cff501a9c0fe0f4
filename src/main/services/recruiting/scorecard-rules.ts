// Pure recruiting rules: panel scores per question, disagreement, the strong-record warning, funnel figures.
import {
  BEHAVIOUR_TOPICS,
  DISAGREEMENT_SPREAD,
  PROGRESS_STAGES,
  STRONG_RECORD_PCT,
  WEAK_MEAN,
  type BehaviourTopic,
  type CandidateStage,
  type ProgressStage
} from '@shared/recruiting'

/** Panel ratings of one question: an unrated answer is "no rating", so it is left out rather than counted as zero. */
export interface PanelScore {
  mean: number | null
  spread: number | null
  rated: number
  unrated: number
  disagreement: boolean
}

export function panelScore(ratings: readonly (number | null)[]): PanelScore {
  const given = ratings.filter((r): r is number => r !== null)
  if (given.length === 0) return { mean: null, spread: null, rated: 0, unrated: ratings.length, disagreement: false }
  const mean = given.reduce((s, r) => s + r, 0) / given.length
  const spread = Math.max(...given) - Math.min(...given)
  return {
    mean: Math.round(mean * 100) / 100,
    spread,
    rated: given.length,
    unrated: ratings.length - given.length,
    disagreement: spread >= DISAGREEMENT_SPREAD
  }
}

export interface TrackYear {
  year: number
  attainmentPct: number | null
}

/** The most recent year with a known attainment; an unknown year says nothing about the record. */
export function latestAttainment(record: readonly TrackYear[]): TrackYear | null {
  let best: TrackYear | null = null
  for (const y of record) {
    if (y.attainmentPct === null) continue
    if (!best || y.year > best.year) best = y
  }
  return best
}

export function isStrongRecord(record: readonly TrackYear[]): boolean {
  const latest = latestAttainment(record)
  return latest !== null && latest.attainmentPct! >= STRONG_RECORD_PCT
}

export interface BehaviourWarning {
  attainmentPct: number
  year: number
  weak: BehaviourTopic[]
  missing: BehaviourTopic[]
  message: string
}

/**
 * A strong record with weak or missing behaviour answers is a warning (domain rule 7). It waits for a first
 * scorecard: before anyone has interviewed, every answer is missing and the warning would only be noise.
 */
export function behaviourWarning(
  record: readonly TrackYear[],
  topicMeans: Partial<Record<BehaviourTopic, number | null>>,
  scorecards: number
): BehaviourWarning | null {
  if (scorecards === 0 || !isStrongRecord(record)) return null
  const latest = latestAttainment(record)!
  const weak: BehaviourTopic[] = []
  const missing: BehaviourTopic[] = []
  for (const topic of BEHAVIOUR_TOPICS) {
    const mean = topicMeans[topic]
    if (mean === null || mean === undefined) missing.push(topic)
    else if (mean < WEAK_MEAN) weak.push(topic)
  }
  if (weak.length === 0 && missing.length === 0) return null
  const parts = [
    weak.length ? `weak answers on ${weak.length} of ${BEHAVIOUR_TOPICS.length} behaviour questions` : '',
    missing.length ? `no rating on ${missing.length}` : ''
  ].filter(Boolean)
  return {
    attainmentPct: latest.attainmentPct!,
    year: latest.year,
    weak,
    missing,
    message: `${Math.round(latest.attainmentPct!)} % of quota in ${latest.year}, but ${parts.join(' and ')}: a record without the behaviour behind it may not repeat here.`
  }
}

export interface FunnelStep {
  stage: ProgressStage
  reached: number
  /** Share of those who reached this stage that reached the next; null for the last stage or when none reached it. */
  passThrough: number | null
}

/** How far each application got along the forward path, from the stages its history shows. */
export function furthestStage(history: readonly CandidateStage[]): number {
  let furthest = -1
  for (const s of history) {
    const i = (PROGRESS_STAGES as readonly CandidateStage[]).indexOf(s)
    if (i > furthest) furthest = i
  }
  return furthest
}

/** Pass-through per stage: a candidate who reached stage k also passed every stage before it. */
export function funnelSteps(furthest: readonly number[]): FunnelStep[] {
  const reached = PROGRESS_STAGES.map((_, i) => furthest.filter((f) => f >= i).length)
  return PROGRESS_STAGES.map((stage, i) => {
    const here = reached[i]!
    const next = reached[i + 1]
    return { stage, reached: here, passThrough: next === undefined || here === 0 ? null : Math.round((next / here) * 1000) / 1000 }
  })
}

/** Days spent in each stage entered, in order; the current stage runs until `now` unless the candidate is closed out. */
export function stageDurations(
  history: readonly { stage: CandidateStage; enteredAt: string }[],
  now: string
): { stage: CandidateStage; days: number; current: boolean }[] {
  const out: { stage: CandidateStage; days: number; current: boolean }[] = []
  history.forEach((h, i) => {
    const next = history[i + 1]
    if (!next && (h.stage === 'hired' || h.stage === 'rejected' || h.stage === 'withdrawn')) return
    const end = next ? next.enteredAt : now
    out.push({ stage: h.stage, days: Math.max(0, (Date.parse(end) - Date.parse(h.enteredAt)) / 86_400_000), current: !next })
  })
  return out
}

export function mean(values: readonly number[]): number | null {
  if (values.length === 0) return null
  return Math.round((values.reduce((s, v) => s + v, 0) / values.length) * 10) / 10
}

export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null
  const sorted = [...values].sort((a, b) => a - b)
  const mid = Math.floor(sorted.length / 2)
  const m = sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2
  return Math.round(m * 10) / 10
}
