// The Pipeline board: open deals grouped by stage, each column's count and total, and one page of cards per column.
import type { BoardColumn, ParsedInput, PipelineBoard, PipelineFilters } from '@shared/contract'
import { OPEN_STAGES, type Stage } from '@shared/domain'
import { flagsFromMask } from '@shared/inspection'
import { ensureEvidenceFresh, prepared } from './evidence'
import { activeAcknowledgements, filterSql, toPipelineRow, type InspectionStore, type PageRow } from './inspection'

/**
 * The index each board query walks, chosen from the filters rather than left to the planner: without fresh
 * statistics SQLite prefers the stage index for its free grouping even when one rep's or team's range is a
 * hundred times smaller (measured on the large workspace: 240 ms against a few ms for one rep's counts).
 *   one rep      deal_evidence_owner (owner_id, is_open, evidence_score): the rep's open deals in score order
 *   one team     deal_evidence_team  (team_id, is_open, evidence_score)
 *   otherwise    deal_evidence_stage (is_open, stage, evidence_score, deal_id, amount_minor), migration 8
 */
export function boardIndex(filters: PipelineFilters): string {
  if (filters.ownerId !== undefined) return 'deal_evidence_owner'
  if (filters.teamId !== undefined) return 'deal_evidence_team'
  return 'deal_evidence_stage'
}

/** Counts and totals per stage for a filter set: one grouped pass over deal_evidence, never over activities. */
export function boardCountsSql(filters: PipelineFilters): { text: string; params: Record<string, string | number> } {
  const { where, params } = filterSql(filters)
  return {
    text: `SELECT e.stage, count(*) AS n, total(e.amount_minor) AS amount FROM deal_evidence e INDEXED BY ${boardIndex(filters)} WHERE ${where} GROUP BY e.stage`,
    params
  }
}

/**
 * One column's page of cards, weakest evidence first. deal_evidence drives the join (CROSS JOIN); each of
 * the chosen indexes hands rows over in score order, so the query stops after `limit` matching rows.
 */
export function boardCardsSql(filters: PipelineFilters): { text: string; params: Record<string, string | number> } {
  const { where, params } = filterSql(filters)
  return {
    text: `SELECT e.deal_id AS id, d.name, e.owner_id, o.name AS owner_name, e.account_id, a.name AS account_name, e.tier,
    e.amount_minor, d.currency, e.stage, d.probability, e.forecast_category, e.close_date, d.status, e.stage_entered_at,
    e.last_activity_at, e.evidence_score, e.flags, d.manager_call
  FROM deal_evidence e INDEXED BY ${boardIndex(filters)} CROSS JOIN deals d ON d.id = e.deal_id CROSS JOIN reps o ON o.id = e.owner_id
    CROSS JOIN accounts a ON a.id = e.account_id
  WHERE ${where} AND e.stage = @boardStage
  ORDER BY e.evidence_score ASC, e.deal_id ASC
  LIMIT @limit OFFSET @offset`,
    params
  }
}

/** The board for the Pipeline page, or with `stage` one column's next page ("Show more"). */
export function pipelineBoard(store: InspectionStore, input: ParsedInput<'deals.board'>, today: string): PipelineBoard {
  ensureEvidenceFresh(store.sqlite, today)
  const countsQuery = boardCountsSql(input.filters)
  const cardsQuery = boardCardsSql(input.filters)
  const counts = prepared(store.sqlite, countsQuery.text).all(countsQuery.params) as { stage: Stage; n: number; amount: number }[]
  const stages = OPEN_STAGES.filter(
    (s) => (input.filters.stage === undefined || input.filters.stage === s) && (input.stage === undefined || input.stage === s)
  )
  const cardsSql = prepared(store.sqlite, cardsQuery.text)
  const pages = stages.map((stage) => {
    const c = counts.find((x) => x.stage === stage)
    const rows = c ? (cardsSql.all({ ...cardsQuery.params, boardStage: stage, limit: input.perColumn, offset: input.offset }) as PageRow[]) : []
    return { stage, count: c?.n ?? 0, totalMinor: c?.amount ?? 0, rows }
  })
  const acks = activeAcknowledgements(
    store.sqlite,
    pages.flatMap((p) => p.rows.map((r) => r.id)),
    today
  )
  const columns: BoardColumn[] = pages.map((p) => ({
    stage: p.stage,
    count: p.count,
    totalMinor: p.totalMinor,
    offset: input.offset,
    cards: p.rows.map((r) => {
      const known = acks.get(r.id)
      return toPipelineRow(r, today, known ? flagsFromMask(r.flags).filter((f) => known.has(f)) : [])
    })
  }))
  // Amounts are summed in minor units as stored; the workspace's deals share one currency (as in pipeline.totals).
  return { currency: 'USD', columns }
}
