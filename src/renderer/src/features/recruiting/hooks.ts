// Recruiting's reads and writes over the typed client: one hook per contract method the page uses.
import type { MethodInput } from '@shared/contract'
import { useCall, useCallMutation } from '../../api/query'

export const useRequisitions = () => useCall('requisitions.list', { status: 'open', limit: 100 })
export const useRequisition = (id: number | null) => useCall('requisitions.get', { id: id ?? 1 }, { enabled: id !== null })
export const useBoard = (requisitionId: number | null) => useCall('candidates.board', { requisitionId: requisitionId ?? 1 }, { enabled: requisitionId !== null })
/** `viewer`: the interviewer looking; until they submit their own scorecard the panel's views are withheld. */
export const useCandidate = (id: number | null, viewer = '') =>
  useCall('candidates.get', { id: id ?? 1, viewer: viewer.trim() || undefined }, { enabled: id !== null })
/** The panel's scorecards as `interviewer` may see them: only once their own is in. */
export const useScorecards = (candidateId: number, requisitionId: number | null, interviewer: string) =>
  useCall(
    'scorecards.list',
    { candidateId, requisitionId: requisitionId ?? 1, interviewer: interviewer.trim() || '-' },
    { enabled: requisitionId !== null && interviewer.trim() !== '' }
  )
export const useCompare = (ids: number[]) => useCall('candidates.compare', { ids }, { enabled: ids.length >= 2 && ids.length <= 4 })
export const useFunnel = (input: MethodInput<'recruiting.funnel'>) => useCall('recruiting.funnel', input)

export const useCreateRequisition = () => useCallMutation('requisitions.create')
export const useCreateCandidate = () => useCallMutation('candidates.create')
export const useMoveCandidate = () => useCallMutation('candidates.move')
export const useMergeCandidates = () => useCallMutation('candidates.merge')
/** Who a candidate being typed in looks like (email, LinkedIn profile, name at the same company). */
export const useDuplicates = (input: MethodInput<'candidates.duplicates'>, enabled: boolean) => useCall('candidates.duplicates', input, { enabled })
export const useSubmitScorecard = () => useCallMutation('scorecards.submit')
