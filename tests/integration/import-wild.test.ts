// Exports as they occur in the wild — Excel re-saves in other locales, Data Loader and "internal value" exports,
// grouped reports, older LinkedIn archives — imported through the real pipeline into a real workspace file.
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { strToU8, zipSync } from 'fflate'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { ImportPreview, ImportResult } from '../../src/shared/contract'
import { prepareImport, runImport } from '../../src/main/importers/run'
import { fileSource } from '../../src/main/importers/stream'
import { makeWorkspace, type TempWorkspace } from '../support/workspace'
import { openSession, type SessionUnderTest } from '../support/session'

const WILD = join(__dirname, '..', 'fixtures', 'import', 'wild')
const fixture = (name: string) => readFileSync(join(WILD, name))
const payload = (name: string, bytes: Buffer | Uint8Array = fixture(name)) => ({ fileName: name, contentBase64: Buffer.from(bytes).toString('base64') })

let ws: TempWorkspace
let app: SessionUnderTest

beforeEach(async () => {
  ws = makeWorkspace()
  ws.store.close()
  app = await openSession(ws.path)
})
afterEach(async () => {
  await app.close()
  ws.dispose()
})

const call = <T>(method: string, input: unknown) => app.call<T>(method, input)
const sqlite = () => app.sqlite()
const deals = () =>
  sqlite()
    .prepare(
      `SELECT d.external_id, d.name, a.name AS account, r.name AS owner, d.amount_minor, d.currency, d.stage, d.status, d.probability, d.close_date
       FROM deals d JOIN accounts a ON a.id = d.account_id JOIN reps r ON r.id = d.owner_id ORDER BY d.id`
    )
    .all()
const count = (table: string) => sqlite().prepare(`SELECT count(*) FROM ${table}`).pluck().get() as number
const repId = (name: string) => sqlite().prepare('SELECT id FROM reps WHERE name = ?').pluck().get(name) as number

describe('Salesforce reports re-saved by Excel in other locales', () => {
  it('German Excel (Windows-1252, semicolons, 1.234.567,89, "950,50 €", 31.12.2026, 90,0): amounts, euros and dates exact', async () => {
    const name = 'salesforce-report-excel-de-semicolon-cp1252.csv'
    const preview = await call<ImportPreview>('import.preview', payload(name))
    expect(preview).toMatchObject({ source: 'salesforce-report', encoding: 'windows-1252', delimiter: ';', dateOrder: 'known', toCreate: 4, toSkip: 0, problems: [] })
    await call('import.apply', payload(name))
    expect(deals()).toEqual([
      { external_id: 'salesforce:0065g00000AbC01', name: 'Müller Retrofit Halle 3', account: 'Müller Maschinenbau GmbH', owner: 'Jürgen Weiß', amount_minor: 123_456_789, currency: 'USD', stage: 'negotiation', status: 'open', probability: 90, close_date: '2026-12-31' },
      { external_id: 'salesforce:0065g00000AbC02', name: 'Lumière pilot', account: 'Société Lumière S.A.', owner: 'Zoë Lefèvre', amount_minor: 48_500_000, currency: 'EUR', stage: 'proposal', status: 'open', probability: 60, close_date: '2027-01-15' },
      { external_id: 'salesforce:0065g00000AbC03', name: 'Köhler Abfüllung', account: 'Brauerei Köhler KG', owner: 'Jürgen Weiß', amount_minor: 1_250_000, currency: 'USD', stage: 'qualifying', status: 'open', probability: 10, close_date: '2027-03-01' },
      { external_id: 'salesforce:0065g00000AbC04', name: 'Lumière support', account: 'Société Lumière S.A.', owner: 'Zoë Lefèvre', amount_minor: 95_050, currency: 'EUR', stage: 'negotiation', status: 'won', probability: 100, close_date: '2026-11-04' }
    ])
  })

  it('a report run in German: German column labels, stage names and forecast categories in Windows-1252, EUR 84.500,00', async () => {
    const name = 'salesforce-report-german-labels-and-stages.csv'
    const preview = await call<ImportPreview>('import.preview', payload(name))
    expect(preview).toMatchObject({ source: 'salesforce-report', encoding: 'windows-1252', dateOrder: 'known', toCreate: 4, toSkip: 0, problems: [] })
    expect(preview.values.stages.map((v) => [v.from, v.auto])).toEqual([
      ['Angebot/Preisangebot', 'proposal'],
      ['Bedarfsanalyse', 'qualifying'],
      ['Geschlossen und verloren', 'lost'],
      ['Verhandlung/Überprüfung', 'negotiation']
    ])
    // The wizard's value table names each German category as the import will read it.
    expect(preview.values.forecastCategories.map((v) => [v.from, v.auto])).toEqual([
      ['Ausgelassen', 'omitted'],
      ['Bester Fall', 'best_case'],
      ['Commit', 'commit'],
      ['Pipeline', 'pipeline']
    ])
    await call('import.apply', payload(name))
    expect(deals()).toEqual([
      { external_id: 'salesforce:0065g00000De001', name: 'Hallendach Süd', account: 'Stahlbau Krämer GmbH', owner: 'Jürgen Weiß', amount_minor: 8_450_000, currency: 'EUR', stage: 'qualifying', status: 'open', probability: 20, close_date: '2027-02-28' },
      { external_id: 'salesforce:0065g00000De002', name: 'Wartung 2027', account: 'Stahlbau Krämer GmbH', owner: 'Jürgen Weiß', amount_minor: 1_200_000, currency: 'EUR', stage: 'negotiation', status: 'open', probability: 90, close_date: '2027-01-15' },
      { external_id: 'salesforce:0065g00000De003', name: 'Filialausbau', account: 'Bäckerei Öztürk', owner: 'Jürgen Weiß', amount_minor: 3_125_050, currency: 'EUR', stage: 'proposal', status: 'open', probability: 75, close_date: '2027-03-31' },
      { external_id: 'salesforce:0065g00000De004', name: 'Kassensystem', account: 'Bäckerei Öztürk', owner: 'Jürgen Weiß', amount_minor: 780_000, currency: 'EUR', stage: 'negotiation', status: 'lost', probability: 0, close_date: '2026-09-30' }
    ])
    expect(sqlite().prepare('SELECT forecast_category FROM deals ORDER BY id').pluck().all()).toEqual(['pipeline', 'commit', 'best_case', 'closed'])
  })

  it('a report run in Japanese and saved by Japanese Excel: Shift_JIS, Japanese labels and stages, yen written as the 0x5C byte or ￥', async () => {
    const name = 'salesforce-report-japanese-shift-jis.csv'
    expect(await call<ImportPreview>('import.preview', payload(name))).toMatchObject({ source: 'salesforce-report', encoding: 'shift_jis', toCreate: 3, toSkip: 0, problems: [] })
    await call('import.apply', payload(name))
    expect(deals()).toEqual([
      { external_id: 'salesforce:0065g00000Jq001', name: 'クラウド移行', account: '株式会社サクラ電機', owner: '山田 花子', amount_minor: 120_000_000, currency: 'JPY', stage: 'proposal', status: 'open', probability: 75, close_date: '2027-03-31' },
      { external_id: 'salesforce:0065g00000Jq002', name: '保守契約', account: '株式会社サクラ電機', owner: '山田 花子', amount_minor: 48_000_000, currency: 'JPY', stage: 'negotiation', status: 'open', probability: 90, close_date: '2027-01-15' },
      { external_id: 'salesforce:0065g00000Jq003', name: '研修パック', account: 'ミドリ商事株式会社', owner: '佐藤 健', amount_minor: 9_000_000, currency: 'JPY', stage: 'negotiation', status: 'lost', probability: 0, close_date: '2026-10-31' }
    ])
  })

  it('French Excel "CSV UTF-8" (BOM, narrow no-break space thousands, "90 %", day-first dates)', async () => {
    const name = 'salesforce-report-excel-fr-utf8-bom-nnbsp.csv'
    expect(await call<ImportPreview>('import.preview', payload(name))).toMatchObject({ source: 'salesforce-report', encoding: 'utf-8-bom', delimiter: ';', dateOrder: 'known', toCreate: 2, toSkip: 0 })
    await call('import.apply', payload(name))
    expect(deals()).toEqual([
      { external_id: 'salesforce:0065g00000Fr001', name: 'Refonte site Lyon', account: 'Atelier Brunet SARL', owner: 'Élodie Marchand', amount_minor: 123_456_789, currency: 'EUR', stage: 'qualifying', status: 'open', probability: 20, close_date: '2027-04-03' },
      { external_id: 'salesforce:0065g00000Fr002', name: 'Maintenance 2027', account: 'Atelier Brunet SARL', owner: 'Élodie Marchand', amount_minor: 48_500_000, currency: 'EUR', stage: 'negotiation', status: 'open', probability: 90, close_date: '2027-02-28' }
    ])
  })

  it('Excel "Unicode Text" (UTF-16LE, tabs, $ amounts, a quoted two-line next step, a row of empty cells)', async () => {
    const name = 'salesforce-report-excel-unicode-text-utf16.csv'
    expect(await call<ImportPreview>('import.preview', payload(name))).toMatchObject({ encoding: 'utf-16le', delimiter: 'tab', rowCount: 3, toCreate: 3, toSkip: 0 })
    await call('import.apply', payload(name))
    expect(deals()).toEqual([
      { external_id: 'salesforce:0065g00000XyZ01', name: 'Fjord analytics', account: 'Nordlys AS', owner: 'Ingrid Solberg', amount_minor: 4_825_000, currency: 'USD', stage: 'solution', status: 'open', probability: 40, close_date: '2027-03-15' },
      { external_id: 'salesforce:0065g00000XyZ02', name: 'Fjord renewal', account: 'Nordlys AS', owner: 'Ingrid Solberg', amount_minor: 710_000, currency: 'USD', stage: 'solution', status: 'open', probability: 70, close_date: '2026-12-01' },
      { external_id: 'salesforce:0065g00000XyZ03', name: 'Åre cabins', account: 'Åre Stugby AB', owner: 'Magnus Öberg', amount_minor: 0, currency: 'USD', stage: 'negotiation', status: 'lost', probability: 0, close_date: '2026-10-28' }
    ])
    expect(sqlite().prepare("SELECT next_step FROM deals WHERE name = 'Fjord analytics'").pluck().get()).toBe('Call CFO\nthen send deck')
  })

  it('Excel for Mac "CSV (Macintosh)": Mac Roman with carriage returns only', async () => {
    const name = 'generic-deals-mac-roman-cr-only.csv'
    expect(await call<ImportPreview>('import.preview', payload(name))).toMatchObject({ source: 'generic-deals', encoding: 'mac-roman', rowCount: 2, toCreate: 2 })
    await call('import.apply', payload(name))
    expect(deals()).toEqual([
      { external_id: null, name: 'Crêperie franchise', account: 'Crêpes & Cie', owner: 'Loïc Hervé', amount_minor: 250_000, currency: 'GBP', stage: 'qualifying', status: 'open', probability: 20, close_date: '2027-01-15' },
      { external_id: null, name: 'Gâteau line', account: 'Crêpes & Cie', owner: 'Loïc Hervé', amount_minor: 90_000, currency: 'GBP', stage: 'solution', status: 'open', probability: 40, close_date: '2027-02-01' }
    ])
  })
})

describe('Salesforce report layouts', () => {
  it('a grouped report saved to CSV: owners carried down their group, subtotal, grand total and closing lines dropped', async () => {
    const name = 'salesforce-report-grouped-owner-subtotals.csv'
    const preview = await call<ImportPreview>('import.preview', payload(name))
    expect(preview).toMatchObject({ headerRow: 5, rowCount: 5, toCreate: 5, toSkip: 0 })
    expect(preview.droppedRows).toEqual([
      { row: 8, reason: 'report total row "Subtotal"' },
      { row: 12, reason: 'report total row "Subtotal"' },
      { row: 13, reason: 'report total row "Grand Totals (5 records)"' },
      { row: 15, reason: 'report footer "Touchline Demo Org" after the last row' },
      { row: 16, reason: 'report footer "Copyright (c) 2000-2026 salesforce.com, inc. All rights rese"' },
      { row: 17, reason: 'report footer "Confidential Information - Do Not Distribute"' },
      { row: 18, reason: 'report footer "Generated By:  Priya Natarajan  11/23/2026 9:00 AM"' }
    ])
    expect(preview.problems).toEqual([
      { severity: 'warning', file: name, row: 7, column: 'Opportunity Owner', message: "read as a report grouped by Opportunity Owner: each group's value on its first row is carried down to the 3 row(s) under it, from this one on" }
    ])
    expect(preview.newReps).toEqual(['Priya Natarajan', 'Tomás Ferreira'])
    const result = await call<ImportResult>('import.apply', payload(name))
    expect(result).toMatchObject({ dealsCreated: 5, repsCreated: 2, accountsCreated: 2, skipped: 0 })
    expect(deals()).toEqual([
      { external_id: null, name: 'Kestrel fleet', account: 'Kestrel Logistics Ltd.', owner: 'Priya Natarajan', amount_minor: 2_000_000, currency: 'USD', stage: 'prospecting', status: 'open', probability: 10, close_date: '2026-11-30' },
      { external_id: null, name: 'Kestrel depots', account: 'Kestrel Logistics Ltd.', owner: 'Priya Natarajan', amount_minor: 3_500_000, currency: 'USD', stage: 'qualifying', status: 'open', probability: 20, close_date: '2026-12-15' },
      { external_id: null, name: 'Orla ferries', account: 'Orla Marine Lda.', owner: 'Tomás Ferreira', amount_minor: 8_050_000, currency: 'USD', stage: 'solution', status: 'open', probability: 50, close_date: '2027-01-20' },
      { external_id: null, name: 'Orla dockside', account: 'Orla Marine Lda.', owner: 'Tomás Ferreira', amount_minor: 1_200_000, currency: 'USD', stage: 'negotiation', status: 'won', probability: 100, close_date: '2026-10-02' },
      { external_id: null, name: 'Orla spares', account: 'Orla Marine Lda.', owner: 'Tomás Ferreira', amount_minor: 300_000, currency: 'USD', stage: 'negotiation', status: 'lost', probability: 0, close_date: '2026-09-14' }
    ])
  })

  it('converted amounts in another currency than the deal\'s, the classic org-name footer, and "Last, First" owners listed as new reps to map', async () => {
    const name = 'salesforce-report-last-first-owner-converted-amounts.csv'
    const preview = await call<ImportPreview>('import.preview', payload(name))
    // The owners stay as the report writes them: the wizard lists them as new reps, where they can be mapped to existing ones.
    expect(preview).toMatchObject({ rowCount: 3, toCreate: 3, toSkip: 0, problems: [], newReps: ['Okonkwo, Adaeze', 'van der Berg, Joost'] })
    expect(preview.droppedRows).toEqual([
      { row: 7, reason: 'report footer "Touchline Demo Org" after the last row' },
      { row: 8, reason: 'report footer "Copyright (c) 2000-2026 salesforce.com, inc. All rights rese"' },
      { row: 9, reason: 'report footer "Confidential Information - Do Not Distribute"' },
      { row: 10, reason: 'report footer "Generated By:  Adaeze Okonkwo  11/23/2026 9:00 AM"' },
      { row: 11, reason: 'report footer "Touchline Demo Org" after the last row' }
    ])
    await call('import.apply', payload(name))
    expect(deals()).toEqual([
      { external_id: 'salesforce:0065g00000Lm001', name: 'Baobab cold chain', account: 'Baobab Foods Plc', owner: 'Okonkwo, Adaeze', amount_minor: 6_400_000, currency: 'GBP', stage: 'proposal', status: 'open', probability: 75, close_date: '2027-02-28' },
      // "Amount Currency" says EUR, but the converted amount is written in dollars: the number is dollars.
      { external_id: 'salesforce:0065g00000Lm002', name: 'Tulpen ERP', account: 'Tulpen B.V.', owner: 'van der Berg, Joost', amount_minor: 22_743_000, currency: 'USD', stage: 'negotiation', status: 'open', probability: 90, close_date: '2026-12-31' },
      { external_id: 'salesforce:0065g00000Lm003', name: 'Baobab upsell', account: 'Baobab Foods Plc', owner: 'Okonkwo, Adaeze', amount_minor: 525_050, currency: 'GBP', stage: 'prospecting', status: 'open', probability: 10, close_date: '2027-03-01' }
    ])
  })

  it('an opportunities-with-products report repeats an opportunity per product: one deal, the repeat skipped with its row; Data Loader\'s 18-character ids then update the same deals', async () => {
    const name = 'salesforce-report-opportunity-products-repeated-ids.csv'
    const preview = await call<ImportPreview>('import.preview', payload(name))
    expect(preview).toMatchObject({ rowCount: 3, toCreate: 2, toSkip: 1 })
    expect(preview.problems).toEqual([{ severity: 'warning', file: name, row: 3, column: 'Opportunity ID', message: 'the deal 0065g00000Jp001 was read on row 2 already: this row is skipped' }])
    await call('import.apply', payload(name))
    expect(deals()).toEqual([
      { external_id: 'salesforce:0065g00000Jp001', name: 'Juniper rollout', account: 'Juniper Health', owner: 'Sofia Brandt', amount_minor: 9_000_000, currency: 'USD', stage: 'proposal', status: 'open', probability: 60, close_date: '2027-01-31' },
      { external_id: 'salesforce:0065g00000Jp002', name: 'Juniper labs', account: 'Juniper Health', owner: 'Sofia Brandt', amount_minor: 1_500_000, currency: 'USD', stage: 'qualifying', status: 'open', probability: 20, close_date: '2027-03-31' }
    ])

    const newer = 'salesforce-dataloader-18-char-ids-relationship-names.csv'
    expect(await call<ImportPreview>('import.preview', payload(newer))).toMatchObject({ source: 'salesforce-api', toCreate: 0, toUpdate: 2 })
    const again = await call<ImportResult>('import.apply', payload(newer))
    expect(again).toMatchObject({ dealsCreated: 0, dealsUpdated: 2, repsCreated: 0, accountsCreated: 0 })
    expect(deals()).toEqual([
      { external_id: 'salesforce:0065g00000Jp001', name: 'Juniper rollout', account: 'Juniper Health', owner: 'Sofia Brandt', amount_minor: 9_200_000, currency: 'USD', stage: 'negotiation', status: 'open', probability: 80, close_date: '2027-02-15' },
      { external_id: 'salesforce:0065g00000Jp002', name: 'Juniper labs', account: 'Juniper Health', owner: 'Sofia Brandt', amount_minor: 1_500_000, currency: 'USD', stage: 'qualifying', status: 'won', probability: 100, close_date: '2026-12-20' }
    ])
  })

  it('activities from an API export: stamps with offsets moved to UTC, 18-character opportunity ids linked to the report\'s deals', async () => {
    await call('import.apply', payload('salesforce-report-opportunity-products-repeated-ids.csv'))
    const name = 'activities-api-offset-stamps-18-char-ids.csv'
    expect(await call<ImportPreview>('import.preview', payload(name))).toMatchObject({ source: 'activities', toCreate: 3, toSkip: 0, problems: [] })
    expect(await call<ImportResult>('import.apply', payload(name))).toMatchObject({ activitiesCreated: 3, repsCreated: 0 })
    expect(sqlite().prepare('SELECT r.name AS rep, a.kind, a.occurred_at, a.subject, d.name AS deal FROM activities a JOIN reps r ON r.id = a.rep_id LEFT JOIN deals d ON d.id = a.deal_id ORDER BY a.occurred_at').all()).toEqual([
      { rep: 'Sofia Brandt', kind: 'call', occurred_at: '2026-11-02T07:30:00Z', subject: 'Pricing call', deal: 'Juniper rollout' },
      { rep: 'Sofia Brandt', kind: 'meeting', occurred_at: '2026-11-03T23:15:00Z', subject: 'Dinner with the CFO', deal: 'Juniper labs' },
      { rep: 'Sofia Brandt', kind: 'email', occurred_at: '2026-11-04T07:00:00Z', subject: 'Proposal sent', deal: 'Juniper rollout' }
    ])
  })

  it('an activity report saved by French Excel: "Assigned" names the rep, dates with French month names, deals found by name within their account', async () => {
    await call('import.apply', payload('salesforce-report-opportunity-products-repeated-ids.csv'))
    const name = 'activities-salesforce-report-fr-month-names.csv'
    expect(await call<ImportPreview>('import.preview', payload(name))).toMatchObject({ source: 'activities', delimiter: ';', toCreate: 3, toSkip: 0, problems: [], newReps: [] })
    await call('import.apply', payload(name))
    expect(sqlite().prepare('SELECT r.name AS rep, a.kind, a.occurred_at, a.subject, d.name AS deal, ac.name AS account FROM activities a JOIN reps r ON r.id = a.rep_id LEFT JOIN deals d ON d.id = a.deal_id LEFT JOIN accounts ac ON ac.id = a.account_id ORDER BY a.occurred_at').all()).toEqual([
      { rep: 'Sofia Brandt', kind: 'call', occurred_at: '2026-06-27T00:00:00Z', subject: 'Appel découverte', deal: 'Juniper rollout', account: 'Juniper Health' },
      { rep: 'Sofia Brandt', kind: 'meeting', occurred_at: '2026-12-15T14:30:00Z', subject: 'Démo sur site', deal: 'Juniper labs', account: 'Juniper Health' },
      { rep: 'Sofia Brandt', kind: 'email', occurred_at: '2027-02-01T00:00:00Z', subject: 'Relance', deal: null, account: 'Juniper Health' }
    ])
  })

  it('a Data Loader export (upper-case headers, 18-character ids, true/false, .000Z and +0000 stamps, "" cells, a trailing comma)', async () => {
    const name = 'salesforce-dataloader-iso-datetimes-trailing-comma.csv'
    const preview = await call<ImportPreview>('import.preview', payload(name))
    expect(preview).toMatchObject({ source: 'salesforce-api', rowCount: 3, toCreate: 3, toSkip: 0 })
    expect(preview.problems.map((p) => p.column)).toEqual(['OWNERID', 'ACCOUNTID'])
    await call('import.apply', payload(name))
    expect(deals()).toEqual([
      { external_id: 'salesforce:0065g00000QrS01', name: 'Heron wind farm', account: '0015g00000Acc01AAB', owner: '0055g00000Usr01AAA', amount_minor: 25_000_000, currency: 'USD', stage: 'qualifying', status: 'open', probability: 20, close_date: '2027-02-26' },
      { external_id: 'salesforce:0065g00000QrS02', name: 'Heron spares', account: '0015g00000Acc02AAB', owner: '0055g00000Usr01AAA', amount_minor: 1_750_050, currency: 'USD', stage: 'negotiation', status: 'won', probability: 100, close_date: '2026-10-09' },
      { external_id: 'salesforce:0065g00000QrS03', name: 'Heron O&M', account: '0015g00000Acc02AAB', owner: '0055g00000Usr02AAA', amount_minor: 0, currency: 'USD', stage: 'negotiation', status: 'lost', probability: 0, close_date: '2026-09-30' }
    ])
    expect(sqlite().prepare('SELECT created_date FROM deals ORDER BY id').pluck().all()).toEqual(['2026-06-27', '2026-05-02', '2026-04-11'])
  })
})

describe('HubSpot and Pipedrive as exported in the wild', () => {
  it('HubSpot internal values: stage ids, amounts in company currency, the primary of several associated companies', async () => {
    const name = 'hubspot-internal-stage-ids-owner-emails.csv'
    expect(await call<ImportPreview>('import.preview', payload(name))).toMatchObject({ source: 'hubspot', encoding: 'utf-8-bom', dateOrder: 'known', toCreate: 5, toSkip: 0 })
    await call('import.apply', payload(name))
    expect(deals()).toEqual([
      { external_id: 'hubspot:18273645001', name: 'Lark sensors', account: 'Lark Instruments', owner: 'wren.adeyemi@example.com', amount_minor: 1_200_000, currency: 'USD', stage: 'qualifying', status: 'open', probability: 20, close_date: '2027-06-27' },
      { external_id: 'hubspot:18273645002', name: 'Lark gateways', account: 'Lark Instruments', owner: 'wren.adeyemi@example.com', amount_minor: 4_850_000, currency: 'USD', stage: 'negotiation', status: 'open', probability: 80, close_date: '2027-01-15' },
      { external_id: 'hubspot:18273645003', name: 'Moss retrofit', account: 'Moss Builders Inc', owner: 'ravi.menon@example.com', amount_minor: 990_000, currency: 'USD', stage: 'negotiation', status: 'won', probability: 100, close_date: '2026-10-31' },
      { external_id: 'hubspot:18273645004', name: 'Moss phase 2', account: 'Moss Builders Inc', owner: 'ravi.menon@example.com', amount_minor: 0, currency: 'USD', stage: 'negotiation', status: 'lost', probability: 0, close_date: '2026-11-05' },
      { external_id: 'hubspot:18273645005', name: 'Tern survey', account: 'Tern Geo', owner: 'Unassigned (imported)', amount_minor: 300_000, currency: 'USD', stage: 'solution', status: 'open', probability: 40, close_date: '2027-02-01' }
    ])
    expect(count('accounts')).toBe(3)
  })

  it('HubSpot re-saved by a European Excel: fraction probabilities with decimal commas (0,2 0,9 1) read as 20, 90 and 100 %', async () => {
    const name = 'hubspot-excel-eu-fraction-probabilities.csv'
    expect(await call<ImportPreview>('import.preview', payload(name))).toMatchObject({ source: 'hubspot', delimiter: ';', dateOrder: 'known', toCreate: 3, toSkip: 0, problems: [] })
    await call('import.apply', payload(name))
    expect(deals()).toEqual([
      { external_id: 'hubspot:18273646001', name: 'Wick sensors', account: 'Wick & Co', owner: 'Wren Adeyemi', amount_minor: 1_200_000, currency: 'USD', stage: 'qualifying', status: 'open', probability: 20, close_date: '2027-06-27' },
      { external_id: 'hubspot:18273646002', name: 'Wick gateways', account: 'Wick & Co', owner: 'Wren Adeyemi', amount_minor: 4_850_000, currency: 'USD', stage: 'negotiation', status: 'open', probability: 90, close_date: '2027-01-15' },
      { external_id: 'hubspot:18273646003', name: 'Wick support', account: 'Wick & Co', owner: 'Wren Adeyemi', amount_minor: 300_000, currency: 'USD', stage: 'solution', status: 'open', probability: 100, close_date: '2027-03-31' }
    ])
  })

  it('HubSpot ids Excel rounded to 1.83E+10 are refused row by row, naming the column, and nothing is written', async () => {
    const name = 'hubspot-excel-rounded-record-ids.csv'
    const preview = await call<ImportPreview>('import.preview', payload(name))
    const message = '"1.83E+10" is an id Excel rounded to a number when the file was saved: export again and import the file without saving it from Excel'
    expect(preview).toMatchObject({ toCreate: 0, toSkip: 2 })
    expect(preview.problems).toEqual([
      { severity: 'error', file: name, row: 2, column: 'Record ID', message },
      { severity: 'error', file: name, row: 3, column: 'Record ID', message }
    ])
    expect(await call<ImportResult>('import.apply', payload(name))).toMatchObject({ dealsCreated: 0, skipped: 2 })
    expect(count('deals')).toBe(0)
  })

  it('Pipedrive re-saved in Windows-1252: € values, deleted deals skipped, won and lost deals closed on their won/lost time', async () => {
    const name = 'pipedrive-cp1252-euro-statuses-no-expected-date.csv'
    const preview = await call<ImportPreview>('import.preview', payload(name))
    expect(preview).toMatchObject({ source: 'pipedrive', encoding: 'windows-1252', toCreate: 3, toSkip: 1 })
    expect(preview.problems).toEqual([{ severity: 'warning', file: name, row: 5, column: 'Deal - Status', message: 'the deal is marked deleted in the CRM: skipped' }])
    await call('import.apply', payload(name))
    expect(deals()).toEqual([
      { external_id: 'pipedrive:311', name: 'Émile café chain', account: 'Cafés Émile S.A.', owner: 'Inès Moreau', amount_minor: 1_450_000, currency: 'EUR', stage: 'proposal', status: 'open', probability: 60, close_date: '2027-01-31' },
      { external_id: 'pipedrive:312', name: 'Großhandel Nord', account: 'Nordgroß GmbH', owner: 'Björn Åkesson', amount_minor: 320_000, currency: 'EUR', stage: 'negotiation', status: 'won', probability: 100, close_date: '2026-10-20' },
      { external_id: 'pipedrive:313', name: 'Bellmare boats', account: 'Bellmare Ltd.', owner: 'Björn Åkesson', amount_minor: 780_000, currency: 'EUR', stage: 'negotiation', status: 'lost', probability: 0, close_date: '2026-09-01' }
    ])
    expect(sqlite().prepare("SELECT loss_reason FROM deals WHERE name = 'Bellmare boats'").pluck().get()).toBe('value_and_competition')
  })
})

describe('Pipedrive without prefixes, and Excel\'s "sep=" hint', () => {
  it('a Pipedrive export without its "Deal - " prefixes: the generic mapping reads Status, and won/lost deals close on their won/lost time', async () => {
    const name = 'pipedrive-no-prefix-headers.csv'
    expect(await call<ImportPreview>('import.preview', payload(name))).toMatchObject({ source: 'generic-deals', toCreate: 3, toSkip: 0, problems: [] })
    await call('import.apply', payload(name))
    expect(deals()).toEqual([
      { external_id: 'csv:411', name: 'Lumen signage', account: 'Lumen Optik AG', owner: 'Kai Berger', amount_minor: 250_000, currency: 'CHF', stage: 'negotiation', status: 'won', probability: 100, close_date: '2026-10-20' },
      { external_id: 'csv:412', name: 'Lumen kiosks', account: 'Lumen Optik AG', owner: 'Kai Berger', amount_minor: 800_000, currency: 'CHF', stage: 'negotiation', status: 'open', probability: 80, close_date: '2027-01-15' },
      { external_id: 'csv:413', name: 'Lumen pilot', account: 'Lumen Optik AG', owner: 'Kai Berger', amount_minor: 90_000, currency: 'CHF', stage: 'negotiation', status: 'lost', probability: 0, close_date: '2026-05-04' }
    ])
    expect(sqlite().prepare('SELECT created_date, loss_reason FROM deals ORDER BY id').all()).toEqual([
      { created_date: '2026-06-27', loss_reason: null },
      { created_date: '2026-07-01', loss_reason: null },
      { created_date: '2026-03-01', loss_reason: 'pricing' }
    ])
  })

  it('a "sep=;" first line is not the header', async () => {
    const name = 'salesforce-report-excel-sep-hint-line.csv'
    expect(await call<ImportPreview>('import.preview', payload(name))).toMatchObject({ source: 'salesforce-report', delimiter: ';', headerRow: 2, toCreate: 1 })
    await call('import.apply', payload(name))
    expect(deals()).toEqual([
      { external_id: null, name: 'Lumen retrofit', account: 'Lumen Optik AG', owner: 'Kai Berger', amount_minor: 1_200_000, currency: 'CHF', stage: 'solution', status: 'open', probability: 40, close_date: '2026-12-31' }
    ])
  })
})

describe('a LinkedIn archive from the wild', () => {
  it('older Connections.csv (no URL, US numeric dates, emoji), a quoted comment holding a timestamp line, multi-line shares; unknown files ignored', async () => {
    await call('import.apply', payload('hubspot-internal-stage-ids-owner-emails.csv'))
    const rep = repId('wren.adeyemi@example.com')
    const dir = 'Complete_LinkedInDataExport_11-23-2026/'
    const zip = zipSync({
      [`${dir}Connections.csv`]: new Uint8Array(fixture('linkedin-connections-old-no-url-us-dates.csv')),
      [`${dir}Comments.csv`]: new Uint8Array(fixture('linkedin-comments-quoted-timestamp-line.csv')),
      [`${dir}Shares.csv`]: new Uint8Array(fixture('linkedin-shares-multiline-commentary.csv')),
      [`${dir}Reactions.csv`]: new Uint8Array(fixture('linkedin-reactions-crlf.csv')),
      // Files the importer does not read: a profile, messages, an empty one, a sub-folder, and bytes that are no CSV at all.
      [`${dir}Profile.csv`]: strToU8('First Name,Last Name,Maiden Name,Headline\nHana,Rep,,Account Executive\n'),
      [`${dir}messages.csv`]: strToU8('CONVERSATION ID,FROM,TO,DATE,CONTENT\n2-abc,Hana Rep,Ola Lark,2026-11-01 09:00:00 UTC,"Hi Ola,\nlunch?"\n'),
      [`${dir}Rich_Media.csv`]: new Uint8Array(),
      [`${dir}Jobs/Saved Jobs.csv`]: strToU8('Saved Date,Job Url,Job Title,Company Name\n'),
      [`${dir}Rich_Media/photo.jpg`]: Uint8Array.from([0xff, 0xd8, 0xff, 0xe0, 0, 0x10, 0x4a, 0x46])
    })
    const preview = await call<ImportPreview>('import.preview', payload('linkedin.zip', zip))
    expect(preview).toMatchObject({ source: 'linkedin-connections', entry: `${dir}Connections.csv`, toCreate: 10, toSkip: 1, socialActivities: 7 })
    expect(preview.problems).toEqual([{ severity: 'warning', file: `linkedin.zip/${dir}Connections.csv`, row: 3, column: 'First Name', message: 'no name (a hidden profile): skipped' }])
    const result = await call<ImportResult>('import.apply', { ...payload('linkedin.zip', zip), repId: rep })
    expect(result).toMatchObject({ connectionsCreated: 3, activitiesCreated: 7, skipped: 1 })
    expect(sqlite().prepare('SELECT c.person_name, c.company_name, a.name AS account, c.connected_on FROM connections c LEFT JOIN accounts a ON a.id = c.account_id ORDER BY c.id').all()).toEqual([
      { person_name: 'Hana Sato', company_name: 'Lark Instruments', account: 'Lark Instruments', connected_on: '2026-06-05' },
      { person_name: 'Olu Bankole', company_name: 'Moss Builders 🚀', account: 'Moss Builders Inc', connected_on: '2024-12-24' },
      { person_name: 'Ida Kern', company_name: null, account: null, connected_on: '2023-01-02' }
    ])
    expect(sqlite().prepare('SELECT kind, occurred_at, subject FROM activities WHERE rep_id = ? ORDER BY occurred_at').all(rep)).toEqual([
      { kind: 'social_post', occurred_at: '2026-10-01T07:00:00Z', subject: 'Hiring! We are looking for an AE, DACH region, start "ASAP"' },
      { kind: 'social_share', occurred_at: '2026-10-02T07:00:00Z', subject: 'https://example.com/whitepaper' },
      { kind: 'social_reaction', occurred_at: '2026-10-03T12:00:00Z', subject: 'PRAISE https://www.linkedin.com/feed/update/urn:li:activity:31' },
      { kind: 'social_reaction', occurred_at: '2026-10-04T12:00:00Z', subject: 'LIKE https://www.linkedin.com/feed/update/urn:li:activity:32' },
      { kind: 'social_comment', occurred_at: '2026-11-10T08:00:00Z', subject: 'Timeline from the panel: 2026-11-01 10:00:00, kickoff then the "real" work' },
      { kind: 'social_comment', occurred_at: '2026-11-12T09:30:00Z', subject: null },
      { kind: 'social_comment', occurred_at: '2026-11-13T18:05:00Z', subject: 'Well said' }
    ])
  })
})

describe('an unpacked LinkedIn archive: its folder', () => {
  it('is read as the archive (files one folder down, an unknown file beside them), and a folder without its files is refused', async () => {
    await call('import.apply', payload('hubspot-internal-stage-ids-owner-emails.csv'))
    const rep = repId('wren.adeyemi@example.com')
    const dir = mkdtempSync(join(tmpdir(), 'touchline-archive-'))
    try {
      const inner = join(dir, 'Basic_LinkedInDataExport_11-23-2026')
      mkdirSync(inner)
      copyFileSync(join(WILD, 'linkedin-connections-old-no-url-us-dates.csv'), join(inner, 'Connections.csv'))
      copyFileSync(join(WILD, 'linkedin-reactions-crlf.csv'), join(inner, 'Reactions.csv'))
      copyFileSync(join(WILD, 'generic-deals-header-only.csv'), join(inner, 'Profile.csv'))
      const request = { source: fileSource(dir, 'Basic_LinkedInDataExport'), read: {}, repId: rep }
      const prepared = await prepareImport(request)
      expect(prepared).toMatchObject({ entry: 'Basic_LinkedInDataExport_11-23-2026/Connections.csv', encoding: 'utf-8' })
      const outcome = await runImport(sqlite(), prepared, request, { now: '2026-11-23T09:00:00Z', today: '2026-11-23', backup: async () => 'none (test)' })
      expect(outcome).toMatchObject({ connectionsCreated: 3, activitiesCreated: 2, skipped: 1 })
      expect(sqlite().prepare('SELECT person_name, connected_on FROM connections WHERE rep_id = ? ORDER BY id').all(rep)).toEqual([
        { person_name: 'Hana Sato', connected_on: '2026-06-05' },
        { person_name: 'Olu Bankole', connected_on: '2024-12-24' },
        { person_name: 'Ida Kern', connected_on: '2023-01-02' }
      ])
      rmSync(join(inner, 'Connections.csv'))
      rmSync(join(inner, 'Reactions.csv'))
      expect(() => fileSource(dir, 'Basic_LinkedInDataExport')).toThrow('file "Basic_LinkedInDataExport": the folder holds no Connections.csv, Shares.csv, Comments.csv, Reactions.csv or Invitations.csv: choose an unpacked LinkedIn data archive, or a file')
    } finally {
      rmSync(dir, { recursive: true, force: true })
    }
  })
})

describe('a LinkedIn archive re-zipped on Windows', () => {
  it('entries named with backslashes (PowerShell\'s Compress-Archive) are found', async () => {
    await call('import.apply', payload('hubspot-internal-stage-ids-owner-emails.csv'))
    const rep = repId('ravi.menon@example.com')
    const zip = zipSync({
      'Basic_LinkedInDataExport\\Connections.csv': new Uint8Array(fixture('linkedin-connections-old-no-url-us-dates.csv')),
      'Basic_LinkedInDataExport\\Reactions.csv': new Uint8Array(fixture('linkedin-reactions-crlf.csv'))
    })
    expect(await call<ImportPreview>('import.preview', payload('linkedin.zip', zip))).toMatchObject({ entry: 'Basic_LinkedInDataExport\\Connections.csv', toCreate: 5, socialActivities: 2 })
    expect(await call<ImportResult>('import.apply', { ...payload('linkedin.zip', zip), repId: rep })).toMatchObject({ connectionsCreated: 3, activitiesCreated: 2 })
  })
})

describe('a LinkedIn archive re-saved and re-zipped', () => {
  it('Connections.csv saved by UK Excel (Windows-1252, padded preamble, day-first dates), comments stamped " UTC", macOS resource forks ignored', async () => {
    await call('import.apply', payload('salesforce-report-excel-unicode-text-utf16.csv'))
    const rep = repId('Ingrid Solberg')
    const zip = zipSync({
      'Basic_LinkedInDataExport/Connections.csv': new Uint8Array(fixture('linkedin-connections-excel-resaved-cp1252-uk-dates.csv')),
      'Basic_LinkedInDataExport/Comments.csv': new Uint8Array(fixture('linkedin-comments-utc-stamps.csv')),
      // What the macOS Finder adds when it zips a folder: resource forks named like the files, not CSV at all.
      '__MACOSX/Basic_LinkedInDataExport/._Connections.csv': Uint8Array.from([0, 5, 22, 7, 0, 2, 0, 0, 0x4d, 0x61, 0x63]),
      '__MACOSX/Basic_LinkedInDataExport/._Comments.csv': Uint8Array.from([0, 5, 22, 7, 0, 2, 0, 0])
    })
    const preview = await call<ImportPreview>('import.preview', payload('archive.zip', zip))
    expect(preview).toMatchObject({ entry: 'Basic_LinkedInDataExport/Connections.csv', encoding: 'windows-1252', headerRow: 4, toCreate: 4, toSkip: 0, socialActivities: 2, problems: [] })
    expect(await call<ImportResult>('import.apply', { ...payload('archive.zip', zip), repId: rep })).toMatchObject({ connectionsCreated: 2, activitiesCreated: 2 })
    expect(sqlite().prepare('SELECT c.person_name, c.company_name, a.name AS account, c.connected_on FROM connections c LEFT JOIN accounts a ON a.id = c.account_id ORDER BY c.id').all()).toEqual([
      { person_name: "Siân O'Brien", company_name: 'Brise Marine SAS', account: null, connected_on: '2026-06-05' },
      { person_name: 'Øystein Haugen', company_name: 'Nordlys AS', account: 'Nordlys AS', connected_on: '2026-06-27' }
    ])
    expect(sqlite().prepare('SELECT kind, occurred_at, subject FROM activities WHERE rep_id = ? ORDER BY occurred_at').all(rep)).toEqual([
      { kind: 'social_comment', occurred_at: '2026-11-20T10:00:00Z', subject: 'Loved this and the follow-up too' },
      { kind: 'social_comment', occurred_at: '2026-11-21T11:00:00Z', subject: 'Short, sweet' }
    ])
  })
})

describe('hand-made and generic files', () => {
  it('a BOM and a preamble, the header on row 3, mixed CRLF/LF, a quoted newline, no-break and thin spaces in numbers, no final newline', async () => {
    const name = 'generic-deals-bom-preamble-mixed-eol-no-final-newline.csv'
    const preview = await call<ImportPreview>('import.preview', payload(name))
    expect(preview).toMatchObject({ source: 'generic-deals', encoding: 'utf-8-bom', headerRow: 3, rowCount: 3, toCreate: 2, toSkip: 1 })
    // A bracketed negative is read as negative, and a deal cannot be worth less than nothing: refused at its row and column.
    expect(preview.problems).toEqual([{ severity: 'error', file: name, row: 7, column: 'Value', message: 'the amount is negative' }])
    await call('import.apply', payload(name))
    expect(deals()).toEqual([
      { external_id: null, name: 'Quarry upgrade', account: 'Quarry Stone Ltd', owner: 'Nell Okoro', amount_minor: 123_450, currency: 'EUR', stage: 'proposal', status: 'open', probability: 60, close_date: '2027-02-28' },
      { external_id: null, name: 'Quarry haulage', account: 'Quarry Stone Ltd', owner: 'Nell Okoro', amount_minor: 1_200_000, currency: 'EUR', stage: 'qualifying', status: 'open', probability: 20, close_date: '2027-03-31' }
    ])
  })

  it('two exports joined end to end: the second header (with its BOM) dropped, "Amount (EUR)" read as euros, close dates with times', async () => {
    const name = 'generic-deals-two-exports-joined-amount-eur.csv'
    const preview = await call<ImportPreview>('import.preview', payload(name))
    expect(preview).toMatchObject({ source: 'generic-deals', rowCount: 3, toCreate: 3, toSkip: 0, problems: [], droppedRows: [{ row: 4, reason: 'the header row again' }] })
    expect(preview.columns.find((c) => c.header === 'Amount (EUR)')).toMatchObject({ fieldId: 'amount' })
    await call('import.apply', payload(name))
    expect(deals()).toEqual([
      { external_id: null, name: 'Ferry tickets', account: 'Brise Marine SAS', owner: 'Anouk Vidal', amount_minor: 1_800_000, currency: 'EUR', stage: 'proposal', status: 'open', probability: 60, close_date: '2027-01-31' },
      { external_id: null, name: 'Ferry kiosks', account: 'Brise Marine SAS', owner: 'Anouk Vidal', amount_minor: 750_000, currency: 'EUR', stage: 'solution', status: 'open', probability: 40, close_date: '2027-02-28' },
      { external_id: null, name: 'Harbour wifi', account: 'Brise Marine SAS', owner: 'Anouk Vidal', amount_minor: 420_000, currency: 'EUR', stage: 'negotiation', status: 'open', probability: 80, close_date: '2027-03-31' }
    ])
  })

  it('two exports joined, one part UTF-8 and one re-saved in Windows-1252: each line read in its own encoding, curly quotes and dashes included', async () => {
    const name = 'generic-deals-joined-utf8-and-cp1252-parts.csv'
    expect(await call<ImportPreview>('import.preview', payload(name))).toMatchObject({ encoding: 'windows-1252', toCreate: 3, toSkip: 0, problems: [] })
    await call('import.apply', payload(name))
    expect(deals()).toEqual([
      { external_id: null, name: 'Müller kiln', account: 'Müller Keramik GmbH', owner: 'Jörg Brandl', amount_minor: 420_000, currency: 'EUR', stage: 'proposal', status: 'open', probability: 60, close_date: '2027-01-20' },
      { external_id: null, name: 'Société pilot', account: 'Société Céramique SA', owner: 'Jörg Brandl', amount_minor: 180_000, currency: 'EUR', stage: 'qualifying', status: 'open', probability: 20, close_date: '2027-02-10' },
      { external_id: null, name: 'Café “Œuvre” – phase 2', account: 'Café Œuvre SARL', owner: 'Jörg Brandl', amount_minor: 95_000, currency: 'EUR', stage: 'solution', status: 'open', probability: 40, close_date: '2027-03-05' }
    ])
    expect(count('reps')).toBe(1)
  })

  it('spreadsheet workbooks are refused as what they are, naming the file: an .xlsx and an .ods (zips) and an .xls', async () => {
    const xlsx = zipSync({ '[Content_Types].xml': strToU8('<Types/>'), 'xl/workbook.xml': strToU8('<workbook/>'), 'xl/worksheets/sheet1.xml': strToU8('<worksheet/>') })
    const workbook = 'the file is a spreadsheet workbook (.xlsx, .ods or .numbers), not CSV: export as CSV, or save it as "CSV UTF-8", and import that'
    await expect(call('import.preview', payload('Pipeline.xlsx', xlsx))).rejects.toThrow(`INVALID_INPUT: file "Pipeline.xlsx": ${workbook}`)
    const ods = zipSync({ mimetype: strToU8('application/vnd.oasis.opendocument.spreadsheet'), 'content.xml': strToU8('<office:document-content/>') })
    await expect(call('import.apply', payload('Pipeline.ods', ods))).rejects.toThrow(`INVALID_INPUT: file "Pipeline.ods": ${workbook}`)
    const xls = Uint8Array.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, ...new Array<number>(504).fill(0)])
    await expect(call('import.apply', payload('Pipeline.xls', xls))).rejects.toThrow('INVALID_INPUT: file "Pipeline.xls", row 1: the file is an Excel workbook (.xls), not CSV: save it from Excel as "CSV UTF-8" and import that')
    expect(count('import_batches')).toBe(0)
  })

  it('a hand-kept sheet with a sums row and a note under the data: both dropped as footers, not refused as deals', async () => {
    const name = 'generic-deals-excel-sums-row-and-note.csv'
    const preview = await call<ImportPreview>('import.preview', payload(name))
    expect(preview).toMatchObject({ rowCount: 2, toCreate: 2, toSkip: 0, problems: [] })
    expect(preview.droppedRows).toEqual([
      { row: 4, reason: 'report footer "$20,000.00" after the last row' },
      { row: 6, reason: 'report footer "Data as of 23 Nov 2026" after the last row' }
    ])
    await call('import.apply', payload(name))
    expect(deals()).toEqual([
      { external_id: null, name: 'Orchard CRM', account: 'Orchard Farms Ltd', owner: 'Nell Okoro', amount_minor: 1_200_000, currency: 'USD', stage: 'proposal', status: 'open', probability: 60, close_date: '2027-01-31' },
      { external_id: null, name: 'Orchard BI', account: 'Orchard Farms Ltd', owner: 'Nell Okoro', amount_minor: 800_000, currency: 'USD', stage: 'negotiation', status: 'open', probability: 80, close_date: '2027-02-28' }
    ])
  })

  it('a file with only its header imports nothing and fails nothing', async () => {
    const name = 'generic-deals-header-only.csv'
    expect(await call<ImportPreview>('import.preview', payload(name))).toMatchObject({ source: 'generic-deals', rowCount: 0, toCreate: 0, toSkip: 0, problems: [] })
    expect(await call<ImportResult>('import.apply', payload(name))).toMatchObject({ dealsCreated: 0, skipped: 0 })
    expect(count('deals')).toBe(0)
  })

  it('activities from European Excel: semicolons, 27.06.2026 07:35, a blank row and a total row', async () => {
    const name = 'activities-excel-eu-dotted-datetimes.csv'
    const preview = await call<ImportPreview>('import.preview', payload(name))
    expect(preview).toMatchObject({ source: 'activities', delimiter: ';', dateOrder: 'known', rowCount: 3, toCreate: 3, toSkip: 0 })
    expect(preview.droppedRows).toEqual([{ row: 6, reason: 'report footer "Total"' }])
    await call('import.apply', payload(name))
    expect(sqlite().prepare('SELECT r.name AS rep, a.kind, a.direction, a.occurred_at, a.subject, ac.name AS account FROM activities a JOIN reps r ON r.id = a.rep_id LEFT JOIN accounts ac ON ac.id = a.account_id ORDER BY a.occurred_at').all()).toEqual([
      { rep: 'Nell Okoro', kind: 'call', direction: 'outbound', occurred_at: '2026-06-27T07:35:00Z', subject: 'Intro call', account: null },
      { rep: 'Nell Okoro', kind: 'meeting', direction: 'outbound', occurred_at: '2026-07-02T14:00:00Z', subject: 'Site visit', account: null },
      { rep: 'Nell Okoro', kind: 'email', direction: 'inbound', occurred_at: '2026-07-13T00:00:00Z', subject: 'Follow-up', account: null }
    ])
  })
})
