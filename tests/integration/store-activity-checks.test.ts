// Schema v16 on real files: activities' CHECK constraints rewritten in place (writable_schema) keep refusing what
// they refused, a v15 workspace with rows upgrades without a row rewritten, a table whose text differs keeps its own
// checks, and an edit that leaves the schema unreadable is rolled back whole.
import { join } from 'node:path'
import Database from 'better-sqlite3'
import { afterEach, describe, expect, it } from 'vitest'
import { migrate, userVersion } from '../../src/main/store/migrate'
import { MIGRATIONS, type Migration } from '../../src/main/store/migrations'
import { ACTIVITY_DIRECTION_CHECK_AFTER, ACTIVITY_DIRECTION_CHECK_BEFORE, ACTIVITY_KIND_CHECK_BEFORE } from '../../src/main/store/migrations/016-activity-checks'
import { ACTIVITY_KINDS } from '../../src/shared/domain'
import { NOW, tempDir } from '../support/workspace'

const cleanups: (() => void)[] = []
afterEach(() => cleanups.splice(0).reverse().forEach((c) => c()))

const BEFORE_16 = MIGRATIONS.filter((m) => m.version < 16)

/** A real file at schema v15 (the steps before this one), with a rep, a contact and three activities. */
function v15Workspace() {
  const temp = tempDir()
  const path = join(temp.dir, 'v15.sqlite')
  const sqlite = new Database(path)
  cleanups.push(() => {
    sqlite.close()
    temp.dispose()
  })
  sqlite.pragma('journal_mode = WAL')
  sqlite.pragma('foreign_keys = ON')
  migrate(sqlite, path, NOW, BEFORE_16)
  sqlite.exec(`
    INSERT INTO reps (id, name, role) VALUES (1, 'Ana Ruiz', 'ae');
    INSERT INTO accounts (id, name, name_key) VALUES (1, 'Norrland Freight AB', 'norrland freight ab');
    INSERT INTO contacts (id, account_id, name) VALUES (1, 1, 'Per Holm');
    INSERT INTO activities (rep_id, kind, direction, occurred_at, subject, account_id, contact_id) VALUES
      (1, 'meeting', 'inbound', '2026-11-02T09:00:00Z', 'Kick-off', 1, 1),
      (1, 'email', 'outbound', '2026-11-03T10:00:00Z', 'Follow-up', 1, 1),
      (1, 'social_post', 'outbound', '2026-11-04T11:00:00Z', NULL, NULL, NULL);
  `)
  return { path, sqlite }
}

const tableText = (sqlite: Database.Database) => sqlite.prepare("SELECT sql FROM sqlite_schema WHERE name = 'activities'").pluck().get() as string

function insertActivity(sqlite: Database.Database, kind: string, direction: string) {
  return () => sqlite.prepare("INSERT INTO activities (rep_id, kind, direction, occurred_at) VALUES (1, ?, ?, '2026-11-05T08:00:00Z')").run(kind, direction)
}

describe('schema v16: activity checks as OR chains', () => {
  it('upgrades a v15 workspace in place: every row kept, the text rewritten, the old IN lists gone', () => {
    const { path, sqlite } = v15Workspace()
    const rowsBefore = sqlite.prepare('SELECT * FROM activities ORDER BY id').all()
    expect(tableText(sqlite)).toContain(ACTIVITY_KIND_CHECK_BEFORE)

    migrate(sqlite, path, NOW)

    expect(userVersion(sqlite)).toBe(MIGRATIONS.at(-1)!.version)
    expect(sqlite.prepare('SELECT * FROM activities ORDER BY id').all()).toEqual(rowsBefore)
    const text = tableText(sqlite)
    expect(text).not.toContain(ACTIVITY_KIND_CHECK_BEFORE)
    expect(text).not.toContain(ACTIVITY_DIRECTION_CHECK_BEFORE)
    expect(text).toContain("kind = 'social_message' OR kind = 'note'")
    expect(sqlite.pragma('integrity_check', { simple: true })).toBe('ok')
    // Defensive mode is back on: a later writable_schema edit is refused as before.
    sqlite.pragma('writable_schema = ON')
    expect(() => sqlite.prepare("UPDATE sqlite_schema SET sql = sql WHERE name = 'activities'").run()).toThrow(/may not be modified|read-only|not authorized/i)
  })

  it('is seen by a connection opened before the upgrade: it reads the new text and still refuses a bad kind', () => {
    const { path, sqlite } = v15Workspace()
    const other = new Database(path)
    cleanups.push(() => other.close())
    // The other connection has parsed the v15 schema.
    expect(other.prepare('SELECT count(*) FROM activities').pluck().get()).toBe(3)
    const cookie = other.pragma('schema_version', { simple: true }) as number

    migrate(sqlite, path, NOW)

    expect(other.pragma('schema_version', { simple: true })).toBeGreaterThan(cookie)
    expect(other.prepare("SELECT sql FROM sqlite_schema WHERE name = 'activities'").pluck().get()).toContain("kind = 'meeting' OR")
    expect(() => other.prepare("INSERT INTO activities (rep_id, kind, occurred_at) VALUES (1, 'fax', '2026-11-05T08:00:00Z')").run()).toThrow(/CHECK constraint failed: kind = 'meeting'/)
  })

  it('still accepts every kind and both directions, and still refuses anything else, naming the constraint', () => {
    const { path, sqlite } = v15Workspace()
    migrate(sqlite, path, NOW)
    for (const kind of ACTIVITY_KINDS) {
      expect(insertActivity(sqlite, kind, 'inbound')).not.toThrow()
      expect(insertActivity(sqlite, kind, 'outbound')).not.toThrow()
    }
    const count = () => sqlite.prepare('SELECT count(*) FROM activities').pluck().get()
    const before = count()
    expect(insertActivity(sqlite, 'Meeting', 'outbound')).toThrow(/CHECK constraint failed: kind = 'meeting'/)
    expect(insertActivity(sqlite, 'fax', 'outbound')).toThrow(/CHECK constraint failed/)
    expect(insertActivity(sqlite, 'call', 'sideways')).toThrow(/CHECK constraint failed: direction = 'outbound'/)
    expect(() => sqlite.prepare("UPDATE activities SET kind = 'visit' WHERE id = 1").run()).toThrow(/CHECK constraint failed/)
    expect(count()).toBe(before)
  })

  it("reads an account's engaged contacts from the index alone", () => {
    const { path, sqlite } = v15Workspace()
    migrate(sqlite, path, NOW)
    const plan = sqlite
      .prepare(
        `EXPLAIN QUERY PLAN SELECT x.account_id, count(DISTINCT x.contact_id), max(x.occurred_at) FROM activities x INDEXED BY activities_account
         JOIN contacts c ON c.id = x.contact_id WHERE x.account_id IN (1) AND x.occurred_at >= '2026-10-01' GROUP BY x.account_id`
      )
      .all() as { detail: string }[]
    expect(plan.map((p) => p.detail).join('\n')).toMatch(/USING COVERING INDEX activities_account/)
  })

  it('leaves a table whose text differs with its own checks (the same rules, at the old cost) and still upgrades', () => {
    const { path, sqlite } = v15Workspace()
    // As if rewritten by another tool: the kind check spelled differently, so the step's text does not match it.
    sqlite.unsafeMode(true)
    sqlite.pragma('writable_schema = ON')
    sqlite.prepare("UPDATE sqlite_schema SET sql = replace(sql, 'social_message'',''note''', 'social_message'', ''note''') WHERE name = 'activities'").run()
    sqlite.pragma('writable_schema = OFF')
    sqlite.unsafeMode(false)
    const text = tableText(sqlite)
    expect(text).not.toContain(ACTIVITY_KIND_CHECK_BEFORE)

    migrate(sqlite, path, NOW)

    expect(userVersion(sqlite)).toBe(16)
    // The kind check is left as it was; the direction check, which matched, is rewritten.
    expect(tableText(sqlite)).toBe(text.replace(ACTIVITY_DIRECTION_CHECK_BEFORE, ACTIVITY_DIRECTION_CHECK_AFTER))
    expect(insertActivity(sqlite, 'fax', 'outbound')).toThrow(/CHECK constraint failed: kind IN/)
    expect(insertActivity(sqlite, 'note', 'outbound')).not.toThrow()
    expect(sqlite.prepare("SELECT sql FROM sqlite_schema WHERE name = 'activities_account'").pluck().get()).toMatch(/contact_id/)
  })

  it('rolls the whole step back when the edited schema no longer parses', () => {
    const { path, sqlite } = v15Workspace()
    const text = tableText(sqlite)
    const broken: Migration = {
      version: 16,
      name: 'broken-edit',
      sql: "DROP INDEX activities_contact; PRAGMA writable_schema = ON; UPDATE sqlite_schema SET sql = 'CREATE TABLE activities (' WHERE name = 'activities';",
      editsSchema: { table: 'activities' }
    }

    expect(() => migrate(sqlite, path, NOW, [...BEFORE_16, broken])).toThrow(/schema step 16 \(broken-edit\) failed and was rolled back: .*malformed/)

    expect(userVersion(sqlite)).toBe(15)
    expect(tableText(sqlite)).toBe(text)
    expect(sqlite.prepare("SELECT 1 FROM sqlite_schema WHERE name = 'activities_contact'").get()).toBeDefined()
    expect(sqlite.prepare('SELECT count(*) FROM activities').pluck().get()).toBe(3)
  })
})
