// Files that are not a usable workspace are refused by code, named in the message, and left exactly as they were.
import { createHash } from 'node:crypto'
import { copyFileSync, readFileSync, readdirSync, statSync, truncateSync, utimesSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import Database from 'better-sqlite3'
import { afterEach, describe, expect, it } from 'vitest'
import type { ErrorCode } from '../../src/shared/errors'
import { APPLICATION_ID, inspectHeader, openWorkspace } from '../../src/main/store/open'
import { LATEST_VERSION } from '../../src/main/store/migrations'
import { WorkspaceSession } from '../../src/main/session'
import { NOW, clock, makeWorkspace, tempDir } from '../support/workspace'

const cleanups: (() => void | Promise<void>)[] = []
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup()
})

/** Everything a careless open could change: the bytes, the modification time, and the files beside it. */
function snapshot(path: string, dir: string) {
  return {
    sha256: createHash('sha256').update(readFileSync(path)).digest('hex'),
    mtimeMs: statSync(path).mtimeMs,
    siblings: readdirSync(dir).sort()
  }
}

const LONG_AGO = new Date('2024-03-01T12:00:00Z')

type BadFile = { name: string; code: ErrorCode; build: (path: string) => void }

const BAD_FILES: BadFile[] = [
  { name: 'an empty file', code: 'NOT_A_WORKSPACE', build: (path) => writeFileSync(path, '') },
  {
    name: 'a text file renamed .sqlite',
    code: 'NOT_A_WORKSPACE',
    build: (path) => writeFileSync(path, 'Q4 forecast notes\n'.repeat(40))
  },
  {
    name: 'a file shorter than a SQLite header that starts like one',
    code: 'NOT_A_WORKSPACE',
    build: (path) => writeFileSync(path, 'SQLite format 3\u0000 and then nothing')
  },
  {
    name: "another application's SQLite database",
    code: 'FOREIGN_DATABASE',
    build: (path) => {
      const other = new Database(path)
      other.exec("CREATE TABLE recipes (id INTEGER PRIMARY KEY, title TEXT); INSERT INTO recipes (title) VALUES ('Soup');")
      other.close()
    }
  },
  {
    name: "another application's SQLite database in WAL mode",
    code: 'FOREIGN_DATABASE',
    build: (path) => {
      const other = new Database(path)
      other.pragma('journal_mode = WAL')
      other.exec('CREATE TABLE tracks (id INTEGER PRIMARY KEY, title TEXT)')
      other.close()
    }
  },
  {
    name: 'a Touchline workspace truncated to half its size',
    code: 'CORRUPT_WORKSPACE',
    build: (path) => {
      const ws = makeWorkspace({ demo: 'small' })
      ws.store.close()
      copyFileSync(ws.path, path)
      ws.dispose()
      truncateSync(path, Math.floor(statSync(path).size / 2))
    }
  },
  {
    name: 'a workspace stamped by hand with a schema version above this build',
    code: 'NEWER_WORKSPACE',
    build: (path) => {
      const newer = new Database(path)
      newer.pragma(`application_id = ${APPLICATION_ID}`)
      newer.pragma(`user_version = ${LATEST_VERSION + 1}`)
      newer.exec('CREATE TABLE from_the_future (id INTEGER PRIMARY KEY)')
      newer.close()
    }
  },
  {
    name: 'a real WAL-mode workspace written by a newer Touchline',
    code: 'NEWER_WORKSPACE',
    build: (path) => {
      const ws = makeWorkspace({ demo: 'small' })
      ws.store.sqlite.pragma(`user_version = ${LATEST_VERSION + 3}`)
      ws.store.close()
      copyFileSync(ws.path, path)
      ws.dispose()
    }
  }
]

/** A bad file named like the default workspace, in its own folder, dated long ago so any write would show. */
function badFile(bad: BadFile) {
  const temp = tempDir()
  cleanups.push(temp.dispose)
  const path = join(temp.dir, 'touchline.sqlite')
  bad.build(path)
  utimesSync(path, LONG_AGO, LONG_AGO)
  return { dir: temp.dir, path, before: snapshot(path, temp.dir) }
}

describe('openWorkspace on a file that is not a usable workspace', () => {
  for (const bad of BAD_FILES) it(`refuses ${bad.name} with ${bad.code} and leaves it untouched`, async () => {
    const { dir, path, before } = badFile(bad)
    expect(before.siblings).toEqual(['touchline.sqlite'])
    let thrown: unknown
    try {
      const store = await openWorkspace(path, { now: NOW })
      store.close()
    } catch (err) {
      thrown = err
    }
    expect(thrown).toMatchObject({ code: bad.code })
    expect((thrown as Error).message).toContain(path)
    expect(snapshot(path, dir)).toEqual(before)
  })

  it('tells a newer workspace apart from damage: the message asks for the newer Touchline and offers no deletion', async () => {
    const { path } = badFile(BAD_FILES.find((b) => b.code === 'NEWER_WORKSPACE')!)
    const err = await openWorkspace(path, { now: NOW }).then(
      (store) => {
        store.close()
        throw new Error('the newer workspace was opened')
      },
      (e: unknown) => e as Error
    )
    expect(err.message).toMatch(/newer Touchline/)
    expect(err.message).toContain(`schema ${LATEST_VERSION + 1}`)
    expect(err.message).not.toMatch(/delete|remove|overwrite/i)
  })

  it('classifies by header alone without creating any file beside it', () => {
    for (const bad of BAD_FILES.filter((b) => b.code === 'NOT_A_WORKSPACE' || b.code === 'FOREIGN_DATABASE')) {
      const { dir, path, before } = badFile(bad)
      expect(() => inspectHeader(path), bad.name).toThrow(expect.objectContaining({ code: bad.code }))
      expect(snapshot(path, dir)).toEqual(before)
    }
  })

  it('answers NOT_FOUND for a missing file and creates nothing', async () => {
    const temp = tempDir()
    cleanups.push(temp.dispose)
    await expect(openWorkspace(join(temp.dir, 'missing.sqlite'), { now: NOW })).rejects.toMatchObject({ code: 'NOT_FOUND' })
    expect(readdirSync(temp.dir)).toEqual([])
  })
})

describe('a session whose workspace file is unusable', () => {
  for (const bad of BAD_FILES) it(`ends in the error state for ${bad.name}`, async () => {
    const { dir, path, before } = badFile(bad)
    const session = new WorkspaceSession(path)
    cleanups.push(() => session.close())
    const status = await session.openExisting(clock)
    expect(status).toMatchObject({ state: 'error', path, schemaVersion: null, error: { code: bad.code } })
    expect(status.error!.message).toContain(path)
    expect(() => session.db()).toThrow(expect.objectContaining({ code: 'NO_WORKSPACE' }))
    expect(snapshot(path, dir)).toEqual(before)
  })

  it('starts a new workspace beside the bad file, as touchline-2.sqlite, without touching it', async () => {
    const { dir, path, before } = badFile(BAD_FILES.find((b) => b.code === 'CORRUPT_WORKSPACE')!)
    const session = new WorkspaceSession(path)
    cleanups.push(() => session.close())
    expect((await session.openExisting(clock)).state).toBe('error')
    const status = session.create('empty', clock)
    expect(status).toMatchObject({ state: 'open', path: join(dir, 'touchline-2.sqlite'), schemaVersion: LATEST_VERSION, error: null })
    expect(session.requireStore().path).toBe(join(dir, 'touchline-2.sqlite'))
    await session.close()
    expect(snapshot(path, dir)).toEqual({ ...before, siblings: ['touchline-2.sqlite', 'touchline.sqlite'] })
  })

  it('picks the next free name when touchline-2.sqlite is taken too', async () => {
    const { dir, path } = badFile(BAD_FILES[0]!)
    writeFileSync(join(dir, 'touchline-2.sqlite'), 'someone else')
    const session = new WorkspaceSession(path)
    cleanups.push(() => session.close())
    await session.openExisting(clock)
    expect(session.create('empty', clock).path).toBe(join(dir, 'touchline-3.sqlite'))
    expect(readFileSync(join(dir, 'touchline-2.sqlite'), 'utf8')).toBe('someone else')
  })
})
