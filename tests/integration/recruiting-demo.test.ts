// The demo workspace's recruiting: two open roles, every stage filled, a panel that disagrees, and the strong-record warning.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { makeWorkspace, NOW, type TempWorkspace } from '../support/workspace'
import { CANDIDATE_STAGES } from '../../src/shared/recruiting'
import { recruiting } from './recruiting-world'

let ws: TempWorkspace
let r: ReturnType<typeof recruiting>
beforeAll(() => {
  ws = makeWorkspace({ demo: 'small' })
  r = recruiting(ws.store.db)
})
afterAll(() => ws.dispose())

describe('the demo workspace', () => {
  it('has two open roles with about forty candidates across every stage', async () => {
    const roles = await r.listRequisitions()
    expect(roles.rows.map((q) => q.title).sort()).toEqual(['Account Executive, Mid-market', 'Enterprise Account Executive'])
    const boards = await Promise.all(roles.rows.map((q) => r.board(q.id, NOW)))
    const perStage = new Map(CANDIDATE_STAGES.map((s) => [s, 0]))
    for (const b of boards) for (const col of b.columns) perStage.set(col.stage, perStage.get(col.stage)! + col.total)
    expect([...perStage.values()].every((n) => n > 0)).toBe(true)
    const total = [...perStage.values()].reduce((s, n) => s + n, 0)
    expect(total).toBeGreaterThanOrEqual(38)
    expect(total).toBeLessThanOrEqual(45)
    const cards = boards.flatMap((b) => b.columns.flatMap((c) => c.cards))
    expect(cards.some((c) => c.stalled)).toBe(true)
    expect(cards.some((c) => c.warning && (c.latestAttainmentPct ?? 0) >= 150)).toBe(true)
  })

  it('has panels that disagree, past hires, and a consistent database', async () => {
    const disagreements = ws.store.sqlite
      .prepare(
        `SELECT count(*) AS n FROM (SELECT s.candidate_id, r.question_id FROM scorecard_ratings r JOIN scorecards s ON s.id = r.scorecard_id
         WHERE r.rating IS NOT NULL GROUP BY 1, 2 HAVING max(r.rating) - min(r.rating) >= 2)`
      )
      .get() as { n: number }
    expect(disagreements.n).toBeGreaterThan(0)
    const all = await r.funnel(undefined, NOW)
    expect(all.timeToHire.hires).toBeGreaterThanOrEqual(4)
    expect(all.exitReasons.length).toBeGreaterThan(0)
    expect(ws.store.sqlite.pragma('foreign_key_check')).toEqual([])
  })
})
