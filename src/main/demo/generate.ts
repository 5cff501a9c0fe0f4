// Builds a believable demo organisation, deterministic for a seed and a day, at standard or large scale.
import type Database from 'better-sqlite3'
import { DAY_MS, isoDay, isoSecond } from '@shared/dates'
import { OPEN_STAGES, QUALIFICATION_CRITERIA, type ActivityKind, type BuyingRole, type QualificationCriterion, type Stage } from '@shared/domain'
import { engagedCutoff, readThresholds, refreshAllEvidence } from '../services/pipeline/evidence'
import { EvidenceFactsCollector } from './evidence-facts'
import { batchInsert } from './bulk-insert'
import { stampMaker } from './stamps'
import { tuneForIndexBuilds } from '../store/index-builds'
import { Random } from './random'
import { generateRecruitingDemo } from './recruiting'
import { generateVisibilityDemo } from './visibility'
import { generateOneOnOneDemo } from './one-on-ones'
import { generateForecastDemo } from './forecast'
import {
  COMPANY_KINDS,
  COMPANY_STEMS,
  COMPETITORS,
  FIRST_NAMES,
  INDUSTRIES,
  LAST_NAMES,
  SUBJECTS,
  TEAM_NAMES,
  TITLES_BY_ROLE
} from './names'

export const DEMO_SCALES = {
  small: { teams: 2, reps: 6, accounts: 40, tierOne: 8, deals: 120, activities: 2_000 },
  standard: { teams: 3, reps: 24, accounts: 300, tierOne: 40, deals: 1_500, activities: 30_000 },
  large: { teams: 17, reps: 200, accounts: 20_000, tierOne: 400, deals: 200_000, activities: 2_000_000 }
} as const
export type DemoScale = keyof typeof DEMO_SCALES

export const DEMO_SEED = 20261123

export interface DemoOptions {
  scale: DemoScale
  today: Date
  seed?: number
  /**
   * For building a fresh file from the command line: no rollback journal while loading. Fast, but a crash
   * mid-build leaves a file to delete, so the app itself never uses it.
   */
  bulk?: boolean
  /**
   * Evidence from the set-based refresh over the stored activities, as the app computes it, instead of from the
   * figures the generator kept while writing them (the default, faster; a test holds the two to the same rows).
   */
  evidenceFromStore?: boolean
  /** Told how long each phase of the build took (ms), for the benchmark's breakdown. */
  onPhase?: (phase: string, ms: number) => void
}

export interface DemoCounts {
  teams: number
  reps: number
  accounts: number
  contacts: number
  deals: number
  activities: number
  connections: number
}

const STAGE_PROBABILITY: Record<Stage, number> = {
  prospecting: 10,
  qualifying: 20,
  solution: 40,
  proposal: 60,
  negotiation: 80
}

interface DealPlan {
  id: number
  ownerId: number
  accountId: number
  created: number
  end: number
  status: 'open' | 'won' | 'lost'
  contactIds: number[]
  /** A forecast deal with nothing behind it: its activities stop well before today. */
  silent: boolean
}

/**
 * What each insert trigger on the demo's tables would have written, as one statement over the loaded rows (null:
 * nothing to write into a new workspace). Row-by-row triggers cost seconds over two million activities.
 */
const BULK_INSERT_TRIGGERS: Record<string, string | null> = {
  deals_amount_history_insert: `INSERT INTO deal_amount_history (deal_id, amount_minor, previous_amount_minor, changed_at)
    SELECT id, amount_minor, NULL, created_date || 'T00:00:00Z' FROM deals ORDER BY id`,
  // Forgets cached 'meeting moved the deal on' answers; a new workspace has none.
  stage_history_advances_insert: null,
  // Counts only activities at or below the fold mark, which is 0 in a new workspace: the first read folds them all.
  activities_days_insert: null
}

/** Drops a table's secondary indexes for a bulk load and rebuilds them after: far faster than maintaining them row by row. */
function withIndexesDeferred(sqlite: Database.Database, tables: string[], load: () => void, phase: (name: string) => void): void {
  const placeholders = tables.map(() => '?').join(',')
  const indexes = sqlite
    .prepare(`SELECT name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL AND tbl_name IN (${placeholders})`)
    .all(...tables) as { name: string; sql: string }[]
  // Insert triggers too, each replaced by one set-based statement after the load; a trigger not listed here stops
  // the build, so a new one cannot be skipped silently.
  const triggers = sqlite
    .prepare(`SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND sql LIKE '%AFTER INSERT ON%' AND tbl_name IN (${placeholders})`)
    .all(...tables) as { name: string; sql: string }[]
  const unknown = triggers.filter((tr) => !Object.hasOwn(BULK_INSERT_TRIGGERS, tr.name))
  if (unknown.length > 0) throw new Error(`demo bulk load: no set-based replacement for insert trigger(s) ${unknown.map((tr) => tr.name).join(', ')}`)
  for (const ix of indexes) sqlite.exec(`DROP INDEX "${ix.name}"`)
  for (const tr of triggers) sqlite.exec(`DROP TRIGGER "${tr.name}"`)
  load()
  phase('load')
  for (const tr of triggers) {
    const replacement = BULK_INSERT_TRIGGERS[tr.name]
    if (replacement) sqlite.exec(replacement)
    sqlite.exec(tr.sql)
  }
  phase('triggers')
  const restore = tuneForIndexBuilds(sqlite)
  try {
    for (const ix of indexes) {
      sqlite.exec(ix.sql)
      phase(`index ${ix.name}`)
    }
  } finally {
    restore()
  }
}

function nameKey(name: string): string {
  return name.toLowerCase().replace(/[^a-z0-9]+/g, ' ').trim()
}

/** Fills an empty, migrated workspace. Runs in one transaction: all of it or none. */
export function generateDemo(sqlite: Database.Database, options: DemoOptions): DemoCounts {
  const size = DEMO_SCALES[options.scale]
  const rnd = new Random(options.seed ?? DEMO_SEED)
  const todayMs = Date.parse(`${isoDay(options.today)}T00:00:00Z`)
  const { day, stamp } = stampMaker()
  const nowStamp = stamp(todayMs + 9 * 3_600_000)
  const counts: DemoCounts = { teams: 0, reps: 0, accounts: 0, contacts: 0, deals: 0, activities: 0, connections: 0 }
  let phaseStart = performance.now()
  const phase = (name: string) => {
    const now = performance.now()
    options.onPhase?.(name, now - phaseStart)
    phaseStart = now
  }

  // A large cache keeps a bulk build from spilling half-written pages to the WAL mid-transaction.
  const cacheSize = sqlite.pragma('cache_size', { simple: true }) as number
  sqlite.pragma('cache_size = -1000000')
  // The generator's ids are consistent by construction (a test runs foreign_key_check on its output);
  // checking four parents per activity row would double the build time. Must be set outside a transaction.
  const foreignKeys = sqlite.pragma('foreign_keys', { simple: true }) as number
  sqlite.pragma('foreign_keys = OFF')
  sqlite.pragma('temp_store = MEMORY')
  const synchronous = sqlite.pragma('synchronous', { simple: true }) as number
  if (options.bulk) {
    // better-sqlite3 opens connections in SQLite's defensive mode, which refuses journal_mode = OFF and keeps WAL
    // without a word: the build then wrote every page twice (the WAL, then the checkpoint into the file).
    sqlite.unsafeMode(true)
    const mode = sqlite.pragma('journal_mode = OFF', { simple: true }) as string
    if (mode !== 'off') throw new Error(`demo bulk load: the journal stayed ${mode}`)
    // Nothing to keep safe until the file is whole; the switch back to WAL below syncs it.
    sqlite.pragma('synchronous = OFF')
  }
  const todayText = isoDay(options.today)
  let facts: EvidenceFactsCollector | null = null
  const load = () => {
    const insTeam = sqlite.prepare('INSERT INTO teams (id, name, manager_name, created_at) VALUES (?, ?, ?, ?)')
    const insRep = sqlite.prepare(
      `INSERT INTO reps (id, team_id, name, email, role, hire_date, quota_minor, quota_currency, status, left_date)
       VALUES (?, ?, ?, ?, ?, ?, ?, 'USD', ?, ?)`
    )
    // The bulk tables are written a hundred rows per statement (same rows, same order, same ids).
    const insAccount = batchInsert(sqlite, 'INSERT INTO accounts (id, name, name_key, tier, is_named, industry, owner_id)', '(?, ?, ?, ?, ?, ?, ?)')
    const insAlias = batchInsert(sqlite, 'INSERT INTO account_aliases (account_id, alias, alias_key)', '(?, ?, ?)')
    const insContact = batchInsert(sqlite, 'INSERT INTO contacts (id, account_id, name, title, email, buying_role, influence)', '(?, ?, ?, ?, ?, ?, ?)')
    const insDeal = batchInsert(
      sqlite,
      `INSERT INTO deals (id, external_id, name, owner_id, account_id, amount_minor, currency, stage, probability,
        forecast_category, close_date, created_date, closed_date, status, loss_reason, alternative, competitor_name,
        next_step, updated_at)`,
      "(?, ?, ?, ?, ?, ?, 'USD', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
    )
    const insStage = batchInsert(sqlite, 'INSERT INTO deal_stage_history (deal_id, stage, entered_at)', '(?, ?, ?)')
    const insClose = batchInsert(sqlite, 'INSERT INTO deal_close_date_history (deal_id, close_date, previous_close_date, changed_at)', '(?, ?, ?, ?)')
    const insDealContact = batchInsert(sqlite, 'INSERT INTO deal_contacts (deal_id, contact_id)', '(?, ?)')
    const insCriterion = batchInsert(sqlite, 'INSERT INTO qualification_criteria (deal_id, criterion, met, evidence, updated_at)', '(?, ?, ?, ?, ?)')
    const insActivity = batchInsert(
      sqlite,
      'INSERT INTO activities (rep_id, kind, direction, occurred_at, subject, outcome, deal_id, account_id, contact_id)',
      '(?, ?, ?, ?, ?, NULL, ?, ?, ?)'
    )
    const insConnection = batchInsert(
      sqlite,
      'INSERT INTO connections (rep_id, person_name, company_name, account_id, contact_id, connected_on, source)',
      "(?, ?, ?, ?, ?, ?, 'demo')"
    )
    const batches = [insAccount, insAlias, insContact, insConnection, insDeal, insStage, insClose, insDealContact, insCriterion, insActivity]

    // Teams and reps.
    const teamIds: number[] = []
    for (let t = 1; t <= size.teams; t++) {
      const name = TEAM_NAMES[(t - 1) % TEAM_NAMES.length]! + (t > TEAM_NAMES.length ? ` ${Math.ceil(t / TEAM_NAMES.length)}` : '')
      insTeam.run(t, name, `${rnd.pick(FIRST_NAMES)} ${rnd.pick(LAST_NAMES)}`, stamp(todayMs - 900 * DAY_MS))
      teamIds.push(t)
    }
    const sellers: number[] = []
    for (let r = 1; r <= size.reps; r++) {
      const first = FIRST_NAMES[(r * 7) % FIRST_NAMES.length]!
      const last = LAST_NAMES[(r * 11 + Math.floor(r / FIRST_NAMES.length)) % LAST_NAMES.length]!
      const left = r % 23 === 0
      const role = r % 12 === 0 ? 'sdr' : 'ae'
      insRep.run(
        r,
        teamIds[(r - 1) % teamIds.length],
        `${first} ${last}${r > FIRST_NAMES.length ? ` ${Math.ceil(r / FIRST_NAMES.length)}` : ''}`,
        `${first}.${last}${r}@touchline-demo.test`.toLowerCase(),
        role,
        day(todayMs - rnd.int(120, 2400) * DAY_MS),
        rnd.int(24, 40) * 10_000_000,
        left ? 'left' : 'active',
        left ? day(todayMs - rnd.int(10, 200) * DAY_MS) : null
      )
      if (!left) sellers.push(r)
    }
    counts.teams = size.teams
    counts.reps = size.reps

    // Accounts, their contacts, and which reps know people there.
    const contactsByAccount: number[][] = [[]]
    const economicBuyers = new Set<number>()
    // The evidence facts, kept as the rows are written (see evidence-facts.ts).
    const evidence = new EvidenceFactsCollector(
      size.deals,
      Date.parse(engagedCutoff(todayText, readThresholds(sqlite))),
      (rep) => teamIds[(rep - 1) % teamIds.length]!,
      economicBuyers,
      stamp
    )
    facts = evidence
    const tierByAccount: number[] = [0]
    const ownerByAccount: number[] = [0]
    const nameByAccount: string[] = ['']
    let contactId = 0
    for (let a = 1; a <= size.accounts; a++) {
      const tierOne = a <= size.tierOne
      const stem = COMPANY_STEMS[a % COMPANY_STEMS.length]!
      const kind = COMPANY_KINDS[Math.floor(a / COMPANY_STEMS.length) % COMPANY_KINDS.length]!
      const serial = Math.floor(a / (COMPANY_STEMS.length * COMPANY_KINDS.length))
      const name = `${stem} ${kind}${serial ? ` ${serial + 1}` : ''}`
      const owner = sellers[a % sellers.length]!
      const tier = tierOne ? 1 : rnd.chance(0.3) ? 2 : 3
      insAccount.add(a, name, nameKey(name), tier, tierOne ? 1 : 0, rnd.pick(INDUSTRIES), owner)
      tierByAccount.push(tier)
      if (tierOne) insAlias.add(a, `${stem} ${kind.slice(0, 3).toUpperCase()}`, nameKey(`${stem} ${kind.slice(0, 3)}`))
      ownerByAccount.push(owner)
      nameByAccount.push(name)
      // One account in eight has no contacts at all: "no relationships, no deal".
      const contactCount = a % 8 === 0 ? 0 : rnd.int(1, tierOne ? 8 : 5)
      const ids: number[] = []
      for (let c = 0; c < contactCount; c++) {
        contactId++
        const role: BuyingRole | null =
          c === 0 ? 'user_buyer' : c === 1 && rnd.chance(0.75) ? 'economic_buyer' : rnd.weighted<BuyingRole | null>([['economic_buyer', 2], ['technical_buyer', 3], ['user_buyer', 3], ['coach', 2], [null, 2]])
        const person = `${rnd.pick(FIRST_NAMES)} ${rnd.pick(LAST_NAMES)}`
        insContact.add(
          contactId,
          a,
          person,
          role ? rnd.pick(TITLES_BY_ROLE[role]) : 'Manager',
          `${person.replace(' ', '.').toLowerCase()}@${stem.toLowerCase()}.example`,
          role,
          role === 'economic_buyer' ? 'high' : rnd.pick(['high', 'medium', 'low'] as const)
        )
        ids.push(contactId)
        if (role === 'economic_buyer') economicBuyers.add(contactId)
        if (rnd.chance(0.35)) {
          const knower = rnd.chance(0.7) ? owner : rnd.pick(sellers)
          insConnection.add(knower, person, name, a, contactId, day(todayMs - rnd.int(30, 1500) * DAY_MS))
          evidence.connection(knower, a)
          counts.connections++
        }
      }
      contactsByAccount.push(ids)
    }
    counts.accounts = size.accounts
    counts.contacts = contactId

    // Deals with stage and close-date history, contacts and qualification.
    const plans: DealPlan[] = []
    for (let d = 1; d <= size.deals; d++) {
      const accountId = rnd.int(1, size.accounts)
      const ownerId = rnd.chance(0.75) ? ownerByAccount[accountId]! : rnd.pick(sellers)
      const status = rnd.weighted([['open', 55], ['won', 25], ['lost', 20]] as const)
      const ageDays = status === 'open' ? rnd.int(5, 300) : rnd.int(40, 540)
      const created = todayMs - ageDays * DAY_MS
      // Won deals went the whole way; lost ones fell out along the funnel, so conversion by stage is a real funnel.
      const stageIndex =
        status === 'open'
          ? rnd.weighted(OPEN_STAGES.map((_, i) => [i, 5 - i * 0.6] as const))
          : status === 'lost'
            ? rnd.weighted(OPEN_STAGES.map((_, i) => [i, 1 + i * 0.5] as const))
            : OPEN_STAGES.length - 1
      const stage = OPEN_STAGES[stageIndex]!
      const closedAt = status === 'open' ? null : created + Math.min(ageDays - 1, rnd.int(30, 200)) * DAY_MS
      const category =
        status === 'won' || status === 'lost'
          ? 'closed'
          : stageIndex >= 3
            ? rnd.weighted([['commit', 5], ['best_case', 3], ['pipeline', 1]] as const)
            : stageIndex === 2
              ? rnd.weighted([['best_case', 4], ['pipeline', 5], ['omitted', 1]] as const)
              : rnd.weighted([['pipeline', 8], ['omitted', 1]] as const)
      const forecast = category === 'commit' || category === 'best_case'
      const silent = status === 'open' && forecast && rnd.chance(0.18)

      // Close date: open deals mostly ahead, some already past; a share slipped several times.
      let closeMs = status === 'open' ? todayMs + rnd.int(-25, 180) * DAY_MS : closedAt!
      const slips = status === 'open' ? rnd.weighted([[0, 6], [1, 2], [2, 1], [3, 1]] as const) : rnd.weighted([[0, 8], [1, 2]] as const)
      const firstClose = closeMs - slips * rnd.int(14, 30) * DAY_MS
      // Mid-market deal sizes, tier-one accounts three times larger: about 3× pipeline coverage per rep.
      const amountMinor = rnd.int(4, 120) * 250_000 * (accountId <= size.tierOne ? 3 : 1)
      const account = nameByAccount[accountId]!
      const competitor = rnd.chance(0.45) ? rnd.pick(COMPETITORS) : null
      const dealCloseDay = day(closeMs)
      insDeal.add(
        d,
        `DEMO-${String(d).padStart(7, '0')}`,
        `${account} — ${rnd.pick(['Platform rollout', 'Expansion', 'Renewal', 'Pilot', 'Analytics add-on', 'Regional deployment'])}`,
        ownerId,
        accountId,
        amountMinor,
        stage,
        status === 'won' ? 100 : status === 'lost' ? 0 : STAGE_PROBABILITY[stage],
        category,
        dealCloseDay,
        day(created),
        closedAt === null ? null : day(closedAt),
        status,
        status === 'lost' ? rnd.pick(['value_and_competition', 'pricing', 'complex_buying_requirements', 'failure_to_attract'] as const) : null,
        competitor ? 'competitor' : rnd.weighted([['do_nothing', 3], ['internal', 1], [null, 2]] as const),
        competitor,
        status === 'open' ? rnd.pick(['Send proposal', 'Book exec sponsor meeting', 'Security review', 'Pricing sign-off', 'Legal redlines']) : null,
        nowStamp
      )
      const end = closedAt ?? todayMs
      const span = Math.max(1, end - created)
      // An open deal entered its current stage recently (a few weeks, longer for one in six: the stalled ones);
      // earlier stages share the time before that, so the team's medians come out believable.
      const inStage = status === 'open' ? Math.min(span, rnd.int(2, rnd.chance(0.17) ? 120 : 35) * DAY_MS) : span / (stageIndex + 1.5) * 1.5
      const before = span - inStage
      const stages: [Stage, number][] = []
      for (let s = 0; s <= stageIndex; s++) {
        const entered = created + Math.floor(s === stageIndex ? before : (before * s) / Math.max(1, stageIndex))
        insStage.add(d, OPEN_STAGES[s], stamp(entered))
        stages.push([OPEN_STAGES[s]!, entered])
      }
      let prev = firstClose
      insClose.add(d, day(prev), null, stamp(created))
      const closes: [string, string | null, number][] = [[day(prev), null, created]]
      for (let s = 1; s <= slips; s++) {
        const next = s === slips ? closeMs : prev + rnd.int(14, 30) * DAY_MS
        const changed = Math.min(end, created + Math.floor((span * s) / (slips + 1)))
        insClose.add(d, day(next), day(prev), stamp(changed))
        closes.push([day(next), day(prev), changed])
        prev = next
      }
      closeMs = prev

      // Contacts on the deal: some single-threaded, some with none.
      const pool = contactsByAccount[accountId]!
      const wanted = pool.length === 0 ? 0 : rnd.weighted([[1, 3], [2, 3], [3, 2], [4, 1]] as const)
      // Most deals reach the economic buyer when the account has one; single-threaded deals stay with one contact.
      const economicBuyer = rnd.chance(0.7) ? pool.find((c) => economicBuyers.has(c)) : undefined
      const dealContacts = [...new Set([...(economicBuyer !== undefined && wanted > 1 ? [economicBuyer] : []), ...pool])].slice(0, Math.min(wanted, pool.length))
      for (const c of dealContacts) insDealContact.add(d, c)

      const metCriteria: QualificationCriterion[] = []
      if (status === 'open') {
        // Most open deals miss nothing; about one in four misses exactly one criterion (1 × 1 × 1 × 0 = 0).
        const missing = rnd.chance(0.25) ? rnd.int(0, QUALIFICATION_CRITERIA.length - 1) : -1
        const answered = stageIndex >= 1 ? QUALIFICATION_CRITERIA.length : rnd.int(2, QUALIFICATION_CRITERIA.length)
        QUALIFICATION_CRITERIA.slice(0, answered).forEach((criterion, i) => {
          const met = i === missing ? 0 : 1
          insCriterion.add(d, criterion, met, met ? 'Confirmed on a call' : null, nowStamp)
          if (met) metCriteria.push(criterion)
        })
      }
      plans.push({ id: d, ownerId, accountId, created, end, status, contactIds: dealContacts, silent })
      evidence.deal(
        { id: d, open: status === 'open', ownerId, accountId, tier: tierByAccount[accountId]!, stage, forecastCategory: category, amountMinor, closeDate: dealCloseDay },
        stages,
        closes,
        metCriteria
      )
    }
    counts.deals = size.deals
    phase('load: reps, accounts, deals')

    // Activities: three quarters on deals, the rest reps' own social presence.
    {
      const onDeals = Math.floor(size.activities * 0.75)
      const dealKinds = [['email', 10], ['call', 5], ['meeting', 4], ['social_message', 1], ['social_comment', 1], ['note', 1]] as const
      for (let i = 0; i < onDeals; i++) {
        const plan = plans[rnd.int(0, plans.length - 1)]!
        const latest = plan.silent ? Math.min(plan.end, todayMs - 20 * DAY_MS) : plan.end
        if (latest <= plan.created) continue
        // Skew recent: the square root pulls activity toward the end of a deal's life.
        const at = plan.created + Math.floor(Math.sqrt(rnd.next()) * (latest - plan.created)) + rnd.int(8, 18) * 3_600_000
        const kind: ActivityKind = rnd.weighted(dealKinds)
        const inbound = kind === 'meeting' ? rnd.chance(0.7) : kind === 'email' || kind === 'social_message' ? rnd.chance(0.35) : false
        const contact = plan.contactIds.length && kind !== 'note' ? rnd.pick(plan.contactIds) : null
        const subjects = kind === 'social_message' || kind === 'social_comment' ? SUBJECTS.social : SUBJECTS[kind]
        const occurred = Math.min(at, todayMs + 8 * 3_600_000)
        insActivity.add(plan.ownerId, kind, inbound ? 'inbound' : 'outbound', stamp(occurred), rnd.pick(subjects), plan.id, plan.accountId, contact)
        counts.activities++
        evidence.activity(plan.id, plan.accountId, contact, inbound, occurred)
      }
      // Social cadence differs by rep: some post most days, some once a fortnight.
      const cadence = rnd.weightedTable(sellers.map((rep) => [rep, rep % 5 === 0 ? 0.2 : rep % 3 === 0 ? 3 : 1] as const))
      const socialKinds = [['social_post', 3], ['social_comment', 4], ['social_share', 2], ['social_reaction', 3]] as const
      for (let i = onDeals; i < size.activities; i++) {
        const rep = cadence()
        const at = todayMs - Math.floor(rnd.next() * 365 * DAY_MS) + rnd.int(7, 20) * 3_600_000
        insActivity.add(rep, rnd.weighted(socialKinds), 'outbound', stamp(at), rnd.pick(SUBJECTS.social), null, null, null)
        counts.activities++
      }
    }
    for (const batch of batches) batch.flush()
    phase('load: activities')
    generateRecruitingDemo(sqlite, options.seed ?? DEMO_SEED, options.today)
    generateVisibilityDemo(sqlite, options.seed ?? DEMO_SEED, options.today)
    generateOneOnOneDemo(sqlite, options.seed ?? DEMO_SEED, options.today)
  }
  const tables = ['account_aliases', 'contacts', 'connections', 'deals', 'deal_stage_history', 'deal_close_date_history', 'deal_contacts', 'qualification_criteria', 'activities']
  try {
    // One transaction for all of it: a demo is there whole or not at all.
    sqlite.transaction(() => {
      withIndexesDeferred(sqlite, tables, load, phase)
      // Every deal's evidence row and flags, set-based, so the first Pipeline page needs no scan of activities.
      refreshAllEvidence(sqlite, todayText, options.evidenceFromStore ? undefined : facts!.known())
      phase('evidence')
      // Forecast history reads the evidence rows for the open quarter's figures, so it comes after them.
      generateForecastDemo(sqlite, options.seed ?? DEMO_SEED, options.today)
      phase('forecast')
    })()
    phase('commit')
  } finally {
    sqlite.pragma(`cache_size = ${cacheSize}`)
    sqlite.pragma(`foreign_keys = ${foreignKeys}`)
    if (options.bulk) {
      sqlite.pragma(`synchronous = ${synchronous}`)
      sqlite.pragma('journal_mode = WAL')
      sqlite.unsafeMode(false)
    }
  }
  // Statistics from a thousand-row sample per index: the same figures to a few per cent (compared on large) in a
  // sixth of the time of reading every index whole.
  const analysisLimit = sqlite.pragma('analysis_limit', { simple: true }) as number
  sqlite.pragma('analysis_limit = 1000')
  sqlite.pragma('optimize')
  sqlite.pragma(`analysis_limit = ${analysisLimit}`)
  phase('optimize')
  return counts
}
