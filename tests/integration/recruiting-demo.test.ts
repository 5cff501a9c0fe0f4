// The demo workspace's recruiting: two open roles, every stage filled, a panel that disagrees, the strong-record warning,
// and past hires linked to the reps they became.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { makeWorkspace, NOW, TODAY, type TempWorkspace } from '../support/workspace'
import { CANDIDATE_STAGES } from '../../src/shared/recruiting'
import { hireOutcomes } from '../../src/main/services/recruiting/hire-outcomes'
import { parse, recruiting } from './recruiting-world'

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

  it('has past hires linked to the reps they became, enough to judge the interview questions, and one too recent to count', async () => {
    const o = await hireOutcomes(ws.store.db, parse('recruiting.hireOutcomes', {}), TODAY)
    // The small demo has six account executives: five hired long enough ago to count, one weeks into the job.
    expect(o).toMatchObject({ linked: 6, withOutcome: 5, enough: true })
    expect(o.hires.filter((h) => !h.counted).map((h) => h.quarters.length)).toEqual([0])
    for (const h of o.hires) expect(h.candidateName).toBe(h.repName)
    expect(o.hires.filter((h) => h.counted).every((h) => h.quarters.length >= 2 && h.quarters.length <= 4)).toBe(true)
    // Varied attainment, and ratings that foretold it on some questions and not on others.
    expect(new Set(o.hires.filter((h) => h.counted).map((h) => h.attainment)).size).toBeGreaterThan(3)
    const reading = Object.fromEntries(o.questions.map((q) => [q.key, q.reading]))
    expect(reading.team_selling).toBe('well')
    expect(reading.knowledge_sharing).toBe('well')
    expect(o.questions.some((q) => q.reading === 'not_at_all' || q.reading === 'backwards')).toBe(true)
    // Each linked hire went through the filled role and joined a few weeks after the offer.
    const gaps = ws.store.sqlite
      .prepare(
        `SELECT julianday(r.hire_date) - julianday(substr(a.stage_entered_at, 1, 10)) AS days FROM hire_links l
         JOIN candidate_applications a ON a.id = l.application_id JOIN reps r ON r.id = l.rep_id`
      )
      .all() as { days: number }[]
    expect(gaps.every((g) => g.days > 0 && g.days < 60)).toBe(true)
  })
})
