// Forecast page data: periods, grid, snapshots, accuracy history, drill and the productivity dashboard over the typed client.
import type { MethodInput } from '@shared/contract'
import { useCall, useCallMutation } from '../../api/query'

export const usePeriods = () => useCall('forecast.periods', {})
export const useForecastSettings = () => useCall('forecast.settings', {})
export const useTeams = () => useCall('teams.list', {})
export const useGrid = (periodId: number | null, teamId?: number) =>
  useCall('forecast.grid', { periodId: periodId ?? 0, ...(teamId ? { teamId } : {}) }, { enabled: periodId !== null })
export const useCalls = (input: MethodInput<'forecast.calls'> | null) => useCall('forecast.calls', input ?? { periodId: 0 }, { enabled: input !== null })
export const useAccuracyHistory = (input: MethodInput<'forecast.accuracyHistory'>) => useCall('forecast.accuracyHistory', input)
export const useDrill = (input: MethodInput<'forecast.drill'> | null) => useCall('forecast.drill', input ?? { periodId: 0, column: 'commit' }, { enabled: input !== null })
export const useWalk = (input: MethodInput<'forecast.walk'>) => useCall('forecast.walk', input)
export const useWalkDeals = (input: MethodInput<'forecast.walkDeals'>) => useCall('forecast.walkDeals', input)
export const useDashboard = (input: MethodInput<'productivity.dashboard'> | null) =>
  useCall('productivity.dashboard', input ?? { from: '2000-01-01', to: '2000-01-01' }, { enabled: input !== null })

export const useRecordCall = () => useCallMutation('forecast.recordCall')
export const useClosePeriod = () => useCallMutation('forecast.close')
export const useCreatePeriod = () => useCallMutation('forecast.createPeriod')
export const useSetForecastSettings = () => useCallMutation('forecast.setSettings')
