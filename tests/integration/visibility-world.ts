// Visibility test worlds: small fixtures stated in a few lines, and the services called through the contract's own schemas.
import type { Kysely } from 'kysely'
import { contract, type MethodInput, type MethodName, type ParsedInput } from '../../src/shared/contract'
import { addDays } from '../../src/shared/dates'
import type { DB } from '../../src/main/store/schema'
import { compareVisibility, repCalendar, teamVisibility } from '../../src/main/services/visibility/team'
import { tierOneRelationships } from '../../src/main/services/visibility/relationships'
import { addCompetitorPerson, addSnapshot, createCompetitor, listCompetitors, setCompetitorRelationship } from '../../src/main/services/visibility/competitors'
import { listSocialRules, setSocialRule } from '../../src/main/services/visibility/social-rules'
import { getWeights, setWeights } from '../../src/main/services/visibility/weights'
import { NOW, TODAY } from '../support/workspace'

type Sqlite = { prepare(sql: string): { run(...args: unknown[]): unknown; get(...args: unknown[]): unknown } }

export function parse<K extends MethodName>(method: K, input: MethodInput<K>): ParsedInput<K> {
  return contract[method].input.parse(input) as ParsedInput<K>
}

/** Day `n` of a window of `days` days ending today (1-based), as a stamp at 10:00 UTC. */
export function windowDay(n: number, days = 28): string {
  return `${addDays(TODAY, n - days)}T10:00:00Z`
}

export function world(sqlite: Sqlite) {
  sqlite.prepare("INSERT INTO teams (id, name, created_at) VALUES (1, 'East', ?), (2, 'West', ?)").run(NOW, NOW)
  return {
    rep(id: number, name: string, options: { team?: number; role?: string; left?: boolean } = {}) {
      sqlite
        .prepare('INSERT INTO reps (id, team_id, name, role, status, left_date) VALUES (?, ?, ?, ?, ?, ?)')
        .run(id, options.team ?? 1, name, options.role ?? 'ae', options.left ? 'left' : 'active', options.left ? TODAY : null)
    },
    activity(repId: number, at: string, kind = 'social_post', contactId: number | null = null) {
      sqlite.prepare('INSERT INTO activities (rep_id, kind, occurred_at, contact_id) VALUES (?, ?, ?, ?)').run(repId, kind, at, contactId)
    },
    account(id: number, name: string, tier = 1, aliases: string[] = []) {
      const key = (s: string) => s.toLowerCase().replace(/[^a-z0-9]+/g, ' ').trim()
      sqlite.prepare('INSERT INTO accounts (id, name, name_key, tier, is_named) VALUES (?, ?, ?, ?, ?)').run(id, name, key(name), tier, tier === 1 ? 1 : 0)
      for (const a of aliases) sqlite.prepare('INSERT INTO account_aliases (account_id, alias, alias_key) VALUES (?, ?, ?)').run(id, a, key(a))
    },
    contact(id: number, accountId: number, name: string, role: string | null = null) {
      sqlite.prepare('INSERT INTO contacts (id, account_id, name, buying_role) VALUES (?, ?, ?, ?)').run(id, accountId, name, role)
    },
    connection(repId: number, person: string, options: { accountId?: number; company?: string; contactId?: number } = {}) {
      sqlite
        .prepare('INSERT INTO connections (rep_id, person_name, company_name, account_id, contact_id, source) VALUES (?, ?, ?, ?, ?, ?)')
        .run(repId, person, options.company ?? null, options.accountId ?? null, options.contactId ?? null, 'linkedin_archive')
    }
  }
}

export function visibility(db: Kysely<DB>, today = TODAY) {
  return {
    team: async (i: MethodInput<'visibility.team'> = {}) => teamVisibility(db, parse('visibility.team', i), today),
    compare: async (i: MethodInput<'visibility.compare'> = {}) => compareVisibility(db, parse('visibility.compare', i), today),
    calendar: async (i: MethodInput<'visibility.calendar'>) => repCalendar(db, parse('visibility.calendar', i), today),
    tierOne: async (i: MethodInput<'relationships.tierOne'> = {}) => tierOneRelationships(db, parse('relationships.tierOne', i), today),
    createCompetitor: async (i: MethodInput<'competitors.create'>) => createCompetitor(db, parse('competitors.create', i), NOW),
    addPerson: async (i: MethodInput<'competitors.addPerson'>) => addCompetitorPerson(db, parse('competitors.addPerson', i), NOW),
    competitors: async () => listCompetitors(db),
    snapshot: async (i: MethodInput<'snapshots.add'>) => addSnapshot(db, parse('snapshots.add', i)),
    setRelationship: async (i: MethodInput<'competitorRelationships.set'>) => setCompetitorRelationship(db, parse('competitorRelationships.set', i)),
    rules: async () => listSocialRules(db, today),
    setRule: async (i: MethodInput<'socialRules.set'>) => setSocialRule(db, parse('socialRules.set', i), NOW),
    weights: async () => getWeights(db),
    setWeights: async (i: MethodInput<'visibility.weights.set'>) => setWeights(db, parse('visibility.weights.set', i))
  }
}

/** Row counts of every visibility table (and settings): an invalid write must leave all of them as they were. */
export function visibilityCounts(sqlite: Sqlite): Record<string, number> {
  const tables = ['competitors', 'competitor_people', 'presence_snapshots', 'competitor_account_relationships', 'social_rules', 'settings']
  return Object.fromEntries(tables.map((t) => [t, (sqlite.prepare(`SELECT count(*) AS n FROM ${t}`).get() as { n: number }).n]))
}
