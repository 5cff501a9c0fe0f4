// Deals: the paged list behind the Pipeline page, and one deal with everything around it.
import { sql, type Kysely, type SelectQueryBuilder } from 'kysely'
import type { DealDetail, DealRow, Page, ParsedInput } from '@shared/contract'
import type { QualificationCriterion } from '@shared/domain'
import { TouchlineError } from '@shared/errors'
import type { DB } from '../../store/schema'

type DealFilters = ParsedInput<'deals.list'>['filters']

const SORT_COLUMNS = {
  close_date: 'd.close_date',
  amount: 'd.amount_minor',
  name: 'd.name',
  stage: 'd.stage',
  owner: 'o.name'
} as const

/** LIKE treats % and _ as wildcards; a user's search text means them literally. */
export function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`)
}

function dealsFrom(db: Kysely<DB>) {
  return db
    .selectFrom('deals as d')
    .innerJoin('reps as o', 'o.id', 'd.owner_id')
    .innerJoin('accounts as a', 'a.id', 'd.account_id')
}

function applyFilters<O>(
  q: SelectQueryBuilder<DB & { d: DB['deals']; o: DB['reps']; a: DB['accounts'] }, 'd' | 'o' | 'a', O>,
  f: DealFilters
) {
  if (f.status !== 'all') q = q.where('d.status', '=', f.status)
  if (f.ownerId !== undefined) q = q.where('d.owner_id', '=', f.ownerId)
  if (f.teamId !== undefined) q = q.where('o.team_id', '=', f.teamId)
  if (f.stage !== undefined) q = q.where('d.stage', '=', f.stage)
  if (f.forecastCategory !== undefined) q = q.where('d.forecast_category', '=', f.forecastCategory)
  if (f.tier !== undefined) q = q.where('a.tier', '=', f.tier)
  if (f.closeFrom !== undefined) q = q.where('d.close_date', '>=', f.closeFrom)
  if (f.closeTo !== undefined) q = q.where('d.close_date', '<=', f.closeTo)
  if (f.search) q = q.where(sql<boolean>`d.name LIKE ${`%${escapeLike(f.search)}%`} ESCAPE '\\'`)
  return q
}

/** The columns every deal list reads, as the wire shape; the pipeline list adds its evidence on top. */
export interface DealColumns {
  id: number
  name: string
  owner_id: number
  owner_name: string
  account_id: number
  account_name: string
  tier: DealRow['tier']
  amount_minor: number
  currency: string
  stage: DealRow['stage']
  probability: number
  forecast_category: DealRow['forecastCategory']
  close_date: string
  status: DealRow['status']
}

export function toDealRow(r: DealColumns): DealRow {
  return {
    id: r.id,
    name: r.name,
    ownerId: r.owner_id,
    ownerName: r.owner_name,
    accountId: r.account_id,
    accountName: r.account_name,
    tier: r.tier,
    amountMinor: r.amount_minor,
    currency: r.currency,
    stage: r.stage,
    probability: r.probability,
    forecastCategory: r.forecast_category,
    closeDate: r.close_date,
    status: r.status
  }
}

export async function listDeals(db: Kysely<DB>, input: ParsedInput<'deals.list'>): Promise<Page<DealRow>> {
  const base = applyFilters(dealsFrom(db), input.filters)
  const rows = await base
    .select([
      'd.id',
      'd.name',
      'd.owner_id',
      'o.name as owner_name',
      'd.account_id',
      'a.name as account_name',
      'a.tier',
      'd.amount_minor',
      'd.currency',
      'd.stage',
      'd.probability',
      'd.forecast_category',
      'd.close_date',
      'd.status'
    ])
    .orderBy(SORT_COLUMNS[input.sort], input.direction)
    .orderBy('d.id', input.direction)
    .limit(input.limit)
    .offset(input.offset)
    .execute()
  const total = await base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()
  return {
    rows: rows.map(toDealRow),
    total: total.n,
    offset: input.offset,
    limit: input.limit
  }
}

/** `method` names the contract method in the refusal, for callers other than deals.get. */
export async function getDeal(db: Kysely<DB>, input: ParsedInput<'deals.get'>, method = 'deals.get'): Promise<DealDetail> {
  const d = await dealsFrom(db)
    .where('d.id', '=', input.id)
    .selectAll('d')
    .select(['o.name as owner_name', 'a.name as account_name', 'a.tier'])
    .executeTakeFirst()
  if (!d) throw new TouchlineError('NOT_FOUND', `${method}: input.id: there is no deal with id ${input.id}.`)
  const [contacts, criteria, stages, closes] = await Promise.all([
    db
      .selectFrom('deal_contacts as dc')
      .innerJoin('contacts as c', 'c.id', 'dc.contact_id')
      .where('dc.deal_id', '=', d.id)
      .select(['c.id', 'c.name', 'c.title', 'c.buying_role', 'c.influence'])
      .orderBy('c.name')
      .execute(),
    db.selectFrom('qualification_criteria').where('deal_id', '=', d.id).selectAll().execute(),
    db.selectFrom('deal_stage_history').where('deal_id', '=', d.id).orderBy('entered_at').selectAll().execute(),
    db.selectFrom('deal_close_date_history').where('deal_id', '=', d.id).orderBy('changed_at').selectAll().execute()
  ])
  return {
    id: d.id,
    name: d.name,
    ownerId: d.owner_id,
    ownerName: d.owner_name,
    accountId: d.account_id,
    accountName: d.account_name,
    tier: d.tier,
    amountMinor: d.amount_minor,
    currency: d.currency,
    stage: d.stage,
    probability: d.probability,
    forecastCategory: d.forecast_category,
    closeDate: d.close_date,
    status: d.status,
    createdDate: d.created_date,
    closedDate: d.closed_date,
    lossReason: d.loss_reason,
    alternative: d.alternative,
    competitorName: d.competitor_name,
    nextStep: d.next_step,
    contacts: contacts.map((c) => ({ id: c.id, name: c.name, title: c.title, buyingRole: c.buying_role, influence: c.influence })),
    criteria: criteria.map((c) => ({ criterion: c.criterion as QualificationCriterion, met: c.met === 1, evidence: c.evidence })),
    stageHistory: stages.map((s) => ({ stage: s.stage, enteredAt: s.entered_at })),
    closeDateHistory: closes.map((c) => ({ closeDate: c.close_date, previousCloseDate: c.previous_close_date, changedAt: c.changed_at }))
  }
}
