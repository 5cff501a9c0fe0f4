// The command-line build (bulk: no journal, no syncs while loading) leaves the same workspace as the app's own
// build, as a normal WAL file that opens and passes the check.
import { createHash } from 'node:crypto'
import type Database from 'better-sqlite3'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { generateDemo } from '../../src/main/demo/generate'
import { openWorkspace } from '../../src/main/store/open'
import { NOW, clock, makeWorkspace, type TempWorkspace } from '../support/workspace'

const worlds: TempWorkspace[] = []
afterAll(() => worlds.splice(0).forEach((w) => w.dispose()))

function tableHashes(sqlite: Database.Database): Record<string, string> {
  const tables = sqlite.prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name").pluck().all() as string[]
  return Object.fromEntries(
    tables.map((t) => [t, createHash('sha256').update(JSON.stringify(sqlite.prepare(`SELECT * FROM "${t}" ORDER BY 1`).raw().all())).digest('hex')])
  )
}

describe('a bulk demo build', () => {
  let bulk: TempWorkspace
  let normal: TempWorkspace
  let phases: string[]
  beforeAll(() => {
    bulk = makeWorkspace()
    normal = makeWorkspace()
    worlds.push(bulk, normal)
    phases = []
    generateDemo(bulk.store.sqlite, { scale: 'small', today: clock.now(), bulk: true, onPhase: (p) => phases.push(p) })
    generateDemo(normal.store.sqlite, { scale: 'small', today: clock.now() })
  })

  it('writes what the normal build writes, table for table', () => {
    const a = tableHashes(bulk.store.sqlite)
    expect(Object.keys(a).length).toBeGreaterThan(20)
    expect(a).toEqual(tableHashes(normal.store.sqlite))
  })

  it('hands the connection back in WAL mode with its sync level and safety checks', () => {
    const sqlite = bulk.store.sqlite
    expect(sqlite.pragma('journal_mode', { simple: true })).toBe('wal')
    expect(sqlite.pragma('synchronous', { simple: true })).toBe(normal.store.sqlite.pragma('synchronous', { simple: true }))
    expect(sqlite.pragma('foreign_keys', { simple: true })).toBe(1)
    // Defensive mode is back: journal_mode = OFF is refused again.
    expect(sqlite.pragma('journal_mode = OFF', { simple: true })).toBe('wal')
  })

  it('leaves a file that opens as a workspace and passes the check', async () => {
    bulk.store.close()
    const reopened = await openWorkspace(bulk.path, { now: NOW })
    try {
      expect(reopened.sqlite.pragma('quick_check', { simple: true })).toBe('ok')
      expect(reopened.sqlite.pragma('journal_mode', { simple: true })).toBe('wal')
      expect(reopened.sqlite.prepare('SELECT count(*) FROM deal_evidence').pluck().get()).toBeGreaterThan(0)
    } finally {
      reopened.close()
    }
  })

  it('reports its phases for the benchmark', () => {
    expect(phases).toEqual(expect.arrayContaining(['load: activities', 'evidence', 'commit']))
  })
})
