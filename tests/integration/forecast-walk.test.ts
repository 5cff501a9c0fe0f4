// The forecast walk on a real workspace file: a hand-built world with every figure worked out by hand, defaults and
// refusals, and a property over random histories (start + movements = end, and both ends equal a replay of the history).
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import fc from 'fast-check'
import { contract, type MethodName, type ParsedInput } from '@shared/contract'
import { makeWorkspace, NOW, TODAY, type TempWorkspace } from '../support/workspace'
import { recordCall } from '../../src/main/services/forecast/calls'
import { createPeriod } from '../../src/main/services/forecast/periods'
import { forecastWalk, walkDeals } from '../../src/main/services/forecast/walk'
import { addDays } from '@shared/dates'

const parse = <K extends MethodName>(method: K, input: unknown): ParsedInput<K> => contract[method].input.parse(input) as ParsedInput<K>

let ws: TempWorkspace | null = null
afterEach(() => {
  ws?.dispose()
  ws = null
})

interface DealSpec {
  id: number
  owner: number
  created: string
  /** The close date the deal was created with, then each move as [day, new close date]. */
  close: string
  moves?: [string, string][]
  amount: number
  /** Each amount change as [day, new amount], written through UPDATE deals so the trigger records it. */
  amounts?: [string, number][]
  status?: 'open' | 'won' | 'lost'
  closed?: string
}

function insertDeals(w: TempWorkspace, deals: DealSpec[]): void {
  const s = w.store.sqlite
  const ins = s.prepare(
    `INSERT INTO deals (id, name, owner_id, account_id, amount_minor, currency, stage, probability, forecast_category, close_date, created_date, closed_date, status, updated_at)
     VALUES (?, ?, ?, 1, ?, 'USD', 'proposal', 50, ?, ?, ?, ?, ?, ?)`
  )
  const close = s.prepare('INSERT INTO deal_close_date_history (deal_id, close_date, previous_close_date, changed_at) VALUES (?, ?, ?, ?)')
  const amount = s.prepare('UPDATE deals SET amount_minor = ?, updated_at = ? WHERE id = ?')
  s.transaction(() => {
    for (const d of deals) {
      const moves = d.moves ?? []
      const finalClose = moves.length ? moves[moves.length - 1]![1] : d.close
      const status = d.status ?? 'open'
      ins.run(d.id, `D${d.id}`, d.owner, d.amount, status === 'open' ? 'commit' : 'closed', finalClose, d.created, d.closed ?? null, status, `${d.created}T08:00:00Z`)
      close.run(d.id, d.close, null, `${d.created}T08:00:00Z`)
      let previous = d.close
      for (const [day, next] of moves) {
        close.run(d.id, next, previous, `${day}T12:00:00Z`)
        previous = next
      }
      for (const [day, next] of d.amounts ?? []) amount.run(next, `${day}T12:00:00Z`, d.id)
    }
  })()
}

function people(w: TempWorkspace): void {
  const s = w.store.sqlite
  s.prepare("INSERT INTO teams (id, name, created_at) VALUES (1, 'East', ?), (2, 'West', ?)").run(NOW, NOW)
  s.prepare("INSERT INTO reps (id, team_id, name, role, hire_date, quota_minor, status) VALUES (1, 1, 'Ada', 'ae', '2025-01-01', 1200000, 'active'), (2, 2, 'Ben', 'ae', '2025-01-01', 1200000, 'active')").run()
  s.prepare("INSERT INTO accounts (id, name, name_key) VALUES (1, 'Acme', 'acme')").run()
}

/**
 * FY26 Q4 (1 October – 31 December), walked from 1 November to 20 November. Ada (East): D1, D2, D5, D7, D9, D11;
 * Ben (West): D3, D4, D6, D8, D10, D12.
 *   D1  100k, closing 10 Dec all along                           unchanged
 *   D2   50k, created 5 Nov, closing 1 Dec                       new              +50k
 *   D3   80k, close moved 15 Jan → 15 Dec on 10 Nov              pulled in        +80k
 *   D4   60k, close moved 25 Nov → 1 Feb on 12 Nov               pushed out       −60k
 *   D5   40k, closing 30 Nov, won 15 Nov                         won               ±0 (40k won)
 *   D6   30k, closing 20 Dec, lost 18 Nov                        lost             −30k
 *   D7   70k → 90k on 8 Nov                                      amount up        +20k
 *   D8  120k → 100k on 16 Nov                                    amount down      −20k
 *   D9   25k, close moved 20 Jan → 14 Nov on 9 Nov, won 14 Nov   won (not pulled in) +25k
 *   D10  lost 20 Oct, before the walk                            in neither
 *   D11  10k won 15 Oct, before the walk                         unchanged (won at both ends)
 *   D12  15k, close moved 12 Dec → 3 Jan on 22 Nov (after `to`)  unchanged
 * Start 445k (435k open, 10k won, 8 deals); end 510k (435k open, 75k won, 9 deals); movements sum to +65k.
 */
function world(): TempWorkspace {
  const w = makeWorkspace()
  people(w)
  insertDeals(w, [
    { id: 1, owner: 1, created: '2026-09-01', close: '2026-12-10', amount: 100_000 },
    { id: 2, owner: 1, created: '2026-11-05', close: '2026-12-01', amount: 50_000 },
    { id: 3, owner: 2, created: '2026-08-01', close: '2027-01-15', moves: [['2026-11-10', '2026-12-15']], amount: 80_000 },
    { id: 4, owner: 2, created: '2026-08-01', close: '2026-11-25', moves: [['2026-11-12', '2027-02-01']], amount: 60_000 },
    { id: 5, owner: 1, created: '2026-07-01', close: '2026-11-30', moves: [['2026-11-15', '2026-11-15']], amount: 40_000, status: 'won', closed: '2026-11-15' },
    { id: 6, owner: 2, created: '2026-07-01', close: '2026-12-20', moves: [['2026-11-18', '2026-11-18']], amount: 30_000, status: 'lost', closed: '2026-11-18' },
    { id: 7, owner: 1, created: '2026-06-01', close: '2026-12-05', amount: 70_000, amounts: [['2026-11-08', 90_000]] },
    { id: 8, owner: 2, created: '2026-06-01', close: '2026-12-06', amount: 120_000, amounts: [['2026-11-16', 100_000]] },
    { id: 9, owner: 1, created: '2026-08-01', close: '2027-01-20', moves: [['2026-11-09', '2026-11-14']], amount: 25_000, status: 'won', closed: '2026-11-14' },
    { id: 10, owner: 2, created: '2026-09-01', close: '2026-10-20', amount: 5_000, status: 'lost', closed: '2026-10-20' },
    { id: 11, owner: 1, created: '2026-09-01', close: '2026-10-15', amount: 10_000, status: 'won', closed: '2026-10-15' },
    { id: 12, owner: 2, created: '2026-09-01', close: '2026-12-12', moves: [['2026-11-22', '2027-01-03']], amount: 15_000 }
  ])
  return w
}

function q4(w: TempWorkspace) {
  return createPeriod(w.store.sqlite, parse('forecast.createPeriod', { kind: 'quarter', containing: '2026-11-01' }), NOW)
}

const walk = (w: TempWorkspace, input: Record<string, unknown>) => forecastWalk(w.store, parse('forecast.walk', input), TODAY)
const byMovement = (steps: { movement: string; valueMinor: number; deals: number }[]) =>
  Object.fromEntries(steps.map((s) => [s.movement, [s.valueMinor, s.deals]]))
const total = (x: { start: { valueMinor: number }; steps: { valueMinor: number }[] }) => x.start.valueMinor + x.steps.reduce((s, m) => s + m.valueMinor, 0)

describe('the forecast walk from one day to another', () => {
  it('walks the org from 1 to 20 November: new, pulled in, pushed out, won, lost, amount up and down, each worked out by hand', () => {
    ws = world()
    const p = q4(ws)
    const w = walk(ws, { periodId: p.id, from: '2026-11-01', to: '2026-11-20' })
    expect(w.start).toEqual({ date: '2026-11-01', valueMinor: 445_000, openMinor: 435_000, wonMinor: 10_000, deals: 8 })
    expect(w.end).toEqual({ date: '2026-11-20', valueMinor: 510_000, openMinor: 435_000, wonMinor: 75_000, deals: 9 })
    expect(byMovement(w.steps)).toEqual({
      new: [50_000, 1],
      pulled_in: [80_000, 1],
      pushed_out: [-60_000, 1],
      won: [25_000, 2],
      lost: [-30_000, 1],
      amount_up: [20_000, 1],
      amount_down: [-20_000, 1]
    })
    expect(w.steps.find((s) => s.movement === 'won')!.closedMinor).toBe(65_000)
    expect(w.unchanged).toEqual({ deals: 3, valueMinor: 125_000 })
    expect(total(w)).toBe(w.end.valueMinor)
    expect(w.subject).toBe('Whole org')
  })

  it('scopes to a team and to a rep; each adds up on its own', () => {
    ws = world()
    const p = q4(ws)
    const west = walk(ws, { periodId: p.id, teamId: 2, from: '2026-11-01', to: '2026-11-20' })
    expect([west.subject, west.start.valueMinor, west.end.valueMinor]).toEqual(['West', 225_000, 195_000])
    expect(byMovement(west.steps)).toMatchObject({ pulled_in: [80_000, 1], pushed_out: [-60_000, 1], lost: [-30_000, 1], amount_down: [-20_000, 1], new: [0, 0], won: [0, 0] })
    expect(total(west)).toBe(west.end.valueMinor)
    const ada = walk(ws, { periodId: p.id, repId: 1, from: '2026-11-01', to: '2026-11-20' })
    expect([ada.subject, ada.start.valueMinor, ada.end.valueMinor]).toEqual(['Ada', 220_000, 315_000])
    expect(total(ada)).toBe(ada.end.valueMinor)
  })

  it('a change after `to` is not in the walk; walking on to today pushes D12 out', () => {
    ws = world()
    const p = q4(ws)
    const w = walk(ws, { periodId: p.id, from: '2026-11-01', to: TODAY })
    expect(byMovement(w.steps).pushed_out).toEqual([-75_000, 2]) // D4 and D12
    expect(w.end.valueMinor).toBe(495_000)
    expect(total(w)).toBe(w.end.valueMinor)
    // From a day to itself nothing moves.
    const still = walk(ws, { periodId: p.id, from: '2026-11-10', to: '2026-11-10' })
    expect(still.steps.every((s) => s.valueMinor === 0 && s.deals === 0)).toBe(true)
    expect(still.start).toEqual({ ...still.end })
  })

  it('lists the deals behind a movement, biggest change first, with their close dates on both days', () => {
    ws = world()
    const p = q4(ws)
    const won = walkDeals(ws.store, parse('forecast.walkDeals', { periodId: p.id, from: '2026-11-01', to: '2026-11-20', movement: 'won' }), TODAY)
    expect(won.total).toBe(2)
    expect(won.rows.map((d) => [d.name, d.fromMinor, d.toMinor, d.changeMinor, d.status])).toEqual([
      ['D9', 0, 25_000, 25_000, 'won'],
      ['D5', 40_000, 40_000, 0, 'won']
    ])
    expect([won.rows[0]!.closeDateFrom, won.rows[0]!.closeDateTo]).toEqual(['2027-01-20', '2026-11-14'])
    const pulled = walkDeals(ws.store, parse('forecast.walkDeals', { periodId: p.id, from: '2026-11-01', to: '2026-11-20', movement: 'pulled_in' }), TODAY)
    expect(pulled.rows.map((d) => [d.name, d.ownerName, d.accountName, d.closeDateFrom, d.closeDateTo])).toEqual([['D3', 'Ben', 'Acme', '2027-01-15', '2026-12-15']])
    const created = walkDeals(ws.store, parse('forecast.walkDeals', { periodId: p.id, from: '2026-11-01', to: '2026-11-20', movement: 'new', limit: 1 }), TODAY)
    expect(created.rows.map((d) => [d.name, d.closeDateFrom])).toEqual([['D2', null]])
  })

  it('starts by default at the latest snapshot before today, else at the period start; ends today', () => {
    ws = world()
    const p = q4(ws)
    const first = walk(ws, { periodId: p.id })
    expect([first.from, first.to, first.snapshots]).toEqual(['2026-10-01', TODAY, []])
    for (const takenOn of ['2026-10-05', '2026-11-01']) {
      recordCall(ws.store, parse('forecast.recordCall', { periodId: p.id, repId: 1, takenOn, repCommitMinor: 1, repBestCaseMinor: 1, managerCallMinor: 1 }), TODAY, NOW)
    }
    const w = walk(ws, { periodId: p.id })
    expect([w.from, w.to, w.snapshots]).toEqual(['2026-11-01', TODAY, ['2026-10-05', '2026-11-01']])
    expect(walk(ws, { periodId: p.id, to: '2026-11-01' }).from).toBe('2026-10-05')
  })

  it('refuses a walk that ends before it starts, two scopes at once, and unknown periods, reps and teams', () => {
    ws = world()
    const p = q4(ws)
    expect(() => parse('forecast.walk', { periodId: p.id, from: '2026-11-20', to: '2026-11-01' })).toThrow(/from must be on or before to/)
    expect(() => parse('forecast.walk', { periodId: p.id, from: '2026-11-31' })).toThrow(/not a real calendar date/)
    expect(() => parse('forecast.walk', { periodId: p.id, repId: 1, teamId: 1 })).toThrow(/not both/)
    expect(() => walk(ws!, { periodId: 99 })).toThrow(/forecast\.walk: input\.periodId: there is no forecast period with id 99/)
    expect(() => walk(ws!, { periodId: p.id, repId: 42 })).toThrow(/input\.repId: there is no rep with id 42/)
    expect(() => walk(ws!, { periodId: p.id, teamId: 42 })).toThrow(/input\.teamId: there is no team with id 42/)
    // A `to` before the period starts, with no `from`: the walk starts where it ends instead of failing. On 15 September
    // Q4 held D1, D4, D5, D6, D7 (70k then), D8 (120k then), D10 (still open, closing 20 Oct), D11 (closing 15 Oct), D12.
    const early = walk(ws, { periodId: p.id, to: '2026-09-15' })
    expect([early.from, early.to, early.start.valueMinor, early.end.valueMinor]).toEqual(['2026-09-15', '2026-09-15', 450_000, 450_000])
  })

  it('records every amount write in deal_amount_history, stamped with the writer\'s updated_at', () => {
    ws = world()
    const rows = ws.store.sqlite.prepare('SELECT amount_minor, previous_amount_minor, changed_at FROM deal_amount_history WHERE deal_id = 7 ORDER BY changed_at').all()
    expect(rows).toEqual([
      { amount_minor: 70_000, previous_amount_minor: null, changed_at: '2026-06-01T00:00:00Z' },
      { amount_minor: 90_000, previous_amount_minor: 70_000, changed_at: '2026-11-08T12:00:00Z' }
    ])
    // A write that leaves the amount alone adds nothing.
    ws.store.sqlite.prepare("UPDATE deals SET amount_minor = 90000, updated_at = '2026-11-21T00:00:00Z' WHERE id = 7").run()
    expect(ws.store.sqlite.prepare('SELECT count(*) FROM deal_amount_history WHERE deal_id = 7').pluck().get()).toBe(2)
  })
})

/**
 * Random histories: up to eight deals created across Q3–Q4, each with up to three close-date moves and up to three
 * amount changes on distinct days, ending open, won or lost. The walk between two random days must add up exactly,
 * and its two ends must equal the period's pipeline replayed from the same history in plain code.
 */
describe('the walk adds up on random histories', () => {
  let prop: TempWorkspace
  beforeAll(() => {
    prop = makeWorkspace()
    people(prop)
  })
  afterAll(() => prop.dispose())

  const BASE = '2026-08-01'
  const day = (n: number) => addDays(BASE, n)
  const dealArb = fc
    .record({
      owner: fc.constantFrom(1, 2),
      created: fc.integer({ min: 0, max: 140 }),
      close: fc.integer({ min: 30, max: 230 }),
      moves: fc.uniqueArray(fc.record({ at: fc.integer({ min: 1, max: 120 }), to: fc.integer({ min: 30, max: 230 }) }), { maxLength: 3, selector: (m) => m.at }),
      amount: fc.integer({ min: 0, max: 500 }).map((n) => n * 1000),
      amounts: fc.uniqueArray(fc.record({ at: fc.integer({ min: 1, max: 120 }), to: fc.integer({ min: 0, max: 500 }).map((n) => n * 1000) }), { maxLength: 3, selector: (m) => m.at }),
      end: fc.constantFrom('open', 'won', 'lost'),
      closedAfter: fc.integer({ min: 1, max: 150 })
    })
  const worldArb = fc.record({
    deals: fc.array(dealArb, { minLength: 1, maxLength: 8 }),
    from: fc.integer({ min: 0, max: 180 }),
    span: fc.integer({ min: 0, max: 120 })
  })

  it('start + Σ movements = end, and both ends equal a replay of the history', () => {
    const period = createPeriod(prop.store.sqlite, parse('forecast.createPeriod', { kind: 'quarter', containing: '2026-11-01' }), NOW)
    fc.assert(
      fc.property(worldArb, (x) => {
        prop.store.sqlite.prepare('DELETE FROM deals').run()
        const specs: DealSpec[] = x.deals.map((d, i) => {
          const created = d.created
          const moves = [...d.moves].sort((a, b) => a.at - b.at).map((m) => [day(created + m.at), day(m.to)] as [string, string])
          const amounts = [...d.amounts].sort((a, b) => a.at - b.at).map((m) => [day(created + m.at), m.to] as [string, number])
          const closed = d.end === 'open' ? undefined : day(created + d.closedAfter)
          return { id: i + 1, owner: d.owner, created: day(created), close: day(d.close), moves, amount: d.amount, amounts, status: d.end, closed }
        })
        insertDeals(prop, specs)
        const from = day(x.from)
        const to = day(x.from + x.span)
        const w = forecastWalk(prop.store, parse('forecast.walk', { periodId: period.id, from, to }), TODAY)
        expect(total(w)).toBe(w.end.valueMinor)

        // The replay: each deal's close date and amount on a day are the last change on or before it.
        const replay = (on: string) => {
          let value = 0
          for (const s of specs) {
            if (s.created > on) continue
            const lastOf = <T,>(first: T, changes: [string, T][]) => changes.filter(([at]) => at <= on).reduce<T>((_, [, v]) => v, first)
            const close = lastOf(s.close, s.moves ?? [])
            const amount = lastOf(s.amount, s.amounts ?? [])
            const closedBy = s.closed !== undefined && s.closed <= on
            const status = closedBy ? s.status : 'open'
            if (status === 'open' && close >= period.start && close <= period.end) value += amount
            if (status === 'won' && s.closed! >= period.start && s.closed! <= period.end) value += amount
          }
          return value
        }
        expect(w.start.valueMinor).toBe(replay(from))
        expect(w.end.valueMinor).toBe(replay(to))
        // Every deal that moved is listed exactly once under its movement.
        const listed = w.steps.reduce((n, s) => n + s.deals, 0) + w.unchanged.deals
        const inEither = new Set<number>()
        for (const s of w.steps) {
          if (s.deals === 0) continue
          const page = walkDeals(prop.store, parse('forecast.walkDeals', { periodId: period.id, from, to, movement: s.movement, limit: 500 }), TODAY)
          expect(page.rows.reduce((sum, r) => sum + r.changeMinor, 0)).toBe(s.valueMinor)
          for (const r of page.rows) {
            expect(inEither.has(r.id)).toBe(false)
            inEither.add(r.id)
          }
        }
        expect(inEither.size + w.unchanged.deals).toBe(listed)
      }),
      { numRuns: 80, seed: 20261123 }
    )
  })
})
