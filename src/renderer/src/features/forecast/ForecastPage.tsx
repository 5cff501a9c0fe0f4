// Forecast: not built yet; says what it will hold.
import { EmptyState, PageHeader } from '../../kit/kit'

export function ForecastPage() {
  return (
    <>
      <PageHeader title="Forecast" subtitle="Forecast accuracy is a KPI." />
      <EmptyState title="No forecast periods yet">
        This page will record, per period, each rep's call, the manager's call and the evidence-based figure as dated
        snapshots, measure their accuracy against what closed, and show the productivity dashboard: activities per week,
        outcomes per activity, cycle length, conversion by stage, win rate and loss reasons.
      </EmptyState>
    </>
  )
}
