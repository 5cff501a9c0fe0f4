// Scorecards: independent submission, the panel's view only after one's own, and the per-candidate summary.
import { sql, type Kysely } from 'kysely'
import type {
  BehaviourWarningView,
  ParsedInput,
  QuestionScoreRow,
  ScorecardList,
  ScorecardSummary,
  ScorecardView
} from '@shared/contract'
import { TouchlineError } from '@shared/errors'
import { BEHAVIOUR_TOPICS, RECOMMENDATIONS, type BehaviourTopic, type Recommendation } from '@shared/recruiting'
import type { DB } from '../../store/schema'
import { behaviourWarning, panelScore, type TrackYear } from './scorecard-rules'

/** Interviewer names are typed by hand: "Ana Ruiz " and "ana ruiz" are one person. */
export function interviewerKey(name: string): string {
  return name.trim().replace(/\s+/g, ' ').toLowerCase()
}

export function emptyRecommendations(): Record<Recommendation, number> {
  return Object.fromEntries(RECOMMENDATIONS.map((r) => [r, 0])) as Record<Recommendation, number>
}

export interface CandidateScores {
  summary: ScorecardSummary
  topicMeans: Partial<Record<BehaviourTopic, number | null>>
}

/**
 * One voice per interviewer: a merge can leave an interviewer with two scorecards for the same person and role (one
 * on each profile), and only their first counts in panel scores, recommendations and outcomes; both stay on record.
 * For a query over `scorecards as s`; the scorecards_candidate index answers it.
 */
export const FIRST_BY_INTERVIEWER = sql<boolean>`NOT EXISTS (SELECT 1 FROM scorecards AS e WHERE e.candidate_id = s.candidate_id AND e.requisition_id = s.requisition_id AND e.interviewer_key = s.interviewer_key AND e.id < s.id)`

/** One pass over the scorecards of many candidates (a board, a comparison): grouped in memory, never N queries. */
export async function scoresFor(db: Kysely<DB>, candidateIds: readonly number[], viewer?: string): Promise<Map<number, CandidateScores>> {
  const out = new Map<number, CandidateScores>()
  if (candidateIds.length === 0) return out
  const ids = [...new Set(candidateIds)]
  const cards: { id: number; candidate_id: number; interviewer_key: string; recommendation: Recommendation }[] = []
  const ratings: { candidate_id: number; question_id: number; requisition_id: number; topic: QuestionScoreRow['topic']; prompt: string; position: number; rating: number | null }[] = []
  const records: { candidate_id: number; year: number; attainment_pct: number | null }[] = []
  for (let i = 0; i < ids.length; i += 500) {
    const chunk = ids.slice(i, i + 500)
    cards.push(
      ...(await db
        .selectFrom('scorecards as s')
        .where('s.candidate_id', 'in', chunk)
        .where(FIRST_BY_INTERVIEWER)
        .select(['s.id', 's.candidate_id', 's.interviewer_key', 's.recommendation'])
        .execute())
    )
    ratings.push(
      ...(await db
        .selectFrom('scorecard_ratings as r')
        .innerJoin('scorecards as s', 's.id', 'r.scorecard_id')
        .innerJoin('interview_questions as q', 'q.id', 'r.question_id')
        .where('s.candidate_id', 'in', chunk)
        .where(FIRST_BY_INTERVIEWER)
        .select(['s.candidate_id', 'r.question_id', 'q.requisition_id', 'q.topic', 'q.prompt', 'q.position', 'r.rating'])
        .execute())
    )
    records.push(
      ...(await db.selectFrom('track_records').where('candidate_id', 'in', chunk).select(['candidate_id', 'year', 'attainment_pct']).execute())
    )
  }
  const viewerKey = viewer === undefined ? null : interviewerKey(viewer)
  for (const candidateId of ids) {
    const mine = cards.filter((c) => c.candidate_id === candidateId)
    const withheld = viewerKey !== null && !mine.some((c) => c.interviewer_key === viewerKey)
    const recommendations = emptyRecommendations()
    for (const c of mine) recommendations[c.recommendation]++
    const byQuestion = new Map<number, { row: (typeof ratings)[number]; values: (number | null)[] }>()
    const byTopic = new Map<BehaviourTopic, (number | null)[]>()
    for (const r of ratings) {
      if (r.candidate_id !== candidateId) continue
      const q = byQuestion.get(r.question_id) ?? { row: r, values: [] }
      q.values.push(r.rating)
      byQuestion.set(r.question_id, q)
      if (r.topic !== 'role') byTopic.set(r.topic, [...(byTopic.get(r.topic) ?? []), r.rating])
    }
    const questions: QuestionScoreRow[] = [...byQuestion.values()]
      .sort((a, b) => a.row.requisition_id - b.row.requisition_id || a.row.position - b.row.position)
      .map(({ row, values }) => ({ questionId: row.question_id, requisitionId: row.requisition_id, topic: row.topic, prompt: row.prompt, ...panelScore(values) }))
    const topicMeans: Partial<Record<BehaviourTopic, number | null>> = {}
    const topics = BEHAVIOUR_TOPICS.map((topic) => {
      const s = panelScore(byTopic.get(topic) ?? [])
      topicMeans[topic] = s.mean
      return { topic, mean: s.mean, disagreement: s.disagreement }
    })
    const record: TrackYear[] = records.filter((r) => r.candidate_id === candidateId).map((r) => ({ year: r.year, attainmentPct: r.attainment_pct }))
    const warning: BehaviourWarningView | null = behaviourWarning(record, topicMeans, mine.length)
    out.set(candidateId, {
      topicMeans,
      summary: withheld
        ? { scorecards: mine.length, withheld: true, recommendations: emptyRecommendations(), questions: [], topics: [], warning: null }
        : { scorecards: mine.length, withheld: false, recommendations, questions, topics, warning }
    })
  }
  return out
}

async function scorecardViews(db: Kysely<DB>, where: { candidateId: number; requisitionId: number }): Promise<ScorecardView[]> {
  const cards = await db
    .selectFrom('scorecards')
    .where('candidate_id', '=', where.candidateId)
    .where('requisition_id', '=', where.requisitionId)
    .selectAll()
    .orderBy('submitted_at')
    .orderBy('id')
    .execute()
  if (cards.length === 0) return []
  const ratings = await db
    .selectFrom('scorecard_ratings as r')
    .innerJoin('interview_questions as q', 'q.id', 'r.question_id')
    .where(
      'r.scorecard_id',
      'in',
      cards.map((c) => c.id)
    )
    .select(['r.scorecard_id', 'r.question_id', 'q.topic', 'q.prompt', 'q.position', 'r.rating', 'r.notes'])
    .orderBy('q.position')
    .execute()
  return cards.map((c) => ({
    id: c.id,
    candidateId: c.candidate_id,
    requisitionId: c.requisition_id,
    interviewer: c.interviewer,
    recommendation: c.recommendation,
    summary: c.summary,
    submittedAt: c.submitted_at,
    ratings: ratings
      .filter((r) => r.scorecard_id === c.id)
      .map((r) => ({ questionId: r.question_id, topic: r.topic, prompt: r.prompt, rating: r.rating, notes: r.notes }))
  }))
}

/** Records one interviewer's independent scorecard; every question of the kit is stored, unanswered ones as "no rating". */
export async function submitScorecard(db: Kysely<DB>, input: ParsedInput<'scorecards.submit'>, now: string): Promise<ScorecardView> {
  const key = interviewerKey(input.interviewer)
  const id = await db.transaction().execute(async (trx) => {
    const application = await trx
      .selectFrom('candidate_applications as a')
      .innerJoin('candidates as c', 'c.id', 'a.candidate_id')
      .where('a.candidate_id', '=', input.candidateId)
      .where('a.requisition_id', '=', input.requisitionId)
      .select(['a.id', 'c.merged_into'])
      .executeTakeFirst()
    if (!application) {
      throw new TouchlineError(
        'NOT_FOUND',
        `scorecards.submit: input.candidateId: candidate ${input.candidateId} is not a candidate for requisition ${input.requisitionId}.`
      )
    }
    if (application.merged_into !== null) {
      throw new TouchlineError('INVALID_INPUT', `scorecards.submit: input.candidateId: candidate ${input.candidateId} was merged into ${application.merged_into}; score that profile.`)
    }
    const already = await trx
      .selectFrom('scorecards')
      .where('candidate_id', '=', input.candidateId)
      .where('requisition_id', '=', input.requisitionId)
      .where('interviewer_key', '=', key)
      .select('id')
      .executeTakeFirst()
    if (already) {
      throw new TouchlineError('CONFLICT', `scorecards.submit: input.interviewer: ${input.interviewer} has already submitted a scorecard for this candidate and role.`)
    }
    const kit = await trx.selectFrom('interview_questions').where('requisition_id', '=', input.requisitionId).select('id').execute()
    const known = new Set(kit.map((q) => q.id))
    const seen = new Set<number>()
    for (const [i, r] of input.ratings.entries()) {
      if (!known.has(r.questionId)) {
        throw new TouchlineError('INVALID_INPUT', `scorecards.submit: input.ratings.${i}.questionId: question ${r.questionId} is not in this role's interview kit.`)
      }
      if (seen.has(r.questionId)) throw new TouchlineError('INVALID_INPUT', `scorecards.submit: input.ratings.${i}.questionId: question ${r.questionId} is rated twice.`)
      seen.add(r.questionId)
    }
    const inserted = await trx
      .insertInto('scorecards')
      .values({
        candidate_id: input.candidateId,
        requisition_id: input.requisitionId,
        interviewer: input.interviewer.trim().replace(/\s+/g, ' '),
        interviewer_key: key,
        recommendation: input.recommendation,
        summary: input.summary || null,
        submitted_at: now
      })
      .returning('id')
      .executeTakeFirstOrThrow()
    const given = new Map(input.ratings.map((r) => [r.questionId, r]))
    if (kit.length) {
      await trx
        .insertInto('scorecard_ratings')
        .values(
          kit.map((q) => ({
            scorecard_id: inserted.id,
            question_id: q.id,
            rating: given.get(q.id)?.rating ?? null,
            notes: given.get(q.id)?.notes || null
          }))
        )
        .execute()
    }
    return inserted.id
  })
  const views = await scorecardViews(db, input)
  return views.find((v) => v.id === id)!
}

/** The panel's scorecards, shown to an interviewer only once their own is in: independence is what makes averaging worth it. */
export async function listScorecards(db: Kysely<DB>, input: ParsedInput<'scorecards.list'>): Promise<ScorecardList> {
  const application = await db
    .selectFrom('candidate_applications')
    .where('candidate_id', '=', input.candidateId)
    .where('requisition_id', '=', input.requisitionId)
    .select('id')
    .executeTakeFirst()
  if (!application) {
    throw new TouchlineError('NOT_FOUND', `scorecards.list: input.candidateId: candidate ${input.candidateId} is not a candidate for requisition ${input.requisitionId}.`)
  }
  const key = interviewerKey(input.interviewer)
  const all = await scorecardViews(db, input)
  const own = all.find((v) => interviewerKey(v.interviewer) === key) ?? null
  return { visible: own !== null, submitted: all.length, own, scorecards: own ? all : [] }
}
