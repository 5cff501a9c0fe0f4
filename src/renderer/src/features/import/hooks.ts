// Data for the import wizard: preview, apply and export calls, the reps to attribute an archive to, and file reading.
import { useEffect } from 'react'
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { MAX_IMPORT_BYTES, type ImportPreview, type ImportProgress, type MethodInput } from '@shared/contract'
import { call, CallError } from '../../api/client'
import { useCall, useCallMutation } from '../../api/query'

/** A preview is a read: it must not refetch every other query the way writes do. */
export function usePreview() {
  return useMutation<ImportPreview, CallError, MethodInput<'import.preview'>>({ mutationFn: (input) => call('import.preview', input) })
}

export function useApply() {
  return useCallMutation('import.apply')
}

/** Starts an import job in main; the window then follows it with useImportProgress. */
export function useStartImport() {
  return useMutation<ImportProgress, CallError, MethodInput<'import.start'>>({ mutationFn: (input) => call('import.start', input) })
}

/**
 * Polls a running job four times a second; stops once it has ended. When it finishes, every other read is
 * refetched (the import changed the workspace), as any write does.
 */
export function useImportProgress(jobId: string | null) {
  const queries = useQueryClient()
  const progress = useQuery<ImportProgress, CallError>({
    queryKey: ['import.progress', jobId],
    queryFn: () => call('import.progress', { jobId: jobId ?? '' }),
    enabled: jobId !== null,
    refetchInterval: (query) => (query.state.data && query.state.data.state !== 'running' ? false : 250),
    refetchIntervalInBackground: true,
    gcTime: 0
  })
  const state = progress.data?.state
  useEffect(() => {
    if (state === 'done') void queries.invalidateQueries({ predicate: (q) => q.queryKey[0] !== 'import.progress' })
  }, [state, queries])
  return progress
}

export function useCancelImport() {
  const queries = useQueryClient()
  return useMutation<ImportProgress, CallError, { jobId: string }>({
    mutationFn: (input) => call('import.cancel', input),
    onSuccess: (p) => queries.setQueryData(['import.progress', p.jobId], p)
  })
}

export function useDealsExport() {
  return useMutation<{ fileName: string; csv: string }, CallError, MethodInput<'export.dealsCsv'>>({ mutationFn: (input) => call('export.dealsCsv', input) })
}

export function useImportHistory() {
  return useCall('import.history', { limit: 10 })
}

export function useActiveReps() {
  return useCall('reps.list', { status: 'active', limit: 500 })
}

export interface PickedFile {
  fileName: string
  contentBase64: string
  size: number
}

/** Reads a chosen file in the renderer: only its bytes travel to main, never a path. */
export async function readPickedFile(file: File): Promise<PickedFile> {
  if (file.size > MAX_IMPORT_BYTES) throw new Error(`"${file.name}" is ${(file.size / 1048576).toFixed(1)} MB; the window takes files up to 25 MB.`)
  const bytes = new Uint8Array(await file.arrayBuffer())
  let binary = ''
  // In slices: String.fromCharCode over millions of arguments overflows the stack.
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000))
  return { fileName: file.name, contentBase64: btoa(binary), size: file.size }
}

/** Hands CSV text to the browser's download through a Blob link; nothing else on the page is touched. */
export function downloadText(fileName: string, text: string): void {
  const url = URL.createObjectURL(new Blob([text], { type: 'text/csv;charset=utf-8' }))
  const a = document.createElement('a')
  a.href = url
  a.download = fileName
  a.click()
  setTimeout(() => URL.revokeObjectURL(url), 1000)
}
