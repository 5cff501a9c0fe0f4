// Compacting the workspace file: deleted content leaves the write-ahead log and the free pages, and the file shrinks.
import { existsSync, statSync } from 'node:fs'
import type Database from 'better-sqlite3'
import { TouchlineError } from '@shared/errors'

/** The workspace as it sits on disk: the main file plus its write-ahead log. */
export function workspaceBytes(path: string): number {
  let total = 0
  for (const file of [path, `${path}-wal`]) if (existsSync(file)) total += statSync(file).size
  return total
}

/**
 * Checkpoint (TRUNCATE) moves every committed page out of the WAL and empties it; VACUUM rewrites the database into a
 * fresh file, leaving no free pages behind; the second checkpoint carries the rewritten pages (which VACUUM wrote to
 * the WAL) into the main file and empties the WAL again. The caller takes a backup first.
 */
export function compactWorkspace(sqlite: Database.Database, path: string): { bytesBefore: number; bytesAfter: number } {
  // Another call's transaction is still open on this connection (awaiting between statements): VACUUM cannot run in one.
  if (sqlite.inTransaction) {
    throw new TouchlineError('CONFLICT', 'workspace.compact: the workspace is busy with another change; try again in a moment.')
  }
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
