// Competitors and their people, presence snapshots, and competitors' relationship counts in accounts: the hand-entered side of the kickoff.
import type { Kysely, Transaction } from 'kysely'
import type { CompetitorRow, ParsedInput, SnapshotRow } from '@shared/contract'
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
    .selectFrom('competitor_people')
    .where('competitor_id', 'in', competitors.map((c) => c.id))
    .select(['id', 'competitor_id', 'name', 'title', 'role', 'profile_url'])
    .orderBy('role')
    .orderBy('name')
    .execute()
  return competitors.map((c) => ({
    id: c.id,
    name: c.name,
    aliases: parseAliases(c.aliases),
    people: people.filter((p) => p.competitor_id === c.id).map((p) => ({ id: p.id, name: p.name, title: p.title, role: p.role, profileUrl: p.profile_url }))
  }))
}

export function listCompetitors(db: Kysely<DB>): Promise<CompetitorRow[]> {
  return competitorRows(db)
}

export async function createCompetitor(db: Kysely<DB>, input: ParsedInput<'competitors.create'>, now: string): Promise<CompetitorRow> {
  const key = accountNameKey(input.name)
  if (!key) throw new TouchlineError('INVALID_INPUT', 'competitors.create: input.name: needs at least one letter or digit.')
  return db.transaction().execute(async (trx) => {
    const same = await trx.selectFrom('competitors').where('name_key', '=', key).select(['id', 'name']).executeTakeFirst()
    if (same) throw new TouchlineError('CONFLICT', `competitors.create: input.name: "${same.name}" is already a competitor (id ${same.id}).`)
    const aliases = [...new Set(input.aliases)]
    const row = await trx.insertInto('competitors').values({ name: input.name, name_key: key, aliases: JSON.stringify(aliases), created_at: now }).returning('id').executeTakeFirstOrThrow()
    if (input.people.length) {
      await trx
        .insertInto('competitor_people')
        .values(input.people.map((p) => ({ competitor_id: row.id, name: p.name, title: p.title ?? null, role: p.role, profile_url: p.profileUrl ?? null, created_at: now })))
        .execute()
    }
    return (await competitorRows(trx, row.id))[0]!
  })
}

export async function addCompetitorPerson(db: Kysely<DB>, input: ParsedInput<'competitors.addPerson'>, now: string): Promise<CompetitorRow> {
  return db.transaction().execute(async (trx) => {
    const c = await trx.selectFrom('competitors').where('id', '=', input.competitorId).select('id').executeTakeFirst()
    if (!c) throw new TouchlineError('NOT_FOUND', `competitors.addPerson: input.competitorId: there is no competitor with id ${input.competitorId}.`)
    await trx
      .insertInto('competitor_people')
      .values({ competitor_id: c.id, name: input.name, title: input.title ?? null, role: input.role, profile_url: input.profileUrl ?? null, created_at: now })
      .execute()
    return (await competitorRows(trx, c.id))[0]!
  })
}

/** One snapshot per person per day: entering the same day again replaces it. */
export async function addSnapshot(db: Kysely<DB>, input: ParsedInput<'snapshots.add'>): Promise<SnapshotRow> {
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
