// The IPC binding with a stand-in ipcMain: one channel, the sender checked before anything runs, envelopes as JSON text.
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { CALL_CHANNEL } from '../../src/shared/channel'
import type { Envelope } from '../../src/shared/errors'
import { handlers } from '../../src/main/handlers'
import type { Handlers } from '../../src/main/dispatch'
import { isTrustedSender, registerIpc, type IpcMainLike, type IpcSender } from '../../src/main/ipc'
import type { AppLocation } from '../../src/main/trusted-url'
import { WorkspaceSession } from '../../src/main/session'
import { clock, tempDir } from '../support/workspace'

type Listener = Parameters<IpcMainLike['handle']>[1]

const temp = tempDir()
const session = new WorkspaceSession(join(temp.dir, 'touchline.sqlite'))
let repId: number

beforeAll(() => {
  expect(session.create('demo', clock).state).toBe('open')
  repId = session.requireStore().sqlite.prepare("SELECT id FROM reps WHERE status = 'active' LIMIT 1").pluck().get() as number
})

afterAll(async () => {
  await session.close()
  temp.dispose()
})

const activityCount = () => session.requireStore().sqlite.prepare('SELECT count(*) FROM activities').pluck().get() as number

/** Registers the binding on a fake ipcMain; `trusted` decides the sender check; counts calls that reach the service. */
function bind(trusted: boolean) {
  const registered = new Map<string, Listener>()
  const ipcMain: IpcMainLike = {
    handle(channel, listener) {
      if (registered.has(channel)) throw new Error(`second handler for ${channel}`)
      registered.set(channel, listener)
    }
  }
  const seen: IpcSender[] = []
  const reached: string[] = []
  const counted: Handlers = {
    ...handlers,
    'activities.create': (ctx, input) => {
      reached.push('activities.create')
      return handlers['activities.create'](ctx, input)
    }
  }
  registerIpc(ipcMain, {
    handlers: counted,
    context: { session, clock, shell: 'electron' },
    isTrustedSender: (event) => {
      seen.push(event)
      return trusted
    }
  })
  const event: IpcSender = { sender: { id: 7 }, senderFrame: null }
  return {
    registered,
    seen,
    reached,
    event,
    async call(payload: unknown): Promise<Envelope<unknown>> {
      const listener = registered.get(CALL_CHANNEL)
      if (!listener) throw new Error('nothing registered on the call channel')
      const text = await listener(event, payload)
      expect(typeof text).toBe('string')
      return JSON.parse(text) as Envelope<unknown>
    }
  }
}

const activity = () => ({ repId, kind: 'call', occurredAt: '2026-11-21T10:00:00Z', subject: 'Pricing follow-up' })

describe('registerIpc', () => {
  it('registers exactly one handler, on the shared call channel', () => {
    const { registered } = bind(true)
    expect([...registered.keys()]).toEqual([CALL_CHANNEL])
  })

  it('refuses an untrusted sender with UNTRUSTED_SENDER before the service runs, and writes nothing', async () => {
    const ipc = bind(false)
    const before = activityCount()
    const envelope = await ipc.call({ method: 'activities.create', input: activity() })
    expect(envelope).toMatchObject({ ok: false, error: { code: 'UNTRUSTED_SENDER' } })
    if (!envelope.ok) expect(envelope.error.message).toContain('activities.create')
    expect(ipc.reached).toEqual([])
    expect(activityCount()).toBe(before)
    expect(ipc.seen).toEqual([ipc.event])
  })

  it('refuses an untrusted sender even for a read or an unknown method', async () => {
    const ipc = bind(false)
    expect(await ipc.call({ method: 'deals.list', input: {} })).toMatchObject({ error: { code: 'UNTRUSTED_SENDER' } })
    expect(await ipc.call({ method: 'nope', input: {} })).toMatchObject({ error: { code: 'UNTRUSTED_SENDER' } })
  })

  it('runs a trusted call through validation to the service and writes one row', async () => {
    const ipc = bind(true)
    const before = activityCount()
    const envelope = await ipc.call({ method: 'activities.create', input: activity() })
    expect(envelope).toMatchObject({ ok: true, value: { repId, kind: 'call', subject: 'Pricing follow-up' } })
    expect(ipc.reached).toEqual(['activities.create'])
    expect(activityCount()).toBe(before + 1)
  })

  it('validates a trusted call: bad input never reaches the service', async () => {
    const ipc = bind(true)
    const before = activityCount()
    const envelope = await ipc.call({ method: 'activities.create', input: { ...activity(), kind: 'lunch' } })
    expect(envelope).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } })
    expect(ipc.reached).toEqual([])
    expect(activityCount()).toBe(before)
  })

  it.each([[null], ['deals.list'], [42], [{ input: {} }], [{ method: 7 }]])(
    'answers a malformed payload %j with UNKNOWN_METHOD',
    async (payload) => {
      expect(await bind(true).call(payload)).toMatchObject({ ok: false, error: { code: 'UNKNOWN_METHOD' } })
    }
  )

  it('reads the open demo workspace through a trusted call', async () => {
    const envelope = await bind(true).call({ method: 'workspace.summary', input: {} })
    expect(envelope).toMatchObject({ ok: true, value: { teams: 3, accounts: 300, tierOneAccounts: 40, deals: 1500 } })
  })
})

describe('isTrustedSender: the app window, showing the app page, judged on the parsed frame URL', () => {
  const packaged: AppLocation = { kind: 'file', indexPath: '/app/out/renderer/index.html' }
  const WINDOW = 7
  const from = (url: string | null, id = WINDOW): IpcSender =>
    ({ sender: { id }, senderFrame: url === null ? null : { url } }) as unknown as IpcSender

  it('trusts the main window showing the bundled page, on any hash route', () => {
    expect(isTrustedSender(from('file:///app/out/renderer/index.html'), WINDOW, packaged)).toBe(true)
    expect(isTrustedSender(from('file:///app/out/renderer/index.html#/recruiting'), WINDOW, packaged)).toBe(true)
  })

  it.each([
    ['file:///evil/index.html', 'another index.html'],
    ['file:///app/out/renderer/index.html.evil', 'a longer file name'],
    ['http://127.0.0.1.evil.com/app/out/renderer/index.html', 'a lookalike loopback host'],
    ['app://touchline@evil', 'a custom scheme with a user name'],
    ['FILE://evil/app/out/renderer/index.html', 'an uppercase scheme on another host'],
    ['file://user:pw@localhost/app/out/renderer/index.html', 'credentials'],
    ['https://evil.example/?u=file:///app/out/renderer/index.html', 'the app URL in a query'],
    ['about:blank', 'a blank frame'],
    ['', 'an empty URL']
  ])('refuses a frame showing %s (%s)', (url) => {
    expect(isTrustedSender(from(url), WINDOW, packaged)).toBe(false)
  })

  it('refuses another web contents, a frame that is gone, and any sender before the window exists', () => {
    expect(isTrustedSender(from('file:///app/out/renderer/index.html', 8), WINDOW, packaged)).toBe(false)
    expect(isTrustedSender(from(null), WINDOW, packaged)).toBe(false)
    expect(isTrustedSender(from('file:///app/out/renderer/index.html'), null, packaged)).toBe(false)
  })

  it('refuses a lookalike of the dev-server origin', () => {
    const dev: AppLocation = { kind: 'dev', origin: 'http://127.0.0.1:5173' }
    expect(isTrustedSender(from('http://127.0.0.1:5173/#/team'), WINDOW, dev)).toBe(true)
    expect(isTrustedSender(from('http://127.0.0.1.evil.com:5173/'), WINDOW, dev)).toBe(false)
    expect(isTrustedSender(from('http://127.0.0.1:5173@evil.example/'), WINDOW, dev)).toBe(false)
  })

  it('through registerIpc: a lookalike frame in the app window is refused and writes nothing', async () => {
    const registered = new Map<string, Listener>()
    registerIpc(
      { handle: (channel, listener) => void registered.set(channel, listener) },
      { handlers, context: { session, clock, shell: 'electron' }, isTrustedSender: (event) => isTrustedSender(event, WINDOW, packaged) }
    )
    const before = activityCount()
    const text = await registered.get(CALL_CHANNEL)!(from('file:///evil/index.html'), { method: 'activities.create', input: activity() })
    expect(JSON.parse(text)).toMatchObject({ ok: false, error: { code: 'UNTRUSTED_SENDER' } })
    expect(activityCount()).toBe(before)
    const ok = await registered.get(CALL_CHANNEL)!(from('file:///app/out/renderer/index.html'), { method: 'activities.create', input: activity() })
    expect(JSON.parse(ok)).toMatchObject({ ok: true })
    expect(activityCount()).toBe(before + 1)
  })
})
