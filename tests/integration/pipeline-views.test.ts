// Inspection rules and saved views on real workspace files: editing the no-evidence days re-flags the pipeline; views round-trip and refuse bad input.
import { afterEach, describe, expect, it } from 'vitest'
import { isoDay } from '@shared/dates'
import { DEFAULT_THRESHOLDS } from '@shared/inspection'
import { contract, type MethodName, type ParsedInput } from '@shared/contract'
import { clock, makeWorkspace, NOW, TODAY, type TempWorkspace } from '../support/workspace'
import { refreshAllEvidence } from '../../src/main/services/pipeline/evidence'
import { deleteView, getThresholds, inspectDealById, listPipeline, listViews, saveView, setThresholds } from '../../src/main/services/pipeline/inspection'
import { createActivity } from '../../src/main/services/pipeline/activities'

let ws: TempWorkspace | null = null
afterEach(() => {
  ws?.dispose()
  ws = null
})

const parse = <K extends MethodName>(method: K, input: unknown): ParsedInput<K> => contract[method].input.parse(input) as ParsedInput<K>
const daysAgo = (n: number) => `${isoDay(new Date(Date.parse(`${TODAY}T00:00:00Z`) - n * 86_400_000))}T10:00:00Z`

/** Commit deals whose only activity was `ago` days before today, in the given stages. */
function world(deals: { stage: string; ago: number }[]): TempWorkspace {
  const w = makeWorkspace()
  const s = w.store.sqlite
  s.prepare("INSERT INTO teams (id, name, created_at) VALUES (1, 'East', ?)").run(NOW)
  s.prepare("INSERT INTO reps (id, team_id, name, role) VALUES (1, 1, 'Ada Owner', 'ae')").run()
  deals.forEach(({ stage, ago }, i) => {
    const id = i + 1
    s.prepare('INSERT INTO accounts (id, name, name_key, tier) VALUES (?, ?, ?, 2)').run(id, `Account ${id}`, `account ${id}`)
    s.prepare(
      `INSERT INTO deals (id, name, owner_id, account_id, amount_minor, currency, stage, probability, forecast_category, close_date, created_date, status, updated_at)
       VALUES (?, ?, 1, ?, 1000000, 'USD', ?, 60, 'commit', '2026-12-20', '2026-10-01', 'open', ?)`
    ).run(id, `Deal ${id}`, id, stage, NOW)
    s.prepare("INSERT INTO activities (rep_id, kind, direction, occurred_at, deal_id, account_id) VALUES (1, 'call', 'outbound', ?, ?, ?)").run(daysAgo(ago), id, id)
  })
  refreshAllEvidence(s, TODAY)
  return w
}

const noEvidenceIds = (w: TempWorkspace) =>
  listPipeline(w.store, { filters: { flag: 'no_evidence' }, sort: 'evidence_score', direction: 'asc', offset: 0, limit: 50 }, TODAY).rows.map((r) => r.id).sort()

describe('inspection rules (thresholds)', () => {
  it('lowering the no-evidence days from 14 to 7 flags a deal quiet for 10 days, in the stored flags and the drawer', async () => {
    ws = world([{ stage: 'proposal', ago: 10 }, { stage: 'proposal', ago: 3 }])
    expect(getThresholds(ws.store).noEvidenceDays).toBe(14)
    expect(noEvidenceIds(ws)).toEqual([])
    const saved = setThresholds(ws.store, parse('settings.setThresholds', { ...DEFAULT_THRESHOLDS, noEvidenceDays: 7 }), TODAY)
    expect(saved.noEvidenceDays).toBe(7)
    expect(noEvidenceIds(ws)).toEqual([1])
    const flag = (await inspectDealById(ws.store, 1, TODAY)).flags.find((f) => f.flag === 'no_evidence')
    expect(flag?.sentence).toBe('Commit deal with no activity in 10 days (last on 2026-11-13; the limit is 7).')
    // And back: the flag goes again.
    setThresholds(ws.store, parse('settings.setThresholds', { ...DEFAULT_THRESHOLDS, noEvidenceDays: 14 }), TODAY)
    expect(noEvidenceIds(ws)).toEqual([])
  })

  it('a per-stage limit applies to that stage only', () => {
    ws = world([{ stage: 'negotiation', ago: 10 }, { stage: 'proposal', ago: 10 }])
    setThresholds(ws.store, parse('settings.setThresholds', { ...DEFAULT_THRESHOLDS, noEvidenceDaysByStage: { negotiation: 7 } }), TODAY)
    expect(noEvidenceIds(ws)).toEqual([1])
    expect(getThresholds(ws.store).noEvidenceDaysByStage).toEqual({ negotiation: 7 })
  })

  it('refuses out-of-range or unknown rules, naming the field, and changes nothing', () => {
    ws = world([{ stage: 'proposal', ago: 10 }])
    const bad = [
      [{ ...DEFAULT_THRESHOLDS, noEvidenceDays: 0 }, 'noEvidenceDays'],
      [{ ...DEFAULT_THRESHOLDS, goneQuietDays: 4000 }, 'goneQuietDays'],
      [{ ...DEFAULT_THRESHOLDS, noEvidenceDaysByStage: { closed_won: 7 } }, 'noEvidenceDaysByStage'],
      [{ ...DEFAULT_THRESHOLDS, amountLoweredShare: 1.5 }, 'amountLoweredShare'],
      [{ ...DEFAULT_THRESHOLDS, noEvidenceDays: 7.5 }, 'noEvidenceDays']
    ] as const
    for (const [input, field] of bad) {
      const result = contract['settings.setThresholds'].input.safeParse(input)
      expect(result.success, field).toBe(false)
      expect(result.error?.issues[0]?.path[0]).toBe(field)
    }
    // The service checks again (a caller that skipped dispatch): nothing is stored.
    expect(() => setThresholds(ws!.store, { ...DEFAULT_THRESHOLDS, noEvidenceDays: 0 }, TODAY)).toThrow()
    expect(getThresholds(ws.store)).toEqual(DEFAULT_THRESHOLDS)
    expect(noEvidenceIds(ws)).toEqual([])
  })
})

describe('logging an activity from the drawer', () => {
  it('refuses a date after today and writes nothing; one logged today clears no evidence', async () => {
    ws = world([{ stage: 'proposal', ago: 20 }])
    expect(noEvidenceIds(ws)).toEqual([1])
    const count = () => (ws!.store.sqlite.prepare('SELECT count(*) AS n FROM activities').get() as { n: number }).n
    await expect(
      createActivity(ws.store, parse('activities.create', { repId: 1, kind: 'meeting', occurredAt: '2026-11-24T09:00:00Z', dealId: 1 }), clock)
    ).rejects.toMatchObject({ code: 'INVALID_INPUT', message: expect.stringContaining('input.occurredAt') })
    expect(count()).toBe(1)
    await createActivity(ws.store, parse('activities.create', { repId: 1, kind: 'meeting', direction: 'inbound', occurredAt: NOW, dealId: 1, subject: 'Pricing review' }), clock)
    expect(count()).toBe(2)
    expect(noEvidenceIds(ws)).toEqual([])
  })
})

describe('saved views', () => {
  it('round-trip by name, sorted, a same-named save replaces (case-insensitive), and delete removes', () => {
    ws = makeWorkspace()
    expect(listViews(ws.store)).toEqual([])
    saveView(ws.store, parse('pipelineViews.save', { name: 'West commit', filters: { teamId: 2, forecastCategory: 'commit' }, sort: 'amount', direction: 'desc', layout: 'board' }))
    const after = saveView(
      ws.store,
      parse('pipelineViews.save', { name: '  No evidence this quarter ', filters: { flag: 'no_evidence' }, sort: 'evidence_score', direction: 'asc', period: 'this_quarter' })
    )
    expect(after.map((v) => v.name)).toEqual(['No evidence this quarter', 'West commit'])
    expect(listViews(ws.store)).toEqual([
      { name: 'No evidence this quarter', filters: { flag: 'no_evidence' }, sort: 'evidence_score', direction: 'asc', period: 'this_quarter' },
      { name: 'West commit', filters: { teamId: 2, forecastCategory: 'commit' }, sort: 'amount', direction: 'desc', layout: 'board' }
    ])
    saveView(ws.store, parse('pipelineViews.save', { name: 'west COMMIT', filters: { teamId: 3 }, sort: 'close_date', direction: 'asc' }))
    expect(listViews(ws.store).map((v) => [v.name, v.filters])).toEqual([
      ['No evidence this quarter', { flag: 'no_evidence' }],
      ['west COMMIT', { teamId: 3 }]
    ])
    expect(deleteView(ws.store, parse('pipelineViews.delete', { name: 'WEST commit' })).map((v) => v.name)).toEqual(['No evidence this quarter'])
    expect(() => deleteView(ws!.store, parse('pipelineViews.delete', { name: 'Nope' }))).toThrow(/there is no saved view "Nope"/)
    expect(listViews(ws.store).map((v) => v.name)).toEqual(['No evidence this quarter'])
  })

  it('refuses a view without a name, with an unknown filter or a made-up period', () => {
    const base = { name: 'Mine', filters: {}, sort: 'amount', direction: 'asc' }
    const cases = [
      [{ ...base, name: '   ' }, 'name', /a view needs a name/],
      [{ ...base, filters: { colour: 'red' } }, 'filters', /colour/],
      [{ ...base, period: 'next_year' }, 'period', /period|option|expected/i],
      [{ ...base, sort: 'vibes' }, 'sort', /./]
    ] as const
    for (const [input, field, message] of cases) {
      const r = contract['pipelineViews.save'].input.safeParse(input)
      expect(r.success, field).toBe(false)
      expect(r.error?.issues[0]?.path[0]).toBe(field)
      expect(JSON.stringify(r.error?.issues)).toMatch(message)
    }
  })

  it('a stored view that no longer validates is skipped, the rest still list', () => {
    ws = makeWorkspace()
    saveView(ws.store, parse('pipelineViews.save', { name: 'Good', filters: {}, sort: 'amount', direction: 'asc' }))
    const stored = JSON.parse((ws.store.sqlite.prepare("SELECT value FROM settings WHERE key = 'pipeline.views'").get() as { value: string }).value) as unknown[]
    stored.push({ name: 'Broken', filters: { stage: 'closed_won' }, sort: 'amount', direction: 'asc' }, 'not a view')
    ws.store.sqlite.prepare("UPDATE settings SET value = ? WHERE key = 'pipeline.views'").run(JSON.stringify(stored))
    expect(listViews(ws.store).map((v) => v.name)).toEqual(['Good'])
  })
})
