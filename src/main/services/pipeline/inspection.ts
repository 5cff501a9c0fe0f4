// Pipeline inspection queries and writes: the flagged list, totals, forecast, funnel, the deal drawer and the manager's edits.
import type Database from 'better-sqlite3'
import type { Kysely } from 'kysely'
import type {
  CategoryTotal,
  DealInspection,
  FlagExplained,
  FunnelStage,
  InspectedContact,
  ManagerCallValue,
  Page,
  ParsedInput,
  PipelineFilters,
  PipelineRow,
  PipelineTotals,
  Relationship,
  RepForecastRow,
  SavedView,
  TimelineEntry
} from '@shared/contract'
import { addDays, daysBetween, DAY_MS } from '@shared/dates'
import { OPEN_STAGES, type ActivityKind, type BuyingRole, type DealStatus, type Direction, type ForecastCategory, type Influence, type Stage, type Tier } from '@shared/domain'
import { DISQUALIFYING_FLAGS, EVIDENCE_SCORE_EXPLAINED, FLAGS, flagBit, flagsFromMask, type Flag, type Thresholds } from '@shared/inspection'
import { TouchlineError } from '@shared/errors'
import { savedViewSchema } from '@shared/contract'
import type { DB } from '../../store/schema'
import { getDeal, toDealRow } from './deals'
import { inspectDeal } from './inspection-rules'
import {
  FACT_COLUMNS,
  THRESHOLDS_KEY,
  applyThresholds,
  ensureEvidenceFresh,
  prepared,
  readThresholds,
  recomputeEvidence,
  thresholdsSchema,
  toFacts,
  type FactRow
} from './evidence'

/** What the inspection services need: the Kysely handle for ordinary queries and the raw connection for hot paths. */
export interface InspectionStore {
  db: Kysely<DB>
  sqlite: Database.Database
}

const DISQUALIFYING_MASK = DISQUALIFYING_FLAGS.reduce((m, f) => m | flagBit(f), 0)
const VIEWS_KEY = 'pipeline.views'

const SORT_SQL: Record<ParsedInput<'pipeline.list'>['sort'], { column: string; invert: boolean }> = {
  evidence_score: { column: 'e.evidence_score', invert: false },
  close_date: { column: 'e.close_date', invert: false },
  amount: { column: 'e.amount_minor', invert: false },
  last_activity: { column: 'e.last_activity_at', invert: false },
  // More days in stage means an earlier entry.
  days_in_stage: { column: 'e.stage_entered_at', invert: true }
}

/** The WHERE clause for a filter set, with named parameters; the same filters give the same text, so one cached statement. */
export function filterSql(f: PipelineFilters): { where: string; params: Record<string, string | number> } {
  const parts = ['e.is_open = 1']
  const params: Record<string, string | number> = {}
  if (f.ownerId !== undefined) (parts.push('e.owner_id = @ownerId'), (params.ownerId = f.ownerId))
  if (f.teamId !== undefined) (parts.push('e.team_id = @teamId'), (params.teamId = f.teamId))
  if (f.stage !== undefined) (parts.push('e.stage = @stage'), (params.stage = f.stage))
  if (f.forecastCategory !== undefined) (parts.push('e.forecast_category = @category'), (params.category = f.forecastCategory))
  if (f.tier !== undefined) (parts.push('e.tier = @tier'), (params.tier = f.tier))
  if (f.closeFrom !== undefined) (parts.push('e.close_date >= @closeFrom'), (params.closeFrom = f.closeFrom))
  if (f.closeTo !== undefined) (parts.push('e.close_date <= @closeTo'), (params.closeTo = f.closeTo))
  if (f.flag === 'any') parts.push('e.flags != 0')
  else if (f.flag === 'none') parts.push('e.flags = 0')
  else if (f.flag !== undefined) (parts.push('(e.flags & @flagBit) != 0'), (params.flagBit = flagBit(f.flag)))
  return { where: parts.join(' AND '), params }
}

/**
 * The page query. deal_evidence drives it (CROSS JOIN keeps SQLite from starting anywhere else), so the
 * first page sorted by evidence score walks the score index and stops after `limit` rows.
 */
export function pipelinePageSql(input: Pick<ParsedInput<'pipeline.list'>, 'filters' | 'sort' | 'direction'>): { text: string; params: Record<string, string | number> } {
  const { where, params } = filterSql(input.filters)
  const sort = SORT_SQL[input.sort]
  const dir = (input.direction === 'asc') !== sort.invert ? 'ASC' : 'DESC'
  const text = `SELECT e.deal_id AS id, d.name, e.owner_id, o.name AS owner_name, e.account_id, a.name AS account_name, e.tier,
    e.amount_minor, d.currency, e.stage, d.probability, e.forecast_category, e.close_date, d.status, e.stage_entered_at,
    e.last_activity_at, e.evidence_score, e.flags, d.manager_call
  FROM deal_evidence e CROSS JOIN deals d ON d.id = e.deal_id CROSS JOIN reps o ON o.id = e.owner_id CROSS JOIN accounts a ON a.id = e.account_id
  WHERE ${where}
  ORDER BY ${sort.column} ${dir}, e.deal_id ${dir}
  LIMIT @limit OFFSET @offset`
  return { text, params }
}

export interface PageRow {
  id: number
  name: string
  owner_id: number
  owner_name: string
  account_id: number
  account_name: string
  tier: Tier
  amount_minor: number
  currency: string
  stage: Stage
  probability: number
  forecast_category: ForecastCategory
  close_date: string
  status: DealStatus
  stage_entered_at: string | null
  last_activity_at: string | null
  evidence_score: number
  flags: number
  manager_call: ManagerCallValue | null
}

/**
 * Flag lists by mask: a page maps hundreds of rows onto a few dozen masks, so each list is built once (and frozen:
 * rows share it).
 */
const FLAG_LISTS = new Map<number, Flag[]>()
function flagList(mask: number): Flag[] {
  let list = FLAG_LISTS.get(mask)
  if (!list) FLAG_LISTS.set(mask, (list = Object.freeze(flagsFromMask(mask)) as Flag[]))
  return list
}

const dayNumber = (isoDate: string) => Date.UTC(+isoDate.slice(0, 4), +isoDate.slice(5, 7) - 1, +isoDate.slice(8, 10)) / DAY_MS

/** Rows of a pipeline page: this runs for every open deal of a rep (hundreds per call), so the deal row is extended, not copied. */
export function toPipelineRow(r: PageRow, today: string, acknowledged: Flag[]): PipelineRow {
  return Object.assign(toDealRow(r), {
    daysInStage: r.stage_entered_at ? dayNumber(today) - dayNumber(r.stage_entered_at) : null,
    lastActivityAt: r.last_activity_at,
    evidenceScore: r.evidence_score,
    flags: flagList(r.flags),
    acknowledged,
    managerCall: r.manager_call
  })
}

/** Acknowledgements still in force: until-date not passed and the deal unchanged since. */
export function activeAcknowledgements(sqlite: Database.Database, dealIds: number[], today: string): Map<number, Map<Flag, { reason: string; until: string }>> {
  const out = new Map<number, Map<Flag, { reason: string; until: string }>>()
  if (dealIds.length === 0) return out
  const rows = prepared(
    sqlite,
    `SELECT k.deal_id, k.flag, k.reason, k.until_date FROM flag_acknowledgements k JOIN deals d ON d.id = k.deal_id
     WHERE k.deal_id IN (SELECT value FROM json_each(?)) AND k.until_date >= ? AND k.deal_updated_at = d.updated_at`
  ).all(JSON.stringify(dealIds), today) as { deal_id: number; flag: Flag; reason: string; until_date: string }[]
  for (const r of rows) {
    let m = out.get(r.deal_id)
    if (!m) out.set(r.deal_id, (m = new Map()))
    m.set(r.flag, { reason: r.reason, until: r.until_date })
  }
  return out
}

/** One page of open deals with flags and evidence score, filtered and sorted in the main process. */
export function listPipeline(store: InspectionStore, input: ParsedInput<'pipeline.list'>, today: string): Page<PipelineRow> {
  ensureEvidenceFresh(store.sqlite, today)
  const { text, params } = pipelinePageSql(input)
  const rows = prepared(store.sqlite, text).all({ ...params, limit: input.limit, offset: input.offset }) as PageRow[]
  const { where } = filterSql(input.filters)
  const total = (prepared(store.sqlite, `SELECT count(*) AS n FROM deal_evidence e WHERE ${where}`).get(params) as { n: number }).n
  const acks = activeAcknowledgements(store.sqlite, rows.map((r) => r.id), today)
  return {
    rows: rows.map((r) => {
      const known = acks.get(r.id)
      const raised = flagsFromMask(r.flags)
      return toPipelineRow(r, today, known ? raised.filter((f) => known.has(f)) : [])
    }),
    total,
    offset: input.offset,
    limit: input.limit
  }
}

/** Totals by forecast category for the same filters, with the flagged share. */
export function pipelineTotals(store: InspectionStore, input: ParsedInput<'pipeline.totals'>, today: string): PipelineTotals {
  ensureEvidenceFresh(store.sqlite, today)
  const { where, params } = filterSql(input.filters)
  const rows = prepared(
    store.sqlite,
    `SELECT e.forecast_category AS category, count(*) AS deals, total(e.amount_minor) AS amount,
       sum(e.flags != 0) AS flagged, total(CASE WHEN e.flags != 0 THEN e.amount_minor END) AS flagged_amount
     FROM deal_evidence e WHERE ${where} GROUP BY e.forecast_category`
  ).all(params) as { category: ForecastCategory; deals: number; amount: number; flagged: number; flagged_amount: number }[]
  const order: ForecastCategory[] = ['commit', 'best_case', 'pipeline', 'omitted']
  const categories: CategoryTotal[] = order.map((category) => {
    const r = rows.find((x) => x.category === category)
    return {
      category,
      deals: r?.deals ?? 0,
      amountMinor: r?.amount ?? 0,
      flaggedDeals: r?.flagged ?? 0,
      flaggedAmountMinor: r?.flagged_amount ?? 0
    }
  })
  return {
    currency: 'USD',
    categories,
    deals: categories.reduce((s, c) => s + c.deals, 0),
    flaggedDeals: categories.reduce((s, c) => s + c.flaggedDeals, 0)
  }
}

/** One rep's open deals with their stored flags: the bench's "flags of one rep". */
export function inspectRep(store: InspectionStore, repId: number, today: string): PipelineRow[] {
  ensureEvidenceFresh(store.sqlite, today)
  const rows = prepared(store.sqlite, INSPECT_REP_SQL).all({ repId }) as PageRow[]
  return rows.map((r) => toPipelineRow(r, today, []))
}

export const INSPECT_REP_SQL = `SELECT e.deal_id AS id, d.name, e.owner_id, o.name AS owner_name, e.account_id, a.name AS account_name, e.tier,
    e.amount_minor, d.currency, e.stage, d.probability, e.forecast_category, e.close_date, d.status, e.stage_entered_at,
    e.last_activity_at, e.evidence_score, e.flags, d.manager_call
  FROM deal_evidence e CROSS JOIN deals d ON d.id = e.deal_id CROSS JOIN reps o ON o.id = e.owner_id CROSS JOIN accounts a ON a.id = e.account_id
  WHERE e.owner_id = @repId AND e.is_open = 1
  ORDER BY e.evidence_score, e.deal_id`

/** Per rep: open and flagged deals, the rep's commit, the evidence-based commit, best case and the manager's commit. */
export const FORECAST_SQL = (byTeam: boolean) => `SELECT e.owner_id AS rep_id, o.name AS rep_name, o.team_id, count(*) AS open_deals,
    sum(e.flags != 0) AS flagged,
    total(CASE WHEN e.forecast_category = 'commit' THEN e.amount_minor END) AS commit_minor,
    total(CASE WHEN e.forecast_category = 'commit' AND (e.flags & ${DISQUALIFYING_MASK}) = 0 THEN e.amount_minor END) AS evidence_minor,
    total(CASE WHEN e.forecast_category = 'best_case' THEN e.amount_minor END) AS best_case_minor,
    total(CASE WHEN e.forecast_category = 'commit' AND d.manager_call IS NOT 'would_not_forecast' THEN e.amount_minor END) AS manager_minor
  FROM deal_evidence e CROSS JOIN reps o ON o.id = e.owner_id CROSS JOIN deals d ON d.id = e.deal_id
  WHERE ${byTeam ? 'e.team_id = @teamId AND ' : ''}e.is_open = 1
  GROUP BY e.owner_id ORDER BY o.name`

/** The evidence-based forecast beside each rep's call: one team (the bench's "flags of one team") or the org. */
export function pipelineForecast(store: InspectionStore, input: ParsedInput<'pipeline.forecast'>, today: string): RepForecastRow[] {
  ensureEvidenceFresh(store.sqlite, today)
  const byTeam = input.teamId !== undefined
  const rows = prepared(store.sqlite, FORECAST_SQL(byTeam)).all(byTeam ? { teamId: input.teamId } : {}) as {
    rep_id: number
    rep_name: string
    team_id: number | null
    open_deals: number
    flagged: number
    commit_minor: number
    evidence_minor: number
    best_case_minor: number
    manager_minor: number
  }[]
  return rows.map((r) => ({
    repId: r.rep_id,
    repName: r.rep_name,
    teamId: r.team_id,
    openDeals: r.open_deals,
    flaggedDeals: r.flagged,
    commitMinor: r.commit_minor,
    evidenceCommitMinor: r.evidence_minor,
    bestCaseMinor: r.best_case_minor,
    managerCommitMinor: r.manager_minor
  }))
}

/** Open deals and amounts per stage, and stage-to-stage conversion from stage history. */
export function pipelineFunnel(store: InspectionStore, input: ParsedInput<'pipeline.funnel'>, today: string): FunnelStage[] {
  ensureEvidenceFresh(store.sqlite, today)
  const scope = input.ownerId !== undefined ? 'e.owner_id = @ownerId' : input.teamId !== undefined ? 'e.team_id = @teamId' : '1'
  const params = input.ownerId !== undefined ? { ownerId: input.ownerId } : input.teamId !== undefined ? { teamId: input.teamId } : {}
  const open = prepared(
    store.sqlite,
    `SELECT e.stage, count(*) AS n, total(e.amount_minor) AS amount FROM deal_evidence e WHERE ${scope} AND e.is_open = 1 GROUP BY e.stage`
  ).all(params) as { stage: Stage; n: number; amount: number }[]
  const entered = prepared(
    store.sqlite,
    `SELECT h.stage, count(DISTINCT h.deal_id) AS n FROM deal_evidence e CROSS JOIN deal_stage_history h ON h.deal_id = e.deal_id
     WHERE ${scope} GROUP BY h.stage`
  ).all(params) as { stage: Stage; n: number }[]
  return OPEN_STAGES.map((stage, i) => {
    const here = entered.find((x) => x.stage === stage)?.n ?? 0
    const nextStage = OPEN_STAGES[i + 1]
    const next = nextStage ? (entered.find((x) => x.stage === nextStage)?.n ?? 0) : null
    const o = open.find((x) => x.stage === stage)
    return {
      stage,
      openDeals: o?.n ?? 0,
      openAmountMinor: o?.amount ?? 0,
      entered: here,
      conversionToNext: next === null || here === 0 ? null : next / here
    }
  })
}

/** Everything the deal drawer shows: flags with reasons and acknowledgements, timeline, contacts, relationships. */
export async function inspectDealById(store: InspectionStore, dealId: number, today: string, method = 'deals.inspect'): Promise<DealInspection> {
  ensureEvidenceFresh(store.sqlite, today)
  const deal = await getDeal(store.db, { id: dealId }, method)
  const sqlite = store.sqlite
  const fact = prepared(sqlite, `SELECT ${FACT_COLUMNS}, e.evidence_score FROM deal_evidence e WHERE e.deal_id = ?`).get(dealId) as
    | (FactRow & { evidence_score: number })
    | undefined
  if (!fact) throw new TouchlineError('NOT_FOUND', `${method}: deal ${dealId} has no evidence row yet.`)
  const thresholds = readThresholds(sqlite)
  const facts = toFacts(fact)
  const result = inspectDeal(facts, thresholds, today)
  const acks = activeAcknowledgements(sqlite, [dealId], today).get(dealId)
  const flags: FlagExplained[] = result.flags.map((f) => ({ ...f, acknowledged: acks?.get(f.flag) ?? null }))
  const meta = prepared(sqlite, 'SELECT manager_call FROM deals WHERE id = ?').get(dealId) as { manager_call: ManagerCallValue | null }

  const activities = prepared(
    sqlite,
    `SELECT x.occurred_at, x.kind, x.direction, x.subject, r.name AS rep_name, c.name AS contact_name
     FROM activities x JOIN reps r ON r.id = x.rep_id LEFT JOIN contacts c ON c.id = x.contact_id
     WHERE x.deal_id = ? ORDER BY x.occurred_at DESC LIMIT 100`
  ).all(dealId) as { occurred_at: string; kind: ActivityKind; direction: Direction; subject: string | null; rep_name: string; contact_name: string | null }[]
  const timeline: TimelineEntry[] = [
    ...activities.map((a): TimelineEntry => ({
      type: 'activity',
      at: a.occurred_at,
      kind: a.kind,
      direction: a.direction,
      subject: a.subject,
      repName: a.rep_name,
      contactName: a.contact_name
    })),
    ...deal.stageHistory.map((s): TimelineEntry => ({ type: 'stage', at: s.enteredAt, stage: s.stage })),
    ...deal.closeDateHistory
      .filter((c) => c.previousCloseDate !== null)
      .map((c): TimelineEntry => ({ type: 'close_date', at: c.changedAt, closeDate: c.closeDate, previousCloseDate: c.previousCloseDate }))
  ].sort((a, b) => (a.at < b.at ? 1 : a.at > b.at ? -1 : 0))

  const cutoff = `${addDays(today, -thresholds.engagedWindowDays)}T00:00:00Z`
  const onDeal = new Set(deal.contacts.map((c) => c.id))
  const contacts = prepared(
    sqlite,
    `SELECT c.id, c.name, c.title, c.buying_role, c.influence,
       (SELECT max(x.occurred_at) FROM activities x WHERE x.contact_id = c.id) AS last_engaged_at
     FROM contacts c WHERE c.account_id = ? ORDER BY c.name`
  ).all(deal.accountId) as { id: number; name: string; title: string | null; buying_role: BuyingRole | null; influence: Influence | null; last_engaged_at: string | null }[]
  const accountContacts: InspectedContact[] = contacts.map((c) => ({
    id: c.id,
    name: c.name,
    title: c.title,
    buyingRole: c.buying_role,
    influence: c.influence,
    onDeal: onDeal.has(c.id),
    lastEngagedAt: c.last_engaged_at,
    engaged: c.last_engaged_at !== null && c.last_engaged_at >= cutoff
  }))
  const links = prepared(
    sqlite,
    `SELECT k.rep_id, r.name AS rep_name, k.person_name, k.contact_id, k.connected_on,
       k.rep_id = d.owner_id AS is_owner, r.team_id IS NOT NULL AND r.team_id = o.team_id AS same_team
     FROM deals d JOIN reps o ON o.id = d.owner_id JOIN connections k ON k.account_id = d.account_id JOIN reps r ON r.id = k.rep_id
     WHERE d.id = ? ORDER BY is_owner DESC, same_team DESC, r.name`
  ).all(dealId) as { rep_id: number; rep_name: string; person_name: string; contact_id: number | null; connected_on: string | null; is_owner: number; same_team: number }[]
  const relationships: Relationship[] = links.map((k) => ({
    repId: k.rep_id,
    repName: k.rep_name,
    personName: k.person_name,
    contactId: k.contact_id,
    isOwner: k.is_owner === 1,
    sameTeam: k.same_team === 1,
    connectedOn: k.connected_on
  }))
  return {
    deal,
    managerCall: meta.manager_call,
    evidenceScore: fact.evidence_score,
    evidenceBacked: result.evidenceBacked,
    flags,
    daysInStage: facts.stageEnteredAt ? daysBetween(facts.stageEnteredAt.slice(0, 10), today) : null,
    lastActivityAt: facts.lastActivityAt,
    timeline,
    accountContacts,
    relationships,
    missingCriteria: facts.criteriaMissing,
    scoreExplained: EVIDENCE_SCORE_EXPLAINED
  }
}

function requireDeal(sqlite: Database.Database, method: string, dealId: number): { id: number; status: DealStatus; updated_at: string } {
  const row = prepared(sqlite, 'SELECT id, status, updated_at FROM deals WHERE id = ?').get(dealId) as
    | { id: number; status: DealStatus; updated_at: string }
    | undefined
  if (!row) throw new TouchlineError('NOT_FOUND', `${method}: input.dealId: there is no deal with id ${dealId}.`)
  return row
}

/** Marks a raised flag as known until a date; it returns when the date passes or the deal changes. */
export function acknowledgeFlag(store: InspectionStore, input: ParsedInput<'flags.acknowledge'>, today: string, now: string): FlagExplained {
  const sqlite = store.sqlite
  return sqlite.transaction(() => {
    const deal = requireDeal(sqlite, 'flags.acknowledge', input.dealId)
    if (input.until < today) {
      throw new TouchlineError('INVALID_INPUT', `flags.acknowledge: input.until: ${input.until} has already passed; give today or a later date.`)
    }
    recomputeEvidence(sqlite, [input.dealId], today)
    const fact = prepared(sqlite, `SELECT ${FACT_COLUMNS} FROM deal_evidence e WHERE e.deal_id = ?`).get(input.dealId) as FactRow
    const found = inspectDeal(toFacts(fact), readThresholds(sqlite), today).flags.find((f) => f.flag === input.flag)
    if (!found) {
      throw new TouchlineError('INVALID_INPUT', `flags.acknowledge: input.flag: deal ${input.dealId} is not flagged "${input.flag}" today.`)
    }
    prepared(
      sqlite,
      `INSERT INTO flag_acknowledgements (deal_id, flag, reason, until_date, created_at, deal_updated_at) VALUES (?, ?, ?, ?, ?, ?)
       ON CONFLICT (deal_id, flag) DO UPDATE SET reason = excluded.reason, until_date = excluded.until_date,
         created_at = excluded.created_at, deal_updated_at = excluded.deal_updated_at`
    ).run(input.dealId, input.flag, input.reason, input.until, now, deal.updated_at)
    return { ...found, acknowledged: { reason: input.reason, until: input.until } }
  })()
}

/** The manager's own call, kept apart from the rep's forecast category (and not a change that revives acknowledged flags). */
export function setManagerCall(store: InspectionStore, input: ParsedInput<'deals.setManagerCall'>): { dealId: number; managerCall: ManagerCallValue | null } {
  const sqlite = store.sqlite
  return sqlite.transaction(() => {
    const deal = requireDeal(sqlite, 'deals.setManagerCall', input.dealId)
    if (deal.status !== 'open') {
      throw new TouchlineError('INVALID_INPUT', `deals.setManagerCall: input.dealId: deal ${input.dealId} is ${deal.status}; a call is made on open deals only.`)
    }
    prepared(sqlite, 'UPDATE deals SET manager_call = ? WHERE id = ?').run(input.managerCall, input.dealId)
    return { dealId: input.dealId, managerCall: input.managerCall }
  })()
}

/** Ticks or unticks one qualification criterion with its evidence, then recomputes the deal's flags. */
export async function setCriterion(store: InspectionStore, input: ParsedInput<'criteria.set'>, today: string, now: string): Promise<DealInspection> {
  const sqlite = store.sqlite
  sqlite.transaction(() => {
    requireDeal(sqlite, 'criteria.set', input.dealId)
    if (input.met && !input.evidence) {
      throw new TouchlineError('INVALID_INPUT', 'criteria.set: input.evidence: say what shows the criterion is met (a call, an email, a document).')
    }
    prepared(
      sqlite,
      `INSERT INTO qualification_criteria (deal_id, criterion, met, evidence, updated_at) VALUES (?, ?, ?, ?, ?)
       ON CONFLICT (deal_id, criterion) DO UPDATE SET met = excluded.met, evidence = excluded.evidence, updated_at = excluded.updated_at`
    ).run(input.dealId, input.criterion, input.met ? 1 : 0, input.evidence, now)
    recomputeEvidence(sqlite, [input.dealId], today)
  })()
  return inspectDealById(store, input.dealId, today)
}

export function getThresholds(store: InspectionStore): Thresholds {
  return readThresholds(store.sqlite)
}

/** New thresholds change every deal's flags: stored and applied in one transaction. */
export function setThresholds(store: InspectionStore, input: ParsedInput<'settings.setThresholds'>, today: string): Thresholds {
  const checked = thresholdsSchema.parse(input)
  const sqlite = store.sqlite
  sqlite.transaction(() => {
    const before = readThresholds(sqlite)
    prepared(sqlite, 'INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value').run(
      THRESHOLDS_KEY,
      JSON.stringify(checked)
    )
    applyThresholds(sqlite, today, before)
  })()
  return readThresholds(sqlite)
}

function readViews(sqlite: Database.Database): SavedView[] {
  const row = prepared(sqlite, 'SELECT value FROM settings WHERE key = ?').get(VIEWS_KEY) as { value: string } | undefined
  if (!row) return []
  try {
    const parsed = JSON.parse(row.value) as unknown
    if (!Array.isArray(parsed)) return []
    // A view written by hand or by an older build that no longer validates is left out rather than breaking the page.
    return parsed.flatMap((v): SavedView[] => {
      const checked = savedViewSchema.safeParse(v)
      return checked.success ? [checked.data] : []
    })
  } catch {
    return []
  }
}

function writeViews(sqlite: Database.Database, views: SavedView[]): void {
  prepared(sqlite, 'INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value').run(
    VIEWS_KEY,
    JSON.stringify(views)
  )
}

export function listViews(store: InspectionStore): SavedView[] {
  return readViews(store.sqlite)
}

/** Saves a view under its name, replacing one of the same name. */
export function saveView(store: InspectionStore, input: ParsedInput<'pipelineViews.save'>): SavedView[] {
  return store.sqlite.transaction(() => {
    const views = readViews(store.sqlite).filter((v) => v.name.toLowerCase() !== input.name.toLowerCase())
    if (views.length >= 50) throw new TouchlineError('INVALID_INPUT', 'pipelineViews.save: input.name: at most 50 saved views; delete one first.')
    const view: SavedView = { name: input.name, filters: input.filters, sort: input.sort, direction: input.direction }
    if (input.period !== undefined) view.period = input.period
    if (input.layout !== undefined) view.layout = input.layout
    const next = [...views, view].sort((a, b) =>
      a.name.localeCompare(b.name)
    )
    writeViews(store.sqlite, next)
    return next
  })()
}

export function deleteView(store: InspectionStore, input: ParsedInput<'pipelineViews.delete'>): SavedView[] {
  return store.sqlite.transaction(() => {
    const views = readViews(store.sqlite)
    const next = views.filter((v) => v.name.toLowerCase() !== input.name.toLowerCase())
    if (next.length === views.length) throw new TouchlineError('NOT_FOUND', `pipelineViews.delete: input.name: there is no saved view "${input.name}".`)
    writeViews(store.sqlite, next)
    return next
  })()
}

export { FLAGS }
