// The deals behind a number: one page of the deals a grid cell or a dashboard figure counts, biggest first.
import type { DrillDeal, Page, ParsedInput } from '@shared/contract'
import type { DealStatus, ForecastCategory, LossReason, Stage } from '@shared/domain'
import { TouchlineError } from '@shared/errors'
import { ensureEvidenceFresh, prepared } from '../pipeline/evidence'
import type { ForecastStore } from './calls'
import { DISQUALIFYING_MASK } from './figures'
import { requirePeriod } from './periods'

/** The same definitions as the grid and the dashboard, so a drill always adds up to the number clicked. */
const COLUMN_SQL: Record<ParsedInput<'forecast.drill'>['column'], string> = {
  closed_won: `d.status = 'won' AND d.closed_date BETWEEN @start AND @end`,
  lost: `d.status = 'lost' AND d.closed_date BETWEEN @start AND @end`,
  commit: `e.is_open = 1 AND e.close_date BETWEEN @start AND @end AND e.forecast_category = 'commit'`,
  best_case: `e.is_open = 1 AND e.close_date BETWEEN @start AND @end AND e.forecast_category = 'best_case'`,
  pipeline: `e.is_open = 1 AND e.close_date BETWEEN @start AND @end AND e.forecast_category = 'pipeline'`,
  evidence_based: `((d.status = 'won' AND d.closed_date BETWEEN @start AND @end)
    OR (e.is_open = 1 AND e.close_date BETWEEN @start AND @end AND e.forecast_category = 'commit' AND (e.flags & ${DISQUALIFYING_MASK}) = 0))`,
  created: `d.created_date BETWEEN @start AND @end`
}

export function drillDeals(store: ForecastStore, input: ParsedInput<'forecast.drill'>, today: string): Page<DrillDeal> {
  const sqlite = store.sqlite
  const method = 'forecast.drill'
  let start: string
  let end: string
  if (input.periodId !== undefined) {
    const p = requirePeriod(sqlite, method, input.periodId)
    start = p.start
    end = p.end
  } else {
    start = input.from!
    end = input.to!
    if (start > end) throw new TouchlineError('INVALID_INPUT', `${method}: input.to: ${end} is before input.from ${start}.`)
  }
  if (input.repId !== undefined && !prepared(sqlite, 'SELECT 1 FROM reps WHERE id = ?').get(input.repId)) {
    throw new TouchlineError('NOT_FOUND', `${method}: input.repId: there is no rep with id ${input.repId}.`)
  }
  if (input.teamId !== undefined && !prepared(sqlite, 'SELECT 1 FROM teams WHERE id = ?').get(input.teamId)) {
    throw new TouchlineError('NOT_FOUND', `${method}: input.teamId: there is no team with id ${input.teamId}.`)
  }
  ensureEvidenceFresh(sqlite, today)
  const parts = [COLUMN_SQL[input.column]]
  const params: Record<string, string | number> = { start, end }
  if (input.repId !== undefined) (parts.push('d.owner_id = @repId'), (params.repId = input.repId))
  if (input.teamId !== undefined) (parts.push('o.team_id = @teamId'), (params.teamId = input.teamId))
  if (input.lossReason !== undefined) (parts.push('d.loss_reason = @lossReason'), (params.lossReason = input.lossReason))
  const where = parts.join(' AND ')
  const from = `deals d CROSS JOIN deal_evidence e ON e.deal_id = d.id CROSS JOIN reps o ON o.id = d.owner_id`
  const rows = prepared(
    sqlite,
    `SELECT d.id, d.name, o.name AS owner_name, a.name AS account_name, d.amount_minor, d.currency, d.stage, d.forecast_category,
       d.status, d.close_date, d.loss_reason, (e.flags & ${DISQUALIFYING_MASK}) = 0 AS backed
     FROM ${from} JOIN accounts a ON a.id = d.account_id WHERE ${where}
     ORDER BY d.amount_minor DESC, d.id LIMIT @limit OFFSET @offset`
  ).all({ ...params, limit: input.limit, offset: input.offset }) as {
    id: number
    name: string
    owner_name: string
    account_name: string
    amount_minor: number
    currency: string
    stage: Stage
    forecast_category: ForecastCategory
    status: DealStatus
    close_date: string
    loss_reason: LossReason | null
    backed: number
  }[]
  const total = (prepared(sqlite, `SELECT count(*) AS n FROM ${from} WHERE ${where}`).get(params) as { n: number }).n
  return {
    rows: rows.map((r) => ({
      id: r.id,
      name: r.name,
      ownerName: r.owner_name,
      accountName: r.account_name,
      amountMinor: r.amount_minor,
      currency: r.currency,
      stage: r.stage,
      forecastCategory: r.forecast_category,
      status: r.status,
      closeDate: r.close_date,
      lossReason: r.loss_reason,
      evidenceBacked: r.backed === 1
    })),
    total,
    offset: input.offset,
    limit: input.limit
  }
}
