// Importing real-world export quirks into a real workspace file: the stored rows, re-imports, and all-or-nothing writes.
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { zipSync, strToU8 } from 'fflate'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { readImport } from '../../src/main/importers/read'
import { applyImport } from '../../src/main/importers/apply'
import type { ImportPreview, ImportResult } from '../../src/shared/contract'
import { makeWorkspace, type TempWorkspace } from '../support/workspace'
import { openSession, type SessionUnderTest } from '../support/session'

const FIXTURES = join(__dirname, '..', 'fixtures', 'import')
const fixture = (name: string) => readFileSync(join(FIXTURES, name))
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
      `SELECT d.external_id, d.name, a.name AS account, r.name AS owner, d.amount_minor, d.currency, d.stage, d.status, d.probability,
              d.forecast_category, d.close_date, d.created_date, d.closed_date, d.next_step
       FROM deals d JOIN accounts a ON a.id = d.account_id JOIN reps r ON r.id = d.owner_id ORDER BY d.id`
    )
    .all()
const count = (table: string) => sqlite().prepare(`SELECT count(*) FROM ${table}`).pluck().get() as number

describe('a Salesforce report with a preamble, a BOM, mixed line endings and footer rows', () => {
  it('previews the detected source and mapping, then stores exactly the three deals and none of the footers', async () => {
    const preview = await call<ImportPreview>('import.preview', payload('salesforce-report-preamble-footer.csv'))
    expect(preview).toMatchObject({ source: 'salesforce-report', encoding: 'utf-8-bom', delimiter: ',', headerRow: 4, rowCount: 3, toCreate: 3, toUpdate: 0, toSkip: 0, dateOrder: 'known' })
    expect(preview.droppedRows.map((d) => d.row)).toEqual([9, 10, 11])
    expect(preview.columns.find((c) => c.header === 'Lead Source')).toEqual({ header: 'Lead Source', field: null, fieldId: null, auto: null, overridden: false })
    expect(count('deals')).toBe(0)

    const result = await call<ImportResult>('import.apply', payload('salesforce-report-preamble-footer.csv'))
    expect(result).toMatchObject({ dealsCreated: 3, dealsUpdated: 0, accountsCreated: 3, repsCreated: 2, skipped: 0, historyEntries: 6 })
    expect(result.backup).toMatch(/pre-import/)
    expect(deals()).toEqual([
      { external_id: 'salesforce:006A000001', name: 'Northwind renewal', account: 'Northwind Traders Inc.', owner: 'Dana Reyes', amount_minor: 48_500_000, currency: 'USD', stage: 'negotiation', status: 'open', probability: 90, forecast_category: 'commit', close_date: '2026-12-16', created_date: '2026-09-02', closed_date: null, next_step: 'Send order form' },
      { external_id: 'salesforce:006A000002', name: 'Globex expansion', account: 'Globex GmbH', owner: 'Sam Okafor', amount_minor: 12_050_050, currency: 'USD', stage: 'proposal', status: 'open', probability: 60, forecast_category: 'best_case', close_date: '2027-01-27', created_date: '2026-10-15', closed_date: null, next_step: null },
      { external_id: 'salesforce:006A000003', name: 'Initech pilot', account: 'Initech', owner: 'Dana Reyes', amount_minor: 3_000_000, currency: 'USD', stage: 'negotiation', status: 'won', probability: 100, forecast_category: 'closed', close_date: '2026-11-13', created_date: '2026-08-01', closed_date: '2026-11-13', next_step: null }
    ])
    expect(count('deal_evidence')).toBe(3)
    expect(await call('import.history', {})).toEqual([
      { id: 1, fileName: 'salesforce-report-preamble-footer.csv', source: 'salesforce-report', encoding: 'utf-8-bom', rows: 3, created: 3, updated: 0, skipped: 0, repName: null, importedAt: '2026-11-23T09:00:00Z' }
    ])
  })

  it('re-importing updates by external id without duplicates, and a moved close date adds one history entry', async () => {
    await call('import.apply', payload('salesforce-report-preamble-footer.csv'))
    const again = await call<ImportResult>('import.apply', payload('salesforce-report-preamble-footer.csv'))
    expect(again).toMatchObject({ dealsCreated: 0, dealsUpdated: 3, accountsCreated: 0, repsCreated: 0, historyEntries: 0 })
    const slipped = fixture('salesforce-report-preamble-footer.csv').toString('utf8').replace('"16/12/2026"', '"20/01/2027"').replace('Negotiation/Review', 'Closed Won')
    const third = await call<ImportResult>('import.apply', payload('newer-export.csv', Buffer.from(slipped, 'utf8')))
    expect(third).toMatchObject({ dealsCreated: 0, dealsUpdated: 3, historyEntries: 1 })
    expect(count('deals')).toBe(3)
    expect(sqlite().prepare("SELECT close_date, previous_close_date FROM deal_close_date_history WHERE previous_close_date IS NOT NULL").all()).toEqual([
      { close_date: '2027-01-20', previous_close_date: '2026-12-16' }
    ])
  })
})

describe('encodings and delimiters', () => {
  it.each([
    ['utf16le-bom-tabs.csv', 'utf-16le', 'tab', { name: 'Café Zürich deal', account: 'Café Zürich AG', owner: 'José Núñez', amount_minor: 500_000, currency: 'EUR', stage: 'prospecting', probability: 10, close_date: '2027-03-01' }],
    ['windows-1252-accents.csv', 'windows-1252', ',', { name: 'Société deal', account: 'Société Générale', owner: 'Renée Dupré', amount_minor: 100_000, currency: 'USD', stage: 'qualifying', probability: 20, close_date: '2027-01-15' }],
    ['mac-roman-accents.csv', 'mac-roman', ',', { name: 'Société deal', account: 'Société Générale', owner: 'Renée Dupré', amount_minor: 100_000, currency: 'USD', stage: 'qualifying', probability: 20, close_date: '2027-01-15' }]
  ])('%s is read as %s, %s-delimited, and stored with its accents', async (name, encoding, delimiter, row) => {
    const preview = await call<ImportPreview>('import.preview', payload(name))
    expect(preview).toMatchObject({ encoding, delimiter })
    await call('import.apply', payload(name))
    expect(deals()).toEqual([expect.objectContaining(row)])
  })

  it('a semicolon file with ambiguous dates asks, refuses to apply unanswered, and stores day-first dates when told', async () => {
    const name = 'salesforce-api-semicolon-ambiguous-dates.csv'
    const preview = await call<ImportPreview>('import.preview', payload(name))
    expect(preview).toMatchObject({ source: 'salesforce-api', delimiter: ';', dateOrder: 'ambiguous' })
    await expect(call('import.apply', payload(name))).rejects.toThrow(/INVALID_INPUT: file "salesforce-api-semicolon-ambiguous-dates.csv": say whether dates are day\/month/)
    expect(count('deals')).toBe(0)
    const result = await call<ImportResult>('import.apply', { ...payload(name), dayFirst: true })
    expect(result).toMatchObject({ dealsCreated: 3, repsCreated: 2, accountsCreated: 2 })
    expect(deals()).toEqual([
      { external_id: 'salesforce:006B000001', name: 'Umbrella upgrade', account: 'Umbrella Corp', owner: 'Lee Park', amount_minor: 1_250_000, currency: 'USD', stage: 'qualifying', status: 'open', probability: 20, forecast_category: 'pipeline', close_date: '2027-04-03', created_date: '2026-02-01', closed_date: null, next_step: 'Discovery call' },
      { external_id: 'salesforce:006B000002', name: 'Hooli rollout', account: 'Hooli', owner: 'Lee Park', amount_minor: 0, currency: 'USD', stage: 'solution', status: 'open', probability: 40, forecast_category: 'best_case', close_date: '2027-06-05', created_date: '2026-03-02', closed_date: null, next_step: 'multi\nline step' },
      { external_id: 'salesforce:006B000003', name: 'Umbrella lost', account: 'Umbrella Corp', owner: 'Ana Lima', amount_minor: 900_000, currency: 'USD', stage: 'negotiation', status: 'lost', probability: 0, forecast_category: 'closed', close_date: '2026-08-07', created_date: '2026-11-23', closed_date: '2026-08-07', next_step: null }
    ])
  })

  it('duplicated and extra columns: the first Stage wins, quoted newlines stay in the name, "ACME, Inc." and "Acme" are one account', async () => {
    const preview = await call<ImportPreview>('import.preview', payload('duplicated-headers-quoted-newline.csv'))
    expect(preview.problems).toEqual([{ severity: 'warning', file: 'duplicated-headers-quoted-newline.csv', row: 1, column: 'Stage', message: 'the column appears twice; the first one is used' }])
    await call('import.apply', payload('duplicated-headers-quoted-newline.csv'))
    expect(deals()).toEqual([
      expect.objectContaining({ name: 'Acme "Phase 2"', account: 'ACME, Inc.', stage: 'negotiation', amount_minor: 125_000 }),
      expect.objectContaining({ name: 'Acme support\nrenewal', account: 'ACME, Inc.', stage: 'proposal', amount_minor: 0 })
    ])
    expect(count('accounts')).toBe(1)
  })

  it('the preview lists new accounts and matches found only past a legal suffix, for the user to check', async () => {
    const preview = await call<ImportPreview>('import.preview', payload('duplicated-headers-quoted-newline.csv'))
    expect(preview.accountMatches).toEqual([
      { name: 'Acme', rows: 1, outcome: 'loose', accountName: 'ACME, Inc.' },
      { name: 'ACME, Inc.', rows: 1, outcome: 'new', accountName: null }
    ])
  })
})

describe('a LinkedIn data archive', () => {
  it('stores the rep\'s connections from Connections.csv in the zip, matched to accounts past legal suffixes, skipping hidden names', async () => {
    await call('import.apply', payload('salesforce-report-preamble-footer.csv'))
    const zip = zipSync({
      'Basic_LinkedInDataExport_11-23-2026/Connections.csv': new Uint8Array(fixture('linkedin-connections-notes-preamble.csv')),
      'Basic_LinkedInDataExport_11-23-2026/Profile.csv': strToU8('First Name,Last Name\nDana,Reyes\n')
    })
    const preview = await call<ImportPreview>('import.preview', payload('linkedin.zip', zip))
    expect(preview).toMatchObject({ source: 'linkedin-connections', entry: 'Basic_LinkedInDataExport_11-23-2026/Connections.csv', headerRow: 4, needsRep: true, toCreate: 3, toSkip: 1 })
    expect(preview.accountMatches).toEqual([
      { name: 'Northwind Traders', rows: 1, outcome: 'loose', accountName: 'Northwind Traders Inc.' },
      { name: 'Globex', rows: 1, outcome: 'loose', accountName: 'Globex GmbH' },
      { name: 'Unknown Startup', rows: 1, outcome: 'unmatched', accountName: null }
    ])
    await expect(call('import.apply', payload('linkedin.zip', zip))).rejects.toThrow(/choose the rep/)
    const repId = sqlite().prepare("SELECT id FROM reps WHERE name = 'Dana Reyes'").pluck().get() as number
    const result = await call<ImportResult>('import.apply', { ...payload('linkedin.zip', zip), repId })
    expect(result).toMatchObject({ connectionsCreated: 3, connectionsUpdated: 0, skipped: 1, accountsCreated: 0 })
    expect(sqlite().prepare('SELECT c.person_name, c.company_name, a.name AS account, c.connected_on, c.source FROM connections c LEFT JOIN accounts a ON a.id = c.account_id ORDER BY c.id').all()).toEqual([
      { person_name: 'Ada Quill', company_name: 'Northwind Traders', account: 'Northwind Traders Inc.', connected_on: '2026-06-27', source: 'linkedin' },
      { person_name: 'Ben Tallow', company_name: 'Globex', account: 'Globex GmbH', connected_on: '2024-02-01', source: 'linkedin' },
      { person_name: 'Cy Marsh', company_name: 'Unknown Startup', account: null, connected_on: '2022-09-09', source: 'linkedin' }
    ])
    const again = await call<ImportResult>('import.apply', { ...payload('linkedin.zip', zip), repId })
    expect(again).toMatchObject({ connectionsCreated: 0, connectionsUpdated: 3 })
    expect(count('connections')).toBe(3)
  })
})

describe('nothing half-imported', () => {
  it('a failure while writing row 6 leaves every table as it was', async () => {
    await call('import.apply', payload('duplicated-headers-quoted-newline.csv'))
    const tables = ['accounts', 'reps', 'deals', 'deal_stage_history', 'deal_close_date_history', 'connections', 'deal_evidence', 'import_batches']
    const before = Object.fromEntries(tables.map((t) => [t, count(t)]))
    const dealsBefore = deals()
    const read = readImport('salesforce-report-preamble-footer.csv', new Uint8Array(fixture('salesforce-report-preamble-footer.csv')))
    expect(() => applyImport(sqlite(), read, { now: '2026-11-23T09:00:00Z', today: '2026-11-23', backup: 'none', failAtLine: 6 })).toThrow(
      'file "salesforce-report-preamble-footer.csv", row 6: injected failure (test)'
    )
    expect(Object.fromEntries(tables.map((t) => [t, count(t)]))).toEqual(before)
    expect(deals()).toEqual(dealsBefore)
  })

  it('a file that matches no export is refused with its file and header row, before any backup', async () => {
    const bytes = Buffer.from('Colour,Shape\nred,round\n')
    await expect(call('import.apply', payload('shapes.csv', bytes))).rejects.toThrow(/INVALID_INPUT: file "shapes.csv", row 1: the columns \(Colour, Shape\) match no known export/)
    expect(app.session.backups().backups.filter((b) => b.name.includes('pre-import'))).toEqual([])
  })
})

describe('deals out', () => {
  it('exports deals as CSV with a BOM, and neutralises a name Excel would run as a formula', async () => {
    await call('import.apply', payload('salesforce-report-preamble-footer.csv'))
    sqlite().prepare("UPDATE deals SET name = '=HYPERLINK(\"x\")' WHERE external_id = 'salesforce:006A000003'").run()
    const out = await call<{ fileName: string; csv: string }>('export.dealsCsv', { status: 'all' })
    expect(out.fileName).toBe('touchline-deals-2026-11-23.csv')
    const lines = out.csv.split('\r\n')
    expect(lines[0]).toBe('\uFEFFExternal ID,Deal,Account,Owner,Stage,Status,Amount,Currency,Probability (%),Forecast Category,Close Date,Created Date,Next Step')
    expect(lines).toContain(`salesforce:006A000003,"'=HYPERLINK(""x"")",Initech,Dana Reyes,negotiation,won,30000.00,USD,100,closed,2026-11-13,2026-08-01,`)
    expect(lines).toHaveLength(4)
  })
})

describe('HubSpot and Pipedrive deal exports', () => {
  it('HubSpot: fraction probabilities, datetimes, its stage names and a lost reason', async () => {
    const name = 'hubspot-fraction-probability-datetimes.csv'
    expect(await call<ImportPreview>('import.preview', payload(name))).toMatchObject({ source: 'hubspot', toCreate: 3, toSkip: 0 })
    await call('import.apply', payload(name))
    expect(deals()).toEqual([
      expect.objectContaining({ external_id: 'hubspot:9001', name: 'Wayne expansion', account: 'Wayne Enterprises', owner: 'Kim Ode', amount_minor: 7_500_000, stage: 'solution', status: 'open', probability: 80, forecast_category: 'best_case', close_date: '2027-02-10', created_date: '2026-10-01' }),
      expect.objectContaining({ external_id: 'hubspot:9002', name: 'Stark renewal', status: 'lost', probability: 0, forecast_category: 'closed', close_date: '2026-10-30', closed_date: '2026-10-30' }),
      expect.objectContaining({ external_id: 'hubspot:9003', name: 'Tyrell pilot', amount_minor: 0, stage: 'qualifying', probability: 20, forecast_category: 'pipeline' })
    ])
    expect(sqlite().prepare("SELECT loss_reason FROM deals WHERE external_id = 'hubspot:9002'").pluck().get()).toBe('pricing')
  })

  it('Pipedrive: the status column decides won deals, and without ids a re-import matches by name and account', async () => {
    const name = 'pipedrive-status-column-no-id.csv'
    await call('import.apply', payload(name))
    expect(await call<ImportPreview>('import.preview', payload(name))).toMatchObject({ toCreate: 0, toUpdate: 2 })
    const again = await call<ImportResult>('import.apply', payload(name))
    expect(again).toMatchObject({ dealsCreated: 0, dealsUpdated: 2 })
    expect(deals()).toEqual([
      expect.objectContaining({ external_id: null, name: 'Cyberdyne rollout', account: 'Cyberdyne Systems', owner: 'Mia Holt', amount_minor: 1_200_000, currency: 'EUR', stage: 'proposal', status: 'open', probability: 60 }),
      expect.objectContaining({ external_id: null, name: 'Soylent deal', currency: 'EUR', status: 'won', probability: 100, closed_date: '2026-11-01' })
    ])
  })
})

describe('LinkedIn social activity in the archive', () => {
  it('stores shares, comments (unquoted multi-line, backslash-escaped quotes) and reactions as the rep\'s activities, once', async () => {
    await call('import.apply', payload('salesforce-report-preamble-footer.csv'))
    const repId = sqlite().prepare("SELECT id FROM reps WHERE name = 'Sam Okafor'").pluck().get() as number
    const zip = zipSync({
      'export/Connections.csv': new Uint8Array(fixture('linkedin-connections-notes-preamble.csv')),
      'export/Shares.csv': new Uint8Array(fixture('linkedin-shares-header-casing.csv')),
      'export/Comments.csv': new Uint8Array(fixture('linkedin-comments-unquoted-multiline-backslash-quotes.csv')),
      'export/Reactions.csv': new Uint8Array(fixture('linkedin-reactions.csv'))
    })
    const preview = await call<ImportPreview>('import.preview', payload('archive.zip', zip))
    expect(preview).toMatchObject({ socialActivities: 6, toCreate: 9 })
    const result = await call<ImportResult>('import.apply', { ...payload('archive.zip', zip), repId })
    expect(result).toMatchObject({ connectionsCreated: 3, activitiesCreated: 6 })
    expect(sqlite().prepare('SELECT kind, occurred_at, subject FROM activities WHERE rep_id = ? ORDER BY occurred_at').all(repId)).toEqual([
      { kind: 'social_reaction', occurred_at: '2026-11-17T07:00:00Z', subject: 'LIKE https://www.linkedin.com/feed/update/urn:li:activity:9' },
      { kind: 'social_comment', occurred_at: '2026-11-18T09:00:00Z', subject: 'Great point, "evidence" beats hope' },
      { kind: 'social_comment', occurred_at: '2026-11-19T10:30:00Z', subject: 'Agreed with all of this especially the second part, about cadence' },
      { kind: 'social_post', occurred_at: '2026-11-20T08:15:00Z', subject: 'Three things we learned from our customer panel' },
      { kind: 'social_share', occurred_at: '2026-11-21T12:00:00Z', subject: 'https://example.com/report' },
      { kind: 'social_comment', occurred_at: '2026-11-22T17:45:00Z', subject: 'Congrats!' }
    ])
    const again = await call<ImportResult>('import.apply', { ...payload('archive.zip', zip), repId })
    expect(again).toMatchObject({ activitiesCreated: 0, connectionsUpdated: 3 })
  })
})

describe('a hand-made deals CSV', () => {
  it('is read with the generic mapping: month-name dates, a currency-prefixed value, a missing owner, and the reps it will create', async () => {
    const name = 'generic-deals-hand-made-headers.csv'
    const preview = await call<ImportPreview>('import.preview', payload(name))
    expect(preview).toMatchObject({ source: 'generic-deals', toCreate: 2, newReps: ['Pat Kim', 'Unassigned (imported)'] })
    expect(preview.columns.find((c) => c.header === 'Notes')).toEqual({ header: 'Notes', field: null, fieldId: null, auto: null, overridden: false })
    await call('import.apply', payload(name))
    expect(deals()).toEqual([
      expect.objectContaining({ external_id: null, name: 'Harbor refit', account: 'Harbor & Sons Ltd', owner: 'Pat Kim', amount_minor: 1_200_000, currency: 'GBP', stage: 'solution', close_date: '2027-09-09' }),
      expect.objectContaining({ external_id: null, name: 'Quay pilot', account: 'Quay Co', owner: 'Unassigned (imported)', amount_minor: 0, stage: 'qualifying', close_date: '2027-08-01' })
    ])
  })
})

describe('an activities CSV', () => {
  it('US dates with times, semicolons, a deal named within its account, an unknown type and a missing rep skipped with file, row and column', async () => {
    await call('import.apply', payload('salesforce-report-preamble-footer.csv'))
    const name = 'activities-us-dates-semicolons-unknown-type-footer.csv'
    const preview = await call<ImportPreview>('import.preview', payload(name))
    expect(preview).toMatchObject({ source: 'activities', delimiter: ';', dateOrder: 'known', rowCount: 5, toCreate: 3, toSkip: 2, newReps: [] })
    expect(preview.droppedRows).toEqual([{ row: 7, reason: 'report footer "Total"' }])
    expect(preview.problems).toEqual([
      { severity: 'error', file: name, row: 4, column: 'Type', message: 'the activity type "Carrier pigeon" matches none of ours (meeting, call, email, social post/comment/share/reaction/message, note)' },
      { severity: 'error', file: name, row: 5, column: 'Owner', message: 'the activity names no rep' }
    ])
    const result = await call<ImportResult>('import.apply', payload(name))
    expect(result).toMatchObject({ activitiesCreated: 3, skipped: 2, repsCreated: 0, accountsCreated: 0 })
    expect(
      sqlite()
        .prepare(
          `SELECT r.name AS rep, a.kind, a.direction, a.occurred_at, a.subject, d.name AS deal, ac.name AS account
           FROM activities a JOIN reps r ON r.id = a.rep_id LEFT JOIN deals d ON d.id = a.deal_id LEFT JOIN accounts ac ON ac.id = a.account_id ORDER BY a.occurred_at`
        )
        .all()
    ).toEqual([
      { rep: 'Dana Reyes', kind: 'meeting', direction: 'outbound', occurred_at: '2026-03-02T00:00:00Z', subject: 'Onsite; workshop', deal: null, account: 'Globex GmbH' },
      { rep: 'Dana Reyes', kind: 'call', direction: 'outbound', occurred_at: '2026-03-14T14:30:00Z', subject: 'Pricing call', deal: 'Northwind renewal', account: 'Northwind Traders Inc.' },
      { rep: 'Sam Okafor', kind: 'social_message', direction: 'inbound', occurred_at: '2026-03-17T11:15:00Z', subject: 'Intro', deal: 'Globex expansion', account: 'Globex GmbH' }
    ])
  })
})

describe('Invitations.csv in a LinkedIn archive', () => {
  it('invitations the rep sent become outbound social messages; received ones and an unreadable date are skipped with a reason', async () => {
    await call('import.apply', payload('salesforce-report-preamble-footer.csv'))
    const repId = sqlite().prepare("SELECT id FROM reps WHERE name = 'Sam Okafor'").pluck().get() as number
    const invitations = 'linkedin-invitations-multiline-message-incoming-bad-date.csv'
    const zip = zipSync({
      'Basic_LinkedInDataExport/Connections.csv': new Uint8Array(fixture('linkedin-connections-notes-preamble.csv')),
      'Basic_LinkedInDataExport/Invitations.csv': new Uint8Array(fixture(invitations))
    })
    const preview = await call<ImportPreview>('import.preview', payload('archive.zip', zip))
    expect(preview).toMatchObject({ socialActivities: 2 })
    const file = 'archive.zip/Basic_LinkedInDataExport/Invitations.csv'
    expect(preview.problems).toEqual(
      expect.arrayContaining([
        { severity: 'warning', file, row: 6, column: 'Sent At', message: '"yesterday" is not a date this importer reads: skipped' },
        { severity: 'warning', file, row: null, column: 'Direction', message: "2 invitation(s) the rep received were skipped: they are other people's activity, not the rep's" }
      ])
    )
    const result = await call<ImportResult>('import.apply', { ...payload('archive.zip', zip), repId })
    expect(result).toMatchObject({ connectionsCreated: 3, activitiesCreated: 2 })
    expect(sqlite().prepare('SELECT kind, direction, occurred_at, subject FROM activities WHERE rep_id = ? ORDER BY occurred_at').all(repId)).toEqual([
      { kind: 'social_message', direction: 'outbound', occurred_at: '2026-11-18T00:30:00Z', subject: 'Invitation to Lee "Scotty" Park' },
      { kind: 'social_message', direction: 'outbound', occurred_at: '2026-11-20T16:05:00Z', subject: 'Invitation to Marta Núñez: Hi Marta, we met at the kickoff. Would love to stay in touch.' }
    ])
  })
})
