// What the wizard shows before anything is written: the detected source, the mapping, sample rows and a dry-run count.
import type Database from 'better-sqlite3'
import type { ImportOwnerRow, ImportPreview, ImportValueRow } from '@shared/contract/imports'
import { valueKey, type ReadResult } from './read'
import { FIELD_LABELS, KIND_FIELDS, resolveColumns, type Field } from './sources'
import { AccountIndex } from './apply'
import { mapStage, namedForecastCategory } from './deals'
import { text } from './values'
import { accountNameKey } from '../services/pipeline/accounts'

const SAMPLE_SIZE = 8

function money(minor: number, currency: string): string {
  return `${currency} ${(minor / 100).toLocaleString('en-US', { minimumFractionDigits: 0, maximumFractionDigits: 2 })}`
}

export function buildPreview(sqlite: Database.Database, read: ReadResult, partial: ImportPreview['partial'] = null): ImportPreview {
  const owners = new OwnerNames(sqlite, read, partial !== null)
  const builtIn = resolveColumns(read.mapping, read.table.headers).fieldOf
  const columns = read.table.headers.map((header, i) => {
    const field = read.columns.fieldOf[i] ?? null
    return { header, field: field ? FIELD_LABELS[field] : null, fieldId: field, auto: builtIn[i] ?? null, overridden: read.columns.overridden[i] ?? false }
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
        Owner: owners.shown(d.owner) ?? '—',
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
      values: { When: a.occurredAt.replace('T', ' ').replace(/:00Z$|Z$/, ''), Rep: owners.shown(a.rep) ?? '—', Type: a.kind.replace('_', ' '), Direction: a.direction, Subject: a.subject ?? '—', Deal: a.deal ?? a.dealId ?? '—', Account: a.account ?? '—' }
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
  const missingFields = (Object.keys(read.mapping.fields) as Field[]).filter((f) => read.columns.index[f] === undefined && !read.columns.missing.includes(f)).map((f) => FIELD_LABELS[f])
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
    missingRequired: read.columns.missing.map((f) => FIELD_LABELS[f]),
    targetFields: KIND_FIELDS[read.mapping.kind].map((f) => ({ field: f, label: FIELD_LABELS[f], required: read.mapping.required.includes(f) })),
    mapping: read.applied.mapping,
    savedMapping: read.applied.saved,
    values:
      read.mapping.kind === 'deals'
        ? dealValues(read, owners)
        : read.mapping.kind === 'activities'
          ? { stages: [], forecastCategories: [], owners: ownerRows(read, owners, 'rep') }
          : { stages: [], forecastCategories: [], owners: [] },
    partial,
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
    newReps: owners.newReps()
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

/** A rep as the owners list offers it when several share a name: what tells them apart. */
interface Namesake {
  id: number
  name: string
  status: string
  left_date: string | null
  email: string | null
  team: string | null
}

function namesakeLabel(r: Namesake): string {
  const details = [r.team ? `team ${r.team}` : 'no team', r.email, r.status === 'left' ? `left ${r.left_date ?? ''}`.trim() : null].filter(Boolean)
  return `${r.name} (${details.join(', ')})`
}

/**
 * The owner (or rep) names of a file as the import will take them: the rep the mapping chose for a name, else the one
 * rep of that name, else a new rep; a name several reps share and the mapping leaves open is refused on import.
 */
class OwnerNames {
  private readonly chosenName: (id: number) => string | null
  private readonly named: Database.Statement
  private readonly cache = new Map<string, Namesake[]>()
  /** Names several reps share (one spelling each), for a file previewed from its head only. */
  readonly sharedNames: () => string[]
  constructor(
    sqlite: Database.Database,
    private readonly read: ReadResult,
    /** Only the head of the file was read: names further on are not known. */
    readonly partial: boolean
  ) {
    const shared = sqlite.prepare('SELECT min(name) FROM reps GROUP BY lower(name) HAVING count(*) > 1 ORDER BY 1 LIMIT 200').pluck()
    this.sharedNames = () => shared.all() as string[]
    const name = sqlite.prepare('SELECT name FROM reps WHERE id = ?').pluck()
    this.chosenName = (id) => (name.get(id) as string | undefined) ?? null
    // The writer's match: SQLite's lower() on both sides.
    this.named = sqlite.prepare(
      `SELECT r.id, r.name, r.status, r.left_date, r.email, t.name AS team FROM reps r LEFT JOIN teams t ON t.id = r.team_id
       WHERE lower(r.name) = lower(?) ORDER BY r.status, r.id`
    )
  }

  /** The chosen rep's id for a name, when the mapping chose one. */
  chosen(name: string): number | null {
    return this.read.owners.ids.get(valueKey(name)) ?? null
  }

  repsNamed(name: string): Namesake[] {
    let reps = this.cache.get(name)
    if (!reps) {
      reps = this.named.all(name) as Namesake[]
      this.cache.set(name, reps)
    }
    return reps
  }

  /** A name as the preview's rows show it: the chosen rep's name when the mapping chose one. */
  shown(name: string | null): string | null {
    if (name === null) return null
    const id = this.chosen(name)
    return id === null ? name : (this.chosenName(id) ?? name)
  }

  /** Names no mapping and no rep account for: they become new reps. */
  newReps(): string[] {
    const names = new Map<string, string>()
    const seen = new Set<string>()
    const add = (name: string) => {
      if (seen.has(name)) return
      seen.add(name)
      const k = name.toLowerCase()
      if (!names.has(k) && this.chosen(name) === null && this.repsNamed(name).length === 0) names.set(k, name)
    }
    for (const d of this.read.deals) add(d.owner ?? 'Unassigned (imported)')
    for (const a of this.read.activities) add(a.rep)
    return [...names.values()].sort().slice(0, 100)
  }
}

const MAX_VALUES = 200

/** The distinct values of one column in the previewed rows, most frequent first, with their original spelling. */
function distinct(read: ReadResult, field: Field): { from: string; rows: number }[] {
  const at = read.columns.index[field]
  if (at === undefined) return []
  const counts = new Map<string, { from: string; rows: number }>()
  for (const r of read.table.records) {
    const v = text(r.cells[at])
    if (!v) continue
    const k = valueKey(v)
    const seen = counts.get(k)
    if (seen) seen.rows++
    else counts.set(k, { from: v, rows: 1 })
  }
  return [...counts.values()].sort((a, b) => b.rows - a.rows || a.from.localeCompare(b.from)).slice(0, MAX_VALUES)
}

/** Their stage names, forecast categories and owners, what we make of each unaided, and what the mapping says. */
function dealValues(read: ReadResult, owners: OwnerNames): ImportPreview['values'] {
  const m = read.applied.mapping
  const mappedTo = <T extends { from: string }>(list: readonly T[]) => new Map(list.map((x) => [valueKey(x.from), x]))
  const stageMap = mappedTo(m.stages)
  const stages: ImportValueRow[] = distinct(read, 'stage').map((v) => ({ ...v, auto: mapStage(v.from), mapped: stageMap.get(valueKey(v.from))?.to ?? null }))
  const forecastMap = mappedTo(m.forecastCategories)
  const forecastCategories: ImportValueRow[] = distinct(read, 'forecastCategory').map((v) => {
    // Without a match the category is read from the probability: say so rather than name one.
    const auto = namedForecastCategory(v.from)
    return { ...v, auto, mapped: forecastMap.get(valueKey(v.from))?.to ?? null }
  })
  return { stages, forecastCategories, owners: ownerRows(read, owners, 'owner') }
}

/**
 * Their names for the people in the owner (deals) or rep (activities) column: the rep each already is (when exactly
 * one rep bears the name), the reps it could be (when several do: the user must choose), and the mapping's choice.
 */
function ownerRows(read: ReadResult, owners: OwnerNames, field: 'owner' | 'rep'): ImportOwnerRow[] {
  const ownerMap = new Map(read.applied.mapping.owners.map((o) => [valueKey(o.from), o.repId]))
  const values = distinct(read, field)
  if (owners.partial) {
    // A big file previewed from its head: names several reps share may come further on, where the import would stop
    // at them. They are listed (with no rows counted) so a rep can be chosen before, or after such a stop.
    const seen = new Set(values.map((v) => valueKey(v.from)))
    for (const name of owners.sharedNames()) if (!seen.has(valueKey(name))) values.push({ from: name, rows: 0 })
  }
  return values.map((v) => {
    const reps = owners.repsNamed(v.from)
    return {
      ...v,
      autoRep: reps.length === 1 ? (reps[0]?.name ?? null) : null,
      namesakes: reps.length > 1 ? reps.map((r) => ({ id: r.id, label: namesakeLabel(r) })) : [],
      repId: ownerMap.get(valueKey(v.from)) ?? null
    }
  })
}
