// Pipeline inspection on real workspace files: small worlds that raise each flag (or not), writes, and query plans.
import { afterEach, describe, expect, it } from 'vitest'
import { isoDay } from '@shared/dates'
import { QUALIFICATION_CRITERIA } from '@shared/domain'
import { makeWorkspace, clock, NOW, TODAY, type TempWorkspace } from '../support/workspace'
import { refreshAllEvidence } from '../../src/main/services/pipeline/evidence'
import {
  acknowledgeFlag,
  inspectDealById,
  listPipeline,
  pipelinePageSql,
  pipelineTotals,
  setCriterion,
  setManagerCall
} from '../../src/main/services/pipeline/inspection'
import { createActivity } from '../../src/main/services/pipeline/activities'

let ws: TempWorkspace | null = null
afterEach(() => {
  ws?.dispose()
  ws = null
})

interface DealSpec {
  category?: 'commit' | 'best_case' | 'pipeline'
  lastActivityDaysAgo?: number | null
  engagedContacts?: number
  economicBuyer?: boolean
  missing?: string[]
  ownerConnection?: boolean
}

/** One team, one rep, one account per deal: the deal's world stated in a few facts. */
function world(specs: DealSpec[]): TempWorkspace {
  const w = makeWorkspace()
  const s = w.store.sqlite
  s.prepare("INSERT INTO teams (id, name, created_at) VALUES (1, 'East', ?)").run(NOW)
  s.prepare("INSERT INTO reps (id, team_id, name, role) VALUES (1, 1, 'Ada Owner', 'ae')").run()
  let contact = 0
  specs.forEach((spec, i) => {
    const id = i + 1
    s.prepare('INSERT INTO accounts (id, name, name_key, tier) VALUES (?, ?, ?, 2)').run(id, `Account ${id}`, `account ${id}`)
    s.prepare(
      `INSERT INTO deals (id, name, owner_id, account_id, amount_minor, currency, stage, probability, forecast_category, close_date, created_date, status, updated_at)
       VALUES (?, ?, 1, ?, 1000000, 'USD', 'proposal', 60, ?, '2026-12-20', '2026-10-01', 'open', ?)`
    ).run(id, `Deal ${id}`, id, spec.category ?? 'commit', NOW)
    s.prepare("INSERT INTO deal_stage_history (deal_id, stage, entered_at) VALUES (?, 'proposal', '2026-11-10T09:00:00Z')").run(id)
    for (const c of QUALIFICATION_CRITERIA) {
      s.prepare('INSERT INTO qualification_criteria (deal_id, criterion, met, evidence, updated_at) VALUES (?, ?, ?, ?, ?)').run(
        id, c, spec.missing?.includes(c) ? 0 : 1, 'Heard on a call', NOW
      )
    }
    const engaged = spec.engagedContacts ?? 3
    for (let k = 0; k < Math.max(engaged, 1); k++) {
      contact++
      const role = k === 0 && (spec.economicBuyer ?? true) ? 'economic_buyer' : 'user_buyer'
      s.prepare('INSERT INTO contacts (id, account_id, name, buying_role) VALUES (?, ?, ?, ?)').run(contact, id, `Contact ${contact}`, role)
      if (k < engaged) {
        const ago = spec.lastActivityDaysAgo === undefined ? 2 : spec.lastActivityDaysAgo
        if (ago !== null) {
          const at = `${isoDay(new Date(Date.parse(`${TODAY}T00:00:00Z`) - ago * 86_400_000))}T10:00:00Z`
          s.prepare("INSERT INTO activities (rep_id, kind, direction, occurred_at, deal_id, account_id, contact_id) VALUES (1, 'meeting', ?, ?, ?, ?, ?)").run(
            k === 0 ? 'inbound' : 'outbound', at, id, id, contact
          )
        }
      }
    }
    if (spec.ownerConnection ?? true) {
      s.prepare("INSERT INTO connections (rep_id, person_name, account_id, source) VALUES (1, 'Someone', ?, 'manual')").run(id)
    }
  })
  refreshAllEvidence(s, TODAY)
  return w
}

const flagsOf = async (w: TempWorkspace, id: number) => (await inspectDealById(w.store, id, TODAY)).flags

describe('inspection flags on a small world', () => {
  it('a commit deal with activity 13 days ago has evidence; with none in 15 days it is flagged with the reason', async () => {
    ws = world([{ lastActivityDaysAgo: 13 }, { lastActivityDaysAgo: 15 }])
    expect((await flagsOf(ws, 1)).map((f) => f.flag)).not.toContain('no_evidence')
    const flags = await flagsOf(ws, 2)
    expect(flags.find((f) => f.flag === 'no_evidence')?.sentence).toBe('Commit deal with no activity in 15 days (last on 2026-11-08; the limit is 14).')
  })

  it('a deal ages into no evidence on a later day: the daily pass re-reads what moves with the calendar', async () => {
    ws = world([{ lastActivityDaysAgo: 10 }])
    expect((await flagsOf(ws, 1)).map((f) => f.flag)).not.toContain('no_evidence')
    const later = isoDay(new Date(Date.parse(`${TODAY}T00:00:00Z`) + 5 * 86_400_000))
    const aged = await inspectDealById(ws.store, 1, later)
    expect(aged.flags.find((f) => f.flag === 'no_evidence')?.sentence).toBe('Commit deal with no activity in 15 days (last on 2026-11-13; the limit is 14).')
    // Thirty days on, the contacts' engagement has left the window too.
    const muchLater = isoDay(new Date(Date.parse(`${TODAY}T00:00:00Z`) + 25 * 86_400_000))
    expect((await inspectDealById(ws.store, 1, muchLater)).flags.map((f) => f.flag)).toContain('single_threaded')
  })

  it('a healthy commit deal raises no flag at all', async () => {
    ws = world([{}])
    expect(await flagsOf(ws, 1)).toEqual([])
  })

  it('exactly one engaged contact is single-threaded; two are not', async () => {
    ws = world([{ engagedContacts: 1 }, { engagedContacts: 2 }])
    expect((await flagsOf(ws, 1)).find((f) => f.flag === 'single_threaded')?.sentence).toBe(
      'Only 1 engaged contact in the last 30 days: the deal hangs on one person.'
    )
    expect((await flagsOf(ws, 2)).map((f) => f.flag)).not.toContain('single_threaded')
  })

  it('nobody engaged and no connection is no relationships, and no decision-maker without an engaged economic buyer', async () => {
    ws = world([{ engagedContacts: 0, ownerConnection: false }, { economicBuyer: false }])
    const none = (await flagsOf(ws, 1)).map((f) => f.flag)
    expect(none).toEqual(expect.arrayContaining(['no_relationships', 'single_threaded', 'no_decision_maker']))
    expect((await flagsOf(ws, 2)).map((f) => f.flag)).toEqual(['no_decision_maker'])
  })

  it('one missing criterion is qualification zero, named; ticking it with evidence clears the flag', async () => {
    ws = world([{ missing: ['champion'] }])
    expect((await flagsOf(ws, 1)).map((f) => f.sentence)).toEqual(['Qualification scores 0 (1 × 1 × 1 × 1 × 1 × 0 = 0): Champion not met.'])
    const after = await setCriterion(ws.store, { dealId: 1, criterion: 'champion', met: true, evidence: 'CFO sponsor confirmed' }, TODAY, NOW)
    expect(after.flags).toEqual([])
    expect(after.deal.criteria.find((c) => c.criterion === 'champion')).toEqual({ criterion: 'champion', met: true, evidence: 'CFO sponsor confirmed' })
  })

  it('logging an activity recomputes the deal: a no-evidence deal gets its evidence back', async () => {
    ws = world([{ lastActivityDaysAgo: 20 }])
    expect((await flagsOf(ws, 1)).map((f) => f.flag)).toContain('no_evidence')
    await createActivity(ws.store, { repId: 1, kind: 'call', direction: 'outbound', occurredAt: NOW, dealId: 1 }, clock)
    expect((await flagsOf(ws, 1)).map((f) => f.flag)).not.toContain('no_evidence')
  })
})

describe('inspection writes', () => {
  it('an invalid write changes nothing and names the field', async () => {
    ws = world([{ missing: ['metrics'] }])
    const before = ws.store.sqlite.prepare('SELECT * FROM qualification_criteria ORDER BY criterion').all()
    await expect(setCriterion(ws.store, { dealId: 1, criterion: 'metrics', met: true, evidence: null }, TODAY, NOW)).rejects.toMatchObject({
      code: 'INVALID_INPUT',
      message: expect.stringContaining('input.evidence')
    })
    await expect(setCriterion(ws.store, { dealId: 99, criterion: 'metrics', met: true, evidence: 'x' }, TODAY, NOW)).rejects.toMatchObject({ code: 'NOT_FOUND' })
    expect(() => acknowledgeFlag(ws!.store, { dealId: 1, flag: 'no_evidence', reason: 'legal', until: '2026-12-01' }, TODAY, NOW)).toThrow(/not flagged/)
    expect(ws.store.sqlite.prepare('SELECT * FROM qualification_criteria ORDER BY criterion').all()).toEqual(before)
    expect(ws.store.sqlite.prepare('SELECT count(*) AS n FROM flag_acknowledgements').get()).toEqual({ n: 0 })
  })

  it('an acknowledged flag is shown as known until the deal changes', async () => {
    ws = world([{ missing: ['metrics'] }])
    const ack = acknowledgeFlag(ws.store, { dealId: 1, flag: 'qualification_zero', reason: 'Known: metrics workshop on 1 Dec', until: '2026-12-02' }, TODAY, NOW)
    expect(ack.acknowledged).toEqual({ reason: 'Known: metrics workshop on 1 Dec', until: '2026-12-02' })
    const page = listPipeline(ws.store, { filters: {}, sort: 'evidence_score', direction: 'asc', offset: 0, limit: 50 }, TODAY)
    expect(page.rows[0]?.acknowledged).toEqual(['qualification_zero'])
    ws.store.sqlite.prepare("UPDATE deals SET updated_at = '2026-11-24T09:00:00Z' WHERE id = 1").run()
    expect((await flagsOf(ws, 1))[0]?.acknowledged).toBeNull()
  })

  it("the manager's call is kept apart from the rep's category", async () => {
    ws = world([{}])
    setManagerCall(ws.store, { dealId: 1, managerCall: 'would_not_forecast' })
    const d = await inspectDealById(ws.store, 1, TODAY)
    expect(d.managerCall).toBe('would_not_forecast')
    expect(d.deal.forecastCategory).toBe('commit')
  })
})

describe('the pipeline list on the demo workspace', () => {
  it('filters to no evidence, sorts by evidence score, and totals by category with the flagged share', () => {
    ws = makeWorkspace({ demo: 'standard' })
    const page = listPipeline(ws.store, { filters: { flag: 'no_evidence' }, sort: 'evidence_score', direction: 'asc', offset: 0, limit: 50 }, TODAY)
    expect(page.total).toBeGreaterThan(0)
    expect(page.rows.every((r) => r.flags.includes('no_evidence'))).toBe(true)
    const scores = page.rows.map((r) => r.evidenceScore)
    expect(scores).toEqual([...scores].sort((a, b) => a - b))
    const totals = pipelineTotals(ws.store, { filters: {} }, TODAY)
    const open = ws.store.sqlite.prepare("SELECT count(*) AS n FROM deals WHERE status = 'open'").get() as { n: number }
    expect(totals.deals).toBe(open.n)
    expect(totals.flaggedDeals).toBeLessThanOrEqual(totals.deals)
  })

  it('no list or inspection query scans the activities table', () => {
    ws = makeWorkspace({ demo: 'small' })
    const plans: string[] = []
    for (const filters of [{}, { ownerId: 1 }, { teamId: 1, flag: 'no_evidence' as const }, { stage: 'proposal' as const, tier: 1 as const }]) {
      const { text, params } = pipelinePageSql({ filters, sort: 'evidence_score', direction: 'asc' })
      const rows = ws.store.sqlite.prepare(`EXPLAIN QUERY PLAN ${text}`).all({ ...params, limit: 50, offset: 0 }) as { detail: string }[]
      plans.push(...rows.map((r) => r.detail))
    }
    expect(plans.join('\n')).not.toMatch(/activities/)
    expect(plans.join('\n')).toMatch(/deal_evidence/)
  })
})
