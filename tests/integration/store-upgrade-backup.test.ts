// Opening a workspace from an older Touchline: a backup first, then the upgrade; a failed upgrade leaves the file as it was.
//
// The bundled list is replaced here by the real steps plus one made-up next step, as a future release would ship:
// the file under test is built with the real steps only, so openWorkspace meets it exactly as it would meet a user's
// workspace after an upgrade. Nothing of the store is faked; only the list of steps is one longer than today's.
import { existsSync, readdirSync } from 'node:fs'
import { join } from 'node:path'
import Database from 'better-sqlite3'
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest'
import type * as Bundled from '../../src/main/store/migrations'
import { APPLICATION_ID, backupName, openWorkspace } from '../../src/main/store/open'
import { migrate, userVersion } from '../../src/main/store/migrate'
import { LATEST_VERSION } from '../../src/main/store/migrations'
import { NOW, tempDir } from '../support/workspace'

const nextStep = vi.hoisted(() => ({ version: 0, name: 'upgrade under test', sql: '' }))

vi.mock('../../src/main/store/migrations', async (importOriginal) => {
  const real = await importOriginal<typeof Bundled>()
  nextStep.version = real.LATEST_VERSION + 1
  return { ...real, MIGRATIONS: [...real.MIGRATIONS, nextStep], LATEST_VERSION: nextStep.version }
})

let released: typeof Bundled
beforeAll(async () => {
  released = await vi.importActual<typeof Bundled>('../../src/main/store/migrations')
})

const cleanups: (() => void)[] = []
afterEach(() => cleanups.splice(0).reverse().forEach((c) => c()))

/** A workspace exactly as today's release leaves it (WAL, application id, every released step), with one team in it. */
function releasedWorkspace(): { dir: string; path: string } {
  const temp = tempDir()
  cleanups.push(temp.dispose)
  const path = join(temp.dir, 'touchline.sqlite')
  const sqlite = new Database(path)
  sqlite.pragma(`application_id = ${APPLICATION_ID}`)
  sqlite.pragma('journal_mode = WAL')
  migrate(sqlite, path, '2026-01-05T10:00:00Z', released.MIGRATIONS)
  sqlite.prepare("INSERT INTO teams (name, created_at) VALUES ('Enterprise East', '2026-01-05T10:00:00Z')").run()
  sqlite.close()
  return { dir: temp.dir, path }
}

function readOnly(path: string) {
  const sqlite = new Database(path, { readonly: true, fileMustExist: true })
  cleanups.push(() => sqlite.close())
  return {
    version: userVersion(sqlite),
    applicationId: sqlite.pragma('application_id', { simple: true }),
    teams: sqlite.prepare('SELECT name FROM teams').pluck().all(),
    hasMarker: sqlite.prepare("SELECT 1 FROM sqlite_master WHERE name = 'upgrade_marker'").get() !== undefined
  }
}

describe('opening a workspace from the previous release', () => {
  it('runs with a bundled list one step longer than the released one', () => {
    // Guards the premise of the other tests: without it they would prove nothing.
    expect(LATEST_VERSION).toBe(released.LATEST_VERSION + 1)
  })

  it('writes a backup of the old file, then upgrades it and keeps its data', async () => {
    nextStep.sql = 'CREATE TABLE upgrade_marker (id INTEGER PRIMARY KEY) STRICT;'
    const { dir, path } = releasedWorkspace()
    const store = await openWorkspace(path, { now: NOW })
    try {
      const expected = backupName(path, released.LATEST_VERSION, NOW)
      expect(store.backupPath).toBe(expected)
      expect(expected).toContain(`.pre-v${LATEST_VERSION}-from-v${released.LATEST_VERSION}.`)
      expect(userVersion(store.sqlite)).toBe(LATEST_VERSION)
      expect(store.sqlite.prepare('SELECT name FROM teams').pluck().all()).toEqual(['Enterprise East'])
      expect(readdirSync(dir)).toContain(expected.slice(dir.length + 1))
    } finally {
      store.close()
    }
    expect(readOnly(backupName(path, released.LATEST_VERSION, NOW))).toEqual({
      version: released.LATEST_VERSION,
      applicationId: APPLICATION_ID,
      teams: ['Enterprise East'],
      hasMarker: false
    })
    expect(readOnly(path)).toMatchObject({ version: LATEST_VERSION, hasMarker: true, teams: ['Enterprise East'] })
  })

  it('leaves the file at its old version, with its backup, when the upgrade step fails', async () => {
    nextStep.sql = 'CREATE TABLE upgrade_marker (id INTEGER PRIMARY KEY); INSERT INTO no_such_table VALUES (1);'
    const { path } = releasedWorkspace()
    let thrown: unknown
    try {
      await openWorkspace(path, { now: NOW })
    } catch (err) {
      thrown = err
    }
    expect(thrown).toMatchObject({ code: 'MIGRATION_FAILED' })
    expect((thrown as Error).message).toContain(path)
    expect(readOnly(path)).toEqual({
      version: released.LATEST_VERSION,
      applicationId: APPLICATION_ID,
      teams: ['Enterprise East'],
      hasMarker: false
    })
    expect(existsSync(backupName(path, released.LATEST_VERSION, NOW))).toBe(true)
  })
})
