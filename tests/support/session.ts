// Workspaces opened through the real session, as both shells open them, with the Context handlers receive.
import type Database from 'better-sqlite3'
import { expect } from 'vitest'
import { dispatch, type Context } from '../../src/main/dispatch'
import { handlers } from '../../src/main/handlers'
import { importJobs, stagedUploads } from '../../src/main/handlers-import'
import { WorkspaceSession } from '../../src/main/session'
import type { Envelope } from '../../src/shared/errors'
import { clock, makeWorkspace, type TempWorkspace } from './workspace'

export async function openDemoSession(): Promise<{ ws: TempWorkspace; session: WorkspaceSession; ctx: Context }> {
  const ws = makeWorkspace({ demo: 'small' })
  ws.store.close()
  const session = new WorkspaceSession(ws.path)
  expect((await session.openExisting(clock)).state).toBe('open')
  return { ws, session, ctx: { session, clock, shell: 'browser' } }
}

export interface SessionUnderTest {
  session: WorkspaceSession
  /** The context calls are made with (the browser shell's); a test may replace it. */
  ctx: Context
  /** A contract call as the shells make it: the envelope, ok or not. */
  send(method: string, input: unknown): Promise<Envelope<unknown>>
  /** A contract call that must succeed: its value, or a throw naming the error code and message. */
  call<T>(method: string, input: unknown): Promise<T>
  sqlite(): Database.Database
  /** Waits out any import job, drops staged uploads, closes the session. */
  close(): Promise<void>
}

/** An existing workspace file (its store already closed) opened through the real session, with contract calls. */
export async function openSession(path: string): Promise<SessionUnderTest> {
  const session = new WorkspaceSession(path)
  expect((await session.openExisting(clock)).state).toBe('open')
  const app: SessionUnderTest = {
    session,
    ctx: { session, clock, shell: 'browser' },
    // Through app.ctx as it is at call time: a test may swap in the desktop shell's context.
    send: (method, input) => dispatch(handlers, app.ctx, method, input),
    async call<T>(method: string, input: unknown): Promise<T> {
      const envelope = await app.send(method, input)
      if (!envelope.ok) throw new Error(`${envelope.error.code}: ${envelope.error.message}`)
      return envelope.value as T
    },
    sqlite: () => session.requireStore().sqlite,
    async close() {
      await importJobs(session).idle()
      importJobs(session).pauseMs = 0
      stagedUploads(session).clear()
      await session.close()
    }
  }
  return app
}
