// Team & 1:1s data hooks: every read and write of the Team page goes through here (TanStack Query over the typed client).
import { useMutation, useQueryClient } from '@tanstack/react-query'
import type { NoteState } from '@shared/contract'
import { call, type CallError } from '../../api/client'
import { useCall, useCallMutation } from '../../api/query'

export function useTeams() {
  return useCall('teams.list', {})
}

export function useRepCards(teamId: number | undefined, offset: number) {
  return useCall('reps.cards', { teamId, offset, limit: 60 })
}

export function usePrepSheet(repId: number | null) {
  return useCall('oneOnOnes.prep', { repId: repId ?? 1 }, { enabled: repId !== null })
}

export function useOneOnOne(id: number | null) {
  return useCall('oneOnOnes.get', { id: id ?? 1 }, { enabled: id !== null })
}

export function useNoteVersions(oneOnOneId: number | null, enabled: boolean) {
  return useCall('notes.versions', { oneOnOneId: oneOnOneId ?? 1 }, { enabled: enabled && oneOnOneId !== null })
}

export function useNoteSearch(query: string) {
  const q = query.trim()
  return useCall('search.notes', { query: q || 'x', limit: 12 }, { enabled: /[\p{L}\p{N}]/u.test(q) })
}

export function useTeamWrites() {
  return {
    start: useCallMutation('oneOnOnes.start'),
    addItem: useCallMutation('actionItems.add'),
    completeItem: useCallMutation('actionItems.complete'),
    restore: useCallMutation('notes.restore')
  }
}

/**
 * Autosave is not an ordinary write: refetching every read after each keystroke pause would reset the editor.
 * It only refreshes the note versions and search once saved; the editor keeps its own text.
 */
export function useNoteSave() {
  const queries = useQueryClient()
  return useMutation<NoteState, CallError, { oneOnOneId: number; body: string }>({
    mutationFn: (input) => call('notes.save', input),
    onSuccess: () => {
      void queries.invalidateQueries({ queryKey: ['notes.versions'] })
      void queries.invalidateQueries({ queryKey: ['search.notes'] })
    }
  })
}

/** For the editor's unmount: the last typing is sent even when the component is already gone. */
export function flushNote(oneOnOneId: number, body: string): Promise<NoteState> {
  return call('notes.save', { oneOnOneId, body })
}

/** People who left, for the "Show people who left" list (with the open deals they still own). */
export function useLeftReps(teamId: number | undefined, enabled = true) {
  return useCall('reps.list', { teamId, status: 'left', limit: 500 }, { enabled })
}

export function useActiveReps(enabled: boolean) {
  return useCall('reps.list', { status: 'active', limit: 500 }, { enabled })
}

/** A rep's own record of moves, leaving (with its reason) and reinstatements. */
export function useRepHistory(id: number) {
  return useCall('reps.history', { id })
}

export function useRep(id: number | null) {
  return useCall('reps.get', { id: id ?? 1 }, { enabled: id !== null })
}

/** Team and rep management: each write refetches every read, so cards, tabs and lists follow at once. */
export function useTeamAdmin() {
  return {
    createTeam: useCallMutation('teams.create'),
    renameTeam: useCallMutation('teams.rename'),
    createRep: useCallMutation('reps.create'),
    updateRep: useCallMutation('reps.update'),
    moveRep: useCallMutation('reps.move'),
    markLeft: useCallMutation('reps.markLeft'),
    reinstate: useCallMutation('reps.reinstate'),
    reassign: useCallMutation('deals.reassign')
  }
}
