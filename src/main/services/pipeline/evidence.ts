// Keeps each deal's evidence row current: set-based recompute for all or some deals, thresholds, team stage medians.
import type Database from 'better-sqlite3'
import { z } from 'zod'
import { addDays } from '@shared/dates'
import { OPEN_STAGES, QUALIFICATION_CRITERIA, type ForecastCategory, type QualificationCriterion, type Stage } from '@shared/domain'
import { DEFAULT_THRESHOLDS, type Thresholds } from '@shared/inspection'
import { inspectDeal, type EvidenceFacts } from './inspection-rules'

export const THRESHOLDS_KEY = 'inspection.thresholds'
export const AS_OF_KEY = 'inspection.as_of'

const positiveDays = z.number().int().min(1).max(3650)
const stageDays = z.object(Object.fromEntries(OPEN_STAGES.map((s) => [s, positiveDays])) as Record<Stage, typeof positiveDays>)

/** The thresholds as the contract accepts them: every field, in range. */
export const thresholdsSchema = z
  .object({
    noEvidenceDays: positiveDays,
    noEvidenceDaysByStage: stageDays.partial().strict(),
    engagedWindowDays: positiveDays,
    singleThreadedMax: z.number().int().min(0).max(20),
    stalledMultiple: z.number().min(1).max(10),
    stalledMinSamples: z.number().int().min(1).max(1000),
    stalledFallbackDays: stageDays.strict(),
    slippingPushes: z.number().int().min(1).max(20),
    amountLoweredShare: z.number().gt(0).lt(1),
    goneQuietDays: positiveDays
  })
  .strict()

/**
 * Prepared statements live per connection: better-sqlite3 statements belong to one Database, and preparing
 * (plus Kysely's query building) on every call is what the hot paths must not pay. A WeakMap lets a closed
 * workspace's statements go with it.
 */
const statementCache = new WeakMap<Database.Database, Map<string, Database.Statement>>()

export function prepared(sqlite: Database.Database, text: string): Database.Statement {
  let cache = statementCache.get(sqlite)
  if (!cache) {
    cache = new Map()
    statementCache.set(sqlite, cache)
  }
  let stmt = cache.get(text)
  if (!stmt) {
    stmt = sqlite.prepare(text)
    cache.set(text, stmt)
  }
  return stmt
}

/** Stored thresholds over the defaults: a workspace from before a new threshold existed still gets it. */
export function readThresholds(sqlite: Database.Database): Thresholds {
  const row = prepared(sqlite, 'SELECT value FROM settings WHERE key = ?').get(THRESHOLDS_KEY) as { value: string } | undefined
  let stored: Partial<Thresholds> = {}
  try {
    stored = row ? (JSON.parse(row.value) as Partial<Thresholds>) : {}
  } catch {
    stored = {}
  }
  const merged = { ...DEFAULT_THRESHOLDS, ...stored }
  merged.stalledFallbackDays = { ...DEFAULT_THRESHOLDS.stalledFallbackDays, ...(stored.stalledFallbackDays ?? {}) }
  const parsed = thresholdsSchema.safeParse(merged)
  return parsed.success ? parsed.data : DEFAULT_THRESHOLDS
}

/** Columns written per deal, in insert order. */
const WRITTEN = [
  'deal_id', 'is_open', 'owner_id', 'team_id', 'account_id', 'tier', 'stage', 'forecast_category', 'amount_minor', 'close_date',
  'last_activity_at', 'last_inbound_at', 'last_outbound_at', 'activity_count', 'recent_activity_count',
  'engaged_contacts', 'last_engaged_at', 'economic_buyer_engaged', 'owner_connections', 'team_connections',
  'criteria_met', 'close_pushes', 'last_push_at', 'stage_entered_at', 'stage_median_days', 'stage_samples',
  'amount_at_commit', 'criteria_missing', 'qualification_product', 'evidence_score', 'flags', 'computed_as_of'
] as const

/**
 * One statement reads the facts for every deal in scope, set-based: each fact comes from one grouped pass over
 * its table (an index range for a few deals), never from a per-deal subquery. Engaged contacts are read per
 * account through activities(account_id, occurred_at), so only the window's activities are touched.
 */
export function factsSql(scope: 'all' | 'some'): string {
  const some = scope === 'some'
  const ids = '(SELECT value FROM json_each(@ids))'
  const dealScope = (col: string) => (some ? `${col} IN ${ids}` : '1')
  return `
SELECT d.id AS deal_id, d.status = 'open' AS is_open, d.owner_id, o.team_id, d.account_id, a.tier, d.stage, d.forecast_category,
  d.amount_minor, d.close_date,
  act.last_at AS last_activity_at, act.last_in AS last_inbound_at, act.last_out AS last_outbound_at,
  coalesce(act.n, 0) AS activity_count, coalesce(act.recent, 0) AS recent_activity_count,
  coalesce(eng.n, 0) AS engaged_contacts, eng.last_at AS last_engaged_at, coalesce(eng.eb, 0) AS economic_buyer_engaged,
  coalesce(oc.n, 0) AS owner_connections, coalesce(tc.n, 0) AS team_connections,
  q.met AS criteria_met, coalesce(p.n, 0) AS close_pushes, p.last_at AS last_push_at, s.entered_at AS stage_entered_at,
  m.median_days AS stage_median_days, coalesce(m.samples, 0) AS stage_samples,
  CASE WHEN d.forecast_category = 'commit' THEN coalesce(prev.amount_at_commit, d.amount_minor) END AS amount_at_commit
FROM deals d
JOIN reps o ON o.id = d.owner_id
JOIN accounts a ON a.id = d.account_id
LEFT JOIN (
  SELECT x.deal_id, max(x.occurred_at) AS last_at,
    max(CASE WHEN x.direction = 'inbound' THEN x.occurred_at END) AS last_in,
    max(CASE WHEN x.direction = 'outbound' THEN x.occurred_at END) AS last_out,
    count(*) AS n, sum(x.occurred_at >= @cutoff) AS recent
  FROM activities x WHERE x.deal_id ${some ? `IN ${ids}` : 'IS NOT NULL'} GROUP BY x.deal_id
) act ON act.deal_id = d.id
LEFT JOIN (
  SELECT x.account_id, count(DISTINCT x.contact_id) AS n, max(x.occurred_at) AS last_at, max(c.buying_role = 'economic_buyer') AS eb
  FROM activities x INDEXED BY activities_account JOIN contacts c ON c.id = x.contact_id
  WHERE x.account_id IN (${some ? `SELECT account_id FROM deals WHERE id IN ${ids}` : 'SELECT id FROM accounts'}) AND x.occurred_at >= @cutoff
  GROUP BY x.account_id
) eng ON eng.account_id = d.account_id
LEFT JOIN (SELECT account_id, rep_id, count(*) AS n FROM connections WHERE account_id IS NOT NULL GROUP BY account_id, rep_id) oc
  ON oc.account_id = d.account_id AND oc.rep_id = d.owner_id
LEFT JOIN (
  SELECT k.account_id, r.team_id, count(*) AS n FROM connections k JOIN reps r ON r.id = k.rep_id
  WHERE k.account_id IS NOT NULL AND r.team_id IS NOT NULL GROUP BY k.account_id, r.team_id
) tc ON tc.account_id = d.account_id AND tc.team_id = o.team_id
LEFT JOIN (SELECT deal_id, group_concat(criterion) AS met FROM qualification_criteria WHERE met = 1 AND ${dealScope('deal_id')} GROUP BY deal_id) q
  ON q.deal_id = d.id
LEFT JOIN (
  SELECT deal_id, count(*) AS n, max(changed_at) AS last_at FROM deal_close_date_history
  WHERE previous_close_date IS NOT NULL AND close_date > previous_close_date AND ${dealScope('deal_id')} GROUP BY deal_id
) p ON p.deal_id = d.id
LEFT JOIN (SELECT deal_id, max(entered_at) AS entered_at FROM deal_stage_history WHERE ${dealScope('deal_id')} GROUP BY deal_id) s
  ON s.deal_id = d.id
LEFT JOIN stage_medians m ON m.team_id = coalesce(o.team_id, 0) AND m.stage = d.stage
LEFT JOIN deal_evidence prev ON prev.deal_id = d.id AND prev.forecast_category = 'commit'
WHERE ${dealScope('d.id')}`
}

/** The columns the rules read, as stored. */
export const FACT_COLUMNS = `e.deal_id, e.is_open, e.stage, e.forecast_category, e.amount_minor, e.close_date, e.last_activity_at,
  e.last_inbound_at, e.last_outbound_at, e.recent_activity_count, e.engaged_contacts, e.last_engaged_at, e.economic_buyer_engaged,
  e.owner_connections, e.team_connections, e.criteria_met, e.close_pushes, e.last_push_at, e.stage_entered_at,
  e.stage_median_days, e.stage_samples, e.amount_at_commit`

export interface FactRow {
  deal_id: number
  is_open: 0 | 1
  stage: Stage
  forecast_category: ForecastCategory
  amount_minor: number
  close_date: string
  last_activity_at: string | null
  last_inbound_at: string | null
  last_outbound_at: string | null
  recent_activity_count: number
  engaged_contacts: number
  last_engaged_at: string | null
  economic_buyer_engaged: 0 | 1
  owner_connections: number
  team_connections: number
  criteria_met: string | null
  close_pushes: number
  last_push_at: string | null
  stage_entered_at: string | null
  stage_median_days: number | null
  stage_samples: number
  amount_at_commit: number | null
}

export function toFacts(r: FactRow): EvidenceFacts {
  const met = new Set((r.criteria_met ?? '').split(','))
  const missing: QualificationCriterion[] = QUALIFICATION_CRITERIA.filter((c) => !met.has(c))
  return {
    isOpen: r.is_open === 1,
    stage: r.stage,
    forecastCategory: r.forecast_category,
    amountMinor: r.amount_minor,
    closeDate: r.close_date,
    lastActivityAt: r.last_activity_at,
    lastInboundAt: r.last_inbound_at,
    lastOutboundAt: r.last_outbound_at,
    recentActivityCount: r.recent_activity_count,
    engagedContacts: r.engaged_contacts,
    lastEngagedAt: r.last_engaged_at,
    economicBuyerEngaged: r.economic_buyer_engaged === 1,
    ownerConnections: r.owner_connections,
    teamConnections: r.team_connections,
    criteriaMissing: missing,
    closePushes: r.close_pushes,
    lastPushAt: r.last_push_at,
    stageEnteredAt: r.stage_entered_at,
    stageMedianDays: r.stage_median_days,
    stageSamples: r.stage_samples,
    amountAtCommit: r.amount_at_commit
  }
}

type ComputedRow = FactRow & Record<(typeof WRITTEN)[number], unknown>

/** Runs the pure rules over freshly read facts and writes each deal's row (flags, score, qualification with it). */
function writeEvidence(sqlite: Database.Database, rows: ComputedRow[], today: string, t: Thresholds): void {
  const insert = prepared(
    sqlite,
    `INSERT OR REPLACE INTO deal_evidence (${WRITTEN.join(', ')}) VALUES (${WRITTEN.map((c) => `@${c}`).join(', ')})`
  )
  for (const row of rows) {
    const facts = toFacts(row)
    const result = inspectDeal(facts, t, today)
    row.criteria_missing = facts.criteriaMissing.join(',') || null
    row.qualification_product = facts.criteriaMissing.length ? 0 : 1
    row.evidence_score = result.score
    row.flags = result.mask
    row.computed_as_of = today
    insert.run(row)
  }
}

/** The team's median days in each stage, from completed spans in stage history (next entry minus this one). */
export function refreshStageMedians(sqlite: Database.Database): void {
  writeStageMedians(sqlite, stageSpans(sqlite))
}

/** Completed spans in days by `${team}|${stage}` (team 0: none), in stage-history order per deal. */
function stageSpans(sqlite: Database.Database): Map<string, number[]> {
  const teamOf = new Map<number, number>()
  for (const [deal, team] of sqlite.prepare('SELECT d.id, coalesce(o.team_id, 0) FROM deals d JOIN reps o ON o.id = d.owner_id').raw().all() as [number, number][]) {
    teamOf.set(deal, team)
  }
  const history = sqlite
    .prepare('SELECT deal_id, stage, entered_at FROM deal_stage_history ORDER BY deal_id, entered_at, id')
    .raw()
    .all() as [number, Stage, string][]
  const spans = new Map<string, number[]>()
  for (let i = 0; i + 1 < history.length; i++) {
    const [deal, stage, at] = history[i]!
    const next = history[i + 1]!
    if (next[0] !== deal) continue
    const key = `${teamOf.get(deal) ?? 0}|${stage}`
    let list = spans.get(key)
    if (!list) spans.set(key, (list = []))
    list.push((Date.parse(next[2]) - Date.parse(at)) / 86_400_000)
  }
  return spans
}

function writeStageMedians(sqlite: Database.Database, spans: Map<string, number[]>): Map<string, { median: number; samples: number }> {
  const medians = new Map<string, { median: number; samples: number }>()
  sqlite.exec('DELETE FROM stage_medians')
  const insert = sqlite.prepare('INSERT INTO stage_medians (team_id, stage, median_days, samples) VALUES (?, ?, ?, ?)')
  for (const [key, list] of spans) {
    const [team, stage] = key.split('|') as [string, Stage]
    list.sort((a, b) => a - b)
    const mid = Math.floor(list.length / 2)
    const median = list.length % 2 === 1 ? list[mid]! : (list[mid - 1]! + list[mid]!) / 2
    insert.run(Number(team), stage, median, list.length)
    medians.set(key, { median, samples: list.length })
  }
  return medians
}

/** The first instant of the engaged-contact window: recent activity and engaged contacts count from here on. */
export function engagedCutoff(today: string, t: Thresholds): string {
  return `${addDays(today, -t.engagedWindowDays)}T00:00:00Z`
}

function params(today: string, t: Thresholds, ids: string) {
  return { today, cutoff: engagedCutoff(today, t), ids }
}

/**
 * Recomputes the evidence rows of a few deals. Synchronous on the raw connection, so called inside a
 * caller's transaction it commits or rolls back with the caller's write (same connection, no await between).
 */
export function recomputeEvidence(sqlite: Database.Database, dealIds: readonly number[], today: string): void {
  if (dealIds.length === 0) return
  const t = readThresholds(sqlite)
  const rows = [...plainRows<ComputedRow>(prepared(sqlite, factsSql('some')), params(today, t, JSON.stringify(dealIds)))]
  writeEvidence(sqlite, rows, today, t)
}

/** A deal's facts as the facts query reads them, every written column but the rules' outputs. */
export type DealFacts = FactRow & {
  owner_id: number
  team_id: number | null
  account_id: number
  tier: number
  activity_count: number
}

/**
 * What the facts query and the stage-history pass would read, from a caller that wrote every row itself (the demo
 * generator, which need not read two million activities back). A test builds a demo both ways and compares the rows.
 */
export interface KnownEvidence {
  /** Completed spans in days by `${team}|${stage}` (team 0: none), as gathered from stage history. */
  stageSpans: Map<string, number[]>
  /** Every deal's facts in deal order; stage_median_days and stage_samples are filled in from the spans. */
  deals: DealFacts[]
}

/**
 * Every deal's evidence row, set-based: after a demo build or import, when thresholds change, and once a day.
 * The rows are rewritten with the table's indexes dropped and rebuilt after, as the demo generator loads.
 * `known`: the facts from the caller instead of the query (a workspace with no evidence rows yet).
 */
export function refreshAllEvidence(sqlite: Database.Database, today: string, known?: KnownEvidence): void {
  const t = readThresholds(sqlite)
  const run = () => {
    let rows: ComputedRow[]
    if (known) {
      const medians = writeStageMedians(sqlite, known.stageSpans)
      for (const row of known.deals) {
        const m = medians.get(`${row.team_id ?? 0}|${row.stage}`)
        row.stage_median_days = m?.median ?? null
        row.stage_samples = m?.samples ?? 0
      }
      rows = known.deals as ComputedRow[]
    } else {
      refreshStageMedians(sqlite)
      rows = [...plainRows<ComputedRow>(sqlite.prepare(factsSql('all')), params(today, t, '[]'))]
    }
    const indexes = sqlite
      .prepare("SELECT name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL AND tbl_name = 'deal_evidence'")
      .all() as { name: string; sql: string }[]
    for (const ix of indexes) sqlite.exec(`DROP INDEX "${ix.name}"`)
    sqlite.exec('DELETE FROM deal_evidence')
    writeEvidence(sqlite, rows, today, t)
    for (const ix of indexes) sqlite.exec(ix.sql)
    prepared(sqlite, 'INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value').run(
      AS_OF_KEY,
      JSON.stringify(today)
    )
  }
  // A full refresh reads every activity once; a cache that holds the working set keeps it from re-reading pages.
  const cacheSize = sqlite.pragma('cache_size', { simple: true }) as number
  sqlite.pragma('cache_size = -400000')
  try {
    if (sqlite.inTransaction) run()
    else sqlite.transaction(run)()
  } finally {
    sqlite.pragma(`cache_size = ${cacheSize}`)
  }
}

/** Facts that move with the calendar; every other fact only changes on a write, which recomputes its deal. */
const CALENDAR_FACTS = ['recent_activity_count', 'engaged_contacts', 'last_engaged_at', 'economic_buyer_engaged'] as const

/**
 * The daily pass reads again only what moves with the calendar — recent activity per open deal (an index range
 * each) and engaged contacts per account in the window — beside the stored values, so only rows that changed are
 * written. Closed deals carry no flags that age, so they are left alone, unless the window itself moved
 * (`closedToo`: new thresholds with another engaged window).
 */
function dailySql(closedToo: boolean): string {
  // Only what the rules read and what tells a change: each column more is 110,000 more values made in JS.
  const stored = [...FACT_COLUMNS.split(',').map((c) => c.trim().replace(/^e\./, '')), 'evidence_score', 'flags'].filter(
    (c) => !(CALENDAR_FACTS as readonly string[]).includes(c)
  )
  return `
SELECT ${stored.map((c) => `e.${c}`).join(', ')},
  ${CALENDAR_FACTS.map((c) => `e.${c} AS stored_${c}`).join(', ')},
  (SELECT count(*) FROM activities x WHERE x.deal_id = e.deal_id AND x.occurred_at >= @cutoff) AS recent_activity_count,
  coalesce(eng.n, 0) AS engaged_contacts, eng.last_at AS last_engaged_at, coalesce(eng.eb, 0) AS economic_buyer_engaged
FROM deal_evidence e
LEFT JOIN (
  SELECT x.account_id, count(DISTINCT x.contact_id) AS n, max(x.occurred_at) AS last_at, max(c.buying_role = 'economic_buyer') AS eb
  FROM activities x INDEXED BY activities_account JOIN contacts c ON c.id = x.contact_id
  WHERE x.account_id IN (SELECT account_id FROM deal_evidence${closedToo ? '' : ' WHERE is_open = 1'}) AND x.occurred_at >= @cutoff
  GROUP BY x.account_id
) eng ON eng.account_id = e.account_id${closedToo ? '' : '\nWHERE e.is_open = 1'}`
}

type DailyRow = ComputedRow & Record<`stored_${(typeof CALENDAR_FACTS)[number]}`, unknown>

/**
 * A statement's rows as plain objects made here from its raw arrays: better-sqlite3's own row objects cost about
 * twice as much to make (110,000 open deals of 29 columns: 4.5 s against 2.3 s on a busy machine). Used wherever
 * evidence reads a row per deal.
 */
function* plainRows<T>(stmt: Database.Statement, bound: object): Generator<T> {
  const names = stmt.columns().map((c) => c.name)
  try {
    for (const raw of stmt.raw(true).iterate(bound) as IterableIterator<unknown[]>) {
      const row: Record<string, unknown> = {}
      for (let i = 0; i < names.length; i++) row[names[i] as string] = raw[i]
      yield row as T
    }
  } finally {
    // The statement may be a shared cached one: it goes back to giving objects.
    stmt.raw(false)
  }
}

/**
 * Every open deal (and with `closedToo` every deal) inspected again from its stored facts, the calendar's facts read
 * anew for `today`: the first read of a day, and new thresholds, which change no other fact.
 */
function reinspect(sqlite: Database.Database, today: string, closedToo: boolean): void {
  const t = readThresholds(sqlite)
  const update = prepared(
    sqlite,
    `UPDATE deal_evidence SET ${CALENDAR_FACTS.map((c) => `${c} = @${c}`).join(', ')}, evidence_score = @evidence_score,
       flags = @flags, computed_as_of = @computed_as_of WHERE deal_id = @deal_id`
  )
  const run = () => {
    // Read as a stream and written after: most rows are unchanged, and only the changed ones are kept.
    const changes: Record<string, unknown>[] = []
    for (const row of plainRows<DailyRow>(prepared(sqlite, dailySql(closedToo)), params(today, t, '[]'))) {
      const result = inspectDeal(toFacts(row), t, today)
      const changed =
        result.mask !== row.flags ||
        result.score !== row.evidence_score ||
        CALENDAR_FACTS.some((c) => row[c] !== row[`stored_${c}`])
      if (!changed) continue
      changes.push({
        deal_id: row.deal_id,
        recent_activity_count: row.recent_activity_count,
        engaged_contacts: row.engaged_contacts,
        last_engaged_at: row.last_engaged_at,
        economic_buyer_engaged: row.economic_buyer_engaged,
        evidence_score: result.score,
        flags: result.mask,
        computed_as_of: today
      })
    }
    for (const change of changes) update.run(change)
    prepared(sqlite, 'INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value').run(
      AS_OF_KEY,
      JSON.stringify(today)
    )
  }
  if (sqlite.inTransaction) run()
  else sqlite.transaction(run)()
}

/**
 * Flags depend on today ("no activity in 14 days"), so the first read of a new day re-evaluates the open deals
 * from their stored facts; a workspace never refreshed gets the full pass.
 */
export function ensureEvidenceFresh(sqlite: Database.Database, today: string): void {
  const row = prepared(sqlite, 'SELECT value FROM settings WHERE key = ?').get(AS_OF_KEY) as { value: string } | undefined
  if (row?.value === JSON.stringify(today)) return
  if (row === undefined) refreshAllEvidence(sqlite, today)
  else reinspect(sqlite, today, false)
}

/**
 * New thresholds (already stored) applied: the rules run again over the stored facts rather than every fact being
 * read again (200,000 deals: a full refresh takes about 20 s). Only the engaged window changes facts, the calendar's
 * ones, which are then read again for closed deals too. A workspace never refreshed gets the full pass.
 */
export function applyThresholds(sqlite: Database.Database, today: string, before: Thresholds): void {
  const hasAsOf = prepared(sqlite, 'SELECT 1 FROM settings WHERE key = ?').get(AS_OF_KEY) !== undefined
  if (!hasAsOf) refreshAllEvidence(sqlite, today)
  else reinspect(sqlite, today, readThresholds(sqlite).engagedWindowDays !== before.engagedWindowDays)
}
