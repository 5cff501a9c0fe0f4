// Methods for the workspace's rolling backups, shown and restored from Settings.
import { z } from 'zod'
import { method } from './method'
import { noInput } from './common'
import type { WorkspaceStatus } from './workspace'

export type BackupReason = 'daily' | 'manual' | 'pre-restore' | 'pre-import'

export interface BackupInfo {
  /** The file's name inside the backup folder; the only handle the renderer gets. */
  name: string
  createdAt: string
  reason: BackupReason
  sizeBytes: number
}

export interface BackupList {
  folder: string
  keep: number
  backups: BackupInfo[]
}

export const backupMethods = {
  'backups.list': method<BackupList>()(noInput),
  'backups.create': method<BackupInfo>()(noInput),
  'backups.restore': method<WorkspaceStatus>()(
    z.object({ name: z.string().min(1).max(200).regex(/^[\w.-]+$/, 'a backup name, as listed') }).strict()
  )
}
