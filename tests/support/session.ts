// A small demo workspace opened through the real session, as both shells open it, with the Context handlers receive.
import { expect } from 'vitest'
import type { Context } from '../../src/main/dispatch'
import { WorkspaceSession } from '../../src/main/session'
import { clock, makeWorkspace, type TempWorkspace } from './workspace'

export async function openDemoSession(): Promise<{ ws: TempWorkspace; session: WorkspaceSession; ctx: Context }> {
  const ws = makeWorkspace({ demo: 'small' })
  ws.store.close()
  const session = new WorkspaceSession(ws.path)
  expect((await session.openExisting(clock)).state).toBe('open')
  return { ws, session, ctx: { session, clock, shell: 'browser' } }
}
