// What the wizard shows before anything is written: the detected source, the mapping, sample rows and a dry-run count.
import type Database from 'better-sqlite3'
import type { ImportPreview } from '@shared/contract/imports'
import type { ReadResult } from './read'
import type { Field } from './sources'
import { AccountIndex } from './apply'
import { accountNameKey } from '../services/pipeline/accounts'

const FIELD_LABELS: Record<Field, string> = {
  externalId: 'External id',
  name: 'Deal',
  account: 'Account',
  accountId: 'Account id',
  owner: 'Owner',
  stage: 'Stage',
  amount: 'Amount',
  currency: 'Currency',
  probability: 'Probability',
  forecastCategory: 'Forecast category',
  closeDate: 'Close date',
  createdDate: 'Created',
  isClosed: 'Closed?',
  isWon: 'Won?',
  status: 'Status',
  nextStep: 'Next step',
  lossReason: 'Loss reason',
  firstName: 'First name',
  lastName: 'Last name',
  url: 'Profile URL',
  email: 'Email',
  company: 'Company',
  position: 'Position',
  connectedOn: 'Connected on',
  occurredAt: 'Occurred at',
  activityType: 'Activity type',
  rep: 'Rep',
  subject: 'Subject',
  direction: 'Direction',
  outcome: 'Outcome',
  deal: 'Deal',
  dealId: 'Deal id'
}

const SAMPLE_SIZE = 8

function money(minor: number, currency: string): string {
  return `${currency} ${(minor / 100).toLocaleString('en-US', { minimumFractionDigits: 0, maximumFractionDigits: 2 })}`
}

export function buildPreview(sqlite: Database.Database, read: ReadResult): ImportPreview {
  const columns = read.table.headers.map((header, i) => {
    const field = read.columns.fieldOf[i]
    return { header, field: field ? FIELD_LABELS[field] : null }
  })
  let toCreate = 0
  let toUpdate = 0
  let sample: ImportPreview['sample'] = []
  let sampleFields: string[] = []
  if (read.mapping.kind === 'deals') {
    const prefix = read.mapping.source.startsWith('salesforce') ? 'salesforce' : read.mapping.source === 'generic-deals' ? 'csv' : read.mapping.source
    const exists = sqlite.prepare('SELECT 1 FROM deals WHERE external_id = ?').pluck()
    const existsByName = sqlite.prepare('SELECT 1 FROM deals WHERE external_id IS NULL AND name = ? AND account_id = ?').pluck()
    const accounts = new AccountIndex(sqlite)
    // The same matching apply uses: by external id, or for files without ids by deal name within its account.
    for (const d of read.deals) {
      const accountId = d.externalId ? null : accounts.find(d.account)
      const found = d.externalId ? exists.get(`${prefix}:${d.externalId}`) : accountId !== null && existsByName.get(d.name, accountId)
      if (found) toUpdate++
      else toCreate++
    }
    sampleFields = ['Deal', 'Account', 'Owner', 'Stage', 'Status', 'Amount', 'Probability', 'Forecast', 'Close date']
    sample = read.deals.slice(0, SAMPLE_SIZE).map((d) => ({
      row: d.line,
      values: {
        Deal: d.name,
        Account: d.account,
        Owner: d.owner ?? '—',
        Stage: d.stage,
        Status: d.status,
        Amount: money(d.amountMinor, d.currency),
        Probability: `${d.probability} %`,
        Forecast: d.forecastCategory.replace('_', ' '),
        'Close date': d.closeDate
      }
    }))
  } else if (read.mapping.kind === 'activities') {
    toCreate = read.activities.length
    sampleFields = ['When', 'Rep', 'Type', 'Direction', 'Subject', 'Deal', 'Account']
    sample = read.activities.slice(0, SAMPLE_SIZE).map((a) => ({
      row: a.line,
      values: { When: a.occurredAt.replace('T', ' ').replace(/:00Z$|Z$/, ''), Rep: a.rep, Type: a.kind.replace('_', ' '), Direction: a.direction, Subject: a.subject ?? '—', Deal: a.deal ?? a.dealId ?? '—', Account: a.account ?? '—' }
    }))
  } else {
    toCreate = read.connections.length + read.social.length
    sampleFields = ['Person', 'Company', 'Position', 'Connected on']
    sample = read.connections.slice(0, SAMPLE_SIZE).map((c) => ({
      row: c.line,
      values: { Person: c.personName, Company: c.company ?? '—', Position: c.position ?? '—', 'Connected on': c.connectedOn ?? '—' }
    }))
  }
  const accountMatches = matchAccounts(sqlite, read)
  const missingFields = (Object.keys(read.mapping.fields) as Field[]).filter((f) => read.columns.index[f] === undefined).map((f) => FIELD_LABELS[f])
  return {
    fileName: read.fileName,
    entry: read.entry,
    source: read.mapping.source,
    sourceLabel: read.mapping.label,
    encoding: read.encoding,
    delimiter: read.table.delimiter === '\t' ? 'tab' : read.table.delimiter,
    headerRow: read.table.headerLine,
    columns,
    missingFields,
    rowCount: read.table.records.length,
    sample,
    sampleFields,
    droppedRows: read.table.dropped,
    problems: read.problems.slice(0, 200),
    dateOrder: read.dateOrder,
    needsRep: read.mapping.kind === 'connections',
    socialActivities: read.social.length,
    toCreate,
    toUpdate,
    toSkip: read.skipped,
    accountMatches,
    newReps: newReps(sqlite, read)
  }
}

/**
 * Every company name that is not an exact match: deals create new accounts, connections stay unmatched, and a
 * match found only by ignoring legal suffixes is listed so the user sees it rather than it being silently assumed.
 */
function matchAccounts(sqlite: Database.Database, read: ReadResult): ImportPreview['accountMatches'] {
  const index = new AccountIndex(sqlite)
  const names = new Map<string, number>()
  const companies = read.deals.map((d) => d.account).concat(read.connections.map((c) => c.company ?? ''), read.activities.map((a) => a.account ?? '')).filter(Boolean)
  for (const n of companies) names.set(n, (names.get(n) ?? 0) + 1)
  const nameOf = sqlite.prepare('SELECT name FROM accounts WHERE id = ?').pluck()
  // Accounts this file will create, under negative ids, so later rows in the file match them as apply will.
  const planned = new Map<number, string>()
  const out: ImportPreview['accountMatches'] = []
  for (const [name, rows] of names) {
    const m = index.match(name)
    if (m.how === 'exact') continue
    const outcome = m.how === 'loose' ? 'loose' : m.how === 'several' ? 'several' : read.mapping.kind === 'deals' ? 'new' : 'unmatched'
    if (outcome === 'new') {
      const id = -(planned.size + 1)
      planned.set(id, name)
      index.add(id, accountNameKey(name))
    }
    const accountName = m.id === null ? null : m.id < 0 ? (planned.get(m.id) ?? null) : ((nameOf.get(m.id) as string | undefined) ?? null)
    out.push({ name, rows, outcome, accountName })
  }
  return out.sort((a, b) => a.outcome.localeCompare(b.outcome) || b.rows - a.rows).slice(0, 200)
}

function newReps(sqlite: Database.Database, read: ReadResult): string[] {
  const known = new Set((sqlite.prepare('SELECT lower(name) FROM reps').pluck().all() as string[]))
  const names = new Map<string, string>()
  for (const d of read.deals) {
    const owner = d.owner ?? 'Unassigned (imported)'
    if (!known.has(owner.toLowerCase())) names.set(owner.toLowerCase(), owner)
  }
  for (const a of read.activities) if (!known.has(a.rep.toLowerCase())) names.set(a.rep.toLowerCase(), a.rep)
  return [...names.values()].sort().slice(0, 100)
}
