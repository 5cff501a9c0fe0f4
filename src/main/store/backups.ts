// Rolling backups of a workspace: SQLite online backups in a folder beside it, the newest N kept, restore by name.
import { copyFileSync, existsSync, mkdirSync, readdirSync, renameSync, rmSync, statSync } from 'node:fs'
import { basename, dirname, extname, join } from 'node:path'
import Database from 'better-sqlite3'
import { TouchlineError } from '@shared/errors'
import type { BackupInfo, BackupReason } from '@shared/contract/backups'
import { inspectHeader } from './open'

export const DEFAULT_KEEP = 14

/** `<folder>/<workspace>-backups/`: beside the workspace, so moving the folder moves its history too. */
export function backupFolder(workspacePath: string): string {
  return join(dirname(workspacePath), `${basename(workspacePath, extname(workspacePath))}-backups`)
}

// `.1`, `.2`… before `.sqlite`: a second backup in the same second (writeBackup's collision names) is listed and rotated too.
const NAME = /^touchline-(\d{4}-\d{2}-\d{2})T(\d{2})-(\d{2})-(\d{2})Z-(daily|manual|pre-restore|pre-import)(?:\.(\d{1,4}))?\.sqlite$/

function parse(name: string, folder: string): BackupInfo | null {
  const m = NAME.exec(name)
  if (!m) return null
  return {
    name,
    createdAt: `${m[1]}T${m[2]}:${m[3]}:${m[4]}Z`,
    reason: m[5] as BackupReason,
    sizeBytes: statSync(join(folder, name)).size
  }
}

/** Which of several backups written in the same second came later: none, then `.1`, `.2`… */
const sequence = (name: string) => Number(NAME.exec(name)?.[6] ?? 0)

/** Newest first. Only files named the way Touchline names them are listed. */
export function listBackups(workspacePath: string): BackupInfo[] {
  const folder = backupFolder(workspacePath)
  if (!existsSync(folder)) return []
  return readdirSync(folder)
    .map((name) => parse(name, folder))
    .filter((b): b is BackupInfo => b !== null)
    .sort((a, b) => (a.createdAt < b.createdAt ? 1 : a.createdAt > b.createdAt ? -1 : sequence(b.name) - sequence(a.name)))
}

/**
 * A new backup's file name. Two backups in the same second (a restore right after a manual backup) must not overwrite
 * each other, and a later one must sort after an earlier one even when that one has rotated out: the next number up
 * from the highest taken in that second.
 */
export function freshBackupName(folder: string, reason: BackupReason, now: Date): string {
  const base = `touchline-${now.toISOString().slice(0, 19).replace(/:/g, '-')}Z-`
  const taken = existsSync(folder) ? readdirSync(folder).filter((n) => n.startsWith(base) && NAME.test(n)) : []
  if (taken.length === 0) return `${base}${reason}.sqlite`
  return `${base}${reason}.${Math.max(...taken.map(sequence)) + 1}.sqlite`
}

/** Writes an online backup (consistent even while the workspace is in use), then prunes to the newest `keep`. */
export async function writeBackup(
  sqlite: Database.Database,
  workspacePath: string,
  reason: BackupReason,
  now: Date,
  keep = DEFAULT_KEEP
): Promise<BackupInfo> {
  const folder = backupFolder(workspacePath)
  mkdirSync(folder, { recursive: true })
  const name = freshBackupName(folder, reason, now)
  const partial = join(folder, `${name}.partial`)
  await sqlite.backup(partial)
  renameSync(partial, join(folder, name))
  for (const old of listBackups(workspacePath).slice(keep)) rmSync(join(folder, old.name), { force: true })
  return parse(name, folder) ?? { name, createdAt: now.toISOString(), reason, sizeBytes: statSync(join(folder, name)).size }
}

/** The first open of each calendar day (UTC) leaves one backup behind. */
export async function dailyBackupIfDue(sqlite: Database.Database, workspacePath: string, now: Date, keep = DEFAULT_KEEP): Promise<BackupInfo | null> {
  const today = now.toISOString().slice(0, 10)
  if (listBackups(workspacePath).some((b) => b.createdAt.startsWith(today))) return null
  return writeBackup(sqlite, workspacePath, 'daily', now, keep)
}

/**
 * Resolves a backup the user picked by name to its file. The name must be one `listBackups` returns, so a name
 * like `../../etc/passwd` can never reach the file system.
 */
export function backupFile(workspacePath: string, name: string): string {
  if (!listBackups(workspacePath).some((b) => b.name === name)) {
    throw new TouchlineError('NOT_FOUND', `backups.restore: input.name: there is no backup called "${name}" in ${backupFolder(workspacePath)}.`)
  }
  const file = join(backupFolder(workspacePath), name)
  inspectHeader(file)
  const check = new Database(file, { readonly: true, fileMustExist: true })
  try {
    const result = check.pragma('quick_check', { simple: true })
    if (result !== 'ok') throw new TouchlineError('CORRUPT_WORKSPACE', `The backup "${name}" is damaged (${String(result)}); pick another.`)
  } finally {
    check.close()
  }
  return file
}

/**
 * Puts a backup's content in place of the workspace file. The caller has closed the workspace (so its WAL is
 * checkpointed) and backed it up. A copy then a rename: a crash leaves either the old file or the new one.
 */
export function replaceWorkspaceFile(workspacePath: string, backup: string): void {
  const incoming = `${workspacePath}.restoring`
  copyFileSync(backup, incoming)
  for (const suffix of ['-wal', '-shm']) rmSync(workspacePath + suffix, { force: true })
  renameSync(incoming, workspacePath)
}
