// The store on real files: a new workspace's header and pragmas, and schema steps applied, refused or rolled back.
import { readFileSync, readdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import Database from 'better-sqlite3'
import { afterEach, describe, expect, it } from 'vitest'
import { APPLICATION_ID, createWorkspace, openWorkspace } from '../../src/main/store/open'
import { migrate, migrationHash, userVersion } from '../../src/main/store/migrate'
import { LATEST_VERSION, MIGRATIONS, type Migration } from '../../src/main/store/migrations'
import { NOW, makeWorkspace, tempDir } from '../support/workspace'

const cleanups: (() => void)[] = []
afterEach(() => cleanups.splice(0).reverse().forEach((c) => c()))

function workspace(options: Parameters<typeof makeWorkspace>[0] = {}) {
  const ws = makeWorkspace(options)
  cleanups.push(ws.dispose)
  return ws
}

/** A plain SQLite file with nothing in it, for running made-up step lists. */
function bareDatabase() {
  const temp = tempDir()
  const path = join(temp.dir, 'bare.sqlite')
  const sqlite = new Database(path)
  cleanups.push(() => {
    sqlite.close()
    temp.dispose()
  })
  return { path, sqlite }
}

function tableExists(sqlite: Database.Database, name: string): boolean {
  return sqlite.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?").get(name) !== undefined
}

function ledger(sqlite: Database.Database) {
  return sqlite.prepare('SELECT version, name, sha256, applied_at FROM touchline_migrations ORDER BY version').all() as {
    version: number
    name: string
    sha256: string
    applied_at: string
  }[]
}

const NEXT = LATEST_VERSION + 1
const step = (version: number, sql: string, name = `test step ${version}`): Migration => ({ version, name, sql })

describe('a new workspace', () => {
  it("carries Touchline's application_id in the file header before any WAL checkpoint", () => {
    const ws = workspace()
    // Still open: anything written since the id would sit in the WAL, so this reads what another process would see.
    expect(readFileSync(ws.path).readInt32BE(68)).toBe(APPLICATION_ID)
    expect(ws.store.sqlite.pragma('application_id', { simple: true })).toBe(APPLICATION_ID)
  })

  it('is at the latest schema version, with a ledger row and hash for every bundled step', () => {
    const ws = workspace()
    expect(userVersion(ws.store.sqlite)).toBe(LATEST_VERSION)
    expect(ledger(ws.store.sqlite)).toEqual(
      MIGRATIONS.map((m) => ({ version: m.version, name: m.name, sha256: migrationHash(m), applied_at: NOW }))
    )
  })

  it('runs in WAL mode with foreign keys enforced', () => {
    const ws = workspace()
    expect(ws.store.sqlite.pragma('journal_mode', { simple: true })).toBe('wal')
    expect(ws.store.sqlite.pragma('foreign_keys', { simple: true })).toBe(1)
    expect(() =>
      ws.store.sqlite
        .prepare(
          `INSERT INTO activities (rep_id, kind, occurred_at) VALUES (999, 'call', '2026-11-20T10:00:00Z')`
        )
        .run()
    ).toThrow(expect.objectContaining({ code: 'SQLITE_CONSTRAINT_FOREIGNKEY' }))
  })

  it('gets the same pragmas again when reopened, and no backup when already current', async () => {
    const ws = workspace()
    ws.store.close()
    const store = await openWorkspace(ws.path, { now: NOW })
    try {
      expect(store.sqlite.pragma('journal_mode', { simple: true })).toBe('wal')
      expect(store.sqlite.pragma('foreign_keys', { simple: true })).toBe(1)
      expect(store.sqlite.pragma('busy_timeout', { simple: true })).toBe(5000)
      expect(store.backupPath).toBeNull()
      expect(readdirSync(ws.dir).filter((f) => f.endsWith('.bak'))).toEqual([])
    } finally {
      store.close()
    }
  })

  it('is never created over an existing file', () => {
    const temp = tempDir()
    cleanups.push(temp.dispose)
    const path = join(temp.dir, 'touchline.sqlite')
    writeFileSync(path, 'my notes')
    expect(() => createWorkspace(path, { now: NOW })).toThrow(expect.objectContaining({ code: 'CONFLICT' }))
    expect(readFileSync(path, 'utf8')).toBe('my notes')
  })
})

describe('migrate', () => {
  it("applies only the steps after the file's version and records each one", () => {
    const { path, sqlite } = bareDatabase()
    // Re-running step 1 would fail (the table exists), so success on the second run proves it was skipped.
    const v1 = step(1, 'CREATE TABLE notes (id INTEGER PRIMARY KEY, body TEXT)')
    const v2 = step(2, 'ALTER TABLE notes ADD COLUMN pinned INTEGER NOT NULL DEFAULT 0')
    expect(migrate(sqlite, path, NOW, [v1])).toEqual({ from: 0, to: 1 })
    sqlite.prepare("INSERT INTO notes (body) VALUES ('kept')").run()
    expect(migrate(sqlite, path, '2026-12-01T08:00:00Z', [v1, v2])).toEqual({ from: 1, to: 2 })
    expect(sqlite.prepare('SELECT body, pinned FROM notes').all()).toEqual([{ body: 'kept', pinned: 0 }])
    expect(ledger(sqlite).map((r) => [r.version, r.sha256, r.applied_at])).toEqual([
      [1, migrationHash(v1), NOW],
      [2, migrationHash(v2), '2026-12-01T08:00:00Z']
    ])
  })

  it('does nothing to a workspace that is already current', () => {
    const ws = workspace()
    expect(migrate(ws.store.sqlite, ws.path, '2027-01-01T00:00:00Z')).toEqual({ from: LATEST_VERSION, to: LATEST_VERSION })
    expect(ledger(ws.store.sqlite).every((r) => r.applied_at === NOW)).toBe(true)
  })

  it('upgrades a current demo workspace by one new step and keeps every row', () => {
    const ws = workspace({ demo: 'small' })
    const count = (table: string) => (ws.store.sqlite.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n
    const before = { deals: count('deals'), activities: count('activities'), contacts: count('contacts') }
    expect(before.deals).toBeGreaterThan(0)
    const next = step(NEXT, 'CREATE TABLE upgrade_marker (id INTEGER PRIMARY KEY) STRICT; ALTER TABLE deals ADD COLUMN upgrade_note TEXT;')
    expect(migrate(ws.store.sqlite, ws.path, NOW, [...MIGRATIONS, next])).toEqual({ from: LATEST_VERSION, to: NEXT })
    expect({ deals: count('deals'), activities: count('activities'), contacts: count('contacts') }).toEqual(before)
    expect(tableExists(ws.store.sqlite, 'upgrade_marker')).toBe(true)
    expect(ledger(ws.store.sqlite).at(-1)).toMatchObject({ version: NEXT, sha256: migrationHash(next) })
  })

  it('rolls a failing step back entirely, data changes included, and leaves user_version unchanged', () => {
    const ws = workspace({ demo: 'small' })
    const teams = () => ws.store.sqlite.prepare('SELECT id, name FROM teams ORDER BY id').all()
    const before = teams()
    const failing = step(
      NEXT,
      `CREATE TABLE half_done (id INTEGER PRIMARY KEY);
       UPDATE teams SET name = name || ' (renamed)';
       INSERT INTO no_such_table VALUES (1);`,
      'broken step'
    )
    let thrown: unknown
    try {
      migrate(ws.store.sqlite, ws.path, NOW, [...MIGRATIONS, failing])
    } catch (err) {
      thrown = err
    }
    expect(thrown).toMatchObject({ code: 'MIGRATION_FAILED' })
    expect((thrown as Error).message).toContain(ws.path)
    expect((thrown as Error).message).toContain(`step ${NEXT} (broken step)`)
    expect(userVersion(ws.store.sqlite)).toBe(LATEST_VERSION)
    expect(tableExists(ws.store.sqlite, 'half_done')).toBe(false)
    expect(teams()).toEqual(before)
    expect(ledger(ws.store.sqlite).map((r) => r.version)).toEqual(MIGRATIONS.map((m) => m.version))
    expect(ws.store.sqlite.inTransaction).toBe(false)
  })

  it('keeps the steps that succeeded before a failing one: each step is its own transaction', () => {
    const ws = workspace()
    const good = step(NEXT, 'CREATE TABLE good_step (id INTEGER PRIMARY KEY)')
    const bad = step(NEXT + 1, 'CREATE TABLE bad_step (id INTEGER PRIMARY KEY); SELECT * FROM no_such_table;')
    expect(() => migrate(ws.store.sqlite, ws.path, NOW, [...MIGRATIONS, good, bad])).toThrow(
      expect.objectContaining({ code: 'MIGRATION_FAILED' })
    )
    expect(userVersion(ws.store.sqlite)).toBe(NEXT)
    expect(tableExists(ws.store.sqlite, 'good_step')).toBe(true)
    expect(tableExists(ws.store.sqlite, 'bad_step')).toBe(false)
  })

  it('throws on a misordered list before touching the file', () => {
    const { path, sqlite } = bareDatabase()
    const list = [step(1, 'CREATE TABLE a (x)'), step(3, 'CREATE TABLE c (x)'), step(2, 'CREATE TABLE b (x)')]
    expect(() => migrate(sqlite, path, NOW, list)).toThrow(/not increasing: 3 then 2/)
    expect(userVersion(sqlite)).toBe(0)
    expect(sqlite.prepare('SELECT name FROM sqlite_master').all()).toEqual([])
  })

  it('refuses with MIGRATION_EDITED when a step that built the workspace was edited, and applies nothing', () => {
    const ws = workspace()
    const edited = MIGRATIONS.map((m, i) => (i === 0 ? { ...m, sql: `${m.sql}\n-- tidied after release\n` } : m))
    const next = step(NEXT, 'CREATE TABLE after_edit (id INTEGER PRIMARY KEY)')
    let thrown: unknown
    try {
      migrate(ws.store.sqlite, ws.path, NOW, [...edited, next])
    } catch (err) {
      thrown = err
    }
    expect(thrown).toMatchObject({ code: 'MIGRATION_EDITED' })
    expect((thrown as Error).message).toContain(ws.path)
    expect(userVersion(ws.store.sqlite)).toBe(LATEST_VERSION)
    expect(tableExists(ws.store.sqlite, 'after_edit')).toBe(false)
  })

  it('refuses, when opening, a workspace whose ledger records a different hash for a bundled step', async () => {
    const ws = workspace()
    ws.store.sqlite.prepare('UPDATE touchline_migrations SET sha256 = ? WHERE version = ?').run('0'.repeat(64), MIGRATIONS[0]!.version)
    ws.store.close()
    await expect(openWorkspace(ws.path, { now: NOW })).rejects.toMatchObject({ code: 'MIGRATION_EDITED' })
  })

  it('refuses a file whose version is beyond the list with NEWER_WORKSPACE', () => {
    const { path, sqlite } = bareDatabase()
    sqlite.pragma('user_version = 7')
    expect(() => migrate(sqlite, path, NOW, [step(1, 'CREATE TABLE a (x)')])).toThrow(
      expect.objectContaining({ code: 'NEWER_WORKSPACE' })
    )
    expect(userVersion(sqlite)).toBe(7)
    expect(tableExists(sqlite, 'a')).toBe(false)
  })
})
