// Managing teams and reps on a real workspace file: unique team names, moves, leaving (and turnover), reassigning a leaver's deals, refusals.
import { afterEach, describe, expect, it } from 'vitest'
import type { MethodName, MethodInput } from '@shared/contract'
import { handlers } from '../../src/main/handlers'
import { dispatch, type Context } from '../../src/main/dispatch'
import { fixedClock } from '../../src/main/clock'
import type { WorkspaceSession } from '../../src/main/session'
import { NOW, TODAY, type TempWorkspace } from '../support/workspace'
import { OTHER_REP, REP, oneOnOneWorld } from './one-on-ones-world'

let ws: TempWorkspace | null = null
afterEach(() => {
  ws?.dispose()
  ws = null
})

function world() {
  ws = oneOnOneWorld()
  const w = ws
  const session = { requireStore: () => w.store, db: () => w.store.db } as unknown as WorkspaceSession
  const ctx: Context = { session, clock: fixedClock(NOW), shell: 'browser' }
  const call = async <K extends MethodName>(method: K, input: MethodInput<K>) => {
    const reply = await dispatch(handlers, ctx, method, input)
    if (!reply.ok) throw Object.assign(new Error(reply.error.message), { code: reply.error.code })
    return reply.value as Awaited<ReturnType<(typeof handlers)[K]>>
  }
  const refused = async <K extends MethodName>(method: K, input: unknown) => {
    const reply = await dispatch(handlers, ctx, method, input)
    if (reply.ok) throw new Error(`${method} was accepted`)
    return reply.error
  }
  const all = <T>(sql: string, ...args: unknown[]) => w.store.sqlite.prepare(sql).all(...args) as T[]
  /** Everything a team/rep write may touch, to prove a refusal changed nothing. */
  const snapshot = () =>
    JSON.stringify([
      all('SELECT * FROM teams ORDER BY id'),
      all('SELECT * FROM reps ORDER BY id'),
      all('SELECT id, owner_id, updated_at FROM deals ORDER BY id'),
      all('SELECT deal_id, owner_id, team_id FROM deal_evidence ORDER BY deal_id'),
      all("SELECT * FROM settings WHERE key LIKE 'team.%' ORDER BY key")
    ])
  return { w, call, refused, all, snapshot }
}

describe('teams', () => {
  it('creates and renames teams, refusing a name already taken whatever its case or spacing, and changes nothing then', async () => {
    const { call, refused, snapshot } = world()
    const south = await call('teams.create', { name: '  South   West ', managerName: 'Bea Lima' })
    expect(south).toMatchObject({ name: 'South West', managerName: 'Bea Lima', activeReps: 0 })
    const before = snapshot()
    const dup = await refused('teams.create', { name: 'NORTH' })
    expect(dup.code).toBe('CONFLICT')
    expect(dup.message).toBe('teams.create: input.name: there is already a team called "North".')
    expect((await refused('teams.rename', { id: south.id, name: ' north ' })).message).toMatch(/^teams\.rename: input\.name: there is already a team called "North"/)
    expect((await refused('teams.rename', { id: 99, name: 'East' })).message).toBe('teams.rename: input.id: there is no team with id 99.')
    expect((await refused('teams.create', { name: '   ' })).message).toBe('teams.create: input.name: must not be blank')
    expect(snapshot()).toBe(before)
    // A team may change the case of its own name.
    expect(await call('teams.rename', { id: south.id, name: 'SOUTH west' })).toMatchObject({ id: south.id, name: 'SOUTH west' })
    expect((await call('teams.list', {})).map((t) => [t.name, t.activeReps])).toEqual([
      ['North', 2],
      ['SOUTH west', 0]
    ])
  })
})

describe('reps', () => {
  it('adds a rep to a team with every field, shown on the team’s cards; bad fields are refused by name and add nothing', async () => {
    const { call, refused, snapshot } = world()
    const south = await call('teams.create', { name: 'South' })
    const before = snapshot()
    const good = { name: 'Müller Jonas', email: 'jonas@example.test', teamId: south.id, role: 'ae' as const, hireDate: '2026-09-01', quotaMinor: 48_000_000, quotaCurrency: 'EUR' }
    expect((await refused('reps.create', { ...good, email: 'not-an-email' })).message).toBe('reps.create: input.email: expected an email address like ana@example.com')
    expect((await refused('reps.create', { ...good, teamId: 42 })).message).toBe('reps.create: input.teamId: there is no team with id 42.')
    expect((await refused('reps.create', { ...good, hireDate: '2026-02-30' })).message).toMatch(/^reps\.create: input\.hireDate: not a real calendar date/)
    expect((await refused('reps.create', { ...good, hireDate: '2026-12-01' })).message).toBe('reps.create: input.hireDate: 2026-12-01 is in the future (today is 2026-11-23).')
    expect((await refused('reps.create', { ...good, quotaMinor: -1 })).message).toMatch(/input\.quotaMinor: must not be negative/)
    expect((await refused('reps.create', { ...good, role: 'boss' })).message).toMatch(/input\.role/)
    expect((await refused('reps.create', { ...good, quotaCurrency: 'eur' })).message).toMatch(/input\.quotaCurrency/)
    expect(snapshot()).toBe(before)

    const rep = await call('reps.create', good)
    expect(rep).toMatchObject({ name: 'Müller Jonas', email: 'jonas@example.test', teamId: south.id, teamName: 'South', role: 'ae', hireDate: '2026-09-01', quotaMinor: 48_000_000, quotaCurrency: 'EUR', status: 'active', leftDate: null, openDeals: 0 })
    expect((await call('reps.cards', { teamId: south.id })).rows.map((c) => c.name)).toEqual(['Müller Jonas'])

    const edited = await call('reps.update', { id: rep.id, email: null, quotaMinor: 60_000_000, role: 'am' })
    expect(edited).toMatchObject({ email: null, quotaMinor: 60_000_000, role: 'am', name: 'Müller Jonas', hireDate: '2026-09-01' })
    expect((await refused('reps.update', { id: rep.id })).message).toMatch(/^reps\.update: input: give at least one of/)
    expect((await refused('reps.update', { id: rep.id, teamId: 1 })).message).toMatch(/teamId/)
    expect((await refused('reps.update', { id: 404, name: 'X' })).message).toBe('reps.update: input.id: there is no rep with id 404.')
  })

  it('moves a rep to another team on a date: the cards, the deals’ evidence rows and the rep’s history follow', async () => {
    const { call, refused, all, snapshot } = world()
    const south = await call('teams.create', { name: 'South' })
    await call('reps.update', { id: REP, hireDate: '2025-01-06' })
    const before = snapshot()
    expect((await refused('reps.move', { id: REP, teamId: 1, on: TODAY })).message).toBe('reps.move: input.teamId: Ana Souza is already in North.')
    expect((await refused('reps.move', { id: REP, teamId: south.id, on: '2024-12-31' })).message).toBe('reps.move: input.on: 2024-12-31 is before Ana Souza started (2025-01-06).')
    expect((await refused('reps.move', { id: REP, teamId: south.id, on: '2026-11-24' })).message).toMatch(/input\.on: 2026-11-24 is in the future/)
    expect((await refused('reps.move', { id: REP, teamId: south.id, on: '23/11/2026' })).message).toMatch(/input\.on: expected a date as YYYY-MM-DD/)
    expect((await refused('reps.move', { id: REP, teamId: 77, on: TODAY })).message).toBe('reps.move: input.teamId: there is no team with id 77.')
    expect((await refused('reps.move', { id: 77, teamId: south.id, on: TODAY })).message).toBe('reps.move: input.id: there is no rep with id 77.')
    expect(snapshot()).toBe(before)

    const moved = await call('reps.move', { id: REP, teamId: south.id, on: '2026-11-16' })
    expect(moved).toMatchObject({ teamId: south.id, teamName: 'South' })
    expect((await call('reps.cards', { teamId: 1 })).rows.map((c) => c.repId)).toEqual([OTHER_REP])
    expect((await call('reps.cards', { teamId: south.id })).rows.map((c) => c.repId)).toEqual([REP])
    // Every deal of hers, open or closed, is now on South's side of inspection; the other rep's deal stays in North.
    expect(all<{ deal_id: number; team_id: number }>('SELECT deal_id, team_id FROM deal_evidence ORDER BY deal_id').map((r) => [r.deal_id, r.team_id])).toEqual([
      [1, south.id],
      [2, south.id],
      [3, south.id],
      [4, south.id],
      [5, south.id],
      [6, 1]
    ])
    expect(await call('reps.history', { id: REP })).toEqual([
      { kind: 'moved', on: '2026-11-16', fromTeamId: 1, fromTeamName: 'North', toTeamId: south.id, toTeamName: 'South', recordedAt: NOW }
    ])
    // Moves are recorded in order: one back to North dated before the first is refused.
    expect((await refused('reps.move', { id: REP, teamId: 1, on: '2026-11-10' })).message).toBe("reps.move: input.on: 2026-11-10 is before Ana Souza's last move (2026-11-16).")
  })

  it('a rep marked as left leaves the active lists, keeps deals and 1:1s, counts in the forecast’s turnover, and can be reinstated', async () => {
    const { call, refused, all, snapshot } = world()
    for (const id of [REP, OTHER_REP]) await call('reps.update', { id, hireDate: '2025-03-03' })
    const period = { from: '2026-10-01', to: '2026-12-31' }
    expect((await call('productivity.dashboard', period)).turnover).toEqual({ left: 0, averageHeadcount: 2, rate: 0 })

    const before = snapshot()
    expect((await refused('reps.markLeft', { id: REP, leftOn: '2025-03-02' })).message).toBe('reps.markLeft: input.leftOn: 2025-03-02 is before Ana Souza started (2025-03-03).')
    expect((await refused('reps.markLeft', { id: REP, leftOn: '2026-11-31' })).message).toMatch(/input\.leftOn: not a real calendar date/)
    expect((await refused('reps.markLeft', { id: REP, leftOn: '2027-01-04' })).message).toMatch(/input\.leftOn: 2027-01-04 is in the future/)
    expect((await refused('reps.reinstate', { id: REP })).message).toBe('reps.reinstate: input.id: Ana Souza has not left.')
    expect(snapshot()).toBe(before)

    const left = await call('reps.markLeft', { id: REP, leftOn: '2026-11-20', reason: 'Joined a competitor' })
    expect(left).toMatchObject({ status: 'left', leftDate: '2026-11-20', openDeals: 3 })
    expect((await call('reps.cards', {})).rows.map((c) => c.repId)).toEqual([OTHER_REP])
    expect((await call('reps.list', {})).rows.map((r) => r.id)).toEqual([OTHER_REP])
    expect((await call('reps.list', { status: 'left' })).rows.map((r) => [r.id, r.leftDate, r.openDeals])).toEqual([[REP, '2026-11-20', 3]])
    expect((await call('teams.list', {}))[0]!.activeReps).toBe(1)
    expect(all('SELECT id FROM deals WHERE owner_id = ? ORDER BY id', REP)).toHaveLength(5)
    expect(all('SELECT id FROM one_on_ones WHERE rep_id = ?', REP)).toHaveLength(3)
    // Turnover reads the same left_date: one leaver over an average of (2 + 1) / 2 on the books.
    expect((await call('productivity.dashboard', period)).turnover).toEqual({ left: 1, averageHeadcount: 1.5, rate: 1 / 1.5 })
    expect((await call('productivity.dashboard', { from: '2026-07-01', to: '2026-09-30' })).turnover.left).toBe(0)
    expect((await refused('reps.markLeft', { id: REP, leftOn: TODAY })).message).toBe('reps.markLeft: input.id: Ana Souza already left on 2026-11-20.')
    expect((await refused('reps.move', { id: REP, teamId: 1, on: TODAY })).message).toMatch(/left on 2026-11-20; reinstate them first/)

    const back = await call('reps.reinstate', { id: REP })
    expect(back).toMatchObject({ status: 'active', leftDate: null })
    expect((await call('productivity.dashboard', period)).turnover.left).toBe(0)
    expect((await call('reps.history', { id: REP })).map((e) => [e.kind, e.kind === 'left' ? e.reason : null])).toEqual([
      ['left', 'Joined a competitor'],
      ['reinstated', null]
    ])
  })
})

describe('reassigning a leaver’s deals', () => {
  it('hands every open deal to the new owner in one go, refreshes their evidence rows, and leaves closed deals with the rep who closed them', async () => {
    const { call, all } = world()
    const south = await call('teams.create', { name: 'South' })
    await call('reps.move', { id: OTHER_REP, teamId: south.id, on: TODAY })
    await call('reps.markLeft', { id: REP, leftOn: TODAY })
    const flaggedBefore = (await call('reps.card', { repId: OTHER_REP })).flaggedDeals

    const result = await call('deals.reassign', { fromRepId: REP, toRepId: OTHER_REP })
    expect(result).toEqual({ fromRepId: REP, toRepId: OTHER_REP, dealIds: [1, 2, 4] })
    expect(all<{ id: number; owner_id: number; updated_at: string }>('SELECT id, owner_id, updated_at FROM deals ORDER BY id').map((d) => [d.id, d.owner_id])).toEqual([
      [1, OTHER_REP],
      [2, OTHER_REP],
      [3, REP],
      [4, OTHER_REP],
      [5, REP],
      [6, OTHER_REP]
    ])
    expect(all<{ updated_at: string }>('SELECT updated_at FROM deals WHERE id IN (1, 2, 4)').map((d) => d.updated_at)).toEqual([NOW, NOW, NOW])
    // The evidence rows carry the new owner and the new owner's team, so inspection and the cards see the deals at once.
    expect(all<{ deal_id: number; owner_id: number; team_id: number }>('SELECT deal_id, owner_id, team_id FROM deal_evidence ORDER BY deal_id').map((e) => [e.deal_id, e.owner_id, e.team_id])).toEqual([
      [1, OTHER_REP, south.id],
      [2, OTHER_REP, south.id],
      [3, REP, 1],
      [4, OTHER_REP, south.id],
      [5, REP, 1],
      [6, OTHER_REP, south.id]
    ])
    const card = await call('reps.card', { repId: OTHER_REP })
    expect(card.openDeals).toBe(4)
    expect(card.flaggedDeals).toBeGreaterThan(flaggedBefore)
    expect((await call('reps.list', { status: 'left' })).rows[0]!.openDeals).toBe(0)
    // Nothing left to hand over: a second run moves nothing.
    expect((await call('deals.reassign', { fromRepId: REP, toRepId: OTHER_REP })).dealIds).toEqual([])
  })

  it('refuses a reassignment to the same rep, to a rep who left, or between reps that do not exist, and moves nothing', async () => {
    const { call, refused, snapshot } = world()
    await call('reps.markLeft', { id: REP, leftOn: TODAY })
    const before = snapshot()
    expect((await refused('deals.reassign', { fromRepId: REP, toRepId: REP })).message).toBe('deals.reassign: input.toRepId: choose a rep other than the current owner.')
    expect((await refused('deals.reassign', { fromRepId: OTHER_REP, toRepId: REP })).message).toBe('deals.reassign: input.toRepId: Ana Souza left on 2026-11-23; choose an active rep.')
    expect((await refused('deals.reassign', { fromRepId: 9, toRepId: OTHER_REP })).message).toBe('deals.reassign: input.fromRepId: there is no rep with id 9.')
    expect((await refused('deals.reassign', { fromRepId: REP, toRepId: 9 })).message).toBe('deals.reassign: input.toRepId: there is no rep with id 9.')
    expect((await refused('deals.reassign', { fromRepId: REP, toRepId: '2' })).message).toMatch(/input\.toRepId/)
    expect(snapshot()).toBe(before)
  })
})
