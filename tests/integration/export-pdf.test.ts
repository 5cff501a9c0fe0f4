// PDF export crosses the contract like any call: validated in main, done by the desktop shell, refused by the browser shell.
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { dispatch, type Context } from '../../src/main/dispatch'
import { handlers } from '../../src/main/handlers'
import { WorkspaceSession } from '../../src/main/session'
import { clock, tempDir } from '../support/workspace'

describe('app.exportPdf', () => {
  const temp = tempDir()
  const session = new WorkspaceSession(join(temp.dir, 'touchline.sqlite'))
  afterAll(() => temp.dispose())

  it('is refused by the browser shell with UNSUPPORTED and a way out', async () => {
    const ctx: Context = { session, clock, shell: 'browser' }
    const result = await dispatch(handlers, ctx, 'app.exportPdf', { name: 'Touchline brief' })
    expect(result).toMatchObject({ ok: false, error: { code: 'UNSUPPORTED' } })
    expect(!result.ok && result.error.message).toMatch(/Print → Save as PDF/)
  })

  it('hands a validated request to the desktop shell, landscape defaulting to portrait', async () => {
    const seen: unknown[] = []
    const ctx: Context = {
      session,
      clock,
      shell: 'electron',
      desktop: { exportPdf: async (options) => (seen.push(options), { saved: true, path: '/home/me/Documents/deck.pdf' }) }
    }
    const result = await dispatch(handlers, ctx, 'app.exportPdf', { name: 'Touchline kickoff deck', landscape: true })
    expect(result).toEqual({ ok: true, value: { saved: true, path: '/home/me/Documents/deck.pdf' } })
    await dispatch(handlers, ctx, 'app.exportPdf', { name: 'Brief (Zoë)' })
    expect(seen).toEqual([
      { name: 'Touchline kickoff deck', landscape: true },
      { name: 'Brief (Zoë)', landscape: false }
    ])
  })

  it.each(['../../etc/passwd', 'brief/evil', 'a'.repeat(81), '', 'C:\\\\x'])('refuses the file name %j before the shell sees it', async (name) => {
    let called = false
    const ctx: Context = { session, clock, shell: 'electron', desktop: { exportPdf: async () => ((called = true), { saved: true, path: null }) } }
    const result = await dispatch(handlers, ctx, 'app.exportPdf', { name })
    expect(result).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } })
    expect(!result.ok && result.error.message).toContain('input.name')
    expect(called).toBe(false)
  })
})
