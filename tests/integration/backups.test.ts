// Rolling backups: one a day, the newest 14 kept, restore by listed name only, the current state saved first.
import { existsSync, readdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { fixedClock } from '../../src/main/clock'
import { WorkspaceSession } from '../../src/main/session'
import { backupFolder, DEFAULT_KEEP, listBackups, writeBackup } from '../../src/main/store/backups'
import { tempDir } from '../support/workspace'

const day = (d: string) => fixedClock(`${d}T08:00:00Z`)

async function sessionWithEmptyWorkspace(dir: string): Promise<WorkspaceSession> {
  const session = new WorkspaceSession(join(dir, 'touchline.sqlite'))
  session.create('empty', day('2026-11-20'))
  return session
}

function teamCount(session: WorkspaceSession): number {
  return (session.requireStore().sqlite.prepare('SELECT count(*) AS n FROM teams').get() as { n: number }).n
}

describe('rolling backups', () => {
  const cleanups: (() => unknown)[] = []
  afterEach(async () => {
    for (const c of cleanups.splice(0).reverse()) await c()
  })

  it('writes one backup on the first open of each day and none on later opens that day', async () => {
    const temp = tempDir()
    cleanups.push(temp.dispose)
    const session = await sessionWithEmptyWorkspace(temp.dir)
    await session.close()
    const reopened = new WorkspaceSession(join(temp.dir, 'touchline.sqlite'))
    cleanups.push(() => reopened.close())
    await reopened.openExisting(day('2026-11-21'))
    await reopened.close()
    await reopened.openExisting(day('2026-11-21'))
    await reopened.close()
    await reopened.openExisting(day('2026-11-22'))
    const backups = listBackups(join(temp.dir, 'touchline.sqlite'))
    expect(backups.map((b) => [b.createdAt.slice(0, 10), b.reason])).toEqual([
      ['2026-11-22', 'daily'],
      ['2026-11-21', 'daily']
    ])
  })

  it(`keeps only the newest ${DEFAULT_KEEP}`, async () => {
    const temp = tempDir()
    cleanups.push(temp.dispose)
    const session = await sessionWithEmptyWorkspace(temp.dir)
    cleanups.push(() => session.close())
    const path = join(temp.dir, 'touchline.sqlite')
    for (let i = 0; i < DEFAULT_KEEP + 3; i++) {
      await writeBackup(session.requireStore().sqlite, path, 'manual', new Date(Date.UTC(2026, 10, 1 + i, 12)))
    }
    const kept = listBackups(path)
    expect(kept).toHaveLength(DEFAULT_KEEP)
    expect(kept[0]!.createdAt).toBe('2026-11-17T12:00:00Z')
    expect(kept.at(-1)!.createdAt).toBe('2026-11-04T12:00:00Z')
    expect(readdirSync(backupFolder(path)).filter((f) => f.endsWith('.partial'))).toEqual([])
  })

  it('lists backups written in the same second newest first, and rotation drops the oldest of them', async () => {
    const temp = tempDir()
    cleanups.push(temp.dispose)
    const session = await sessionWithEmptyWorkspace(temp.dir)
    cleanups.push(() => session.close())
    const path = join(temp.dir, 'touchline.sqlite')
    const now = new Date('2026-11-21T08:00:00Z')
    const names: string[] = []
    for (let i = 0; i < 12; i++) names.push((await writeBackup(session.requireStore().sqlite, path, 'manual', now, 10)).name)
    // .10 and .11 sort after .9 as numbers, not before .2 as text; the first two written rotated out.
    expect(listBackups(path).map((b) => b.name)).toEqual(names.slice(2).reverse())
  })

  it('restores a backup after backing up the current state, so the restore can be undone', async () => {
    const temp = tempDir()
    cleanups.push(temp.dispose)
    const session = await sessionWithEmptyWorkspace(temp.dir)
    cleanups.push(() => session.close())
    const before = await session.createBackup(day('2026-11-21'))
    session.requireStore().sqlite.prepare("INSERT INTO teams (name, created_at) VALUES ('Added after the backup', '2026-11-21T09:00:00Z')").run()
    expect(teamCount(session)).toBe(1)

    const status = await session.restore(before.name, day('2026-11-22'))
    expect(status.state).toBe('open')
    expect(teamCount(session)).toBe(0)
    const preRestore = listBackups(join(temp.dir, 'touchline.sqlite')).find((b) => b.reason === 'pre-restore')
    expect(preRestore).toBeDefined()

    await session.restore(preRestore!.name, day('2026-11-22'))
    expect(teamCount(session)).toBe(1)
  })

  it('refuses a name that is not a listed backup, such as a path out of the folder, and changes nothing', async () => {
    const temp = tempDir()
    cleanups.push(temp.dispose)
    const session = await sessionWithEmptyWorkspace(temp.dir)
    cleanups.push(() => session.close())
    const outside = join(temp.dir, 'elsewhere.sqlite')
    writeFileSync(outside, 'not a backup')
    for (const name of ['../elsewhere.sqlite', 'touchline-2026-11-21T08-00-00Z-manual.sqlite']) {
      await expect(session.restore(name, day('2026-11-22'))).rejects.toMatchObject({ code: 'NOT_FOUND' })
    }
    expect(session.status().state).toBe('open')
    expect(existsSync(backupFolder(join(temp.dir, 'touchline.sqlite')))).toBe(false)
  })
})
