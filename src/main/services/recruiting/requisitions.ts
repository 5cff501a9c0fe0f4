// Requisitions: open roles with their interview kit (the five behaviour questions built in, plus the role's own).
import { sql, type Kysely } from 'kysely'
import type { InterviewQuestion, Page, ParsedInput, RequisitionDetail, RequisitionRow } from '@shared/contract'
import { TouchlineError } from '@shared/errors'
import { BEHAVIOUR_QUESTIONS } from '@shared/recruiting'
import type { DB } from '../../store/schema'

function requisitionsFrom(db: Kysely<DB>) {
  return db
    .selectFrom('requisitions as q')
    .leftJoin('teams as t', 't.id', 'q.team_id')
    .select((eb) => [
      'q.id',
      'q.title',
      'q.team_id',
      't.name as team_name',
      'q.hiring_manager',
      'q.target_start',
      'q.headcount',
      'q.status',
      'q.created_at',
      eb
        .selectFrom('candidate_applications as a')
        .whereRef('a.requisition_id', '=', 'q.id')
        .where('a.stage', 'not in', ['hired', 'rejected', 'withdrawn'])
        .select(sql<number>`count(*)`.as('n'))
        .as('active'),
      eb
        .selectFrom('candidate_applications as a')
        .whereRef('a.requisition_id', '=', 'q.id')
        .where('a.stage', '=', 'hired')
        .select(sql<number>`count(*)`.as('n'))
        .as('hired')
    ])
}

type Row = Awaited<ReturnType<ReturnType<typeof requisitionsFrom>['executeTakeFirstOrThrow']>>

function toRow(r: Row): RequisitionRow {
  return {
    id: r.id,
    title: r.title,
    teamId: r.team_id,
    teamName: r.team_name,
    hiringManager: r.hiring_manager,
    targetStart: r.target_start,
    headcount: r.headcount,
    status: r.status,
    createdAt: r.created_at,
    activeCandidates: r.active ?? 0,
    hired: r.hired ?? 0
  }
}

export async function listRequisitions(db: Kysely<DB>, input: ParsedInput<'requisitions.list'>): Promise<Page<RequisitionRow>> {
  let q = requisitionsFrom(db)
  if (input.status !== 'all') q = q.where('q.status', '=', input.status)
  const rows = await q.orderBy('q.created_at', 'desc').orderBy('q.id', 'desc').limit(input.limit).offset(input.offset).execute()
  let count = db.selectFrom('requisitions as q').select((eb) => eb.fn.countAll<number>().as('n'))
  if (input.status !== 'all') count = count.where('q.status', '=', input.status)
  const total = await count.executeTakeFirstOrThrow()
  return { rows: rows.map(toRow), total: total.n, offset: input.offset, limit: input.limit }
}

export async function requisitionRow(db: Kysely<DB>, id: number, method: string): Promise<RequisitionRow> {
  const r = await requisitionsFrom(db).where('q.id', '=', id).executeTakeFirst()
  if (!r) throw new TouchlineError('NOT_FOUND', `${method}: input.requisitionId: there is no requisition with id ${id}.`)
  return toRow(r)
}

export async function interviewKit(db: Kysely<DB>, requisitionId: number): Promise<InterviewQuestion[]> {
  const rows = await db
    .selectFrom('interview_questions')
    .where('requisition_id', '=', requisitionId)
    .selectAll()
    .orderBy('position')
    .execute()
  return rows.map((q) => ({ id: q.id, topic: q.topic, position: q.position, prompt: q.prompt, anchorLow: q.anchor_low, anchorHigh: q.anchor_high }))
}

export async function getRequisition(db: Kysely<DB>, input: ParsedInput<'requisitions.get'>): Promise<RequisitionDetail> {
  const row = await requisitionRow(db, input.id, 'requisitions.get')
  return { ...row, questions: await interviewKit(db, input.id) }
}

export async function createRequisition(db: Kysely<DB>, input: ParsedInput<'requisitions.create'>, now: string): Promise<RequisitionDetail> {
  const id = await db.transaction().execute(async (trx) => {
    if (input.teamId !== undefined) {
      const team = await trx.selectFrom('teams').where('id', '=', input.teamId).select('id').executeTakeFirst()
      if (!team) throw new TouchlineError('INVALID_INPUT', `requisitions.create: input.teamId: there is no team with id ${input.teamId}.`)
    }
    const inserted = await trx
      .insertInto('requisitions')
      .values({
        title: input.title,
        team_id: input.teamId ?? null,
        hiring_manager: input.hiringManager ?? null,
        target_start: input.targetStart ?? null,
        headcount: input.headcount,
        status: 'open',
        created_at: now
      })
      .returning('id')
      .executeTakeFirstOrThrow()
    const kit = [
      ...BEHAVIOUR_QUESTIONS,
      ...input.questions.map((q) => ({ topic: 'role' as const, prompt: q.prompt, anchorLow: q.anchorLow, anchorHigh: q.anchorHigh }))
    ]
    await trx
      .insertInto('interview_questions')
      .values(
        kit.map((q, i) => ({
          requisition_id: inserted.id,
          topic: q.topic,
          position: i + 1,
          prompt: q.prompt,
          anchor_low: q.anchorLow,
          anchor_high: q.anchorHigh
        }))
      )
      .execute()
    return inserted.id
  })
  return getRequisition(db, { id })
}
