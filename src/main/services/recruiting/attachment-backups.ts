// Backups carry the attachment files their rows point at: a restored backup opens its files, even ones removed since.
import { existsSync, readdirSync, readFileSync, rmdirSync, rmSync } from 'node:fs'
import { join } from 'node:path'
import Database from 'better-sqlite3'
import { backupFolder, listBackups } from '../../store/backups'
import { attachmentFolder, blobPath, storeBlob } from './attachments'

/** `<workspace>-backups/files/`: one store for every backup, each file once under its hash, as in the workspace. */
export function backupFilesFolder(workspacePath: string): string {
  return join(backupFolder(workspacePath), 'files')
}

/** The files a workspace or backup file's rows point at; none for one written before attachments existed. */
function hashesIn(file: string): Set<string> {
  const db = new Database(file, { readonly: true, fileMustExist: true })
  try {
    const table = db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'candidate_attachments'").get()
    if (!table) return new Set()
    return new Set(db.prepare('SELECT DISTINCT sha256 FROM candidate_attachments').pluck().all() as string[])
  } finally {
    db.close()
  }
}

/**
 * Brings the backups' file store in line with the backups listed: every file a backup's rows point at is copied in
 * from the workspace (once, whatever the number of backups holding it), and a file no listed backup points at any
 * more (its backups rotated out) is deleted. Run after each backup is written. A file already missing from the
 * workspace cannot be copied and is skipped: the backup then lists it and Open says it is missing, as before.
 */
export function syncBackupFiles(workspacePath: string): { copied: number; deleted: number } {
  const store = backupFilesFolder(workspacePath)
  const source = attachmentFolder(workspacePath)
  const wanted = new Set<string>()
  for (const backup of listBackups(workspacePath)) for (const sha of hashesIn(join(backupFolder(workspacePath), backup.name))) wanted.add(sha)
  let copied = 0
  for (const sha of wanted) {
    const to = blobPath(store, sha)
    const from = blobPath(source, sha)
    if (existsSync(to) || !existsSync(from)) continue
    storeBlob(store, sha, readFileSync(from), 'backups.create')
    copied++
  }
  let deleted = 0
  if (existsSync(store)) {
    for (const shard of readdirSync(store, { withFileTypes: true })) {
      if (!shard.isDirectory()) continue
      const folder = join(store, shard.name)
      for (const name of readdirSync(folder)) {
        if (wanted.has(name)) continue
        rmSync(join(folder, name), { force: true })
        deleted++
      }
      if (readdirSync(folder).length === 0) rmdirSync(folder)
    }
  }
  return { copied, deleted }
}

/** After a restore: the restored rows' files that left the workspace since come back from the backups' store. */
export function restoreBackupFiles(workspacePath: string): number {
  const store = backupFilesFolder(workspacePath)
  const target = attachmentFolder(workspacePath)
  let restored = 0
  for (const sha of hashesIn(workspacePath)) {
    const to = blobPath(target, sha)
    const from = blobPath(store, sha)
    if (existsSync(to) || !existsSync(from)) continue
    storeBlob(target, sha, readFileSync(from), 'backups.restore')
    restored++
  }
  return restored
}
