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

export const workspaceMethods = {
  'app.info': method<AppInfo>()(noInput),
  'workspace.status': method<WorkspaceStatus>()(noInput),
  'workspace.create': method<WorkspaceStatus>()(
    z.object({ kind: z.enum(['demo', 'empty']) }).strict()
  ),
  'workspace.summary': method<WorkspaceSummary>()(noInput)
}
