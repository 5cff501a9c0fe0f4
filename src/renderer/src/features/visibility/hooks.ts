// Visibility's reads and writes over the typed client: one hook per contract method the page uses.
import type { MethodInput } from '@shared/contract'
import { useCall, useCallMutation } from '../../api/query'

export const useTeamVisibility = (input: MethodInput<'visibility.team'>) => useCall('visibility.team', input)
export const useComparison = (input: MethodInput<'visibility.compare'>) => useCall('visibility.compare', input)
export const useTierOne = (input: MethodInput<'relationships.tierOne'>) => useCall('relationships.tierOne', input)
export const useCompetitors = () => useCall('competitors.list', {})
export const useSocialRules = () => useCall('socialRules.list', {})
export const useWeights = () => useCall('visibility.weights.get', {})
export const useTeams = () => useCall('teams.list', {})

export const useSetWeights = () => useCallMutation('visibility.weights.set')

export const useSnapshotHistory = (competitorPersonId: number) => useCall('snapshots.list', { competitorPersonId })
export const useCreateCompetitor = () => useCallMutation('competitors.create')
export const useUpdateCompetitor = () => useCallMutation('competitors.update')
export const useRemoveCompetitor = () => useCallMutation('competitors.remove')
export const useAddCompetitorPerson = () => useCallMutation('competitors.addPerson')
export const useRemoveCompetitorPerson = () => useCallMutation('competitors.removePerson')
export const useAddSnapshot = () => useCallMutation('snapshots.add')
export const useImportSnapshots = () => useCallMutation('snapshots.importCsv')
export const useSetCompetitorRelationship = () => useCallMutation('competitorRelationships.set')
export const useSetSocialRule = () => useCallMutation('socialRules.set')
