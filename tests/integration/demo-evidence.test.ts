// The demo's evidence rows, from the figures the generator kept while writing activities, are the rows the app's own
// refresh computes from the stored activities: built both ways, compared row for row.
import type Database from 'better-sqlite3'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { generateDemo } from '../../src/main/demo/generate'
import { refreshAllEvidence } from '../../src/main/services/pipeline/evidence'
import { TODAY, clock, makeWorkspace, type TempWorkspace } from '../support/workspace'

const worlds: TempWorkspace[] = []
afterAll(() => worlds.splice(0).forEach((w) => w.dispose()))

function built(scale: 'small' | 'standard', evidenceFromStore: boolean): Database.Database {
  const ws = makeWorkspace()
  worlds.push(ws)
  generateDemo(ws.store.sqlite, { scale, today: clock.now(), evidenceFromStore })
  return ws.store.sqlite
}

const rows = (sqlite: Database.Database, sql: string) => sqlite.prepare(sql).all()
const count = (sqlite: Database.Database, where: string) =>
  sqlite.prepare(`SELECT count(*) FROM deal_evidence WHERE ${where}`).pluck().get() as number

describe.each(['small', 'standard'] as const)('the %s demo', (scale) => {
  let kept: Database.Database
  let refreshed: Database.Database
  beforeAll(() => {
    kept = built(scale, false)
    refreshed = built(scale, true)
  })

  it('has the evidence rows a refresh over its stored activities computes', () => {
    const evidence = 'SELECT * FROM deal_evidence ORDER BY deal_id'
    const a = rows(kept, evidence)
    const b = rows(refreshed, evidence)
    expect(a.length).toBe(b.length)
    for (let i = 0; i < a.length; i++) expect(a[i], `deal_evidence row ${i}`).toEqual(b[i])
    expect(rows(kept, 'SELECT * FROM stage_medians ORDER BY team_id, stage')).toEqual(rows(refreshed, 'SELECT * FROM stage_medians ORDER BY team_id, stage'))
    // The forecast history reads the evidence rows, so it matches too.
    expect(rows(kept, 'SELECT * FROM forecast_calls ORDER BY id')).toEqual(rows(refreshed, 'SELECT * FROM forecast_calls ORDER BY id'))
  })

  it('and the rows compared carry every kind of fact, so a wrong one would show', () => {
    for (const where of [
      'activity_count > 0',
      'recent_activity_count > 0',
      'last_inbound_at IS NOT NULL',
      'last_outbound_at IS NOT NULL',
      'last_inbound_at IS NULL AND activity_count > 0',
      'engaged_contacts > 1',
      'economic_buyer_engaged = 1',
      'economic_buyer_engaged = 0 AND engaged_contacts > 0',
      'last_engaged_at IS NOT NULL',
      'owner_connections > 0',
      'team_connections > owner_connections',
      "criteria_met LIKE '%,%'",
      'criteria_met IS NULL',
      'close_pushes > 1',
      'last_push_at IS NOT NULL',
      'stage_samples > 0',
      'amount_at_commit IS NOT NULL',
      'flags != 0'
    ]) {
      expect(count(kept, where), where).toBeGreaterThan(0)
    }
  })

  it('is what a later refresh of the same workspace writes again', () => {
    const before = rows(kept, 'SELECT * FROM deal_evidence ORDER BY deal_id')
    refreshAllEvidence(kept, TODAY)
    expect(rows(kept, 'SELECT * FROM deal_evidence ORDER BY deal_id')).toEqual(before)
  })
})
