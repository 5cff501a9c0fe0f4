// A better-sqlite3 binary built for the wrong runtime is reported as such, never as a damaged workspace.
import { existsSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { createWorkspace, openWorkspace } from '../../src/main/store/open'
import { NOW, makeWorkspace, tempDir } from '../support/workspace'

describe('a database engine built for another runtime', () => {
  const cleanups: (() => void)[] = []
  afterEach(() => cleanups.splice(0).forEach((c) => c()))

  it('refuses to create a workspace with ENGINE_UNAVAILABLE and leaves no file behind', () => {
    const temp = tempDir()
    cleanups.push(temp.dispose)
    const fake = join(temp.dir, 'better_sqlite3.node')
    writeFileSync(fake, 'not a shared library')
    const path = join(temp.dir, 'new.sqlite')
    expect(() => createWorkspace(path, { now: NOW, nativeBinding: fake })).toThrow(expect.objectContaining({ code: 'ENGINE_UNAVAILABLE' }))
    expect(existsSync(path)).toBe(false)
  })

  it('refuses to open an existing workspace with ENGINE_UNAVAILABLE, not CORRUPT_WORKSPACE, and leaves it as it was', async () => {
    const ws = makeWorkspace()
    ws.store.close()
    cleanups.push(ws.dispose)
    const before = readFileSync(ws.path)
    const fake = join(ws.dir, 'better_sqlite3.node')
    writeFileSync(fake, 'not a shared library')
    await expect(openWorkspace(ws.path, { now: NOW, nativeBinding: fake })).rejects.toMatchObject({ code: 'ENGINE_UNAVAILABLE' })
    expect(readFileSync(ws.path).equals(before)).toBe(true)
  })
})
