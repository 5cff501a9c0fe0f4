// The workspace a shell has open: its file, its state, and the one store handle services use.
import { existsSync, rmSync } from 'node:fs'
import { dirname, basename, extname, join } from 'node:path'
import type { Kysely } from 'kysely'
import type { WorkspaceStatus } from '@shared/contract'
import { TouchlineError } from '@shared/errors'
import { isoSecond } from '@shared/dates'
import type { Clock } from './clock'
import { toWireError } from './dispatch'
import { createWorkspace, inspectHeader, openWorkspace, requireWritable, type Store } from './store/open'
import { acquireWorkspaceLock, type WorkspaceLock } from './store/lock'
import { userVersion } from './store/migrate'
import type { DB } from './store/schema'
import { generateDemo } from './demo/generate'
import { backupFile, backupFolder, dailyBackupIfDue, DEFAULT_KEEP, listBackups, replaceWorkspaceFile, writeBackup } from './store/backups'
import { restoreBackupFiles, syncBackupFiles } from './services/recruiting/attachment-backups'
import type { BackupInfo, BackupList } from '@shared/contract/backups'

export class WorkspaceSession {
  private store: Store | null = null
  private path: string
  private error: TouchlineError | null = null
  private opening: Promise<WorkspaceStatus> | null = null
  /** Held while a store is open, so a second Touchline on the same file is refused instead of writing beside us. */
  private lock: WorkspaceLock | null = null

  constructor(
    defaultPath: string,
    private readonly nativeBinding?: string
  ) {
    this.path = defaultPath
  }

  /**
   * Opens the file if it exists; a bad file becomes an error state, never a crash or an overwrite.
   * The integrity check takes seconds on a large workspace, so shells start this and show the window meanwhile.
   */
  openExisting(clock: Clock): Promise<WorkspaceStatus> {
    this.opening = this.open(clock)
    return this.opening
  }

  /** Resolves once any open started by openExisting has finished, successfully or not. */
  async settled(): Promise<WorkspaceStatus> {
    if (this.opening) await this.opening
    return this.status()
  }

  private async open(clock: Clock): Promise<WorkspaceStatus> {
    // Let the caller finish painting before the synchronous integrity check holds the thread.
    await new Promise((resolve) => setImmediate(resolve))
    if (!existsSync(this.path)) {
      this.claimFirstRun()
      return this.status()
    }
    try {
      // What the file is and whether it can be written come before the lock, whose file goes beside it.
      inspectHeader(this.path)
      requireWritable(this.path)
      this.lock = acquireWorkspaceLock(this.path)
      this.store = await openWorkspace(this.path, { now: isoSecond(clock.now()), nativeBinding: this.nativeBinding })
      this.error = null
      await this.dailyBackup(clock)
    } catch (err) {
      this.releaseLock()
      const wire = toWireError(err, 'workspace.open', this.path)
      this.error = new TouchlineError(wire.code, wire.message)
    }
    return this.status()
  }

  /** The workspace file this session shows, open or not; storage errors name it. */
  workspacePath(): string {
    return this.path
  }

  /**
   * First run, no file yet: the lock is taken anyway, so a second Touchline started now is refused instead of making
   * its own workspace beside this one. A folder that cannot take the lock is reported when a workspace is created.
   */
  private claimFirstRun(): void {
    try {
      this.lock = acquireWorkspaceLock(this.path)
    } catch (err) {
      if ((err as { code?: unknown }).code !== 'WORKSPACE_IN_USE') return
      this.error = err as TouchlineError
    }
  }

  private releaseLock(): void {
    this.lock?.release()
    this.lock = null
  }

  status(): WorkspaceStatus {
    return {
      state: this.store ? 'open' : this.error ? 'error' : 'none',
      path: this.path,
      schemaVersion: this.store ? userVersion(this.store.sqlite) : null,
      error: this.error ? { code: this.error.code, message: this.error.message } : null
    }
  }

  /** Starts a new workspace. When the usual file is unusable it goes beside it under a free name. */
  create(kind: 'demo' | 'empty', clock: Clock): WorkspaceStatus {
    if (this.store) {
      throw new TouchlineError('CONFLICT', `A workspace is already open at "${this.path}"; close it before starting another.`)
    }
    const target = existsSync(this.path) ? freeSibling(this.path) : this.path
    requireWritable(target)
    const lock = this.lock && target === this.path ? this.lock : acquireWorkspaceLock(target)
    // On failure a lock taken here is given back; the first-run claim on the usual path is kept.
    const giveBack = () => lock !== this.lock && lock.release()
    let store: Store
    try {
      store = createWorkspace(target, { now: isoSecond(clock.now()), nativeBinding: this.nativeBinding })
    } catch (err) {
      giveBack()
      throw err
    }
    if (kind === 'demo') {
      try {
        generateDemo(store.sqlite, { scale: 'standard', today: clock.now() })
      } catch (err) {
        // The file is ours and only half made: remove it so the next attempt uses the same name.
        store.close()
        for (const suffix of ['', '-wal', '-shm']) rmSync(target + suffix, { force: true })
        giveBack()
        throw err
      }
    }
    if (this.lock !== lock) this.releaseLock()
    this.lock = lock
    this.store = store
    this.path = target
    this.error = null
    return this.status()
  }

  /** A failed daily backup must not keep the user out of their workspace; it is logged and retried next open. */
  private async dailyBackup(clock: Clock): Promise<void> {
    if (!this.store) return
    try {
      if (await dailyBackupIfDue(this.store.sqlite, this.path, clock.now())) this.backUpFiles()
    } catch (err) {
      console.error(`[touchline] the daily backup of ${this.path} failed`, err)
    }
  }

  backups(): BackupList {
    this.requireStore()
    return { folder: backupFolder(this.path), keep: DEFAULT_KEEP, backups: listBackups(this.path) }
  }

  async createBackup(clock: Clock, reason: 'manual' | 'pre-import' = 'manual'): Promise<BackupInfo> {
    const backup = await writeBackup(this.requireStore().sqlite, this.path, reason, clock.now())
    this.backUpFiles()
    return backup
  }

  /** After every backup: the attachment files its rows point at are kept beside the backups (see attachment-backups). */
  backUpFiles(): void {
    try {
      syncBackupFiles(this.path)
    } catch (err) {
      console.error(`[touchline] copying attachment files beside the backups of ${this.path} failed`, err)
    }
  }

  /** Restores a listed backup: the current state is backed up first, so a restore can itself be undone. */
  async restore(name: string, clock: Clock): Promise<WorkspaceStatus> {
    const store = this.requireStore()
    const source = backupFile(this.path, name)
    await writeBackup(store.sqlite, this.path, 'pre-restore', clock.now())
    this.backUpFiles()
    await this.close()
    replaceWorkspaceFile(this.path, source)
    // The restored rows' files that were removed since come back from the backups' file store. A failure here leaves
    // those files missing (Open says so), never the workspace closed.
    try {
      restoreBackupFiles(this.path)
    } catch (err) {
      console.error(`[touchline] bringing back attachment files for ${this.path} failed`, err)
    }
    await this.openExisting(clock)
    return this.status()
  }

  db(): Kysely<DB> {
    return this.requireStore().db
  }

  requireStore(): Store {
    if (!this.store) {
      throw new TouchlineError('NO_WORKSPACE', 'No workspace is open: choose the demo workspace or start an empty one first.')
    }
    return this.store
  }

  async close(): Promise<void> {
    const store = this.store
    this.store = null
    if (store) {
      await store.db.destroy().catch(() => undefined)
      store.close()
    }
    this.releaseLock()
  }
}

function freeSibling(path: string): string {
  const ext = extname(path)
  const stem = basename(path, ext)
  for (let n = 2; ; n++) {
    const candidate = join(dirname(path), `${stem}-${n}${ext}`)
    if (!existsSync(candidate)) return candidate
  }
}
