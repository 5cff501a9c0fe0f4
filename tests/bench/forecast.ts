// Bench `forecast`: the forecast grid, the org's productivity dashboard and the forecast walk for one quarter on the large workspace, service vs bare SQL.
import { openWorkspace } from '../../src/main/store/open'
import { FIGURES_SQL } from '../../src/main/services/forecast/figures'
import { forecastGrid } from '../../src/main/services/forecast/calls'
import { listPeriods } from '../../src/main/services/forecast/periods'
import { productivityDashboard } from '../../src/main/services/forecast/productivity'
import { forecastWalk, WALK_SQL } from '../../src/main/services/forecast/walk'
import { addDays } from '../../src/shared/dates'
import { generateForecastDemo } from '../../src/main/demo/forecast'
import { DEMO_SEED } from '../../src/main/demo/generate'
import { time, timePair, type Measure } from './harness'
import { BENCH_TODAY, type LargeWorkspace } from './large-workspace'

export async function forecastBench(large: LargeWorkspace): Promise<Record<string, Measure>> {
  const store = await openWorkspace(large.path, { now: `${BENCH_TODAY}T09:00:00Z` })
  try {
    const today = BENCH_TODAY
    const periods = listPeriods(store.sqlite)
    const open = periods.find((p) => !p.closedAt)!
    const lastClosed = periods.find((p) => p.closedAt)!
    const team = (i: number) => (i % 17) + 1

    const figures = store.sqlite.prepare(FIGURES_SQL('org'))
    const { service: gridOrg, bare: gridBare } = await timePair(() => forecastGrid(store, { periodId: open.id }, today), () => figures.all({ start: open.start, end: open.end }), 30)
    const gridTeam = await time((i) => forecastGrid(store, { periodId: open.id, teamId: team(i) }, today), 30)
    const dashOrg = await time(() => productivityDashboard(store, { from: lastClosed.start, to: lastClosed.end }, today), 20, 2)
    const dashTeam = await time((i) => productivityDashboard(store, { from: lastClosed.start, to: lastClosed.end, teamId: team(i) }, today), 20, 2)
    // The walk of the open quarter from its latest snapshot to today (the page's default), org-wide and per team, and
    // from the quarter's start; the bare baseline is the walk's one query without classifying in JS.
    const from = forecastWalk(store, { periodId: open.id }, today).from
    const walkSql = store.sqlite.prepare(WALK_SQL('org'))
    const { service: walkOrg, bare: walkBare } = await timePair(
      () => forecastWalk(store, { periodId: open.id }, today),
      () => walkSql.all({ start: open.start, end: open.end, from, to: today, fromNext: addDays(from, 1), toNext: addDays(today, 1) }),
      20,
      2
    )
    const walkTeam = await time((i) => forecastWalk(store, { periodId: open.id, teamId: team(i) }, today), 20, 2)
    const walkFromStart = await time(() => forecastWalk(store, { periodId: open.id, from: open.start }, today), 10, 1)

    // The demo's forecast history alone, rebuilt inside a transaction that is rolled back: its share of building the demo.
    store.sqlite.exec('BEGIN')
    store.sqlite.exec('DELETE FROM forecast_calls; DELETE FROM forecast_periods;')
    const demoStarted = performance.now()
    generateForecastDemo(store.sqlite, DEMO_SEED, new Date(`${today}T09:00:00Z`))
    const demoMs = performance.now() - demoStarted
    store.sqlite.exec('ROLLBACK')

    const ms = (value: number, target?: number): Measure => ({ value, unit: 'ms', target, better: 'lower' })
    const ratio = (value: number, target?: number): Measure => ({ value, unit: 'x', target, better: 'lower' })
    return {
      grid_org_p50_ms: ms(gridOrg.p50),
      grid_org_p95_ms: ms(gridOrg.p95, 100),
      grid_org_bare_figures_p50_ms: ms(gridBare.p50),
      grid_org_service_vs_bare_p50: ratio(gridOrg.p50 / gridBare.p50, 1.5),
      grid_team_p95_ms: ms(gridTeam.p95, 100),
      dashboard_org_quarter_p50_ms: ms(dashOrg.p50),
      dashboard_org_quarter_p95_ms: ms(dashOrg.p95, 200),
      dashboard_team_quarter_p95_ms: ms(dashTeam.p95, 150),
      walk_org_p50_ms: ms(walkOrg.p50),
      walk_org_p95_ms: ms(walkOrg.p95, 300),
      walk_org_bare_sql_p50_ms: ms(walkBare.p50),
      walk_org_service_vs_bare_p50: ratio(walkOrg.p50 / walkBare.p50, 1.5),
      walk_team_p95_ms: ms(walkTeam.p95, 150),
      walk_org_from_quarter_start_p95_ms: ms(walkFromStart.p95),
      demo_forecast_history_ms: ms(demoMs, 1000)
    }
  } finally {
    store.close()
  }
}
