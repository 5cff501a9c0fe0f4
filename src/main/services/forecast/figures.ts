// The period's numbers per rep (quota share, closed won, commit, best case, pipeline, evidence-based, system), one grouped pass.
import type Database from 'better-sqlite3'
import { DISQUALIFYING_FLAGS, flagBit } from '@shared/inspection'
import { prepared } from '../pipeline/evidence'

/** Inspection's notion of evidence-backed: none of the flags that say the forecast has nothing behind it. */
export const DISQUALIFYING_MASK = DISQUALIFYING_FLAGS.reduce((m, f) => m | flagBit(f), 0)

export interface RepFigures {
  repId: number
  repName: string
  teamId: number | null
  teamName: string | null
  currency: string
  annualQuotaMinor: number
  closedWonMinor: number
  commitMinor: number
  bestCaseMinor: number
  pipelineMinor: number
  evidenceBasedMinor: number
  systemMinor: number
}

/**
 * Two covering passes rather than one join: the evidence row carries category, flags and amount, the deal its
 * probability; joining them row by row cost ~250 ms for a quarter on the large workspace, the two index-only passes a
 * fraction of it (tests/bench/forecast.ts).
 * Closed won counts deals won with a closed date in the period; the open figures count open deals whose close
 * date falls in it. Evidence-based = closed won + evidence-backed commit; system = closed won + Σ amount ×
 * probability of open deals not omitted. Reps appear when on the books during the period or owning any figure.
 */
export const FIGURES_SQL = (scope: 'org' | 'team' | 'rep') => `
WITH won AS (
  SELECT d.owner_id AS rep_id, total(d.amount_minor) AS won FROM deals d
  WHERE d.status = 'won' AND d.closed_date BETWEEN @start AND @end GROUP BY d.owner_id
), open AS (
  SELECT e.owner_id AS rep_id,
    total(CASE WHEN e.forecast_category = 'commit' THEN e.amount_minor END) AS commit_minor,
    total(CASE WHEN e.forecast_category = 'best_case' THEN e.amount_minor END) AS best_case_minor,
    total(CASE WHEN e.forecast_category = 'pipeline' THEN e.amount_minor END) AS pipeline_minor,
    total(CASE WHEN e.forecast_category = 'commit' AND (e.flags & ${DISQUALIFYING_MASK}) = 0 THEN e.amount_minor END) AS evidence_minor
  FROM deal_evidence e INDEXED BY deal_evidence_period
  WHERE e.is_open = 1 AND e.close_date BETWEEN @start AND @end GROUP BY e.owner_id
), weighted AS (
  SELECT d.owner_id AS rep_id, total(d.amount_minor * d.probability / 100.0) AS weighted_minor
  FROM deals d INDEXED BY deals_open_weighted
  WHERE d.status = 'open' AND d.close_date BETWEEN @start AND @end AND d.forecast_category != 'omitted' GROUP BY d.owner_id
)
SELECT r.id AS rep_id, r.name AS rep_name, r.team_id, t.name AS team_name, r.quota_minor, r.quota_currency,
  coalesce(won.won, 0) AS won, coalesce(open.commit_minor, 0) AS commit_minor, coalesce(open.best_case_minor, 0) AS best_case_minor,
  coalesce(open.pipeline_minor, 0) AS pipeline_minor, coalesce(open.evidence_minor, 0) AS evidence_minor,
  coalesce(weighted.weighted_minor, 0) AS weighted_minor
FROM reps r LEFT JOIN teams t ON t.id = r.team_id LEFT JOIN won ON won.rep_id = r.id LEFT JOIN open ON open.rep_id = r.id LEFT JOIN weighted ON weighted.rep_id = r.id
WHERE ${scope === 'team' ? 'r.team_id = @teamId AND ' : scope === 'rep' ? 'r.id = @repId AND ' : ''}
  ((r.role IN ('ae','am','sdr') AND (r.hire_date IS NULL OR r.hire_date <= @end) AND (r.left_date IS NULL OR r.left_date >= @start))
   OR won.rep_id IS NOT NULL OR open.rep_id IS NOT NULL)
ORDER BY t.name, r.name`

interface FigureRow {
  rep_id: number
  rep_name: string
  team_id: number | null
  team_name: string | null
  quota_minor: number
  quota_currency: string
  won: number
  commit_minor: number
  best_case_minor: number
  pipeline_minor: number
  evidence_minor: number
  weighted_minor: number
}

export function repFigures(
  sqlite: Database.Database,
  range: { start: string; end: string },
  scope: { teamId?: number; repId?: number } = {}
): RepFigures[] {
  const kind = scope.repId !== undefined ? 'rep' : scope.teamId !== undefined ? 'team' : 'org'
  const rows = prepared(sqlite, FIGURES_SQL(kind)).all({
    start: range.start,
    end: range.end,
    ...(kind === 'rep' ? { repId: scope.repId } : kind === 'team' ? { teamId: scope.teamId } : {})
  }) as FigureRow[]
  return rows.map((r) => ({
    repId: r.rep_id,
    repName: r.rep_name,
    teamId: r.team_id,
    teamName: r.team_name,
    currency: r.quota_currency,
    annualQuotaMinor: r.quota_minor,
    closedWonMinor: r.won,
    commitMinor: r.commit_minor,
    bestCaseMinor: r.best_case_minor,
    pipelineMinor: r.pipeline_minor,
    evidenceBasedMinor: r.won + r.evidence_minor,
    systemMinor: Math.round(r.won + r.weighted_minor)
  }))
}
