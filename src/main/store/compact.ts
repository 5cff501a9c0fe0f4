// Compacting the workspace file: deleted content leaves the write-ahead log and the free pages, and the file shrinks.
import { existsSync, mkdirSync, renameSync, rmSync, statSync } from 'node:fs'
import { join } from 'node:path'
import type Database from 'better-sqlite3'
import { TouchlineError } from '@shared/errors'
import { backupFolder, DEFAULT_KEEP, freshBackupName, listBackups } from './backups'

/** The workspace as it sits on disk: the main file plus its write-ahead log. */
export function workspaceBytes(path: string): number {
  let total = 0
  for (const file of [path, `${path}-wal`]) if (existsSync(file)) total += statSync(file).size
  return total
}

/**
 * The backup taken before compacting, written with VACUUM INTO rather than a page copy: a page copy would carry
 * whatever deleted content still sits in free space inside pages (secure_delete zeroes freed cells, but not every
 * stale copy a page rebalance leaves behind), which would defeat erasing a candidate. VACUUM INTO writes live rows
 * only. Named and rotated like every other manual backup, so it shows in the backups list and can be restored.
 */
export function writeCompactBackup(sqlite: Database.Database, workspacePath: string, now: Date): string {
  guardIdle(sqlite)
  const folder = backupFolder(workspacePath)
  mkdirSync(folder, { recursive: true })
  const name = freshBackupName(folder, 'manual', now)
  const partial = join(folder, `${name}.partial`)
  rmSync(partial, { force: true })
  sqlite.prepare('VACUUM INTO ?').run(partial)
  renameSync(partial, join(folder, name))
  for (const old of listBackups(workspacePath).slice(DEFAULT_KEEP)) rmSync(join(folder, old.name), { force: true })
  return name
}

function guardIdle(sqlite: Database.Database): void {
  // Another call's transaction is still open on this connection (awaiting between statements): VACUUM cannot run in one.
  if (sqlite.inTransaction) {
    throw new TouchlineError('CONFLICT', 'workspace.compact: the workspace is busy with another change; try again in a moment.')
  }
}

/**
 * Checkpoint (TRUNCATE) moves every committed page out of the WAL and empties it; VACUUM rewrites the database into a
 * fresh file, leaving no free pages behind; the second checkpoint carries the rewritten pages (which VACUUM wrote to
 * the WAL) into the main file and empties the WAL again. The caller takes a backup first.
 */
export function compactWorkspace(sqlite: Database.Database, path: string): { bytesBefore: number; bytesAfter: number } {
  guardIdle(sqlite)
  const bytesBefore = workspaceBytes(path)
  checkpoint(sqlite)
  sqlite.exec('VACUUM')
  checkpoint(sqlite)
  return { bytesBefore, bytesAfter: workspaceBytes(path) }
}

function checkpoint(sqlite: Database.Database): void {
  const [result] = sqlite.pragma('wal_checkpoint(TRUNCATE)') as { busy: number; log: number; checkpointed: number }[]
  if (result && result.busy !== 0) {
    throw new TouchlineError('CONFLICT', 'workspace.compact: another reader holds the workspace open, so its log could not be emptied; close it and try again.')
  }
}
