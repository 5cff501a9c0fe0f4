// Competitors and their people, presence snapshots, and competitors' relationship counts in accounts: the hand-entered side of the kickoff.
import type { Kysely, Selectable, Transaction } from 'kysely'
import type { CompetitorRow, ParsedInput, SnapshotHistory, SnapshotRow } from '@shared/contract'
import { addDays } from '@shared/dates'
import { TouchlineError } from '@shared/errors'
import type { DB } from '../../store/schema'
import { accountNameKey } from '../pipeline/accounts'

function parseAliases(text: string): string[] {
  try {
    const v = JSON.parse(text) as unknown
    return Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : []
  } catch {
    return []
  }
}

async function competitorRows(db: Kysely<DB> | Transaction<DB>, id?: number): Promise<CompetitorRow[]> {
  let q = db.selectFrom('competitors').select(['id', 'name', 'aliases']).orderBy('name')
  if (id !== undefined) q = q.where('id', '=', id)
  const competitors = await q.execute()
  if (competitors.length === 0) return []
  const people = await db
    .selectFrom('competitor_people as p')
    .leftJoin('presence_snapshots as s', 's.competitor_person_id', 'p.id')
    .where('p.competitor_id', 'in', competitors.map((c) => c.id))
    .select((eb) => ['p.id', 'p.competitor_id', 'p.name', 'p.title', 'p.role', 'p.profile_url', eb.fn.max('s.taken_on').as('latest'), eb.fn.count<number>('s.id').as('n')])
    .groupBy('p.id')
    .orderBy('p.role')
    .orderBy('p.name')
    .execute()
  return competitors.map((c) => ({
    id: c.id,
    name: c.name,
    aliases: parseAliases(c.aliases),
    people: people
      .filter((p) => p.competitor_id === c.id)
      .map((p) => ({ id: p.id, name: p.name, title: p.title, role: p.role, profileUrl: p.profile_url, latestSnapshotOn: p.latest ?? null, snapshotCount: Number(p.n) }))
  }))
}

/**
 * A competitor is known by its name and its aliases: none of them may be another competitor's name or alias.
 * Returns the aliases to store (deduplicated by key, the name itself left out).
 */
async function checkNames(trx: Transaction<DB>, method: string, name: string, aliases: string[], exceptId: number | null): Promise<string[]> {
  const key = accountNameKey(name)
  if (!key) throw new TouchlineError('INVALID_INPUT', `${method}: input.name: needs at least one letter or digit.`)
  const kept: string[] = []
  const keys = new Set([key])
  for (const [i, alias] of aliases.entries()) {
    const k = accountNameKey(alias)
    if (!k) throw new TouchlineError('INVALID_INPUT', `${method}: input.aliases.${i}: needs at least one letter or digit.`)
    if (keys.has(k)) continue
    keys.add(k)
    kept.push(alias)
  }
  const others = await trx.selectFrom('competitors').select(['id', 'name', 'name_key', 'aliases']).execute()
  for (const o of others) {
    if (o.id === exceptId) continue
    const theirs = new Map<string, string>([[o.name_key, o.name], ...parseAliases(o.aliases).map((a): [string, string] => [accountNameKey(a), a])])
    if (theirs.has(key)) {
      const what = theirs.get(key) === o.name ? 'already a competitor' : `an alias of "${o.name}"`
      throw new TouchlineError('CONFLICT', `${method}: input.name: "${name}" is ${what} (id ${o.id}).`)
    }
    for (const alias of kept) {
      if (theirs.has(accountNameKey(alias))) {
        throw new TouchlineError('CONFLICT', `${method}: input.aliases: "${alias}" already names the competitor "${o.name}" (id ${o.id}).`)
      }
    }
  }
  return kept
}

/** Two people of one competitor may not share a profile address or a name: imports match people by them. */
async function checkPerson(trx: Transaction<DB>, method: string, competitorId: number, name: string, profileUrl: string | null): Promise<void> {
  const people = await trx.selectFrom('competitor_people').where('competitor_id', '=', competitorId).select(['id', 'name', 'profile_url']).execute()
  const url = profileUrl === null ? null : profileKey(profileUrl)
  for (const p of people) {
    if (url !== null && p.profile_url !== null && profileKey(p.profile_url) === url) {
      throw new TouchlineError('CONFLICT', `${method}: input.profileUrl: ${profileUrl} is already the profile of "${p.name}" (id ${p.id}).`)
    }
    if (personKey(p.name) === personKey(name)) throw new TouchlineError('CONFLICT', `${method}: input.name: "${p.name}" is already one of this competitor's people (id ${p.id}).`)
  }
}

/** People are matched by name with case, accents and punctuation set aside. */
export function personKey(name: string): string {
  return accountNameKey(name)
}

/** Profile addresses are matched without scheme, "www.", query, fragment, trailing slash or case. */
export function profileKey(url: string): string {
  try {
    const u = new URL(url.trim())
    return `${u.hostname.toLowerCase().replace(/^www\./, '')}${decodeURIComponent(u.pathname).replace(/\/+$/, '').toLowerCase()}`
  } catch {
    return url.trim().toLowerCase()
  }
}

export function listCompetitors(db: Kysely<DB>): Promise<CompetitorRow[]> {
  return competitorRows(db)
}

export async function createCompetitor(db: Kysely<DB>, input: ParsedInput<'competitors.create'>, now: string): Promise<CompetitorRow> {
  return db.transaction().execute(async (trx) => {
    const aliases = await checkNames(trx, 'competitors.create', input.name, input.aliases, null)
    const row = await trx
      .insertInto('competitors')
      .values({ name: input.name, name_key: accountNameKey(input.name), aliases: JSON.stringify(aliases), created_at: now })
      .returning('id')
      .executeTakeFirstOrThrow()
    const seen = new Map<string, number>()
    for (const [i, p] of input.people.entries()) {
      for (const k of [`n:${personKey(p.name)}`, ...(p.profileUrl ? [`u:${profileKey(p.profileUrl)}`] : [])]) {
        const first = seen.get(k)
        if (first !== undefined) throw new TouchlineError('CONFLICT', `competitors.create: input.people.${i}: "${p.name}" repeats input.people.${first}.`)
        seen.set(k, i)
      }
    }
    if (input.people.length) {
      await trx
        .insertInto('competitor_people')
        .values(input.people.map((p) => ({ competitor_id: row.id, name: p.name, title: p.title ?? null, role: p.role, profile_url: p.profileUrl ?? null, created_at: now })))
        .execute()
    }
    return (await competitorRows(trx, row.id))[0]!
  })
}

export async function updateCompetitor(db: Kysely<DB>, input: ParsedInput<'competitors.update'>): Promise<CompetitorRow> {
  return db.transaction().execute(async (trx) => {
    const c = await trx.selectFrom('competitors').where('id', '=', input.id).select(['id', 'name', 'aliases']).executeTakeFirst()
    if (!c) throw new TouchlineError('NOT_FOUND', `competitors.update: input.id: there is no competitor with id ${input.id}.`)
    const name = input.name ?? c.name
    const aliases = await checkNames(trx, 'competitors.update', name, input.aliases ?? parseAliases(c.aliases), c.id)
    await trx.updateTable('competitors').set({ name, name_key: accountNameKey(name), aliases: JSON.stringify(aliases) }).where('id', '=', c.id).execute()
    return (await competitorRows(trx, c.id))[0]!
  })
}

export async function removeCompetitor(db: Kysely<DB>, input: ParsedInput<'competitors.remove'>): Promise<{ id: number }> {
  return db.transaction().execute(async (trx) => {
    // People, their snapshots and the competitor's relationship counts go with it (ON DELETE CASCADE).
    const gone = await trx.deleteFrom('competitors').where('id', '=', input.id).executeTakeFirst()
    if (Number(gone.numDeletedRows) === 0) throw new TouchlineError('NOT_FOUND', `competitors.remove: input.id: there is no competitor with id ${input.id}.`)
    return { id: input.id }
  })
}

export async function removeCompetitorPerson(db: Kysely<DB>, input: ParsedInput<'competitors.removePerson'>): Promise<CompetitorRow> {
  return db.transaction().execute(async (trx) => {
    const p = await trx.selectFrom('competitor_people').where('id', '=', input.personId).select(['id', 'competitor_id']).executeTakeFirst()
    if (!p) throw new TouchlineError('NOT_FOUND', `competitors.removePerson: input.personId: there is no competitor person with id ${input.personId}.`)
    await trx.deleteFrom('competitor_people').where('id', '=', p.id).execute()
    return (await competitorRows(trx, p.competitor_id))[0]!
  })
}

export async function addCompetitorPerson(db: Kysely<DB>, input: ParsedInput<'competitors.addPerson'>, now: string): Promise<CompetitorRow> {
  return db.transaction().execute(async (trx) => {
    const c = await trx.selectFrom('competitors').where('id', '=', input.competitorId).select('id').executeTakeFirst()
    if (!c) throw new TouchlineError('NOT_FOUND', `competitors.addPerson: input.competitorId: there is no competitor with id ${input.competitorId}.`)
    await checkPerson(trx, 'competitors.addPerson', c.id, input.name, input.profileUrl ?? null)
    await trx
      .insertInto('competitor_people')
      .values({ competitor_id: c.id, name: input.name, title: input.title ?? null, role: input.role, profile_url: input.profileUrl ?? null, created_at: now })
      .execute()
    return (await competitorRows(trx, c.id))[0]!
  })
}

/** A snapshot may carry today's date in any time zone: main's UTC today plus one day. */
export function latestSnapshotDay(today: string): string {
  return addDays(today, 1)
}

export async function listSnapshots(db: Kysely<DB>, input: ParsedInput<'snapshots.list'>, today: string): Promise<SnapshotHistory> {
  const p = await db.selectFrom('competitor_people').where('id', '=', input.competitorPersonId).select('id').executeTakeFirst()
  if (!p) throw new TouchlineError('NOT_FOUND', `snapshots.list: input.competitorPersonId: there is no competitor person with id ${input.competitorPersonId}.`)
  const rows = await db.selectFrom('presence_snapshots').where('competitor_person_id', '=', p.id).selectAll().orderBy('taken_on').execute()
  return { personId: p.id, today, snapshots: rows.map((r) => ({ ...snapshotRow(r), source: r.source })) }
}

export function snapshotRow(row: Selectable<DB['presence_snapshots']>): SnapshotRow {
  return {
    id: row.id,
    repId: row.rep_id,
    competitorPersonId: row.competitor_person_id,
    takenOn: row.taken_on,
    periodDays: row.period_days,
    followers: row.followers,
    connections: row.connections,
    posts: row.posts,
    comments: row.comments,
    activeDays: row.active_days,
    engagementPerPost: row.engagement_per_post
  }
}

/** One snapshot per person per day: entering the same day again replaces it. */
export async function addSnapshot(db: Kysely<DB>, input: ParsedInput<'snapshots.add'>, today?: string): Promise<SnapshotRow> {
  // The handler always passes today; fixtures that build history in bulk may leave it out.
  if (today !== undefined && input.takenOn > latestSnapshotDay(today)) {
    throw new TouchlineError('INVALID_INPUT', `snapshots.add: input.takenOn: ${input.takenOn} is in the future (today is ${today}).`)
  }
  return db.transaction().execute(async (trx) => {
    const repId = 'repId' in input.person ? input.person.repId : null
    const personId = 'competitorPersonId' in input.person ? input.person.competitorPersonId : null
    if (repId !== null) {
      const rep = await trx.selectFrom('reps').where('id', '=', repId).select('id').executeTakeFirst()
      if (!rep) throw new TouchlineError('NOT_FOUND', `snapshots.add: input.person.repId: there is no rep with id ${repId}.`)
      await trx.deleteFrom('presence_snapshots').where('rep_id', '=', repId).where('taken_on', '=', input.takenOn).execute()
    } else if (personId !== null) {
      const p = await trx.selectFrom('competitor_people').where('id', '=', personId).select('id').executeTakeFirst()
      if (!p) throw new TouchlineError('NOT_FOUND', `snapshots.add: input.person.competitorPersonId: there is no competitor person with id ${personId}.`)
      await trx.deleteFrom('presence_snapshots').where('competitor_person_id', '=', personId).where('taken_on', '=', input.takenOn).execute()
    }
    const row = await trx
      .insertInto('presence_snapshots')
      .values({
        rep_id: repId,
        competitor_person_id: personId,
        taken_on: input.takenOn,
        period_days: input.periodDays,
        followers: input.followers,
        connections: input.connections,
        posts: input.posts,
        comments: input.comments,
        active_days: input.activeDays ?? null,
        engagement_per_post: input.engagementPerPost ?? null,
        source: 'manual'
      })
      .returningAll()
      .executeTakeFirstOrThrow()
    return snapshotRow(row)
  })
}

/** What the leader saw in a competitor's network at an account; null clears it back to "not known". */
export async function setCompetitorRelationship(db: Kysely<DB>, input: ParsedInput<'competitorRelationships.set'>): Promise<{ competitorId: number; accountId: number; count: number | null }> {
  return db.transaction().execute(async (trx) => {
    const c = await trx.selectFrom('competitors').where('id', '=', input.competitorId).select('id').executeTakeFirst()
    if (!c) throw new TouchlineError('NOT_FOUND', `competitorRelationships.set: input.competitorId: there is no competitor with id ${input.competitorId}.`)
    const a = await trx.selectFrom('accounts').where('id', '=', input.accountId).select('id').executeTakeFirst()
    if (!a) throw new TouchlineError('NOT_FOUND', `competitorRelationships.set: input.accountId: there is no account with id ${input.accountId}.`)
    if (input.count === null) {
      await trx.deleteFrom('competitor_account_relationships').where('competitor_id', '=', c.id).where('account_id', '=', a.id).execute()
    } else {
      const values = { competitor_id: c.id, account_id: a.id, count: input.count, source: input.source, noted_on: input.notedOn }
      await trx
        .insertInto('competitor_account_relationships')
        .values(values)
        .onConflict((oc) => oc.columns(['competitor_id', 'account_id']).doUpdateSet({ count: values.count, source: values.source, noted_on: values.noted_on }))
        .execute()
    }
    return { competitorId: c.id, accountId: a.id, count: input.count }
  })
}
