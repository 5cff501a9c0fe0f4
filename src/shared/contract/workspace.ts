// Methods about the workspace file itself and the app around it.
import { z } from 'zod'
import type { WireError } from '../errors'
import { method } from './method'
import { noInput } from './common'

export type WorkspaceState = 'none' | 'open' | 'error'

export interface WorkspaceStatus {
  state: WorkspaceState
  /** The file shown to the user; they chose it or it is the default in the app's data folder. */
  path: string
  schemaVersion: number | null
  error: WireError | null
}

export interface WorkspaceSummary {
  teams: number
  reps: number
  accounts: number
  tierOneAccounts: number
  deals: number
  openDeals: number
  activities: number
  openPipelineMinor: number
  currency: string
}

export interface AppInfo {
  version: string
  schemaVersion: number
  shell: 'electron' | 'browser'
}

export interface PdfExport {
  saved: boolean
  /** Where the user chose to save it; null when they cancelled. */
  path: string | null
}

export interface CompactResult {
  /** The workspace file plus its write-ahead log, before and after. */
  bytesBefore: number
  bytesAfter: number
  /** The backup taken first, in the backups folder. */
  backup: string
}

export const workspaceMethods = {
  'app.info': method<AppInfo>()(noInput),
  'workspace.status': method<WorkspaceStatus>()(noInput),
  'workspace.create': method<WorkspaceStatus>()(
    z.object({ kind: z.enum(['demo', 'empty']) }).strict()
  ),
  'workspace.summary': method<WorkspaceSummary>()(noInput),
  /** Backs up, then rewrites the file so deleted content no longer sits in free pages or the write-ahead log. */
  'workspace.compact': method<CompactResult>()(noInput),
  /** Prints the window's current page (its print stylesheet) to a PDF the user saves: the 1:1 brief, the kickoff deck. */
  'app.exportPdf': method<PdfExport>()(
    z
      .object({
        name: z.string().trim().regex(/^[\p{L}\p{N} ._()–-]{1,80}$/u, 'a file name of letters, digits, spaces and . _ - ( )'),
        landscape: z.boolean().default(false)
      })
      .strict()
  )
}
