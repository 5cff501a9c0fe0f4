// Pipeline data hooks: every read and write of the Pipeline page goes through here (TanStack Query over the typed client).
import type { ClosePeriod, MethodInput, PipelineFilters } from '@shared/contract'
import { useCall, useCallMutation } from '../../api/query'

export function usePipelinePage(input: MethodInput<'pipeline.list'>, enabled = true) {
  return useCall('pipeline.list', input, { enabled })
}

export function usePipelineTotals(filters: PipelineFilters) {
  return useCall('pipeline.totals', { filters })
}

export function useTeamsAndReps(teamId: number | undefined) {
  const teams = useCall('teams.list', {})
  const reps = useCall('reps.list', { teamId, status: 'active', limit: 500 })
  return { teams, reps }
}

export function useDealInspection(id: number | null) {
  return useCall('deals.inspect', { id: id ?? 1 }, { enabled: id !== null })
}

export function useFunnel(filters: PipelineFilters) {
  return useCall('pipeline.funnel', { teamId: filters.teamId, ownerId: filters.ownerId })
}

export function useInspectionWrites() {
  return {
    acknowledge: useCallMutation('flags.acknowledge'),
    managerCall: useCallMutation('deals.setManagerCall'),
    criterion: useCallMutation('criteria.set')
  }
}

/** The board's first cards per stage; with `stage` and `offset`, one more page of one column. */
export function useBoard(input: MethodInput<'deals.board'>) {
  return useCall('deals.board', input)
}

export function useLogActivity() {
  return useCallMutation('activities.create')
}

export function useThresholds() {
  return useCall('settings.getThresholds', {})
}

export function useSetThresholds() {
  return useCallMutation('settings.setThresholds')
}

export function useSavedViews() {
  return {
    views: useCall('pipelineViews.list', {}),
    save: useCallMutation('pipelineViews.save'),
    remove: useCallMutation('pipelineViews.delete')
  }
}

/** Close periods offered in the filter, as date ranges from today. */
export function closePeriod(period: ClosePeriod | '', today: Date): Pick<PipelineFilters, 'closeFrom' | 'closeTo'> {
  const iso = (d: Date) => d.toISOString().slice(0, 10)
  const y = today.getUTCFullYear()
  const q = Math.floor(today.getUTCMonth() / 3)
  const quarter = (offset: number) => ({
    closeFrom: iso(new Date(Date.UTC(y, (q + offset) * 3, 1))),
    closeTo: iso(new Date(Date.UTC(y, (q + offset + 1) * 3, 0)))
  })
  if (period === 'this_quarter') return quarter(0)
  if (period === 'next_quarter') return quarter(1)
  if (period === 'past') return { closeTo: iso(new Date(today.getTime() - 86_400_000)) }
  return {}
}
