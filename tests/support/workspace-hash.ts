// A content hash of a workspace: every user table's rows in rowid order, so "nothing changed" is one comparison.
import { createHash } from 'node:crypto'
import type Database from 'better-sqlite3'

/** Regular tables (FTS5 shadow tables included, the virtual tables themselves skipped), sqlite_% internals left out. */
export function userTables(sqlite: Database.Database): { name: string; withoutRowid: boolean }[] {
  const rows = sqlite
    .prepare("SELECT name, sql FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name")
    .all() as { name: string; sql: string | null }[]
  return rows
    .filter((r) => !/^CREATE VIRTUAL/i.test(r.sql ?? ''))
    .map((r) => ({ name: r.name, withoutRowid: /WITHOUT\s+ROWID\s*;?\s*$/i.test(r.sql ?? '') }))
}

export function workspaceHash(sqlite: Database.Database): string {
  const hash = createHash('sha256')
  for (const { name, withoutRowid } of userTables(sqlite)) {
    const quoted = `"${name.replace(/"/g, '""')}"`
    const columns = (sqlite.prepare(`SELECT count(*) FROM pragma_table_info(?)`).pluck().get(name) as number) || 1
    // WITHOUT ROWID tables have no rowid: their primary key orders them, and ordering by every column is a superset.
    const order = withoutRowid ? Array.from({ length: columns }, (_, i) => String(i + 1)).join(', ') : 'rowid'
    hash.update(`\u0000table ${name}\u0000`)
    for (const row of sqlite.prepare(`SELECT ${withoutRowid ? '' : 'rowid AS "·rowid", '}* FROM ${quoted} ORDER BY ${order}`).raw().iterate()) {
      hash.update(JSON.stringify(row, (_k, v: unknown) => (Buffer.isBuffer(v) ? `x'${v.toString('hex')}'` : typeof v === 'bigint' ? `${v}n` : v)))
      hash.update('\n')
    }
  }
  return hash.digest('hex')
}
