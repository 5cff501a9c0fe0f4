// The candidate board of one requisition, and moving a candidate between stages with a recorded history.
import type { Kysely } from 'kysely'
import type { Board, BoardCard, ParsedInput } from '@shared/contract'
import { TouchlineError } from '@shared/errors'
import { daysBetween } from '@shared/dates'
import { CANDIDATE_STAGES, STALL_DAYS, isExitStage, type CandidateSource } from '@shared/recruiting'
import type { DB } from '../../store/schema'
import { requisitionRow } from './requisitions'
import { scoresFor } from './scorecards'
import { latestAttainment } from './scorecard-rules'

function cardsFrom(db: Kysely<DB>) {
  return db
    .selectFrom('candidate_applications as a')
    .innerJoin('candidates as c', 'c.id', 'a.candidate_id')
    .select([
      'a.id as application_id',
      'a.candidate_id',
      'c.name',
      'c.current_title',
      'c.current_company',
      'c.source',
      'a.stage',
      'a.stage_entered_at',
      'a.exit_reason'
    ])
}

type CardRow = Awaited<ReturnType<ReturnType<typeof cardsFrom>['executeTakeFirstOrThrow']>>

async function toCards(db: Kysely<DB>, rows: CardRow[], now: string): Promise<BoardCard[]> {
  const ids = rows.map((r) => r.candidate_id)
  const scores = await scoresFor(db, ids)
  const records = ids.length
    ? await db.selectFrom('track_records').where('candidate_id', 'in', ids).select(['candidate_id', 'year', 'attainment_pct']).execute()
    : []
  return rows.map((r) => {
    const daysInStage = Math.max(0, daysBetween(r.stage_entered_at, now))
    const limit = STALL_DAYS[r.stage]
    const s = scores.get(r.candidate_id)!.summary
    const latest = latestAttainment(records.filter((t) => t.candidate_id === r.candidate_id).map((t) => ({ year: t.year, attainmentPct: t.attainment_pct })))
    return {
      applicationId: r.application_id,
      candidateId: r.candidate_id,
      name: r.name,
      currentTitle: r.current_title,
      currentCompany: r.current_company,
      source: r.source as CandidateSource,
      stage: r.stage,
      stageEnteredAt: r.stage_entered_at,
      daysInStage,
      stalled: limit !== null && daysInStage > limit,
      exitReason: r.exit_reason,
      latestAttainmentPct: latest?.attainmentPct ?? null,
      scorecards: s.scorecards,
      warning: s.warning !== null
    }
  })
}

/** Every stage of a requisition, longest-waiting first, so the stalled are at the top of each column. */
export async function candidateBoard(db: Kysely<DB>, input: ParsedInput<'candidates.board'>, now: string): Promise<Board> {
  const requisition = await requisitionRow(db, input.requisitionId, 'candidates.board')
  const columns: Board['columns'] = []
  for (const stage of CANDIDATE_STAGES) {
    const base = db
      .selectFrom('candidate_applications as a')
      .innerJoin('candidates as c', 'c.id', 'a.candidate_id')
      .where('a.requisition_id', '=', input.requisitionId)
      .where('a.stage', '=', stage)
      .where('c.merged_into', 'is', null)
    const rows = await cardsFrom(db)
      .where('a.requisition_id', '=', input.requisitionId)
      .where('a.stage', '=', stage)
      .where('c.merged_into', 'is', null)
      .orderBy('a.stage_entered_at')
      .orderBy('a.id')
      .limit(input.limitPerStage)
      .execute()
    const total = await base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()
    columns.push({ stage, total: total.n, cards: await toCards(db, rows, now) })
  }
  return { requisition, columns }
}

/** Moves a candidate on a role (adding them to it when new there); the previous stage's time is kept in the history. */
export async function moveCandidate(db: Kysely<DB>, input: ParsedInput<'candidates.move'>, now: string): Promise<BoardCard> {
  if (isExitStage(input.stage) && !input.reason) {
    throw new TouchlineError('INVALID_INPUT', `candidates.move: input.reason: a reason is required when a candidate is ${input.stage}.`)
  }
  const applicationId = await db.transaction().execute(async (trx) => {
    const candidate = await trx.selectFrom('candidates').where('id', '=', input.candidateId).select(['id', 'merged_into']).executeTakeFirst()
    if (!candidate) throw new TouchlineError('NOT_FOUND', `candidates.move: input.candidateId: there is no candidate with id ${input.candidateId}.`)
    if (candidate.merged_into !== null) {
      throw new TouchlineError('INVALID_INPUT', `candidates.move: input.candidateId: candidate ${input.candidateId} was merged into ${candidate.merged_into}; move that profile.`)
    }
    const req = await trx.selectFrom('requisitions').where('id', '=', input.requisitionId).select('id').executeTakeFirst()
    if (!req) throw new TouchlineError('NOT_FOUND', `candidates.move: input.requisitionId: there is no requisition with id ${input.requisitionId}.`)
    const exitReason = isExitStage(input.stage) ? input.reason! : null
    const app = await trx
      .selectFrom('candidate_applications')
      .where('candidate_id', '=', input.candidateId)
      .where('requisition_id', '=', input.requisitionId)
      .select(['id', 'stage'])
      .executeTakeFirst()
    if (!app) {
      const created = await trx
        .insertInto('candidate_applications')
        .values({
          candidate_id: input.candidateId,
          requisition_id: input.requisitionId,
          stage: input.stage,
          exit_reason: exitReason,
          stage_entered_at: now,
          created_at: now
        })
        .returning('id')
        .executeTakeFirstOrThrow()
      await trx
        .insertInto('candidate_stage_history')
        .values({ application_id: created.id, from_stage: null, stage: input.stage, reason: input.reason ?? null, entered_at: now })
        .execute()
      return created.id
    }
    if (app.stage === input.stage) {
      throw new TouchlineError('INVALID_INPUT', `candidates.move: input.stage: the candidate is already in ${input.stage}.`)
    }
    await trx
      .updateTable('candidate_applications')
      .set({ stage: input.stage, exit_reason: exitReason, stage_entered_at: now })
      .where('id', '=', app.id)
      .execute()
    await trx
      .insertInto('candidate_stage_history')
      .values({ application_id: app.id, from_stage: app.stage, stage: input.stage, reason: input.reason ?? null, entered_at: now })
      .execute()
    return app.id
  })
  const row = await cardsFrom(db).where('a.id', '=', applicationId).executeTakeFirstOrThrow()
  const [card] = await toCards(db, [row], now)
  return card!
}
