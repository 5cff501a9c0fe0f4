// Opening and writing at the limits: a read-only file or folder, a full disk, a workspace another Touchline has open.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process'
import { createHash } from 'node:crypto'
import { chmodSync, existsSync, readFileSync, readdirSync, statSync, utimesSync, writeFileSync } from 'node:fs'
import { hostname } from 'node:os'
import { join, resolve } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { dispatch, toWireError, type Context } from '../../src/main/dispatch'
import { handlers } from '../../src/main/handlers'
import { WorkspaceSession } from '../../src/main/session'
import { acquireWorkspaceLock, lockPath } from '../../src/main/store/lock'
import { openWorkspace } from '../../src/main/store/open'
import { NOW, clock, makeWorkspace, tempDir } from '../support/workspace'

const ROOT = resolve(__dirname, '../..')
const cleanups: (() => void | Promise<void>)[] = []
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup()
})

function snapshot(path: string, dir: string) {
  return { sha256: createHash('sha256').update(readFileSync(path)).digest('hex'), siblings: readdirSync(dir).sort() }
}

/** A closed demo workspace in its own folder (closing checkpoints the WAL, so the file alone holds everything). */
function closedWorkspace() {
  const ws = makeWorkspace({ demo: 'small' })
  ws.store.close()
  cleanups.push(ws.dispose)
  return ws
}

/**
 * Makes a file or folder unwritable for this process. chmod stops everyone but root, so as root (CI containers) the
 * immutable attribute is used instead, which root cannot write through either. Null where neither works.
 */
const isRoot = process.getuid?.() === 0
function makeReadOnly(path: string): (() => void) | null {
  if (isRoot) {
    if (spawnSync('chattr', ['+i', path]).status !== 0) return null
    const undo = () => void spawnSync('chattr', ['-i', path])
    cleanups.push(undo)
    return undo
  }
  const mode = statSync(path).mode & 0o777
  chmodSync(path, statSync(path).isDirectory() ? 0o555 : 0o444)
  const undo = () => chmodSync(path, mode)
  cleanups.push(undo)
  return undo
}

/** Whether this machine can make a path read-only for this process at all (root without chattr support cannot). */
const readOnlyUnavailable = (() => {
  const probe = tempDir()
  try {
    const file = join(probe.dir, 'probe')
    writeFileSync(file, 'x')
    const undo = makeReadOnly(file)
    if (!undo) return `running as root and \`chattr +i\` is not available here, so no path is read-only for this process`
    cleanups.pop()
    let blocked = false
    try {
      writeFileSync(file, 'y')
    } catch {
      blocked = true
    }
    undo()
    return blocked ? null : 'a read-only path could still be written here'
  } finally {
    probe.dispose()
  }
})()
if (readOnlyUnavailable) console.info(`[store-open-limits] read-only cases skipped: ${readOnlyUnavailable}`)

async function refusal(path: string): Promise<Error & { code?: string }> {
  return openWorkspace(path, { now: NOW }).then(
    (store) => {
      store.close()
      throw new Error(`${path} was opened`)
    },
    (err: unknown) => err as Error & { code?: string }
  )
}

describe.skipIf(readOnlyUnavailable !== null)(`a read-only workspace (${isRoot ? 'immutable attribute, as root' : 'chmod'})`, () => {
  it('is refused with READ_ONLY_WORKSPACE naming the file and what to do, and stays byte-identical', async () => {
    const ws = closedWorkspace()
    const before = snapshot(ws.path, ws.dir)
    expect(before.siblings).toEqual(['touchline.sqlite'])
    const undo = makeReadOnly(ws.path)!
    const err = await refusal(ws.path)
    expect(err.code).toBe('READ_ONLY_WORKSPACE')
    expect(err.message).toContain(`"${ws.path}" is read-only`)
    expect(err.message).toContain('Copy it somewhere you can write, or change its permissions')
    expect(snapshot(ws.path, ws.dir)).toEqual(before)
    // The refusal is about the permission, not the file: writable again, it opens.
    undo()
    const store = await openWorkspace(ws.path, { now: NOW })
    store.close()
  })

  it('is refused in a read-only folder, where SQLite could not create its -wal and -shm files', async () => {
    const ws = closedWorkspace()
    const before = snapshot(ws.path, ws.dir)
    makeReadOnly(ws.dir)
    const err = await refusal(ws.path)
    expect(err.code).toBe('READ_ONLY_WORKSPACE')
    expect(err.message).toContain(`"${ws.path}" is in a read-only folder ("${ws.dir}")`)
    expect(err.message).toMatch(/Copy it somewhere you can write, or change the folder's permissions/)
    expect(snapshot(ws.path, ws.dir)).toEqual(before)
  })

  it('puts a session in the error state with the same message and leaves no lock file behind', async () => {
    const ws = closedWorkspace()
    const before = snapshot(ws.path, ws.dir)
    makeReadOnly(ws.path)
    const session = new WorkspaceSession(ws.path)
    cleanups.push(() => session.close())
    const status = await session.openExisting(clock)
    expect(status).toMatchObject({ state: 'error', path: ws.path, error: { code: 'READ_ONLY_WORKSPACE' } })
    expect(status.error!.message).toContain(ws.path)
    expect(snapshot(ws.path, ws.dir)).toEqual(before)
  })

  it('says so, instead of failing inside SQLite, when asked to start a new workspace in a read-only folder', async () => {
    const temp = tempDir()
    cleanups.push(temp.dispose)
    makeReadOnly(temp.dir)
    const session = new WorkspaceSession(join(temp.dir, 'touchline.sqlite'))
    await session.openExisting(clock)
    expect(() => session.create('empty', clock)).toThrow(
      expect.objectContaining({ code: 'READ_ONLY_WORKSPACE', message: expect.stringContaining(`the folder "${temp.dir}" is read-only`) })
    )
    expect(readdirSync(temp.dir)).toEqual([])
  })
})

describe('a full disk', () => {
  /** A demo workspace open through a session, called through dispatch as both shells call it. */
  async function openThroughDispatch() {
    const ws = closedWorkspace()
    const session = new WorkspaceSession(ws.path)
    cleanups.push(() => session.close())
    expect((await session.openExisting(clock)).state).toBe('open')
    const ctx: Context = { session, clock, shell: 'browser' }
    const sqlite = session.requireStore().sqlite
    const rep = sqlite.prepare("SELECT id FROM reps WHERE status = 'active' ORDER BY id LIMIT 1").pluck().get() as number
    const call = (method: string, input: unknown) => dispatch(handlers, ctx, method, input)
    /** No room beyond two more pages: what a nearly full disk leaves the file. */
    const fill = () => {
      const pages = sqlite.pragma('page_count', { simple: true }) as number
      expect(sqlite.pragma(`max_page_count = ${pages + 2}`, { simple: true })).toBe(pages + 2)
    }
    return { ws, session, sqlite, rep, call, fill }
  }

  it('refuses a note that does not fit with DISK_FULL naming the file; the saved note is intact and reads go on', async () => {
    const { ws, sqlite, rep, call, fill } = await openThroughDispatch()
    const started = await call('oneOnOnes.start', { repId: rep })
    expect(started.ok).toBe(true)
    const meetingId = (started as { value: { oneOnOne: { id: number } } }).value.oneOnOne.id
    expect(await call('notes.save', { oneOnOneId: meetingId, body: 'Commit deals need a meeting this week.' })).toMatchObject({ ok: true })
    const versions = await call('notes.versions', { oneOnOneId: meetingId })
    fill()

    const tooBig = Array.from({ length: 150_000 }, (_, i) => String.fromCharCode(97 + ((i * 7919) % 26))).join('')
    const result = await call('notes.save', { oneOnOneId: meetingId, body: tooBig })
    expect(result).toMatchObject({ ok: false, error: { code: 'DISK_FULL' } })
    const message = (result as { error: { message: string } }).error.message
    expect(message).toContain(`"${ws.path}"`)
    expect(message).toMatch(/^notes\.save: the disk is full, so the workspace .* can't grow; nothing was changed/)

    expect(sqlite.inTransaction).toBe(false)
    expect(await call('oneOnOnes.get', { id: meetingId })).toMatchObject({ ok: true, value: { note: { body: 'Commit deals need a meeting this week.' } } })
    expect(await call('notes.versions', { oneOnOneId: meetingId })).toEqual(versions)
    expect(await call('pipeline.list', {})).toMatchObject({ ok: true })
    expect(sqlite.pragma('quick_check', { simple: true })).toBe('ok')

    // Once there is room again, the same save goes through.
    sqlite.pragma('max_page_count = 1073741823')
    expect(await call('notes.save', { oneOnOneId: meetingId, body: tooBig })).toMatchObject({ ok: true, value: { body: tooBig } })
  })

  it('refuses the activity that does not fit with DISK_FULL; the ones logged before it stay, and nothing half-written', async () => {
    const { sqlite, rep, call, fill } = await openThroughDispatch()
    const count = () => sqlite.prepare('SELECT count(*) FROM activities').pluck().get() as number
    const before = count()
    fill()
    const outcome = 'Discussed the mutual action plan and the security review. '.repeat(34)
    let saved = 0
    let failure: { code: string; message: string } | null = null
    for (let i = 0; i < 200 && !failure; i++) {
      const result = await call('activities.create', {
        repId: rep,
        kind: 'call',
        occurredAt: '2026-11-20T10:00:00Z',
        subject: `Full-disk call ${i}`,
        outcome
      })
      if (result.ok) saved++
      else failure = result.error
    }
    expect(failure).toMatchObject({ code: 'DISK_FULL', message: expect.stringMatching(/^activities\.create: the disk is full/) })
    expect(count()).toBe(before + saved)
    expect(sqlite.prepare('SELECT count(*) FROM activities WHERE subject = ?').pluck().get(`Full-disk call ${saved}`)).toBe(0)
    expect(sqlite.inTransaction).toBe(false)
    const listed = await call('activities.list', { repId: rep, limit: 500, offset: 0 })
    expect(listed).toMatchObject({ ok: true })
    const subjects = (listed as { value: { rows: { subject: string | null }[] } }).value.rows.map((r) => r.subject)
    expect(subjects.filter((s) => s?.startsWith('Full-disk call')).length).toBe(saved)
  })

  it('reports SQLITE_FULL, not a failed rollback, when SQLite cancels a whole Kysely transaction itself', async () => {
    const ws = makeWorkspace({ demo: 'small' })
    cleanups.push(ws.dispose)
    const { db, sqlite } = ws.store
    const team = sqlite.prepare('SELECT id, name FROM teams ORDER BY id LIMIT 1').get() as { id: number; name: string }
    sqlite.exec('DELETE FROM social_rules')
    const pages = sqlite.pragma('page_count', { simple: true }) as number
    sqlite.pragma(`max_page_count = ${pages + 2}`)
    // social_rules has no index, so SQLite keeps no statement journal for it and must cancel the transaction.
    const err = await db
      .transaction()
      .execute(async (trx) => {
        await trx.updateTable('teams').set({ name: 'Renamed before the disk filled' }).where('id', '=', team.id).execute()
        await trx
          .insertInto('social_rules')
          .values({ role: 'ae', platforms: '[]', cadence_per_week: 3, response_time_hours: 24, conduct: 'x'.repeat(300_000), updated_at: NOW })
          .execute()
      })
      .then(
        () => null,
        (e: unknown) => e as Error & { code?: string }
      )
    expect(err).toMatchObject({ code: 'SQLITE_FULL' })
    expect(toWireError(err, 'socialRules.set', ws.path)).toMatchObject({ code: 'DISK_FULL', message: expect.stringContaining(`"${ws.path}"`) })
    expect(sqlite.inTransaction).toBe(false)
    expect(sqlite.prepare('SELECT name FROM teams WHERE id = ?').pluck().get(team.id)).toBe(team.name)
    expect(sqlite.prepare('SELECT count(*) FROM social_rules').pluck().get()).toBe(0)
  })
})

describe('a workspace already open in another Touchline', () => {
  const SHELL = join(ROOT, 'src/main/browser-shell.ts')

  /** The real browser shell in its own process, on the given workspace; resolves once it serves (or exits). */
  function startShell(workspace: string, dataDir: string): Promise<{ child: ChildProcess; out: string; err: string; exit: number | null }> {
    return new Promise((done) => {
      const child = spawn(process.execPath, ['--import', 'tsx', SHELL, '--workspace', workspace, '--renderer', dataDir], {
        cwd: ROOT,
        env: { ...process.env, XDG_CONFIG_HOME: dataDir, TSX_TSCONFIG_PATH: join(ROOT, 'tsconfig.node.json') }
      })
      cleanups.push(() => void child.kill('SIGKILL'))
      let out = ''
      let err = ''
      child.stdout!.on('data', (chunk: Buffer) => {
        out += chunk.toString()
        if (/^Workspace: /m.test(out)) done({ child, out, err, exit: null })
      })
      child.stderr!.on('data', (chunk: Buffer) => (err += chunk.toString()))
      child.on('exit', (code) => done({ child, out, err, exit: code }))
    })
  }

  it('refuses a second browser shell on the same file in one line, and lets the next one in after the first is killed', async () => {
    const ws = closedWorkspace()
    const first = await startShell(ws.path, ws.dir)
    expect(first.exit).toBeNull()
    expect(first.out).toContain(`Workspace: ${ws.path} (open)`)
    const lock = JSON.parse(readFileSync(lockPath(ws.path), 'utf8')) as { pid: number; host: string; app: string }
    expect(lock).toMatchObject({ pid: first.child.pid, host: hostname(), app: 'browser shell' })

    const second = await startShell(ws.path, ws.dir)
    expect(second.exit).toBe(1)
    expect(second.out).toBe('')
    const lines = second.err.trim().split('\n')
    expect(lines).toHaveLength(1)
    expect(lines[0]).toContain(`"${ws.path}" is already open in another Touchline (the browser shell, process ${first.child.pid})`)

    // The same refusal inside this process, as the desktop app's session would meet it.
    const session = new WorkspaceSession(ws.path)
    cleanups.push(() => session.close())
    expect(await session.openExisting(clock)).toMatchObject({ state: 'error', error: { code: 'WORKSPACE_IN_USE' } })

    // A crash leaves the lock behind; its process is gone, so the lock is stale and the next Touchline takes over.
    const exited = new Promise((ok) => first.child.once('exit', ok))
    first.child.kill('SIGKILL')
    await exited
    expect(existsSync(lockPath(ws.path))).toBe(true)
    expect(await session.openExisting(clock)).toMatchObject({ state: 'open', error: null })
    expect(JSON.parse(readFileSync(lockPath(ws.path), 'utf8'))).toMatchObject({ pid: process.pid })
    await session.close()
    expect(existsSync(lockPath(ws.path))).toBe(false)
  })

  it('refuses the second shell on the first-run screen too, before any workspace file exists', async () => {
    const temp = tempDir()
    cleanups.push(temp.dispose)
    const path = join(temp.dir, 'touchline.sqlite')
    const first = await startShell(path, temp.dir)
    expect(first.out).toContain(`Workspace: ${path} (not created yet)`)
    const second = await startShell(path, temp.dir)
    expect(second.exit).toBe(1)
    expect(second.err).toContain(`"${path}" is already open in another Touchline (the browser shell, process ${first.child.pid})`)
    // Nor can another Touchline start a workspace of its own there meanwhile.
    const session = new WorkspaceSession(path)
    cleanups.push(() => session.close())
    expect(await session.openExisting(clock)).toMatchObject({ state: 'error', error: { code: 'WORKSPACE_IN_USE' } })
    expect(() => session.create('empty', clock)).toThrow(expect.objectContaining({ code: 'WORKSPACE_IN_USE' }))
    expect(readdirSync(temp.dir).filter((n) => n.endsWith('.sqlite'))).toEqual([])
  })

  it('releases the lock when a shell stops normally', async () => {
    const ws = closedWorkspace()
    const shell = await startShell(ws.path, ws.dir)
    expect(existsSync(lockPath(ws.path))).toBe(true)
    const exited = new Promise<number | null>((ok) => shell.child.once('exit', ok))
    shell.child.kill('SIGTERM')
    expect(await exited).toBe(0)
    expect(existsSync(lockPath(ws.path))).toBe(false)
  })

  it('respects a lock held from another computer and names it; takes over an old unreadable one', () => {
    const temp = tempDir()
    cleanups.push(temp.dispose)
    const path = join(temp.dir, 'touchline.sqlite')
    writeFileSync(lockPath(path), JSON.stringify({ pid: 4242, host: 'laptop-of-alex', app: 'desktop app', since: NOW }))
    expect(() => acquireWorkspaceLock(path)).toThrow(
      expect.objectContaining({ code: 'WORKSPACE_IN_USE', message: expect.stringContaining('(the desktop app, process 4242 on the computer "laptop-of-alex")') })
    )
    expect(() => acquireWorkspaceLock(path)).toThrow(expect.objectContaining({ message: expect.stringContaining(`delete "${lockPath(path)}"`) }))

    writeFileSync(lockPath(path), '{"pid":')
    // Fresh, it may be a lock being written this instant; an old one is debris from a crash.
    expect(() => acquireWorkspaceLock(path)).toThrow(expect.objectContaining({ code: 'WORKSPACE_IN_USE' }))
    utimesSync(lockPath(path), new Date('2026-01-01'), new Date('2026-01-01'))
    const lock = acquireWorkspaceLock(path)
    expect(JSON.parse(readFileSync(lockPath(path), 'utf8'))).toMatchObject({ pid: process.pid, host: hostname() })
    lock.release()
    expect(existsSync(lockPath(path))).toBe(false)
  })
})
