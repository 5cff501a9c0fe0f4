// The demo's kickoff material: competitors with people and a year of snapshots, counts in tier-one accounts, rules; fast at large scale.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { generateVisibilityDemo } from '../../src/main/demo/visibility'
import { clock, makeWorkspace, NOW, type TempWorkspace } from '../support/workspace'
import { visibility } from './visibility-world'

describe('the demo workspace’s visibility', () => {
  let ws: TempWorkspace
  beforeAll(() => {
    ws = makeWorkspace({ demo: 'small' })
  })
  afterAll(() => ws.dispose())

  it('has two competitors, each with sales leaders and sellers, and a year of monthly snapshots', async () => {
    const v = visibility(ws.store.db)
    const c = await v.compare({ windowDays: 90 })
    expect(c.competitors.map((x) => x.label)).toEqual(['Altmark', 'Cadence Cloud'])
    for (const side of c.competitors) {
      expect(side.people.some((p) => p.role === 'leader')).toBe(true)
      expect(side.people.some((p) => p.role === 'seller')).toBe(true)
      expect(side.measures!.composite).toBeGreaterThan(0)
    }
    expect(c.us.measures).not.toBeNull()
    expect(c.trend).toHaveLength(12)
    // The kickoff's point: the loudest competitor's leaders out-publish our team.
    expect(c.competitors[0]!.measures!.cadencePerWeek).toBeGreaterThan(c.us.measures!.cadencePerWeek)
  })

  it('has competitor counts in most tier-one accounts, some accounts with no relationship of ours, and rules for every role', async () => {
    const v = visibility(ws.store.db)
    const r = await v.tierOne({ limit: 500 })
    expect(r.total).toBe(8)
    expect(r.rows.filter((x) => x.competitors.some((c) => c.count !== null)).length).toBeGreaterThan(4)
    expect(r.noRelationship.length).toBeGreaterThan(0)
    expect((await v.rules()).map((x) => x.role)).toEqual(['leader', 'manager', 'ae', 'am', 'se', 'sdr'])
  })

  it('adds well under a second at large scale (400 tier-one accounts, 200 reps)', () => {
    const big = makeWorkspace()
    try {
      const s = big.store.sqlite
      s.prepare("INSERT INTO teams (id, name, created_at) VALUES (1, 'All', ?)").run(NOW)
      const rep = s.prepare("INSERT INTO reps (id, team_id, name, role) VALUES (?, 1, ?, 'ae')")
      const acc = s.prepare('INSERT INTO accounts (id, name, name_key, tier, is_named) VALUES (?, ?, ?, 1, 1)')
      s.transaction(() => {
        for (let i = 1; i <= 200; i++) rep.run(i, `Rep ${i}`)
        for (let i = 1; i <= 400; i++) acc.run(i, `Account ${i}`, `account ${i}`)
      })()
      const started = performance.now()
      const counts = s.transaction(() => generateVisibilityDemo(s, 1, clock.now()))()
      expect(performance.now() - started).toBeLessThan(500)
      expect(counts.snapshots).toBe(200 * 12 + 9 * 12)
    } finally {
      big.dispose()
    }
  })
})
