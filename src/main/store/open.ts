// Opens or creates a workspace file: checks it is ours and sound before anything writes to it.
import { accessSync, closeSync, constants, existsSync, openSync, readSync, rmSync, statSync } from 'node:fs'
import { dirname } from 'node:path'
import Database from 'better-sqlite3'
import { Kysely, SqliteDialect, type DatabaseConnection, type Driver } from 'kysely'
import { TouchlineError } from '@shared/errors'
import type { DB } from './schema'
import { migrate, userVersion } from './migrate'
import { LATEST_VERSION } from './migrations'

/** 'TCLN' in the SQLite header's application_id: how a Touchline workspace is told from any other SQLite file. */
export const APPLICATION_ID = 0x54434c4e

const SQLITE_MAGIC = 'SQLite format 3\u0000'

export interface Store {
  path: string
  sqlite: Database.Database
  db: Kysely<DB>
  /** Set when opening migrated an existing workspace: where the pre-migration copy was written. */
  backupPath: string | null
  close(): void
}

export interface OpenOptions {
  /** Create the file when it does not exist (never when it exists). */
  create?: boolean
  /** ISO timestamp used in backup names and the migration ledger. */
  now: string
  /** Path to a better-sqlite3 binary built for this runtime (Electron's ABI differs from Node's). */
  nativeBinding?: string
}

function untouched(path: string, code: 'NOT_A_WORKSPACE' | 'FOREIGN_DATABASE' | 'CORRUPT_WORKSPACE', why: string): TouchlineError {
  return new TouchlineError(
    code,
    `"${path}" ${why}. Touchline left it untouched; open another workspace or start a new one.`
  )
}

function readHeader(path: string): Buffer {
  const fd = openSync(path, 'r')
  try {
    const header = Buffer.alloc(100)
    const read = readSync(fd, header, 0, 100, 0)
    return header.subarray(0, read)
  } finally {
    closeSync(fd)
  }
}

/** Classifies an existing file from its first 100 bytes, without opening it as a database. */
export function inspectHeader(path: string): void {
  if (statSync(path).size === 0) throw untouched(path, 'NOT_A_WORKSPACE', 'is an empty file, not a Touchline workspace')
  const header = readHeader(path)
  if (header.length < 100 || header.subarray(0, 16).toString('latin1') !== SQLITE_MAGIC) {
    throw untouched(path, 'NOT_A_WORKSPACE', 'is not a Touchline workspace (it is not a SQLite database)')
  }
  if (header.readInt32BE(68) !== APPLICATION_ID) {
    throw untouched(path, 'FOREIGN_DATABASE', 'is a SQLite database from another application, not a Touchline workspace')
  }
}

/** Whether this process may write the path: false for permissions, an immutable file or a read-only file system. */
function writable(path: string): boolean {
  try {
    accessSync(path, constants.W_OK)
    return true
  } catch (err) {
    const code = (err as { code?: string }).code
    if (code === 'EACCES' || code === 'EPERM' || code === 'EROFS') return false
    throw err
  }
}

/**
 * Refuses a workspace Touchline could open but not save: every change, the daily backup and SQLite's -wal and -shm
 * files beside it need writing. Checked before SQLite touches anything, so the file and its folder stay as they were.
 */
export function requireWritable(path: string): void {
  for (const file of [path, `${path}-wal`, `${path}-shm`]) {
    if (existsSync(file) && !writable(file)) {
      throw new TouchlineError(
        'READ_ONLY_WORKSPACE',
        `"${file}" is read-only, so Touchline cannot save changes to this workspace. Copy it somewhere you can write, or change its permissions; Touchline left it untouched.`
      )
    }
  }
  const folder = dirname(path)
  if (!existsSync(path) && existsSync(folder) && !writable(folder)) {
    throw new TouchlineError(
      'READ_ONLY_WORKSPACE',
      `Touchline cannot create "${path}": the folder "${folder}" is read-only. Choose a folder you can write, or change its permissions.`
    )
  }
  if (existsSync(path) && !writable(folder)) {
    throw new TouchlineError(
      'READ_ONLY_WORKSPACE',
      `"${path}" is in a read-only folder ("${folder}"), where Touchline cannot write the journal and backup files it keeps beside the workspace. Copy it somewhere you can write, or change the folder's permissions; Touchline left it untouched.`
    )
  }
}

/**
 * On SQLITE_FULL (and some I/O errors) SQLite rolls the whole transaction back itself; Kysely's ROLLBACK would then
 * fail with "no transaction is active" and hide the real error, so it is skipped when nothing is left to undo.
 */
class SqliteDialectKeepingErrors extends SqliteDialect {
  constructor(private readonly sqlite: Database.Database) {
    super({ database: sqlite })
  }

  override createDriver(): Driver {
    const driver = super.createDriver()
    const rollback = driver.rollbackTransaction.bind(driver)
    const rollbackToSavepoint = driver.rollbackToSavepoint?.bind(driver)
    driver.rollbackTransaction = async (connection: DatabaseConnection) => {
      if (this.sqlite.inTransaction) await rollback(connection)
    }
    if (rollbackToSavepoint) {
      driver.rollbackToSavepoint = async (...args: Parameters<typeof rollbackToSavepoint>) => {
        if (this.sqlite.inTransaction) await rollbackToSavepoint(...args)
      }
    }
    return driver
  }
}

/** A native binary built for another runtime fails here, not as a damaged file: say which. */
function connect(path: string, options: OpenOptions, fileMustExist: boolean): Database.Database {
  try {
    return new Database(path, { fileMustExist, nativeBinding: options.nativeBinding })
  } catch (err) {
    const message = (err as Error).message
    const code = (err as { code?: unknown }).code
    if (code === 'ERR_DLOPEN_FAILED' || /NODE_MODULE_VERSION|did not self-register|Could not locate the bindings file/i.test(message)) {
      throw new TouchlineError(
        'ENGINE_UNAVAILABLE',
        `Touchline's database engine (better-sqlite3) is not built for this runtime (${message.split('\n')[0]}). Run \`npm run electron:native\` with network access, or reinstall Touchline.`
      )
    }
    if (!fileMustExist) throw err
    throw untouched(path, 'CORRUPT_WORKSPACE', `cannot be opened (${message})`)
  }
}

function applyPragmas(sqlite: Database.Database): void {
  sqlite.pragma('busy_timeout = 5000')
  sqlite.pragma('foreign_keys = ON')
  sqlite.pragma('journal_mode = WAL')
  sqlite.pragma('synchronous = NORMAL')
}

function quickCheck(sqlite: Database.Database, path: string): void {
  let result: string
  try {
    result = sqlite.pragma('quick_check', { simple: true }) as string
  } catch (err) {
    throw untouched(path, 'CORRUPT_WORKSPACE', `is damaged and cannot be read (${(err as Error).message})`)
  }
  if (result !== 'ok') throw untouched(path, 'CORRUPT_WORKSPACE', `is damaged (integrity check: ${result})`)
}

function wrap(path: string, sqlite: Database.Database, backupPath: string | null): Store {
  const db = new Kysely<DB>({ dialect: new SqliteDialectKeepingErrors(sqlite) })
  return {
    path,
    sqlite,
    db,
    backupPath,
    close: () => {
      if (sqlite.open) sqlite.close()
    }
  }
}

export function backupName(path: string, fromVersion: number, now: string): string {
  return `${path}.pre-v${LATEST_VERSION}-from-v${fromVersion}.${now.replace(/[:.]/g, '-')}.bak`
}

/** Creates a new workspace; the file must not exist. A failure removes the half-made file. */
export function createWorkspace(path: string, options: OpenOptions): Store {
  if (existsSync(path)) throw new TouchlineError('CONFLICT', `"${path}" already exists; Touchline never overwrites a file.`)
  requireWritable(path)
  const sqlite = connect(path, options, false)
  try {
    // Set in rollback-journal mode so the id is in the main file's header before any WAL exists.
    sqlite.pragma(`application_id = ${APPLICATION_ID}`)
    applyPragmas(sqlite)
    migrate(sqlite, path, options.now)
    return wrap(path, sqlite, null)
  } catch (err) {
    sqlite.close()
    for (const suffix of ['', '-wal', '-shm']) rmSync(path + suffix, { force: true })
    throw err
  }
}

/** Opens an existing workspace, migrating it (after an online backup) when it is older than this app. */
export async function openWorkspace(path: string, options: OpenOptions): Promise<Store> {
  if (!existsSync(path)) {
    if (options.create) return createWorkspace(path, options)
    throw new TouchlineError('NOT_FOUND', `"${path}" does not exist.`)
  }
  inspectHeader(path)
  requireWritable(path)
  const sqlite = connect(path, options, true)
  try {
    quickCheck(sqlite, path)
    const version = userVersion(sqlite)
    if (version > LATEST_VERSION) {
      throw new TouchlineError(
        'NEWER_WORKSPACE',
        `"${path}" was written by a newer Touchline (schema ${version}; this version knows up to ${LATEST_VERSION}). Install the newer Touchline to open it; the file was left untouched.`
      )
    }
    applyPragmas(sqlite)
    let backupPath: string | null = null
    if (version < LATEST_VERSION && version > 0) {
      backupPath = backupName(path, version, options.now)
      await sqlite.backup(backupPath)
    }
    migrate(sqlite, path, options.now)
    return wrap(path, sqlite, backupPath)
  } catch (err) {
    sqlite.close()
    throw err
  }
}
