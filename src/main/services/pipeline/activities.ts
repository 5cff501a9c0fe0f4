// Activities: listed per deal, rep or account, and logged one at a time.
import type Database from 'better-sqlite3'
import type { Kysely } from 'kysely'
import { isoDay } from '@shared/dates'
import type { Clock } from '../../clock'
import { recomputeEvidence } from './evidence'
import type { ActivityRow, Page, ParsedInput } from '@shared/contract'
import { TouchlineError } from '@shared/errors'
import type { DB } from '../../store/schema'

function activitiesFrom(db: Kysely<DB>) {
  return db.selectFrom('activities as x').innerJoin('reps as r', 'r.id', 'x.rep_id')
}

const COLUMNS = [
  'x.id',
  'x.rep_id',
  'r.name as rep_name',
  'x.kind',
  'x.direction',
  'x.occurred_at',
  'x.subject',
  'x.deal_id',
  'x.account_id',
  'x.contact_id'
] as const

type Row = {
  id: number
  rep_id: number
  rep_name: string
  kind: ActivityRow['kind']
  direction: ActivityRow['direction']
  occurred_at: string
  subject: string | null
  deal_id: number | null
  account_id: number | null
  contact_id: number | null
}

function toActivity(r: Row): ActivityRow {
  return {
    id: r.id,
    repId: r.rep_id,
    repName: r.rep_name,
    kind: r.kind,
    direction: r.direction,
    occurredAt: r.occurred_at,
    subject: r.subject,
    dealId: r.deal_id,
    accountId: r.account_id,
    contactId: r.contact_id
  }
}

export async function listActivities(db: Kysely<DB>, input: ParsedInput<'activities.list'>): Promise<Page<ActivityRow>> {
  let q = activitiesFrom(db)
  if (input.dealId !== undefined) q = q.where('x.deal_id', '=', input.dealId)
  if (input.repId !== undefined) q = q.where('x.rep_id', '=', input.repId)
  if (input.accountId !== undefined) q = q.where('x.account_id', '=', input.accountId)
  const rows = await q.select(COLUMNS).orderBy('x.occurred_at', 'desc').orderBy('x.id', 'desc').limit(input.limit).offset(input.offset).execute()
  const total = await q.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()
  return { rows: rows.map(toActivity), total: total.n, offset: input.offset, limit: input.limit }
}

/**
 * Logs an activity after checking every id it names; nothing is written when one is wrong. The deals whose
 * evidence it changes (its own, and every open deal at the account, whose engaged contacts may change) are
 * recomputed on the raw connection inside the same transaction.
 */
export async function createActivity(
  store: { db: Kysely<DB>; sqlite: Database.Database },
  input: ParsedInput<'activities.create'>,
  clock: Clock
): Promise<ActivityRow> {
  const today = isoDay(clock.now())
  // An activity is evidence of what happened; a planned meeting is not evidence yet.
  if (input.occurredAt.slice(0, 10) > today) {
    throw new TouchlineError('INVALID_INPUT', `activities.create: input.occurredAt: ${input.occurredAt} is after today (${today}); log an activity once it has happened.`)
  }
  return store.db.transaction().execute(async (trx) => {
    const rep = await trx.selectFrom('reps').where('id', '=', input.repId).select('id').executeTakeFirst()
    if (!rep) throw new TouchlineError('INVALID_INPUT', `activities.create: input.repId: there is no rep with id ${input.repId}.`)
    let accountId = input.accountId ?? null
    if (input.dealId !== undefined) {
      const deal = await trx.selectFrom('deals').where('id', '=', input.dealId).select(['id', 'account_id']).executeTakeFirst()
      if (!deal) throw new TouchlineError('INVALID_INPUT', `activities.create: input.dealId: there is no deal with id ${input.dealId}.`)
      if (accountId !== null && accountId !== deal.account_id) {
        throw new TouchlineError('INVALID_INPUT', `activities.create: input.accountId: deal ${input.dealId} belongs to account ${deal.account_id}, not ${accountId}.`)
      }
      accountId = deal.account_id
    }
    if (accountId !== null) {
      const account = await trx.selectFrom('accounts').where('id', '=', accountId).select('id').executeTakeFirst()
      if (!account) throw new TouchlineError('INVALID_INPUT', `activities.create: input.accountId: there is no account with id ${accountId}.`)
    }
    if (input.contactId !== undefined) {
      const contact = await trx.selectFrom('contacts').where('id', '=', input.contactId).select(['id', 'account_id']).executeTakeFirst()
      if (!contact) throw new TouchlineError('INVALID_INPUT', `activities.create: input.contactId: there is no contact with id ${input.contactId}.`)
      if (accountId !== null && contact.account_id !== accountId) {
        throw new TouchlineError('INVALID_INPUT', `activities.create: input.contactId: contact ${input.contactId} works at another account.`)
      }
      accountId = contact.account_id
    }
    const inserted = await trx
      .insertInto('activities')
      .values({
        rep_id: input.repId,
        kind: input.kind,
        direction: input.direction,
        occurred_at: input.occurredAt,
        subject: input.subject ?? null,
        outcome: input.outcome ?? null,
        deal_id: input.dealId ?? null,
        account_id: accountId,
        contact_id: input.contactId ?? null
      })
      .returning('id')
      .executeTakeFirstOrThrow()
    const row = await activitiesFrom(trx).where('x.id', '=', inserted.id).select(COLUMNS).executeTakeFirstOrThrow()
    const affected = await trx
      .selectFrom('deals')
      .select('id')
      .where((eb) => eb.or([eb('id', '=', input.dealId ?? -1), eb.and([eb('account_id', '=', accountId ?? -1), eb('status', '=', 'open')])]))
      .execute()
    recomputeEvidence(store.sqlite, affected.map((d) => d.id), today)
    return toActivity(row)
  })
}
