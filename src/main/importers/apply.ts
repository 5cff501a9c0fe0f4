// Writes what readImport produced: accounts, reps, deals (upsert by external id) with history, connections — all or nothing.
import type Database from 'better-sqlite3'
import type { ImportBatchRow, ImportResult } from '@shared/contract/imports'
import { accountNameKey } from '../services/pipeline/accounts'
import { refreshAllEvidence } from '../services/pipeline/evidence'
import { ImportError } from './errors'
import type { ReadResult } from './read'

export interface ApplyOptions {
  repId?: number
  /** ISO second, the moment history entries are stamped with. */
  now: string
  today: string
  backup: string
  /** Tests only: throw while writing the record that starts on this line, to prove nothing is kept. */
  failAtLine?: number
}

// Legal forms dropped when comparing company names, so "Acme Inc." and "ACME" meet.
const LEGAL_SUFFIXES = new Set([
  'inc', 'incorporated', 'ltd', 'limited', 'llc', 'llp', 'plc', 'gmbh', 'ag', 'sa', 'sas', 'sarl', 'bv', 'nv', 'corp', 'corporation',
  'co', 'company', 'oy', 'ab', 'as', 'asa', 'srl', 'spa', 'pty', 'kk', 'se', 'lp', 'group'
])

export function companyKey(name: string): string {
  const words = accountNameKey(name).split(' ')
  while (words.length > 1 && LEGAL_SUFFIXES.has(words[words.length - 1] ?? '')) words.pop()
  // "S.A." becomes "s a": drop a trailing run of single letters left by dotted suffixes.
  while (words.length > 2 && (words[words.length - 1] ?? '').length === 1 && (words[words.length - 2] ?? '').length === 1) words.splice(-2, 2)
  return words.join(' ')
}

export type AccountMatch = { id: number; how: 'exact' | 'loose' } | { id: null; how: 'none' | 'several' }

/** Account lookup by exact name key, then alias, then legal-suffix-free key when that names exactly one account. */
export class AccountIndex {
  private byKey = new Map<string, number>()
  private byCompany = new Map<string, number[]>()
  constructor(sqlite: Database.Database) {
    for (const a of sqlite.prepare('SELECT id, name_key FROM accounts').all() as { id: number; name_key: string }[]) this.add(a.id, a.name_key)
    for (const a of sqlite.prepare('SELECT account_id, alias_key FROM account_aliases').all() as { account_id: number; alias_key: string }[]) {
      if (!this.byKey.has(a.alias_key)) this.byKey.set(a.alias_key, a.account_id)
      this.addCompany(a.account_id, a.alias_key)
    }
  }
  add(id: number, key: string): void {
    if (!this.byKey.has(key)) this.byKey.set(key, id)
    this.addCompany(id, key)
  }
  private addCompany(id: number, key: string): void {
    const c = companyKey(key)
    const list = this.byCompany.get(c) ?? []
    if (!list.includes(id)) list.push(id)
    this.byCompany.set(c, list)
  }
  find(name: string): number | null {
    return this.match(name).id
  }
  /** How a name meets the accounts: the preview lists loose and several-way matches for the user to check. */
  match(name: string): AccountMatch {
    const exact = this.byKey.get(accountNameKey(name))
    if (exact !== undefined) return { id: exact, how: 'exact' }
    const loose = this.byCompany.get(companyKey(name)) ?? []
    if (loose.length === 1 && loose[0] !== undefined) return { id: loose[0], how: 'loose' }
    return { id: null, how: loose.length > 1 ? 'several' : 'none' }
  }
}

const EXTERNAL_PREFIX: Record<string, string> = {
  'salesforce-api': 'salesforce',
  'salesforce-report': 'salesforce',
  hubspot: 'hubspot',
  pipedrive: 'pipedrive',
  'generic-deals': 'csv'
}

interface DealState {
  id: number
  stage: string
  close_date: string
}

export function applyImport(sqlite: Database.Database, read: ReadResult, options: ApplyOptions): ImportResult {
  const file = read.entry ? `${read.fileName}/${read.entry}` : read.fileName
  const result: ImportResult = {
    source: read.mapping.source,
    backup: options.backup,
    accountsCreated: 0,
    repsCreated: 0,
    dealsCreated: 0,
    dealsUpdated: 0,
    connectionsCreated: 0,
    connectionsUpdated: 0,
    activitiesCreated: 0,
    skipped: read.skipped,
    historyEntries: 0
  }
  const insAccount = sqlite.prepare('INSERT INTO accounts (name, name_key) VALUES (?, ?)')
  const findRep = sqlite.prepare('SELECT id FROM reps WHERE lower(name) = lower(?) ORDER BY status, id LIMIT 1').pluck()
  const insRep = sqlite.prepare("INSERT INTO reps (name, role) VALUES (?, 'ae')")
  const findByExternal = sqlite.prepare('SELECT id, stage, close_date FROM deals WHERE external_id = ?')
  const findByName = sqlite.prepare('SELECT id, stage, close_date FROM deals WHERE external_id IS NULL AND name = ? AND account_id = ? LIMIT 1')
  const insDeal = sqlite.prepare(
    `INSERT INTO deals (external_id, name, owner_id, account_id, amount_minor, currency, stage, probability, forecast_category,
      close_date, created_date, closed_date, status, loss_reason, next_step, updated_at)
     VALUES (@externalId, @name, @ownerId, @accountId, @amountMinor, @currency, @stage, @probability, @forecastCategory,
      @closeDate, @createdDate, @closedDate, @status, @lossReason, @nextStep, @now)`
  )
  const updDeal = sqlite.prepare(
    `UPDATE deals SET name = @name, owner_id = @ownerId, account_id = @accountId, amount_minor = @amountMinor, currency = @currency,
      stage = @stage, probability = @probability, forecast_category = @forecastCategory, close_date = @closeDate,
      closed_date = @closedDate, status = @status, loss_reason = @lossReason, next_step = @nextStep, updated_at = @now
     WHERE id = @id`
  )
  const insStage = sqlite.prepare('INSERT INTO deal_stage_history (deal_id, stage, entered_at) VALUES (?, ?, ?)')
  const insClose = sqlite.prepare('INSERT INTO deal_close_date_history (deal_id, close_date, previous_close_date, changed_at) VALUES (?, ?, ?, ?)')
  const repConnections = sqlite.prepare("SELECT id, person_name, company_name FROM connections WHERE rep_id = ? AND source = 'linkedin'")
  const insConn = sqlite.prepare(
    "INSERT INTO connections (rep_id, person_name, company_name, account_id, connected_on, source) VALUES (?, ?, ?, ?, ?, 'linkedin')"
  )
  const updConn = sqlite.prepare('UPDATE connections SET account_id = ?, connected_on = ? WHERE id = ?')
  const hasActivity = sqlite.prepare('SELECT 1 FROM activities WHERE rep_id = ? AND kind = ? AND occurred_at = ? AND coalesce(subject, \'\') = coalesce(?, \'\') LIMIT 1').pluck()
  const insActivity = sqlite.prepare("INSERT INTO activities (rep_id, kind, direction, occurred_at, subject) VALUES (?, ?, 'outbound', ?, ?)")

  const run = sqlite.transaction(() => {
    const accounts = new AccountIndex(sqlite)
    const accountFor = (name: string): number => {
      const found = accounts.find(name)
      if (found !== null) return found
      const key = accountNameKey(name)
      const id = Number(insAccount.run(name, key).lastInsertRowid)
      accounts.add(id, key)
      result.accountsCreated++
      return id
    }
    const reps = new Map<string, number>()
    const repFor = (name: string): number => {
      const k = name.toLowerCase()
      const cached = reps.get(k)
      if (cached !== undefined) return cached
      let id = findRep.get(name) as number | undefined
      if (id === undefined) {
        id = Number(insRep.run(name).lastInsertRowid)
        result.repsCreated++
      }
      reps.set(k, id)
      return id
    }
    const prefix = EXTERNAL_PREFIX[read.mapping.source] ?? read.mapping.source
    for (const d of read.deals) {
      if (options.failAtLine === d.line) throw new ImportError({ file, row: d.line }, 'injected failure (test)')
      const accountId = accountFor(d.account)
      const ownerId = repFor(d.owner ?? 'Unassigned (imported)')
      const externalId = d.externalId ? `${prefix}:${d.externalId}` : null
      const existing = (externalId ? findByExternal.get(externalId) : findByName.get(d.name, accountId)) as DealState | undefined
      // A closed deal keeps the stage it was last seen at; our schema has no "closed" stage to move it to.
      const stage = d.status !== 'open' && existing ? (existing.stage as typeof d.stage) : d.stage
      const values = {
        externalId,
        name: d.name,
        ownerId,
        accountId,
        amountMinor: d.amountMinor,
        currency: d.currency,
        stage,
        probability: d.probability,
        forecastCategory: d.forecastCategory,
        closeDate: d.closeDate,
        createdDate: d.createdDate ?? options.today,
        closedDate: d.status === 'open' ? null : d.closeDate,
        status: d.status,
        lossReason: d.lossReason,
        nextStep: d.nextStep,
        now: options.now
      }
      if (!existing) {
        const id = Number(insDeal.run(values).lastInsertRowid)
        insStage.run(id, d.stage, `${values.createdDate}T00:00:00Z`)
        insClose.run(id, d.closeDate, null, options.now)
        result.historyEntries += 2
        result.dealsCreated++
      } else {
        updDeal.run({ ...values, id: existing.id })
        // History grows only when the CRM's value moved since the last import: that is what slips and stage moves are read from.
        if (existing.stage !== stage) {
          insStage.run(existing.id, stage, options.now)
          result.historyEntries++
        }
        if (existing.close_date !== d.closeDate) {
          insClose.run(existing.id, d.closeDate, existing.close_date, options.now)
          result.historyEntries++
        }
        result.dealsUpdated++
      }
    }
    if (read.connections.length > 0) {
      const repId = options.repId
      if (repId === undefined) throw new ImportError({ file }, 'choose the rep whose LinkedIn archive this is')
      if (!sqlite.prepare('SELECT 1 FROM reps WHERE id = ?').get(repId)) throw new ImportError({ file }, `rep ${repId} does not exist`)
      // One read of the rep's archive connections, not a scan per row: an archive holds tens of thousands.
      const connectionKey = (person: string, company: string | null) => `${person.toLowerCase()}\u0000${(company ?? '').toLowerCase()}`
      const known = new Map<string, number>()
      for (const k of repConnections.all(repId) as { id: number; person_name: string; company_name: string | null }[]) {
        known.set(connectionKey(k.person_name, k.company_name), k.id)
      }
      for (const c of read.connections) {
        if (options.failAtLine === c.line) throw new ImportError({ file, row: c.line }, 'injected failure (test)')
        // Connections never create accounts: a contact at an unknown company is not a territory.
        const accountId = c.company ? accounts.find(c.company) : null
        const key = connectionKey(c.personName, c.company)
        const existing = known.get(key)
        if (existing === undefined) {
          known.set(key, Number(insConn.run(repId, c.personName, c.company, accountId, c.connectedOn).lastInsertRowid))
          result.connectionsCreated++
        } else {
          updConn.run(accountId, c.connectedOn, existing)
          result.connectionsUpdated++
        }
      }
    }
    if (read.social.length > 0) {
      const repId = options.repId
      if (repId === undefined) throw new ImportError({ file }, 'choose the rep whose LinkedIn archive this is')
      for (const a of read.social) {
        // The same archive imported twice (or a newer one overlapping it) must not double the rep's visibility.
        if (hasActivity.get(repId, a.kind, a.occurredAt, a.subject)) continue
        insActivity.run(repId, a.kind, a.occurredAt, a.subject)
        result.activitiesCreated++
      }
    }
    sqlite
      .prepare(
        `INSERT INTO import_batches (file_name, entry, source, encoding, rows_read, created, updated, skipped, rep_id, backup, imported_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`
      )
      .run(
        read.fileName,
        read.entry,
        read.mapping.source,
        read.encoding,
        read.table.records.length,
        result.dealsCreated + result.connectionsCreated + result.activitiesCreated,
        result.dealsUpdated + result.connectionsUpdated,
        result.skipped,
        read.connections.length + read.social.length > 0 ? (options.repId ?? null) : null,
        options.backup,
        options.now
      )
    refreshAllEvidence(sqlite, options.today)
  })
  run()
  return result
}

/** The latest applied imports, newest first: what came in, from where, and when. */
export function importHistory(sqlite: Database.Database, limit: number): ImportBatchRow[] {
  return sqlite
    .prepare(
      `SELECT b.id, b.file_name AS fileName, b.source, b.encoding, b.rows_read AS rows, b.created, b.updated, b.skipped,
              r.name AS repName, b.imported_at AS importedAt
       FROM import_batches b LEFT JOIN reps r ON r.id = b.rep_id ORDER BY b.imported_at DESC, b.id DESC LIMIT ?`
    )
    .all(limit) as ImportBatchRow[]
}
