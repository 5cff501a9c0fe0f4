// Rep cards: quota and attainment this period, open pipeline and coverage, flagged deals, last 1:1, visibility.
import type Database from 'better-sqlite3'
import type { Page, ParsedInput, RepCard } from '@shared/contract'
import { addDays, daysBetween } from '@shared/dates'
import { PUBLIC_ACTIVITY_KINDS, type RepRole, type RepStatus } from '@shared/domain'
import { TouchlineError } from '@shared/errors'
import { ensureEvidenceFresh, prepared } from '../pipeline/evidence'
import type { InspectionStore } from '../pipeline/inspection'
import { quarterOf } from './period'

export const VISIBILITY_WINDOW_DAYS = 30
const PUBLIC_KINDS_SQL = PUBLIC_ACTIVITY_KINDS.map((k) => `'${k}'`).join(',')

interface RepBase {
  id: number
  name: string
  team_id: number | null
  team_name: string | null
  role: RepRole
  status: RepStatus
  quota_minor: number
  quota_currency: string
}

const REP_SQL = `SELECT r.id, r.name, r.team_id, t.name AS team_name, r.role, r.status, r.quota_minor, r.quota_currency
  FROM reps r LEFT JOIN teams t ON t.id = r.team_id`

export function requireRep(sqlite: Database.Database, method: string, repId: number, field = 'repId'): RepBase {
  const rep = prepared(sqlite, `${REP_SQL} WHERE r.id = ?`).get(repId) as RepBase | undefined
  if (!rep) throw new TouchlineError('NOT_FOUND', `${method}: input.${field}: there is no rep with id ${repId}.`)
  return rep
}

function cardOf(sqlite: Database.Database, rep: RepBase, today: string): RepCard {
  const period = quarterOf(today)
  const quota = Math.round(rep.quota_minor * period.quotaShare)
  const won = (
    prepared(sqlite, `SELECT total(amount_minor) AS n FROM deals WHERE owner_id = ? AND status = 'won' AND closed_date BETWEEN ? AND ?`).get(
      rep.id,
      period.start,
      period.end
    ) as { n: number }
  ).n
  // The evidence rows are the open pipeline as inspection sees it: one narrow indexed read per rep.
  const open = prepared(
    sqlite,
    `SELECT count(*) AS deals, sum(flags != 0) AS flagged, total(CASE WHEN close_date <= @end THEN amount_minor END) AS in_period
     FROM deal_evidence WHERE owner_id = @rep AND is_open = 1`
  ).get({ rep: rep.id, end: period.end }) as { deals: number; flagged: number | null; in_period: number }
  const last = prepared(sqlite, `SELECT max(held_at) AS at FROM one_on_ones WHERE rep_id = ? AND held_at IS NOT NULL`).get(rep.id) as {
    at: string | null
  }
  const from = `${addDays(today, -(VISIBILITY_WINDOW_DAYS - 1))}T00:00:00Z`
  const to = `${addDays(today, 1)}T00:00:00Z`
  const publicDays = (
    prepared(
      sqlite,
      `SELECT count(DISTINCT substr(occurred_at, 1, 10)) AS n FROM activities
       WHERE rep_id = ? AND occurred_at >= ? AND occurred_at < ? AND kind IN (${PUBLIC_KINDS_SQL})`
    ).get(rep.id, from, to) as { n: number }
  ).n
  const items = (prepared(sqlite, `SELECT count(*) AS n FROM action_items WHERE rep_id = ? AND done_at IS NULL`).get(rep.id) as { n: number }).n
  const remaining = Math.max(0, quota - won)
  return {
    repId: rep.id,
    name: rep.name,
    teamId: rep.team_id,
    teamName: rep.team_name,
    role: rep.role,
    status: rep.status,
    currency: rep.quota_currency,
    periodStart: period.start,
    periodEnd: period.end,
    quotaMinor: quota,
    wonMinor: won,
    attainment: quota > 0 ? won / quota : null,
    openPipelineMinor: open.in_period,
    remainingQuotaMinor: remaining,
    coverage: remaining > 0 ? open.in_period / remaining : null,
    openDeals: open.deals,
    flaggedDeals: open.flagged ?? 0,
    lastOneOnOneAt: last.at,
    daysSinceLastOneOnOne: last.at ? daysBetween(last.at.slice(0, 10), today) : null,
    publicDays,
    visibilityShare: publicDays / VISIBILITY_WINDOW_DAYS,
    openActionItems: items
  }
}

export function repCard(store: InspectionStore, input: ParsedInput<'reps.card'>, today: string, method = 'reps.card'): RepCard {
  ensureEvidenceFresh(store.sqlite, today)
  return cardOf(store.sqlite, requireRep(store.sqlite, method, input.repId), today)
}

/** Active reps' cards, a page at a time, by name. */
export function repCards(store: InspectionStore, input: ParsedInput<'reps.cards'>, today: string): Page<RepCard> {
  ensureEvidenceFresh(store.sqlite, today)
  const where = input.teamId !== undefined ? `r.status = 'active' AND r.team_id = @team` : `r.status = 'active'`
  const params = input.teamId !== undefined ? { team: input.teamId } : {}
  const reps = prepared(store.sqlite, `${REP_SQL} WHERE ${where} ORDER BY r.name, r.id LIMIT @limit OFFSET @offset`).all({
    ...params,
    limit: input.limit,
    offset: input.offset
  }) as RepBase[]
  const total = (prepared(store.sqlite, `SELECT count(*) AS n FROM reps r WHERE ${where}`).get(params) as { n: number }).n
  return { rows: reps.map((r) => cardOf(store.sqlite, r, today)), total, offset: input.offset, limit: input.limit }
}
