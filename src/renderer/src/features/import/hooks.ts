// Data for the import wizard: preview, apply and export calls, the reps to attribute an archive to, and file reading.
import { useEffect } from 'react'
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { MAX_UPLOAD_BYTES, UPLOAD_CHUNK_BYTES, type ImportPreview, type ImportProgress, type MethodInput } from '@shared/contract'
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
  /** The staged copy in main, sent in chunks; main never reads a path the window names. */
  uploadId: string
  size: number
}

function base64Of(bytes: Uint8Array): string {
  let binary = ''
  // In slices: String.fromCharCode over millions of arguments overflows the stack.
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000))
  return btoa(binary)
}

/**
 * Sends a chosen file to main in 4 MB chunks (only its bytes travel, never a path), so a file of any size up to
 * 2 GB is read by main from its own staged copy and the window never holds more than one chunk.
 */
export async function uploadPickedFile(file: File, onProgress?: (sent: number) => void): Promise<PickedFile> {
  if (file.size === 0) throw new Error(`"${file.name}" is empty.`)
  if (file.size > MAX_UPLOAD_BYTES) throw new Error(`"${file.name}" is ${(file.size / 1073741824).toFixed(1)} GB; the window takes files up to 2 GB (split it, or use npm run import).`)
  const upload = await call('import.beginUpload', { fileName: file.name, size: file.size })
  for (let offset = 0; offset < file.size; offset += UPLOAD_CHUNK_BYTES) {
    const bytes = new Uint8Array(await file.slice(offset, offset + UPLOAD_CHUNK_BYTES).arrayBuffer())
    await call('import.uploadChunk', { uploadId: upload.uploadId, offset, contentBase64: base64Of(bytes) })
    onProgress?.(Math.min(file.size, offset + bytes.length))
  }
  await call('import.finishUpload', { uploadId: upload.uploadId })
  return { fileName: file.name, uploadId: upload.uploadId, size: file.size }
}

/** The desktop app picks the file in main's own dialog (read in place, any size); null when the dialog was cancelled. */
export async function pickInMain(): Promise<PickedFile | null> {
  const picked = await call('import.pickFile', {})
  return picked ? { fileName: picked.fileName, uploadId: picked.uploadId, size: picked.size } : null
}

/** Which shell serves the window: only the desktop app has main's file dialog. */
export function useShell() {
  return useCall('app.info', {}).data?.shell
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
