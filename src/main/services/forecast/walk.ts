// The forecast walk: a period's pipeline on two days rebuilt from the history tables, and the movements between them.
import type Database from 'better-sqlite3'
import type { ForecastPeriod, ForecastWalk, Page, ParsedInput, WalkDeal, WalkMovement } from '@shared/contract'
import type { DealStatus } from '@shared/domain'
import { TouchlineError } from '@shared/errors'
import { addDays } from '@shared/dates'
import { prepared } from '../pipeline/evidence'
import type { ForecastStore } from './calls'
import { requirePeriod } from './periods'
import { summarizeWalk, type ClassifiedDeal, type DealAtTwoDays, type WalkWindow } from './walk-rules'

type WalkInput = ParsedInput<'forecast.walk'>

/**
 * A history value as of the end of a day: the latest row stamped before the next day; before the first row, what
 * that row says the value was before it (else its own value); with no rows, the deal's current value. Two changes
 * stamped in the same second are told apart by the index's order, not by which was written last.
 */
const closeOn = (next: string) => `coalesce(
    (SELECT h.close_date FROM deal_close_date_history h WHERE h.deal_id = d.id AND h.changed_at < ${next} ORDER BY h.changed_at DESC LIMIT 1),
    (SELECT coalesce(h.previous_close_date, h.close_date) FROM deal_close_date_history h WHERE h.deal_id = d.id ORDER BY h.changed_at LIMIT 1),
    d.close_date)`
const amountOn = (next: string) => `coalesce(
    (SELECT h.amount_minor FROM deal_amount_history h WHERE h.deal_id = d.id AND h.changed_at < ${next} ORDER BY h.changed_at DESC LIMIT 1),
    (SELECT coalesce(h.previous_amount_minor, h.amount_minor) FROM deal_amount_history h WHERE h.deal_id = d.id ORDER BY h.changed_at LIMIT 1),
    d.amount_minor)`

const COLUMNS = ['id', 'created_date', 'status', 'closed_date', 'close_date', 'amount_minor', 'owner_id']

/**
 * The deals that can be in the period on either day: those whose close date (or closed day) is in it now, read off
 * two covering indexes (schema v11), and those whose close date changed after `from` (every other deal had on both
 * days the close date it has now); each deal once. `moved` says which deals' close date or amount changed after
 * `from` (two index ranges, a few hundred rows between weekly snapshots): only those look their history up, every
 * other deal had its current close date and amount on both days.
 */
export const WALK_SQL = (scope: 'org' | 'team' | 'rep') => `
WITH moved(id, close_moved, amount_moved) AS MATERIALIZED (
  SELECT id, max(cm), max(am) FROM (
    SELECT deal_id AS id, 1 AS cm, 0 AS am FROM deal_close_date_history INDEXED BY deal_close_date_history_changed WHERE changed_at >= @fromNext
    UNION ALL SELECT deal_id, 0, 1 FROM deal_amount_history INDEXED BY deal_amount_history_changed WHERE changed_at >= @fromNext
  ) GROUP BY id
), cand AS (
  SELECT ${COLUMNS.join(', ')} FROM deals INDEXED BY deals_walk_close WHERE close_date BETWEEN @start AND @end
  UNION ALL
  SELECT ${COLUMNS.join(', ')} FROM deals INDEXED BY deals_walk_closed
  WHERE closed_date BETWEEN @start AND @end AND close_date NOT BETWEEN @start AND @end
  UNION ALL
  SELECT ${COLUMNS.map((c) => `x.${c}`).join(', ')} FROM moved mv CROSS JOIN deals x ON x.id = mv.id
  WHERE x.close_date NOT BETWEEN @start AND @end AND (x.closed_date IS NULL OR x.closed_date NOT BETWEEN @start AND @end)
)
SELECT d.id, d.created_date, d.status, d.closed_date,
  CASE WHEN coalesce(m.close_moved, 0) = 0 OR d.created_date > @from OR (d.closed_date IS NOT NULL AND d.closed_date <= @from) THEN d.close_date ELSE ${closeOn('@fromNext')} END AS close_from,
  CASE WHEN coalesce(m.close_moved, 0) = 0 OR d.created_date > @to OR (d.closed_date IS NOT NULL AND d.closed_date <= @to) THEN d.close_date ELSE ${closeOn('@toNext')} END AS close_to,
  CASE WHEN coalesce(m.amount_moved, 0) = 0 OR d.created_date > @from THEN d.amount_minor ELSE ${amountOn('@fromNext')} END AS amount_from,
  CASE WHEN coalesce(m.amount_moved, 0) = 0 THEN d.amount_minor ELSE ${amountOn('@toNext')} END AS amount_to
FROM cand d LEFT JOIN moved m ON m.id = d.id
${scope === 'team' ? 'JOIN reps o ON o.id = d.owner_id WHERE o.team_id = @teamId' : scope === 'rep' ? 'WHERE d.owner_id = @repId' : ''}`

/** id, created_date, status, closed_date, close_from, close_to, amount_from, amount_to. */
type WalkRow = [number, string, DealStatus, string | null, string, string, number, number]

interface Resolved {
  period: ForecastPeriod
  subject: string
  window: WalkWindow
  snapshots: string[]
  scope: 'org' | 'team' | 'rep'
}

function resolve(sqlite: Database.Database, method: string, input: WalkInput, today: string): Resolved {
  const period = requirePeriod(sqlite, method, input.periodId)
  let subject = 'Whole org'
  if (input.repId !== undefined) {
    const rep = prepared(sqlite, 'SELECT name FROM reps WHERE id = ?').get(input.repId) as { name: string } | undefined
    if (!rep) throw new TouchlineError('NOT_FOUND', `${method}: input.repId: there is no rep with id ${input.repId}.`)
    subject = rep.name
  }
  if (input.teamId !== undefined) {
    const team = prepared(sqlite, 'SELECT name FROM teams WHERE id = ?').get(input.teamId) as { name: string } | undefined
    if (!team) throw new TouchlineError('NOT_FOUND', `${method}: input.teamId: there is no team with id ${input.teamId}.`)
    subject = team.name
  }
  if (input.repId !== undefined && input.teamId !== undefined) {
    throw new TouchlineError('INVALID_INPUT', `${method}: input.repId: give a teamId or a repId, not both.`)
  }
  const snapshots = (prepared(sqlite, 'SELECT DISTINCT taken_on FROM forecast_calls WHERE period_id = ? ORDER BY taken_on').pluck().all(period.id) as string[])
  const to = input.to ?? today
  // By default the walk starts at the latest snapshot before `to` (what changed since the last call), else at the period's start.
  const from = input.from ?? [...snapshots].reverse().find((s) => s < to) ?? (period.start < to ? period.start : to)
  if (from > to) throw new TouchlineError('INVALID_INPUT', `${method}: input.to: ${to} is before input.from ${from}.`)
  const scope = input.repId !== undefined ? 'rep' : input.teamId !== undefined ? 'team' : 'org'
  return { period, subject, window: { start: period.start, end: period.end, from, to }, snapshots, scope }
}

function dealsAtTwoDays(sqlite: Database.Database, r: Resolved, input: WalkInput): DealAtTwoDays[] {
  const w = r.window
  // Raw rows, one object per deal: an org-wide quarter is ~60,000 deals on the large workspace.
  const rows = prepared(sqlite, WALK_SQL(r.scope))
    .raw(true)
    .all({
      start: w.start,
      end: w.end,
      from: w.from,
      to: w.to,
      fromNext: addDays(w.from, 1),
      toNext: addDays(w.to, 1),
      ...(r.scope === 'team' ? { teamId: input.teamId } : r.scope === 'rep' ? { repId: input.repId } : {})
    }) as WalkRow[]
  return rows.map((x) => ({
    id: x[0],
    createdDate: x[1],
    status: x[2],
    closedDate: x[3],
    closeFrom: x[4],
    closeTo: x[5],
    amountFrom: x[6],
    amountTo: x[7]
  }))
}

export function forecastWalk(store: ForecastStore, input: WalkInput, today: string): ForecastWalk {
  const sqlite = store.sqlite
  const r = resolve(sqlite, 'forecast.walk', input, today)
  const { summary } = summarizeWalk(dealsAtTwoDays(sqlite, r, input), r.window)
  return {
    period: r.period,
    subject: r.subject,
    currency: 'USD',
    from: r.window.from,
    to: r.window.to,
    start: { date: r.window.from, ...summary.start },
    end: { date: r.window.to, ...summary.end },
    steps: summary.steps,
    unchanged: summary.unchanged,
    snapshots: r.snapshots,
    today
  }
}

/** The deals behind one movement of the walk, biggest change first. */
export function walkDeals(store: ForecastStore, input: ParsedInput<'forecast.walkDeals'>, today: string): Page<WalkDeal> {
  const sqlite = store.sqlite
  const { movement, offset, limit, ...walkInput } = input
  const r = resolve(sqlite, 'forecast.walkDeals', walkInput, today)
  const deals = dealsAtTwoDays(sqlite, r, walkInput)
  const { classified } = summarizeWalk(deals, r.window)
  const picked = classified
    .filter((c): c is ClassifiedDeal & { movement: WalkMovement } => c.movement === movement)
    .sort((a, b) => Math.abs(b.toMinor - b.fromMinor) - Math.abs(a.toMinor - a.fromMinor) || a.id - b.id)
  const page = picked.slice(offset, offset + limit)
  const byId = new Map(deals.map((d) => [d.id, d]))
  const names = new Map(
    (
      prepared(
        sqlite,
        `SELECT d.id, d.name, o.name AS owner_name, a.name AS account_name, d.currency FROM deals d
         JOIN reps o ON o.id = d.owner_id JOIN accounts a ON a.id = d.account_id
         WHERE d.id IN (SELECT value FROM json_each(?))`
      ).all(JSON.stringify(page.map((c) => c.id))) as { id: number; name: string; owner_name: string; account_name: string; currency: string }[]
    ).map((n) => [n.id, n])
  )
  return {
    rows: page.map((c) => {
      const d = byId.get(c.id)!
      const n = names.get(c.id)!
      const openOn = (day: string, close: string) => (d.closedDate !== null && d.closedDate <= day ? null : close)
      return {
        id: c.id,
        name: n.name,
        ownerName: n.owner_name,
        accountName: n.account_name,
        currency: n.currency,
        movement,
        fromMinor: c.fromMinor,
        toMinor: c.toMinor,
        changeMinor: c.toMinor - c.fromMinor,
        closeDateFrom: d.createdDate <= r.window.from ? (openOn(r.window.from, d.closeFrom) ?? d.closedDate) : null,
        closeDateTo: openOn(r.window.to, d.closeTo) ?? d.closedDate,
        status: d.closedDate !== null && d.closedDate <= r.window.to ? d.status : 'open'
      }
    }),
    total: picked.length,
    offset,
    limit
  }
}
