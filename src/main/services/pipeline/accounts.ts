// Accounts, paged, with their contact and open-deal counts.
import { sql, type Kysely } from 'kysely'
import type { AccountRow, Page, ParsedInput } from '@shared/contract'
import type { DB } from '../../store/schema'
import { escapeLike } from './deals'

export function accountNameKey(name: string): string {
  return name.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ').trim()
}

export async function listAccounts(db: Kysely<DB>, input: ParsedInput<'accounts.list'>): Promise<Page<AccountRow>> {
  let q = db.selectFrom('accounts as a')
  if (input.tier !== undefined) q = q.where('a.tier', '=', input.tier)
  if (input.search) q = q.where(sql<boolean>`a.name_key LIKE ${`${escapeLike(accountNameKey(input.search))}%`} ESCAPE '\\'`)
  const rows = await q
    .select((eb) => [
      'a.id',
      'a.name',
      'a.tier',
      'a.is_named',
      'a.industry',
      eb.selectFrom('contacts as c').whereRef('c.account_id', '=', 'a.id').select(sql<number>`count(*)`.as('n')).as('contacts'),
      eb
        .selectFrom('deals as d')
        .whereRef('d.account_id', '=', 'a.id')
        .where('d.status', '=', 'open')
        .select(sql<number>`count(*)`.as('n'))
        .as('open_deals')
    ])
    .orderBy('a.tier')
    .orderBy('a.name_key')
    .limit(input.limit)
    .offset(input.offset)
    .execute()
  const total = await q.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()
  return {
    rows: rows.map((r) => ({
      id: r.id,
      name: r.name,
      tier: r.tier,
      isNamed: r.is_named === 1,
      industry: r.industry,
      contacts: r.contacts ?? 0,
      openDeals: r.open_deals ?? 0
    })),
    total: total.n,
    offset: input.offset,
    limit: input.limit
  }
}
