// Relationships in tier-one accounts: who on our team knows whom there, which decision roles that covers, and each competitor's count.
import type { Kysely } from 'kysely'
import type { ParsedInput, TierOneRelationships, TierOneRow } from '@shared/contract'
import { addDays } from '@shared/dates'
import { BUYING_ROLES, type BuyingRole } from '@shared/domain'
import { TouchlineError } from '@shared/errors'
import type { DB } from '../../store/schema'
import { accountNameKey } from '../pipeline/accounts'

/** A contact touched by any of our reps in this many days counts as engaged (the evidence rules use their own window). */
export const ENGAGED_WINDOW_DAYS = 90

interface Knows {
  accountId: number
  repId: number
  /** One person: the contact when known, else the name as written in the archive. */
  person: string
  role: BuyingRole | null
  via: 'connection' | 'engaged'
}

export async function tierOneRelationships(db: Kysely<DB>, input: ParsedInput<'relationships.tierOne'>, today: string): Promise<TierOneRelationships> {
  if (input.teamId !== undefined) {
    const team = await db.selectFrom('teams').where('id', '=', input.teamId).select('id').executeTakeFirst()
    if (!team) throw new TouchlineError('NOT_FOUND', `relationships.tierOne: input.teamId: there is no team with id ${input.teamId}.`)
  }
  const accounts = await db
    .selectFrom('accounts as a')
    .leftJoin('reps as o', 'o.id', 'a.owner_id')
    .where('a.tier', '=', 1)
    .select(['a.id', 'a.name', 'a.name_key', 'o.name as owner_name'])
    .orderBy('a.name_key')
    .orderBy('a.id')
    .execute()
  const tierOne = new Set(accounts.map((a) => a.id))
  // Names and aliases of tier-one accounts, for connections an archive left unlinked (company written as text).
  const byKey = new Map<string, number>()
  for (const a of accounts) byKey.set(a.name_key, a.id)
  const aliases = await db
    .selectFrom('account_aliases as x')
    .innerJoin('accounts as a', 'a.id', 'x.account_id')
    .where('a.tier', '=', 1)
    .select(['x.account_id', 'x.alias_key'])
    .execute()
  for (const x of aliases) if (!byKey.has(x.alias_key)) byKey.set(x.alias_key, x.account_id)

  const reps = await db.selectFrom('reps').select(['id', 'name', 'team_id', 'status']).execute()
  const repName = new Map(reps.map((r) => [r.id, r.name]))
  // Relationships belong to people still on the team.
  const counted = new Set(reps.filter((r) => r.status === 'active' && (input.teamId === undefined || r.team_id === input.teamId)).map((r) => r.id))

  const knows: Knows[] = []
  const linked = await db
    .selectFrom('connections as c')
    .innerJoin('accounts as a', 'a.id', 'c.account_id')
    .leftJoin('contacts as p', 'p.id', 'c.contact_id')
    .where('a.tier', '=', 1)
    .select(['c.account_id', 'c.rep_id', 'c.contact_id', 'c.person_name', 'p.buying_role'])
    .execute()
  for (const c of linked) {
    if (c.account_id === null) continue
    knows.push({ accountId: c.account_id, repId: c.rep_id, person: c.contact_id ? `c${c.contact_id}` : `n${accountNameKey(c.person_name)}`, role: c.buying_role, via: 'connection' })
  }
  const unlinked = await db
    .selectFrom('connections as c')
    .leftJoin('contacts as p', 'p.id', 'c.contact_id')
    .where('c.account_id', 'is', null)
    .where('c.company_name', 'is not', null)
    .select(['c.rep_id', 'c.company_name', 'c.contact_id', 'c.person_name', 'p.buying_role'])
    .execute()
  for (const c of unlinked) {
    const accountId = byKey.get(accountNameKey(c.company_name ?? ''))
    if (accountId === undefined) continue
    knows.push({ accountId, repId: c.rep_id, person: c.contact_id ? `c${c.contact_id}` : `n${accountNameKey(c.person_name)}`, role: c.buying_role, via: 'connection' })
  }
  // Engaged contacts: driven from the tier-one accounts' contacts into the (contact_id, occurred_at) index.
  const engaged = await db
    .selectFrom('accounts as a')
    .innerJoin('contacts as p', 'p.account_id', 'a.id')
    .innerJoin('activities as x', 'x.contact_id', 'p.id')
    .where('a.tier', '=', 1)
    .where('x.occurred_at', '>=', addDays(today, -ENGAGED_WINDOW_DAYS))
    .select(['a.id as account_id', 'x.rep_id', 'p.id as contact_id', 'p.buying_role'])
    .distinct()
    .execute()
  for (const e of engaged) knows.push({ accountId: e.account_id, repId: e.rep_id, person: `c${e.contact_id}`, role: e.buying_role, via: 'engaged' })

  const competitors = await db.selectFrom('competitors').select(['id', 'name']).orderBy('name').execute()
  const theirs = await db
    .selectFrom('competitor_account_relationships as r')
    .innerJoin('accounts as a', 'a.id', 'r.account_id')
    .where('a.tier', '=', 1)
    .select(['r.competitor_id', 'r.account_id', 'r.count'])
    .execute()
  const theirCount = new Map(theirs.map((t) => [`${t.competitor_id}:${t.account_id}`, t.count]))

  const perAccount = new Map<number, Knows[]>()
  for (const k of knows) {
    if (!tierOne.has(k.accountId) || !counted.has(k.repId)) continue
    const list = perAccount.get(k.accountId) ?? []
    list.push(k)
    perAccount.set(k.accountId, list)
  }

  const rows: TierOneRow[] = accounts.map((a) => {
    const list = perAccount.get(a.id) ?? []
    const people = new Set(list.map((k) => k.person))
    const byRep = new Map<number, Set<string>>()
    for (const k of list) byRep.set(k.repId, (byRep.get(k.repId) ?? new Set()).add(k.person))
    const roles = new Set(list.map((k) => k.role).filter((r): r is BuyingRole => r !== null))
    return {
      id: a.id,
      name: a.name,
      ownerName: a.owner_name,
      ours: people.size,
      connections: new Set(list.filter((k) => k.via === 'connection').map((k) => k.person)).size,
      engagedContacts: new Set(list.filter((k) => k.via === 'engaged').map((k) => k.person)).size,
      strongest: [...byRep.entries()]
        .map(([repId, set]) => ({ repId, name: repName.get(repId) ?? `Rep ${repId}`, count: set.size }))
        .sort((x, y) => y.count - x.count || x.name.localeCompare(y.name))
        .slice(0, 3),
      decisionRoles: BUYING_ROLES.filter((r) => roles.has(r)),
      competitors: competitors.map((c) => ({ competitorId: c.id, count: theirCount.get(`${c.id}:${a.id}`) ?? null }))
    }
  })
  return {
    engagedWindowDays: ENGAGED_WINDOW_DAYS,
    competitors,
    rows: rows.slice(input.offset, input.offset + input.limit),
    total: rows.length,
    offset: input.offset,
    limit: input.limit,
    noRelationship: rows.filter((r) => r.ours === 0).map((r) => ({ id: r.id, name: r.name, ownerName: r.ownerName })),
    tierOneAccounts: rows.length
  }
}
