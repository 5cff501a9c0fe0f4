// The 1:1 prep sheet, built from data on open: changes since the last 1:1, flagged deals, call vs evidence, activity, roles, items, focus, talking points.
import type Database from 'better-sqlite3'
import type { ActivityWeek, DealChange, DealChangeType, FlaggedDeal, OneOnOneRow, ParsedInput, PrepSheet, RoleCoverage } from '@shared/contract'
import { addDays } from '@shared/dates'
import { BUYING_ROLES, LABELS, type ActivityKind, type BuyingRole, type ForecastCategory, type LossReason, type Stage } from '@shared/domain'
import { formatMoney } from '@shared/money'
import { FACT_COLUMNS, ensureEvidenceFresh, prepared, readThresholds, toFacts, type FactRow } from '../pipeline/evidence'
import { inspectDeal } from '../pipeline/inspection-rules'
import { pipelineForecast, type InspectionStore } from '../pipeline/inspection'
import { repCard } from './cards'
import { focusAreas } from './focus'
import { weekStart } from './period'
import { ONE_ON_ONE_SQL, openActionItems, toOneOnOne, type OneOnOneDbRow } from './records'
import { talkingPoints } from './talking-points'

export const ACTIVITY_WEEKS = 12
export const TOP_DEALS = 5
/** Without an earlier 1:1, "what changed" looks back this far. */
export const FIRST_PREP_LOOKBACK_DAYS = 30

const CHANGE_ORDER: DealChangeType[] = ['created', 'stage', 'forecast_category', 'amount', 'close_date', 'won', 'lost']

interface ChangeRow {
  type: DealChangeType
  deal_id: number
  deal_name: string
  account_name: string
  currency: string
  at: string
  from_value: string | null
  to_value: string | null
  loss_reason: LossReason | null
}

/**
 * Every change to the rep's deals after `since` (a timestamp; date-only facts count from the day after the 1:1,
 * so what was already on the table that day is not listed again).
 */
function changesSince(sqlite: Database.Database, repId: number, since: string): DealChange[] {
  const sinceDay = since.slice(0, 10)
  const rows = prepared(
    sqlite,
    `SELECT 'created' AS type, d.id AS deal_id, d.name AS deal_name, a.name AS account_name, d.currency, d.created_date AS at,
        NULL AS from_value, d.stage AS to_value, NULL AS loss_reason
       FROM deals d JOIN accounts a ON a.id = d.account_id WHERE d.owner_id = @rep AND d.created_date > @day
     UNION ALL
     SELECT d.status, d.id, d.name, a.name, d.currency, d.closed_date, NULL, CAST(d.amount_minor AS TEXT), d.loss_reason
       FROM deals d JOIN accounts a ON a.id = d.account_id
       WHERE d.owner_id = @rep AND d.status IN ('won','lost') AND d.closed_date > @day
     UNION ALL
     SELECT 'stage', h.deal_id, d.name, a.name, d.currency, h.entered_at, h.previous, h.stage, NULL
       FROM (SELECT deal_id, stage, entered_at, lag(stage) OVER (PARTITION BY deal_id ORDER BY entered_at, id) AS previous
             FROM deal_stage_history WHERE deal_id IN (SELECT id FROM deals WHERE owner_id = @rep)) h
       JOIN deals d ON d.id = h.deal_id JOIN accounts a ON a.id = d.account_id
       WHERE h.entered_at > @since AND h.previous IS NOT NULL
     UNION ALL
     SELECT 'close_date', c.deal_id, d.name, a.name, d.currency, c.changed_at, c.previous_close_date, c.close_date, NULL
       FROM deal_close_date_history c JOIN deals d ON d.id = c.deal_id JOIN accounts a ON a.id = d.account_id
       WHERE d.owner_id = @rep AND c.changed_at > @since AND c.previous_close_date IS NOT NULL AND c.previous_close_date != c.close_date
     UNION ALL
     SELECT h.field, h.deal_id, d.name, a.name, d.currency, h.changed_at, h.old_value, h.new_value, NULL
       FROM deal_history h JOIN deals d ON d.id = h.deal_id JOIN accounts a ON a.id = d.account_id
       WHERE d.owner_id = @rep AND h.changed_at > @since
     LIMIT 500`
  ).all({ rep: repId, day: sinceDay, since }) as ChangeRow[]
  return rows
    .map((r): DealChange => ({
      type: r.type,
      dealId: r.deal_id,
      dealName: r.deal_name,
      accountName: r.account_name,
      at: r.at,
      from: r.from_value,
      to: r.to_value,
      lossReason: r.loss_reason,
      sentence: changeSentence(r)
    }))
    .sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : a.dealId - b.dealId || CHANGE_ORDER.indexOf(a.type) - CHANGE_ORDER.indexOf(b.type)))
}

function changeSentence(r: ChangeRow): string {
  const money = (v: string | null) => (v === null ? '—' : formatMoney(Number(v), r.currency))
  const stage = (v: string | null) => (v === null ? '—' : (LABELS.stage[v as Stage] ?? v))
  const category = (v: string | null) => (v === null ? '—' : (LABELS.forecastCategory[v as ForecastCategory] ?? v))
  switch (r.type) {
    case 'created':
      return `New deal, in ${stage(r.to_value)}.`
    case 'won':
      return `Won, ${money(r.to_value)}.`
    case 'lost':
      return `Lost, ${money(r.to_value)}: ${r.loss_reason ? LABELS.lossReason[r.loss_reason] : 'no reason recorded'}.`
    case 'stage':
      return `Moved from ${stage(r.from_value)} to ${stage(r.to_value)}.`
    case 'close_date':
      return `Close date ${r.to_value! > r.from_value! ? 'slipped' : 'pulled in'} from ${r.from_value} to ${r.to_value}.`
    case 'amount':
      return `Amount ${Number(r.to_value) < Number(r.from_value) ? 'lowered' : 'raised'} from ${money(r.from_value)} to ${money(r.to_value)}.`
    case 'forecast_category':
      return `Forecast category from ${category(r.from_value)} to ${category(r.to_value)}.`
  }
}

/** The rep's flagged open deals, biggest first, each flag with inspection's own sentence. */
function flaggedDeals(sqlite: Database.Database, repId: number, today: string): FlaggedDeal[] {
  const thresholds = readThresholds(sqlite)
  const rows = prepared(
    sqlite,
    `SELECT ${FACT_COLUMNS}, d.name AS deal_name, a.name AS account_name, d.currency
     FROM deal_evidence e CROSS JOIN deals d ON d.id = e.deal_id CROSS JOIN accounts a ON a.id = e.account_id
     WHERE e.owner_id = ? AND e.is_open = 1 AND e.flags != 0 ORDER BY e.amount_minor DESC, e.deal_id LIMIT 25`
  ).all(repId) as (FactRow & { deal_name: string; account_name: string; currency: string })[]
  return rows.map((r) => ({
    dealId: r.deal_id,
    dealName: r.deal_name,
    accountName: r.account_name,
    amountMinor: r.amount_minor,
    currency: r.currency,
    stage: r.stage,
    forecastCategory: r.forecast_category,
    flags: inspectDeal(toFacts(r), thresholds, today).flags.map((f) => ({ flag: f.flag, sentence: f.sentence }))
  }))
}

const KIND_BUCKET: Partial<Record<ActivityKind, keyof Omit<ActivityWeek, 'weekStart'>>> = {
  meeting: 'meetings',
  call: 'calls',
  email: 'emails',
  social_post: 'social',
  social_comment: 'social',
  social_share: 'social',
  social_reaction: 'social',
  social_message: 'social'
}

/** Meetings, calls, emails and social touches per week (Monday first), the current week last. */
function activityByWeek(sqlite: Database.Database, repId: number, today: string): ActivityWeek[] {
  const first = addDays(weekStart(today), -7 * (ACTIVITY_WEEKS - 1))
  const weeks: ActivityWeek[] = Array.from({ length: ACTIVITY_WEEKS }, (_, i) => ({
    weekStart: addDays(first, 7 * i),
    meetings: 0,
    calls: 0,
    emails: 0,
    social: 0
  }))
  const rows = prepared(
    sqlite,
    `SELECT substr(occurred_at, 1, 10) AS day, kind, count(*) AS n FROM activities
     WHERE rep_id = ? AND occurred_at >= ? AND occurred_at < ? GROUP BY day, kind`
  ).all(repId, `${first}T00:00:00Z`, `${addDays(today, 1)}T00:00:00Z`) as { day: string; kind: ActivityKind; n: number }[]
  for (const r of rows) {
    const bucket = KIND_BUCKET[r.kind]
    const week = weeks.find((w) => w.weekStart === weekStart(r.day))
    if (bucket && week) week[bucket] += r.n
  }
  return weeks
}

/** Which buying roles the contacts on each of the rep's biggest open deals hold. */
function roleCoverage(sqlite: Database.Database, repId: number): RoleCoverage[] {
  const rows = prepared(
    sqlite,
    `SELECT d.id, d.name, a.name AS account_name, d.amount_minor,
       (SELECT group_concat(DISTINCT c.buying_role) FROM deal_contacts dc JOIN contacts c ON c.id = dc.contact_id
        WHERE dc.deal_id = d.id AND c.buying_role IS NOT NULL) AS roles
     FROM deals d JOIN accounts a ON a.id = d.account_id
     WHERE d.owner_id = ? AND d.status = 'open' ORDER BY d.amount_minor DESC, d.id LIMIT ${TOP_DEALS}`
  ).all(repId) as { id: number; name: string; account_name: string; amount_minor: number; roles: string | null }[]
  return rows.map((r) => {
    const held = new Set((r.roles ?? '').split(',').filter(Boolean))
    return {
      dealId: r.id,
      dealName: r.name,
      accountName: r.account_name,
      amountMinor: r.amount_minor,
      covered: BUYING_ROLES.filter((role) => held.has(role)),
      missing: BUYING_ROLES.filter((role): role is BuyingRole => !held.has(role))
    }
  })
}

/**
 * The prep sheet is the brief the manager prints or saves as PDF and may hand over: it carries no note text. A
 * private note's first line would otherwise travel as the excerpt; the 1:1 itself (oneOnOnes.get/list) still has it.
 */
function inBrief(row: OneOnOneDbRow): OneOnOneRow {
  return { ...toOneOnOne(row), noteExcerpt: null }
}

export function prepSheet(store: InspectionStore, input: ParsedInput<'oneOnOnes.prep'>, now: string): PrepSheet {
  const sqlite = store.sqlite
  const today = now.slice(0, 10)
  ensureEvidenceFresh(sqlite, today)
  const card = repCard(store, { repId: input.repId }, today, 'oneOnOnes.prep')
  // A 1:1 held today is the one being prepared for: changes count from the one before it.
  const last = prepared(
    sqlite,
    `${ONE_ON_ONE_SQL} WHERE o.rep_id = ? AND o.held_at IS NOT NULL AND o.held_at < ? ORDER BY o.held_at DESC, o.id DESC LIMIT 1`
  ).get(input.repId, `${today}T00:00:00Z`) as OneOnOneDbRow | undefined
  const since = last?.held_at ?? `${addDays(today, -FIRST_PREP_LOOKBACK_DAYS)}T00:00:00Z`
  const changes = changesSince(sqlite, input.repId, since)
  const flagged = flaggedDeals(sqlite, input.repId, today)
  const forecastRow = pipelineForecast(store, card.teamId !== null ? { teamId: card.teamId } : {}, today).find((r) => r.repId === input.repId)
  const forecast = {
    currency: card.currency,
    commitMinor: forecastRow?.commitMinor ?? 0,
    evidenceCommitMinor: forecastRow?.evidenceCommitMinor ?? 0,
    bestCaseMinor: forecastRow?.bestCaseMinor ?? 0,
    unbackedMinor: (forecastRow?.commitMinor ?? 0) - (forecastRow?.evidenceCommitMinor ?? 0)
  }
  const activity = activityByWeek(sqlite, input.repId, today)
  const decisionRoles = roleCoverage(sqlite, input.repId)
  const actionItems = openActionItems(sqlite, input.repId)
  const recent = (
    prepared(sqlite, `${ONE_ON_ONE_SQL} WHERE o.rep_id = ? ORDER BY o.scheduled_for DESC, o.id DESC LIMIT 6`).all(input.repId) as OneOnOneDbRow[]
  ).map(inBrief)
  return {
    card,
    since,
    lastOneOnOne: last ? inBrief(last) : null,
    changes,
    flagged,
    forecast,
    activity,
    decisionRoles,
    actionItems,
    focus: focusAreas(sqlite, input.repId),
    talkingPoints: talkingPoints({
      today,
      currency: card.currency,
      noEvidenceDays: readThresholds(sqlite).noEvidenceDays,
      card,
      changes,
      flagged,
      forecast,
      decisionRoles,
      actionItems
    }),
    recent
  }
}
