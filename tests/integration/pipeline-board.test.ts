// The Pipeline board on real workspace files: per-stage counts and totals of a hand-built world, cards weakest first, paging per column, and plans.
import { afterEach, describe, expect, it } from 'vitest'
import { isoDay } from '@shared/dates'
import { OPEN_STAGES } from '@shared/domain'
import { contract, type MethodName, type ParsedInput, type PipelineBoard } from '@shared/contract'
import { makeWorkspace, NOW, TODAY, type TempWorkspace } from '../support/workspace'
import { refreshAllEvidence } from '../../src/main/services/pipeline/evidence'
import { acknowledgeFlag, listPipeline } from '../../src/main/services/pipeline/inspection'
import { boardCardsSql, boardCountsSql, pipelineBoard } from '../../src/main/services/pipeline/board'

let ws: TempWorkspace | null = null
afterEach(() => {
  ws?.dispose()
  ws = null
})

const parse = <K extends MethodName>(method: K, input: unknown): ParsedInput<K> => contract[method].input.parse(input) as ParsedInput<K>
const board = (w: TempWorkspace, input: unknown): PipelineBoard => pipelineBoard(w.store, parse('deals.board', input), TODAY)
const daysAgo = (n: number) => `${isoDay(new Date(Date.parse(`${TODAY}T00:00:00Z`) - n * 86_400_000))}T10:00:00Z`

type Spec = [id: number, owner: number, stage: string, amountMinor: number, category: string, lastActivityDaysAgo: number | null, status?: 'won' | 'lost']

/**
 * Two teams, three reps; scores differ only by the recency of one activity (no criteria met, no contacts):
 * 2 days ago → 33, 10 days ago → 18, none → 0. Closed deals sit in a stage too and must not count.
 */
const WORLD: Spec[] = [
  [1, 1, 'prospecting', 10_000, 'pipeline', null],
  [2, 2, 'prospecting', 250_000, 'pipeline', 2],
  [3, 1, 'proposal', 500_000, 'commit', null],
  [4, 1, 'proposal', 300_000, 'commit', 2],
  [5, 2, 'proposal', 200_000, 'best_case', 10],
  [6, 3, 'proposal', 700_000, 'commit', null],
  [7, 3, 'proposal', 100_000, 'best_case', 2],
  [8, 2, 'negotiation', 900_000, 'commit', 2],
  [9, 1, 'negotiation', 4_000_000, 'closed', 2, 'won'],
  [10, 3, 'proposal', 8_000_000, 'closed', null, 'lost']
]

function world(): TempWorkspace {
  const w = makeWorkspace()
  const s = w.store.sqlite
  s.prepare("INSERT INTO teams (id, name, created_at) VALUES (1, 'East', ?), (2, 'West', ?)").run(NOW, NOW)
  s.prepare("INSERT INTO reps (id, team_id, name, role) VALUES (1, 1, 'Ada Owner', 'ae'), (2, 1, 'Ben Seller', 'ae'), (3, 2, 'Cy West', 'ae')").run()
  for (const [id, owner, stage, amount, category, ago, status] of WORLD) {
    s.prepare('INSERT INTO accounts (id, name, name_key, tier) VALUES (?, ?, ?, ?)').run(id, `Account ${id}`, `account ${id}`, id % 2 === 0 ? 1 : 2)
    s.prepare(
      `INSERT INTO deals (id, name, owner_id, account_id, amount_minor, currency, stage, probability, forecast_category, close_date, created_date, closed_date, status, updated_at)
       VALUES (?, ?, ?, ?, ?, 'USD', ?, 50, ?, '2026-12-20', '2026-10-01', ?, ?, ?)`
    ).run(id, `Deal ${id}`, owner, id, amount, stage, category, status ? '2026-11-01' : null, status ?? 'open', NOW)
    s.prepare("INSERT INTO deal_stage_history (deal_id, stage, entered_at) VALUES (?, ?, '2026-11-10T09:00:00Z')").run(id, stage)
    if (ago !== null) {
      s.prepare("INSERT INTO activities (rep_id, kind, direction, occurred_at, deal_id, account_id) VALUES (?, 'call', 'outbound', ?, ?, ?)").run(owner, daysAgo(ago), id, id)
    }
  }
  refreshAllEvidence(s, TODAY)
  return w
}

const summary = (b: PipelineBoard) => b.columns.map((c) => ({ stage: c.stage, count: c.count, totalMinor: c.totalMinor, cards: c.cards.map((d) => d.id) }))

describe('deals.board on a hand-built world', () => {
  it('has one column per open stage with the count and total of its open deals, cards weakest evidence first', () => {
    ws = world()
    const b = board(ws, {})
    expect(summary(b)).toEqual([
      { stage: 'prospecting', count: 2, totalMinor: 260_000, cards: [1, 2] },
      { stage: 'qualifying', count: 0, totalMinor: 0, cards: [] },
      { stage: 'solution', count: 0, totalMinor: 0, cards: [] },
      // 3 and 6 score 0, 5 scores 18, 4 and 7 score 33: ties broken by deal id. Lost deal 10 is not here.
      { stage: 'proposal', count: 5, totalMinor: 1_800_000, cards: [3, 6, 5, 4, 7] },
      // Won deal 9 is not counted.
      { stage: 'negotiation', count: 1, totalMinor: 900_000, cards: [8] }
    ])
    expect(b.columns.find((c) => c.stage === 'proposal')!.cards.map((c) => c.evidenceScore)).toEqual([0, 0, 18, 33, 33])
    const card = b.columns[0]!.cards[0]!
    expect(card).toMatchObject({ name: 'Deal 1', accountName: 'Account 1', ownerName: 'Ada Owner', amountMinor: 10_000, closeDate: '2026-12-20' })
    expect(card.flags).toContain('qualification_zero')
  })

  it('counts, totals and cards follow the filters: one rep, one team, one flag, one stage', () => {
    ws = world()
    expect(summary(board(ws, { filters: { ownerId: 1 } })).filter((c) => c.count > 0)).toEqual([
      { stage: 'prospecting', count: 1, totalMinor: 10_000, cards: [1] },
      { stage: 'proposal', count: 2, totalMinor: 800_000, cards: [3, 4] }
    ])
    expect(summary(board(ws, { filters: { teamId: 2 } })).filter((c) => c.count > 0)).toEqual([
      { stage: 'proposal', count: 2, totalMinor: 800_000, cards: [6, 7] }
    ])
    // No evidence: commit or best case with no activity in 14 days (or ever): deals 3 and 6.
    expect(summary(board(ws, { filters: { flag: 'no_evidence' } })).filter((c) => c.count > 0)).toEqual([
      { stage: 'proposal', count: 2, totalMinor: 1_200_000, cards: [3, 6] }
    ])
    const oneStage = board(ws, { filters: { stage: 'negotiation' } })
    expect(summary(oneStage)).toEqual([{ stage: 'negotiation', count: 1, totalMinor: 900_000, cards: [8] }])
  })

  it('pages one column at a time: "Show more" continues where the first cards stopped, and the count stays the whole column', () => {
    ws = world()
    const first = board(ws, { perColumn: 2 })
    const proposal = first.columns.find((c) => c.stage === 'proposal')!
    expect(proposal.cards.map((c) => c.id)).toEqual([3, 6])
    expect(proposal.count).toBe(5)
    const second = board(ws, { perColumn: 2, stage: 'proposal', offset: 2 })
    expect(summary(second)).toEqual([{ stage: 'proposal', count: 5, totalMinor: 1_800_000, cards: [5, 4] }])
    expect(second.columns[0]!.offset).toBe(2)
    const third = board(ws, { perColumn: 2, stage: 'proposal', offset: 4 })
    expect(third.columns[0]!.cards.map((c) => c.id)).toEqual([7])
    expect(board(ws, { perColumn: 2, stage: 'proposal', offset: 6 }).columns[0]!.cards).toEqual([])
    // The same order as the table sorted by evidence score for that stage.
    const table = listPipeline(ws.store, { filters: { stage: 'proposal' }, sort: 'evidence_score', direction: 'asc', offset: 0, limit: 50 }, TODAY)
    expect(table.rows.map((r) => r.id)).toEqual([3, 6, 5, 4, 7])
  })

  it('shows acknowledged flags as known on the cards', () => {
    ws = world()
    acknowledgeFlag(ws.store, { dealId: 3, flag: 'no_evidence', reason: 'Known: buyer on leave', until: '2026-12-01' }, TODAY, NOW)
    const card = board(ws, {}).columns.find((c) => c.stage === 'proposal')!.cards.find((c) => c.id === 3)!
    expect(card.acknowledged).toEqual(['no_evidence'])
  })

  it('refuses more than 50 cards a column, and an offset without its stage, naming the field', () => {
    expect(() => parse('deals.board', { perColumn: 51 })).toThrow(/50/)
    const noStage = contract['deals.board'].input.safeParse({ offset: 20 })
    expect(noStage.success).toBe(false)
    expect(noStage.error?.issues[0]).toMatchObject({ path: ['offset'], message: 'an offset pages one column: give the stage too' })
    expect(contract['deals.board'].input.safeParse({ stage: 'closed_won' }).success).toBe(false)
  })
})

describe('deals.board query plans on the demo workspace', () => {
  it('groups and pages through the deal_evidence index that fits the filters and never reads activities', () => {
    ws = makeWorkspace({ demo: 'small' })
    const cases = [
      [{}, 'deal_evidence_stage'],
      [{ ownerId: 1 }, 'deal_evidence_owner'],
      [{ teamId: 1, flag: 'no_evidence' as const }, 'deal_evidence_team'],
      [{ ownerId: 2, teamId: 1 }, 'deal_evidence_owner'],
      [{ tier: 1 as const }, 'deal_evidence_stage'],
      [{ forecastCategory: 'commit' as const }, 'deal_evidence_stage']
    ] as const
    const plans: string[] = []
    for (const [filters, index] of cases) {
      for (const query of [boardCountsSql(filters), boardCardsSql(filters)]) {
        const rows = ws.store.sqlite.prepare(`EXPLAIN QUERY PLAN ${query.text}`).all({ ...query.params, boardStage: 'proposal', limit: 50, offset: 0 }) as { detail: string }[]
        const plan = rows.map((r) => r.detail).join(' | ')
        expect(plan).toMatch(new RegExp(`USING (COVERING )?INDEX ${index}\\b`))
        // Cards come off the index already in score order: no sort step, so a page stops after its rows.
        if (query.text.includes('LIMIT')) expect(plan).not.toMatch(/TEMP B-TREE FOR ORDER BY/)
        plans.push(plan)
      }
    }
    const all = plans.join('\n')
    expect(all).not.toMatch(/activities/)
    expect(all).not.toMatch(/SCAN e\b/)
    // Unfiltered, the counts are one covering, already-grouped pass and a column's page a range of the stage index.
    expect(plans[0]).toBe('SEARCH e USING COVERING INDEX deal_evidence_stage (is_open=?)')
    expect(plans[1]).toMatch(/^SEARCH e USING INDEX deal_evidence_stage \(is_open=\? AND stage=\?\)/)
    // And the board agrees with the deals table.
    const b = board(ws, {})
    const open = ws.store.sqlite.prepare("SELECT count(*) AS n, total(amount_minor) AS t FROM deals WHERE status = 'open'").get() as { n: number; t: number }
    expect(b.columns.reduce((s, c) => s + c.count, 0)).toBe(open.n)
    expect(b.columns.reduce((s, c) => s + c.totalMinor, 0)).toBe(open.t)
    expect(b.columns.every((c) => c.cards.length === Math.min(20, c.count))).toBe(true)
    // One rep's board equals the rep's slice of the whole.
    const rep = board(ws, { filters: { ownerId: 1 }, perColumn: 50 })
    const repOpen = ws.store.sqlite.prepare("SELECT stage, count(*) AS n FROM deals WHERE status = 'open' AND owner_id = 1 GROUP BY stage").all() as { stage: string; n: number }[]
    expect(rep.columns.filter((c) => c.count > 0).map((c) => [c.stage, c.count])).toEqual(
      OPEN_STAGES.flatMap((s) => repOpen.filter((r) => r.stage === s).map((r) => [r.stage, r.n]))
    )
    expect(rep.columns.flatMap((c) => c.cards).every((d) => d.ownerId === 1)).toBe(true)
  })
})
