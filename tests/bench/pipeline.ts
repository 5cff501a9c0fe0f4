// Bench `pipeline`: flags for one rep, one team and the org's first page on the large workspace, service vs bare SQL vs Kysely per call.
import { sql } from 'kysely'
import { openWorkspace } from '../../src/main/store/open'
import { ensureEvidenceFresh, refreshAllEvidence, recomputeEvidence } from '../../src/main/services/pipeline/evidence'
import { addDays } from '../../src/shared/dates'
import { FORECAST_SQL, INSPECT_REP_SQL, filterSql, getThresholds, inspectRep, listPipeline, pipelineForecast, pipelinePageSql, setThresholds } from '../../src/main/services/pipeline/inspection'
import { time, timePair, type Measure } from './harness'
import { BENCH_TODAY, type LargeWorkspace } from './large-workspace'

export async function pipelineBench(large: LargeWorkspace): Promise<Record<string, Measure>> {
  const store = await openWorkspace(large.path, { now: `${BENCH_TODAY}T09:00:00Z` })
  try {
    const today = BENCH_TODAY
    const sqlite = store.sqlite
    const pageInput = { filters: {}, sort: 'evidence_score' as const, direction: 'asc' as const, offset: 0, limit: 50 }
    const rep = (i: number) => (i % 190) + 1
    const team = (i: number) => (i % 17) + 1

    // The service paths (prepared statements kept per connection), each timed in turns with the bare SQL of the same
    // queries, prepared once and run directly on better-sqlite3.
    const page = pipelinePageSql(pageInput)
    const pageStmt = sqlite.prepare(page.text)
    const countStmt = sqlite.prepare(`SELECT count(*) AS n FROM deal_evidence e WHERE ${filterSql({}).where}`)
    const { service: orgService, bare: orgBare } = await timePair(
      () => listPipeline(store, pageInput, today),
      () => {
        pageStmt.all({ ...page.params, limit: 50, offset: 0 })
        countStmt.get()
      },
      100
    )
    const repStmt = sqlite.prepare(INSPECT_REP_SQL)
    const { service: repService, bare: repBare } = await timePair((i) => inspectRep(store, rep(i), today), (i) => repStmt.all({ repId: rep(i) }), 100)
    const teamStmt = sqlite.prepare(FORECAST_SQL(true))
    const { service: teamService, bare: teamBare } = await timePair((i) => pipelineForecast(store, { teamId: team(i) }, today), (i) => teamStmt.all({ teamId: team(i) }), 50)

    // The same first page built with Kysely and prepared anew on every call (its SQLite driver's behaviour).
    const orgKysely = await time(async () => {
      await store.db
        .selectFrom('deal_evidence as e')
        .innerJoin('deals as d', 'd.id', 'e.deal_id')
        .innerJoin('reps as o', 'o.id', 'e.owner_id')
        .innerJoin('accounts as a', 'a.id', 'e.account_id')
        .where('e.is_open', '=', 1)
        .select(['e.deal_id as id', 'd.name', 'e.owner_id', 'o.name as owner_name', 'e.account_id', 'a.name as account_name', 'e.tier', 'e.amount_minor', 'd.currency', 'e.stage', 'd.probability', 'e.forecast_category', 'e.close_date', 'd.status', 'e.stage_entered_at', 'e.last_activity_at', 'e.evidence_score', 'e.flags', 'd.manager_call'])
        .orderBy('e.evidence_score')
        .orderBy('e.deal_id')
        .limit(50)
        .offset(0)
        .execute()
      await store.db.selectFrom('deal_evidence as e').where('e.is_open', '=', 1).select(sql<number>`count(*)`.as('n')).executeTakeFirstOrThrow()
    }, 100)
    const repKysely = await time(async (i) => {
      await sql.raw(INSPECT_REP_SQL.replace('@repId', String(rep(i)))).execute(store.db)
    }, 100)

    const recomputeOne = await time((i) => sqlite.transaction(() => recomputeEvidence(sqlite, [(i * 997) % 200_000 + 1], today))(), 50)
    const refreshStarted = performance.now()
    refreshAllEvidence(sqlite, today)
    const refreshMs = performance.now() - refreshStarted
    // The first read of the next day: what a manager waits for when opening a large workspace in the morning.
    const newDayStarted = performance.now()
    ensureEvidenceFresh(sqlite, addDays(today, 1))
    const newDayMs = performance.now() - newDayStarted
    // A manager tightening a rule in Inspection rules: every deal's flags follow before the dialog closes. Rolled back.
    const thresholds = getThresholds(store)
    sqlite.exec('BEGIN')
    const thresholdsStarted = performance.now()
    setThresholds(store, { ...thresholds, noEvidenceDays: thresholds.noEvidenceDays - 4 }, addDays(today, 1))
    const thresholdsMs = performance.now() - thresholdsStarted
    sqlite.exec('ROLLBACK')

    const ms = (value: number, target?: number): Measure => ({ value, unit: 'ms', target, better: 'lower' })
    const ratio = (value: number, target?: number): Measure => ({ value, unit: 'x', target, better: 'lower' })
    return {
      org_first_page_p50_ms: ms(orgService.p50),
      org_first_page_p95_ms: ms(orgService.p95, 50),
      org_first_page_bare_p50_ms: ms(orgBare.p50),
      org_first_page_bare_p95_ms: ms(orgBare.p95),
      org_first_page_service_vs_bare_p50: ratio(orgService.p50 / orgBare.p50, 1.3),
      org_first_page_kysely_per_call_p50_ms: ms(orgKysely.p50),
      org_first_page_kysely_vs_prepared_p50: ratio(orgKysely.p50 / orgService.p50),
      rep_flags_p50_ms: ms(repService.p50),
      rep_flags_p95_ms: ms(repService.p95, 20),
      rep_flags_bare_p50_ms: ms(repBare.p50),
      rep_flags_bare_p95_ms: ms(repBare.p95),
      rep_flags_service_vs_bare_p50: ratio(repService.p50 / repBare.p50, 1.3),
      rep_flags_kysely_per_call_p50_ms: ms(repKysely.p50),
      team_forecast_p50_ms: ms(teamService.p50),
      team_forecast_p95_ms: ms(teamService.p95),
      team_forecast_bare_p50_ms: ms(teamBare.p50),
      team_forecast_service_vs_bare_p50: ratio(teamService.p50 / teamBare.p50, 1.3),
      recompute_one_deal_p95_ms: ms(recomputeOne.p95),
      refresh_all_evidence_s: { value: refreshMs / 1000, unit: 's', better: 'lower' },
      new_day_refresh_ms: ms(newDayMs, 2000),
      set_thresholds_ms: ms(thresholdsMs)
    }
  } finally {
    store.close()
  }
}
