// The contract through dispatch on a real demo workspace: unknown methods, bad input refused before any write, typed errors.
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { MethodName } from '../../src/shared/contract'
import { dispatch, type Context } from '../../src/main/dispatch'
import { handlers } from '../../src/main/handlers'
import { WorkspaceSession } from '../../src/main/session'
import { openDemoSession } from '../support/session'
import { clock, tempDir, type TempWorkspace } from '../support/workspace'

let ws: TempWorkspace
let session: WorkspaceSession
let ctx: Context
/** Real ids from the demo workspace, so a valid call is valid because of the data, not by luck. */
let ids: { repId: number; dealId: number; dealAccountId: number; contactHere: number; contactElsewhere: number }

beforeAll(async () => {
  ;({ ws, session, ctx } = await openDemoSession())
  const sqlite = session.requireStore().sqlite
  const deal = sqlite
    .prepare(
      `SELECT d.id, d.account_id, c.id AS contact FROM deals d JOIN contacts c ON c.account_id = d.account_id
       WHERE d.status = 'open' ORDER BY d.id LIMIT 1`
    )
    .get() as { id: number; account_id: number; contact: number }
  const elsewhere = sqlite.prepare('SELECT id FROM contacts WHERE account_id <> ? ORDER BY id LIMIT 1').pluck().get(deal.account_id) as number
  const rep = sqlite.prepare("SELECT id FROM reps WHERE status = 'active' ORDER BY id LIMIT 1").pluck().get() as number
  ids = { repId: rep, dealId: deal.id, dealAccountId: deal.account_id, contactHere: deal.contact, contactElsewhere: elsewhere }
})

afterAll(async () => {
  await session.close()
  ws.dispose()
})

const activityCount = () => session.requireStore().sqlite.prepare('SELECT count(*) FROM activities').pluck().get() as number

function validActivity() {
  return {
    repId: ids.repId,
    kind: 'meeting',
    occurredAt: '2026-11-20T14:30:00Z',
    subject: 'Mutual action plan review',
    dealId: ids.dealId,
    contactId: ids.contactHere
  }
}

describe('dispatch: method names', () => {
  it.each([['deals.delete'], ['workspace.drop'], [''], ['constructor'], ['__proto__'], ['toString'], ['hasOwnProperty']])(
    'answers UNKNOWN_METHOD for %j',
    async (method) => {
      const envelope = await dispatch(handlers, ctx, method, {})
      expect(envelope).toMatchObject({ ok: false, error: { code: 'UNKNOWN_METHOD' } })
    }
  )

  it('answers UNKNOWN_METHOD for a method that is not a string', async () => {
    for (const method of [42, null, undefined, { name: 'deals.list' }, ['deals.list']]) {
      expect(await dispatch(handlers, ctx, method, {})).toMatchObject({ ok: false, error: { code: 'UNKNOWN_METHOD' } })
    }
  })

  it('names the unknown method in the message, cut to a sane length', async () => {
    const envelope = await dispatch(handlers, ctx, `deals.${'x'.repeat(500)}`, {})
    expect(envelope.ok).toBe(false)
    if (!envelope.ok) {
      expect(envelope.error.message).toContain('deals.xxx')
      expect(envelope.error.message.length).toBeLessThan(120)
    }
  })
})

describe('dispatch: activities.create', () => {
  const BAD: [string, (valid: ReturnType<typeof validActivity>) => unknown, string][] = [
    ['a kind that does not exist', (v) => ({ ...v, kind: 'lunch' }), 'input.kind'],
    ['a day February does not have', (v) => ({ ...v, occurredAt: '2026-02-30T10:00:00Z' }), 'input.occurredAt'],
    ['a local time without a zone', (v) => ({ ...v, occurredAt: '2026-11-20 14:30' }), 'input.occurredAt'],
    ['an unknown field', (v) => ({ ...v, priority: 'high' }), 'priority'],
    ['no repId', ({ repId: _omitted, ...rest }) => rest, 'input.repId'],
    ['a repId that is not a positive integer', (v) => ({ ...v, repId: -3 }), 'input.repId'],
    ['a repId sent as text', (v) => ({ ...v, repId: String(v.repId) }), 'input.repId'],
    ['a rep that does not exist', (v) => ({ ...v, repId: 999_999 }), 'input.repId'],
    ['a deal that does not exist', (v) => ({ ...v, dealId: 999_999 }), 'input.dealId'],
    ["an account that is not the deal's", (v) => ({ ...v, accountId: ids.dealAccountId + 1 }), 'input.accountId'],
    ['a contact at another account', (v) => ({ ...v, contactId: ids.contactElsewhere }), 'input.contactId'],
    ['a contact that does not exist', (v) => ({ ...v, contactId: 999_999 }), 'input.contactId'],
    ['an empty subject', (v) => ({ ...v, subject: '   ' }), 'input.subject'],
    ['a subject longer than 500 characters', (v) => ({ ...v, subject: 'x'.repeat(501) }), 'input.subject']
  ]

  it.each(BAD)('refuses %s with INVALID_INPUT naming the field, and writes nothing', async (_what, make, field) => {
    const before = activityCount()
    const envelope = await dispatch(handlers, ctx, 'activities.create', make(validActivity()))
    expect(envelope).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } })
    if (!envelope.ok) {
      expect(envelope.error.message).toContain('activities.create')
      expect(envelope.error.message).toContain(field)
    }
    expect(activityCount()).toBe(before)
  })

  it.each([[null], ['meeting'], [[1, 2]], [42]])('refuses an input of %j with INVALID_INPUT', async (input) => {
    const before = activityCount()
    expect(await dispatch(handlers, ctx, 'activities.create', input)).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } })
    expect(activityCount()).toBe(before)
  })

  it("writes exactly one row for a valid activity, on the deal's account", async () => {
    const before = activityCount()
    const envelope = await dispatch(handlers, ctx, 'activities.create', validActivity())
    expect(envelope.ok).toBe(true)
    if (!envelope.ok) return
    expect(envelope.value).toMatchObject({
      repId: ids.repId,
      kind: 'meeting',
      direction: 'outbound',
      occurredAt: '2026-11-20T14:30:00Z',
      dealId: ids.dealId,
      accountId: ids.dealAccountId,
      contactId: ids.contactHere
    })
    expect(activityCount()).toBe(before + 1)
    const stored = session.requireStore().sqlite.prepare('SELECT rep_id, kind, deal_id, account_id FROM activities WHERE id = ?').get((envelope.value as { id: number }).id)
    expect(stored).toEqual({ rep_id: ids.repId, kind: 'meeting', deal_id: ids.dealId, account_id: ids.dealAccountId })
  })
})

describe('dispatch: paging and lookups', () => {
  it('rejects deals.list with a limit above 500', async () => {
    const envelope = await dispatch(handlers, ctx, 'deals.list', { limit: 501 })
    expect(envelope).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } })
    if (!envelope.ok) expect(envelope.error.message).toContain('input.limit')
  })

  it('serves deals.list at the 500 limit and pages by 50 when none is given', async () => {
    const full = await dispatch(handlers, ctx, 'deals.list', { limit: 500, filters: { status: 'all' } })
    const first = await dispatch(handlers, ctx, 'deals.list', {})
    expect(full.ok && first.ok).toBe(true)
    if (!full.ok || !first.ok) return
    const page = full.value as { rows: unknown[]; total: number; limit: number }
    expect(page.limit).toBe(500)
    expect(page.rows.length).toBe(Math.min(500, page.total))
    expect(page.total).toBeGreaterThan(50)
    expect((first.value as { rows: unknown[]; limit: number }).rows).toHaveLength(50)
  })

  it('answers NOT_FOUND for a deal that does not exist', async () => {
    expect(await dispatch(handlers, ctx, 'deals.get', { id: 999_999 })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } })
  })
})

describe('dispatch without an open workspace', () => {
  it('answers NO_WORKSPACE for data methods, after validating their input', async () => {
    const temp = tempDir()
    const empty = new WorkspaceSession(join(temp.dir, 'touchline.sqlite'))
    const noWorkspace: Context = { session: empty, clock, shell: 'browser' }
    try {
      for (const [method, input] of [
        ['deals.list', {}],
        ['workspace.summary', {}],
        ['activities.create', validActivity()]
      ] as const) {
        expect(await dispatch(handlers, noWorkspace, method, input), method).toMatchObject({ ok: false, error: { code: 'NO_WORKSPACE' } })
      }
      expect(await dispatch(handlers, noWorkspace, 'deals.list', { limit: 0 })).toMatchObject({ error: { code: 'INVALID_INPUT' } })
      expect(await dispatch(handlers, noWorkspace, 'workspace.status', {})).toMatchObject({
        ok: true,
        value: { state: 'none', path: join(temp.dir, 'touchline.sqlite') }
      })
    } finally {
      await empty.close()
      temp.dispose()
    }
  })
})

describe('dispatch output', () => {
  const SAMPLES: [MethodName, unknown][] = [
    ['app.info', {}],
    ['workspace.status', {}],
    ['workspace.summary', {}],
    ['teams.list', {}],
    ['reps.list', { status: 'all' }],
    ['deals.list', { filters: { status: 'all' }, limit: 20 }],
    ['deals.get', undefined],
    ['accounts.list', { limit: 20 }],
    ['activities.list', undefined]
  ]

  it.each(SAMPLES)('%s returns a plain value that survives a JSON round trip unchanged', async (method, input) => {
    const actual = input ?? (method === 'deals.get' ? { id: ids.dealId } : { dealId: ids.dealId })
    const envelope = await dispatch(handlers, ctx, method, actual)
    expect(envelope.ok, JSON.stringify(envelope)).toBe(true)
    expect(JSON.parse(JSON.stringify(envelope))).toStrictEqual(envelope)
  })
})
