// Salesforce ids across builds: a workspace whose deals an older build stored under Data Loader's 18-character ids is
// updated, not doubled, by a report that names the same deals by their 15 characters; the stored ids become the 15.
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { ImportResult } from '../../src/shared/contract'
import { makeWorkspace, type TempWorkspace } from '../support/workspace'
import { openSession, type SessionUnderTest } from '../support/session'

const REPORT = 'salesforce-report-opportunity-products-repeated-ids.csv'
const payload = (name: string) => ({ fileName: name, contentBase64: readFileSync(join(__dirname, '..', 'fixtures', 'import', 'wild', name)).toString('base64') })

let ws: TempWorkspace
let app: SessionUnderTest
beforeEach(async () => {
  ws = makeWorkspace()
  const sqlite = ws.store.sqlite
  sqlite.exec(`
    INSERT INTO reps (id, name, role) VALUES (1, 'Sofia Brandt', 'ae');
    INSERT INTO accounts (id, name, name_key) VALUES (1, 'Juniper Health', 'juniper health');
    INSERT INTO deals (external_id, name, owner_id, account_id, amount_minor, currency, stage, probability, forecast_category, close_date, created_date, status, updated_at)
    VALUES ('salesforce:0065g00000Jp001AAB', 'Juniper rollout', 1, 1, 8000000, 'USD', 'qualifying', 20, 'pipeline', '2027-01-31', '2026-06-01', 'open', '2026-06-01T00:00:00Z');
  `)
  ws.store.close()
  app = await openSession(ws.path)
})
afterEach(async () => {
  await app.close()
  ws.dispose()
})

const deals = () => app.sqlite().prepare('SELECT external_id, name, amount_minor, stage FROM deals ORDER BY id').all()

describe('a deal stored under its 18-character Salesforce id', () => {
  it('is updated by a report naming it by its 15, and keeps the 15 from then on', async () => {
    const result = await app.call<ImportResult>('import.apply', payload(REPORT))
    expect(result).toMatchObject({ dealsCreated: 1, dealsUpdated: 1 })
    expect(deals()).toEqual([
      { external_id: 'salesforce:0065g00000Jp001', name: 'Juniper rollout', amount_minor: 9_000_000, stage: 'proposal' },
      { external_id: 'salesforce:0065g00000Jp002', name: 'Juniper labs', amount_minor: 1_500_000, stage: 'qualifying' }
    ])
    // The same file again: nothing new.
    expect(await app.call<ImportResult>('import.apply', payload(REPORT))).toMatchObject({ dealsCreated: 0, dealsUpdated: 2 })
    expect(deals()).toHaveLength(2)
  })

  it('is left as it is when the 15 already names another deal, and a dry run renames nothing', async () => {
    app.sqlite().exec(`
      INSERT INTO deals (external_id, name, owner_id, account_id, amount_minor, currency, stage, probability, forecast_category, close_date, created_date, status, updated_at)
      VALUES ('salesforce:0065g00000Jp001', 'Juniper rollout (imported twice)', 1, 1, 100, 'USD', 'qualifying', 20, 'pipeline', '2027-01-31', '2026-06-01', 'open', '2026-06-01T00:00:00Z');
    `)
    const before = deals()
    await app.call('import.preview', payload(REPORT))
    expect(deals()).toEqual(before)
    await app.call('import.apply', payload(REPORT))
    expect(deals().slice(0, 2)).toEqual([
      { external_id: 'salesforce:0065g00000Jp001AAB', name: 'Juniper rollout', amount_minor: 8_000_000, stage: 'qualifying' },
      { external_id: 'salesforce:0065g00000Jp001', name: 'Juniper rollout', amount_minor: 9_000_000, stage: 'proposal' }
    ])
  })

  it('a checksum that does not hold is not a Salesforce 18: the id stays as stored', async () => {
    app.sqlite().prepare("UPDATE deals SET external_id = 'salesforce:0065g00000Jp001ZZZ'").run()
    await app.call('import.apply', payload(REPORT))
    expect(deals()[0]).toMatchObject({ external_id: 'salesforce:0065g00000Jp001ZZZ', amount_minor: 8_000_000 })
    expect(deals()).toHaveLength(3)
  })
})
