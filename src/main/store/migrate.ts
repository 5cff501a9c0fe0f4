// Runs the bundled schema steps: each in its own BEGIN IMMEDIATE, recorded in user_version and hashed.
import { createHash } from 'node:crypto'
import type Database from 'better-sqlite3'
import { TouchlineError } from '@shared/errors'
import { MIGRATIONS, type Migration } from './migrations'

const LEDGER = `CREATE TABLE IF NOT EXISTS touchline_migrations (
  version INTEGER PRIMARY KEY,
  name TEXT NOT NULL,
  sha256 TEXT NOT NULL,
  applied_at TEXT NOT NULL
) STRICT`

export function migrationHash(m: Migration): string {
  return createHash('sha256').update(m.sql).digest('hex')
}

export function userVersion(sqlite: Database.Database): number {
  return sqlite.pragma('user_version', { simple: true }) as number
}

/** Throws unless the versions strictly increase: a misordered list must never reach a user. */
export function assertOrdered(list: readonly Migration[]): void {
  list.forEach((m, i) => {
    const prev = list[i - 1]
    if (prev && m.version <= prev.version) {
      throw new Error(`Migration versions are not increasing: ${prev.version} then ${m.version}`)
    }
  })
}

/** Refuses a workspace whose applied steps were edited after release (Bruno's guard). */
export function assertUnedited(sqlite: Database.Database, path: string, list: readonly Migration[] = MIGRATIONS): void {
  const hasLedger = sqlite
    .prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'touchline_migrations'")
    .get()
  if (!hasLedger) return
  const applied = sqlite.prepare('SELECT version, name, sha256 FROM touchline_migrations').all() as {
    version: number
    name: string
    sha256: string
  }[]
  for (const row of applied) {
    const known = list.find((m) => m.version === row.version)
    if (known && migrationHash(known) !== row.sha256) {
      throw new TouchlineError(
        'MIGRATION_EDITED',
        `"${path}": schema step ${row.version} (${row.name}) differs from the one that built this workspace. This build of Touchline is inconsistent; the file was left untouched.`
      )
    }
  }
}

/**
 * A step that edits table text in sqlite_schema, inside the caller's transaction: SQLite's defensive mode (which
 * better-sqlite3 turns on) refuses PRAGMA writable_schema, so it is lifted for this step alone; the schema cookie
 * is then bumped, as SQLite's procedure for such edits asks, so this and every other connection parse it anew, and
 * the table is read once through the new text: a schema that no longer parses fails the step, which rolls back.
 */
function runSchemaEdit(sqlite: Database.Database, step: Migration, edit: NonNullable<Migration['editsSchema']>): void {
  sqlite.unsafeMode(true)
  try {
    sqlite.exec(step.sql)
    // Read after the step, whose own DDL moves the cookie too: the new one must be past every value seen.
    const cookie = sqlite.pragma('schema_version', { simple: true }) as number
    sqlite.pragma(`schema_version = ${cookie + 1}`)
  } finally {
    sqlite.pragma('writable_schema = OFF')
    sqlite.unsafeMode(false)
  }
  sqlite.prepare(`SELECT * FROM "${edit.table.replace(/"/g, '""')}" LIMIT 0`).all()
}

/** Applies every pending step; returns the versions before and after. */
export function migrate(
  sqlite: Database.Database,
  path: string,
  appliedAt: string,
  list: readonly Migration[] = MIGRATIONS
): { from: number; to: number } {
  assertOrdered(list)
  const from = userVersion(sqlite)
  const latest = list[list.length - 1]?.version ?? 0
  if (from > latest) {
    throw new TouchlineError(
      'NEWER_WORKSPACE',
      `"${path}" was written by a newer Touchline (schema ${from}; this version knows up to ${latest}). Install the newer Touchline to open it; the file was left untouched.`
    )
  }
  assertUnedited(sqlite, path, list)
  for (const step of list) {
    if (step.version <= from) continue
    sqlite.exec('BEGIN IMMEDIATE')
    try {
      sqlite.exec(LEDGER)
      if (step.editsSchema) runSchemaEdit(sqlite, step, step.editsSchema)
      else sqlite.exec(step.sql)
      sqlite
        .prepare('INSERT INTO touchline_migrations (version, name, sha256, applied_at) VALUES (?, ?, ?, ?)')
        .run(step.version, step.name, migrationHash(step), appliedAt)
      sqlite.pragma(`user_version = ${step.version}`)
      sqlite.exec('COMMIT')
    } catch (err) {
      if (sqlite.inTransaction) sqlite.exec('ROLLBACK')
      throw new TouchlineError(
        'MIGRATION_FAILED',
        `"${path}": schema step ${step.version} (${step.name}) failed and was rolled back: ${(err as Error).message}`
      )
    }
  }
  return { from, to: userVersion(sqlite) }
}
