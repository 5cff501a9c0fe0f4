// Writes what readImport produced: accounts, reps, deals (upsert by external id) with history, connections — all or nothing.
import type Database from 'better-sqlite3'
import type { ImportBatchRow, ImportResult, ImportSource } from '@shared/contract/imports'
import { accountNameKey } from '../services/pipeline/accounts'
import { recomputeEvidence, refreshAllEvidence } from '../services/pipeline/evidence'
import { ImportError } from './errors'
import { canonicalId } from './values'
import { NO_OWNER_CHOICES, sharedNameProblem, valueKey, type OwnerChoices, type ReadResult } from './read'
import type { ImportedDeal } from './deals'
import type { ImportedConnection } from './connections'
import type { ImportedSocial } from './linkedin-social'
import type { ImportedActivity } from './activities'

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

/** FNV-1a over `text.toLowerCase()` from `h` (ASCII folded inline; other text lower-cased first). */
function foldedHash(text: string, h: number): number {
  let t = text
  for (let i = 0; i < t.length; i++) {
    if (t.charCodeAt(i) > 127) {
      t = t.toLowerCase()
      break
    }
  }
  for (let i = 0; i < t.length; i++) {
    const c = t.charCodeAt(i)
    h = Math.imul(h ^ (c >= 65 && c <= 90 ? c + 32 : c), 16777619)
  }
  return h
}

/** The 30-bit hash a connection is indexed by: person and company, case aside (exported for tests of collisions). */
export function connectionHash(person: string, company: string | null): number {
  // A separator between the two, so ("Ann Lee", "X") and ("Ann", "Lee X") differ.
  return foldedHash(company ?? '', Math.imul(foldedHash(person, 0x811c9dc5), 16777619)) & 0x3fffffff
}

/**
 * A rep's archive connections by person and company (case aside), held as hashes: a 400,000-row archive costs
 * 400,000 small integers rather than 400,000 key strings kept for the whole import (which grew the heap past 300 MB).
 * Two people sharing a hash are told apart by reading the stored names back.
 */
class ConnectionIndex {
  private readonly byHash = new Map<number, number | number[]>()
  constructor(private readonly names: Database.Statement) {}


  private same(id: number, person: string, company: string | null): boolean {
    const row = this.names.get(id) as [string, string | null] | undefined
    return row !== undefined && row[0].toLowerCase() === person.toLowerCase() && (row[1] ?? '').toLowerCase() === (company ?? '').toLowerCase()
  }

  find(person: string, company: string | null): number | undefined {
    const hit = this.byHash.get(connectionHash(person, company))
    if (hit === undefined) return undefined
    if (typeof hit === 'number') return this.same(hit, person, company) ? hit : undefined
    return hit.find((id) => this.same(id, person, company))
  }

  /** Remembers a stored connection; one added later for the same person and company takes the earlier one's place. */
  add(person: string, company: string | null, id: number): void {
    const h = connectionHash(person, company)
    const hit = this.byHash.get(h)
    if (hit === undefined) {
      this.byHash.set(h, id)
      return
    }
    const list = typeof hit === 'number' ? [hit] : hit
    const at = list.findIndex((other) => this.same(other, person, company))
    if (at >= 0) list[at] = id
    else list.push(id)
    this.byHash.set(h, list.length === 1 ? (list[0] as number) : list)
  }
}

const EXTERNAL_PREFIX: Record<string, string> = {
  'salesforce-api': 'salesforce',
  'salesforce-report': 'salesforce',
  hubspot: 'hubspot',
  pipedrive: 'pipedrive',
  'generic-deals': 'csv'
}

/**
 * Salesforce deals imported before ids were read as one spelling kept an API or Data Loader export's 18-character id;
 * files now give the 15-character one. Such stored ids are rewritten to their 15 (checksum verified) inside the
 * import's transaction, so a re-import updates those deals instead of adding them again. Once done, nothing matches.
 */
function canonicalSalesforceIds(sqlite: Database.Database): void {
  const stored = sqlite
    .prepare("SELECT id, external_id FROM deals WHERE external_id GLOB 'salesforce:??????????????????' AND length(external_id) = 29")
    .raw()
    .all() as [number, string][]
  if (stored.length === 0) return
  const taken = sqlite.prepare('SELECT 1 FROM deals WHERE external_id = ?').pluck()
  const rename = sqlite.prepare('UPDATE deals SET external_id = ? WHERE id = ?')
  for (const [id, external] of stored) {
    const short = canonicalId(external.slice('salesforce:'.length))
    if (short === null || short.length !== 15) continue
    const renamed = `salesforce:${short}`
    // The 15 already names another deal (both spellings imported by an older build): the two are left as they are.
    if (!taken.get(renamed)) rename.run(renamed, id)
  }
}

/** Activities per INSERT statement (8 parameters each, far below SQLite's limit). */
const ACTIVITY_GROUP = 100

interface DealState {
  id: number
  stage: string
  close_date: string
}

function prepareStatements(sqlite: Database.Database) {
  return {
    insAccount: sqlite.prepare('INSERT INTO accounts (name, name_key) VALUES (?, ?)'),
    // Every rep of the name: one is the owner, none makes a new rep, several is the user's call (never a guess).
    findReps: sqlite.prepare('SELECT id FROM reps WHERE lower(name) = lower(?) ORDER BY id').pluck(),
    insRep: sqlite.prepare("INSERT INTO reps (name, role) VALUES (?, 'ae')"),
    findByExternal: sqlite.prepare('SELECT id, stage, close_date FROM deals WHERE external_id = ?'),
    findByName: sqlite.prepare('SELECT id, stage, close_date FROM deals WHERE external_id IS NULL AND name = ? AND account_id = ? LIMIT 1'),
    insDeal: sqlite.prepare(
      `INSERT INTO deals (external_id, name, owner_id, account_id, amount_minor, currency, stage, probability, forecast_category,
        close_date, created_date, closed_date, status, loss_reason, next_step, updated_at)
       VALUES (@externalId, @name, @ownerId, @accountId, @amountMinor, @currency, @stage, @probability, @forecastCategory,
        @closeDate, @createdDate, @closedDate, @status, @lossReason, @nextStep, @now)`
    ),
    updDeal: sqlite.prepare(
      `UPDATE deals SET name = @name, owner_id = @ownerId, account_id = @accountId, amount_minor = @amountMinor, currency = @currency,
        stage = @stage, probability = @probability, forecast_category = @forecastCategory, close_date = @closeDate,
        closed_date = @closedDate, status = @status, loss_reason = @lossReason, next_step = @nextStep, updated_at = @now
       WHERE id = @id`
    ),
    insStage: sqlite.prepare('INSERT INTO deal_stage_history (deal_id, stage, entered_at) VALUES (?, ?, ?)'),
    insClose: sqlite.prepare('INSERT INTO deal_close_date_history (deal_id, close_date, previous_close_date, changed_at) VALUES (?, ?, ?, ?)'),
    repConnections: sqlite.prepare("SELECT id, person_name, company_name FROM connections WHERE rep_id = ? AND source = 'linkedin'"),
    insConn: sqlite.prepare(
      "INSERT INTO connections (rep_id, person_name, company_name, account_id, connected_on, source) VALUES (?, ?, ?, ?, ?, 'linkedin')"
    ),
    updConn: sqlite.prepare('UPDATE connections SET account_id = ?, connected_on = ? WHERE id = ?'),
    connectionNames: sqlite.prepare('SELECT person_name, company_name FROM connections WHERE id = ?').raw(),
    connectionAccount: sqlite.prepare('SELECT account_id FROM connections WHERE id = ?').pluck(),
    hasActivity: sqlite.prepare("SELECT 1 FROM activities WHERE rep_id = ? AND kind = ? AND occurred_at = ? AND coalesce(subject, '') = coalesce(?, '') LIMIT 1").pluck(),
    insSocial: sqlite.prepare("INSERT INTO activities (rep_id, kind, direction, occurred_at, subject) VALUES (?, ?, 'outbound', ?, ?)"),
    insActivity: sqlite.prepare('INSERT INTO activities (rep_id, kind, direction, occurred_at, subject, outcome, deal_id, account_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?)')
  }
}

/** What the import_batches row records besides the counts. */
export interface BatchInfo {
  fileName: string
  entry: string | null
  encoding: string
  rowsRead: number
  /** Rows the reading skipped (bad cells, hidden names); the writer adds the ones it skips itself. */
  skipped: number
  /** Whether the rows belong to the chosen rep (archives), so the batch names them. */
  forRep: boolean
}

/**
 * Writes imported rows in as many calls as the caller likes, all inside one transaction the caller holds:
 * statements are prepared once and reused for every row, lookups (accounts, reps, deals, a rep's connections)
 * are read once into maps. `finish` records the batch and refreshes the evidence.
 */
export class ImportWriter {
  readonly result: ImportResult
  private readonly prefix: string
  private readonly st: ReturnType<typeof prepareStatements>
  private accountIndex: AccountIndex | null = null
  private readonly reps = new Map<string, number>()
  /** The reps the mapping chose for their names, by id (ReadResult.owners, or a streamed file's recordValueMapper). */
  private owners: OwnerChoices = NO_OWNER_CHOICES
  /** Reps by the exact spelling a file uses, so the usual row costs one lookup and no lower-casing. */
  private readonly repsAsWritten = new Map<string, number>()
  private knownConnections: ConnectionIndex | null = null
  private dealIndex: { byExternal: Map<string, number>; bySuffix: Map<string, number>; byNameAccount: Map<string, number>; byName: Map<string, number>; accountOf: Map<number, number> } | null = null
  private activityRanges: Map<number, { min: string; max: string }> | null = null
  private readonly namedAccounts = new Map<string, number | null>()
  private repChecked = false
  /** What the evidence of deals is read from: deals written, deals given activities, accounts given connections. */
  private wroteDeals = false
  private readonly touchedDeals = new Set<number>()
  private readonly touchedAccounts = new Set<number>()

  constructor(
    private readonly sqlite: Database.Database,
    source: ImportSource,
    private readonly file: string,
    private readonly options: ApplyOptions
  ) {
    this.prefix = EXTERNAL_PREFIX[source] ?? source
    this.result = {
      source,
      backup: options.backup,
      accountsCreated: 0,
      repsCreated: 0,
      dealsCreated: 0,
      dealsUpdated: 0,
      connectionsCreated: 0,
      connectionsUpdated: 0,
      activitiesCreated: 0,
      skipped: 0,
      historyEntries: 0
    }
    this.st = prepareStatements(sqlite)
    canonicalSalesforceIds(sqlite)
  }

  private get accounts(): AccountIndex {
    this.accountIndex ??= new AccountIndex(this.sqlite)
    return this.accountIndex
  }

  private accountFor(name: string): number {
    const found = this.accounts.find(name)
    if (found !== null) return found
    const key = accountNameKey(name)
    const id = Number(this.st.insAccount.run(name, key).lastInsertRowid)
    this.accounts.add(id, key)
    this.result.accountsCreated++
    return id
  }

  /**
   * The reps the mapping chose for the owner (or rep) names of this file, by id: a mapped name lands on the chosen rep
   * even when another rep bears the same name. Call before writing rows.
   */
  chooseOwners(owners: OwnerChoices): void {
    this.owners = owners
    this.repsAsWritten.clear()
  }

  /** The rep a row's owner (or rep) name stands for; `line` names the row when the name is refused. */
  private repFor(name: string, line: number): number {
    const seen = this.repsAsWritten.get(name)
    if (seen !== undefined) return seen
    const id = this.owners.ids.get(valueKey(name)) ?? this.repByKey(name, line)
    this.repsAsWritten.set(name, id)
    return id
  }

  private repByKey(name: string, line: number): number {
    const k = name.toLowerCase()
    const cached = this.reps.get(k)
    if (cached !== undefined) return cached
    const found = this.st.findReps.all(name) as number[]
    if (found.length > 1) throw new ImportError({ file: this.file, row: line, column: this.owners.column ?? 'Owner' }, sharedNameProblem(name, found.length))
    let id = found[0]
    if (id === undefined) {
      id = Number(this.st.insRep.run(name).lastInsertRowid)
      this.result.repsCreated++
    }
    this.reps.set(k, id)
    return id
  }

  /** The rep an archive belongs to: chosen by the user, checked once. */
  private chosenRep(): number {
    const repId = this.options.repId
    if (repId === undefined) throw new ImportError({ file: this.file }, 'choose the rep whose LinkedIn archive this is')
    if (!this.repChecked) {
      if (!this.sqlite.prepare('SELECT 1 FROM reps WHERE id = ?').get(repId)) throw new ImportError({ file: this.file }, `rep ${repId} does not exist`)
      this.repChecked = true
    }
    return repId
  }

  deals(list: readonly ImportedDeal[]): void {
    const { options, result, st } = this
    if (list.length > 0) this.wroteDeals = true
    for (const d of list) {
      if (options.failAtLine === d.line) throw new ImportError({ file: this.file, row: d.line }, 'injected failure (test)')
      const accountId = this.accountFor(d.account)
      const ownerId = this.repFor(d.owner ?? 'Unassigned (imported)', d.line)
      const externalId = d.externalId ? `${this.prefix}:${d.externalId}` : null
      const existing = (externalId ? st.findByExternal.get(externalId) : st.findByName.get(d.name, accountId)) as DealState | undefined
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
        const id = Number(st.insDeal.run(values).lastInsertRowid)
        st.insStage.run(id, d.stage, `${values.createdDate}T00:00:00Z`)
        st.insClose.run(id, d.closeDate, null, options.now)
        result.historyEntries += 2
        result.dealsCreated++
      } else {
        st.updDeal.run({ ...values, id: existing.id })
        // History grows only when the CRM's value moved since the last import: that is what slips and stage moves are read from.
        if (existing.stage !== stage) {
          st.insStage.run(existing.id, stage, options.now)
          result.historyEntries++
        }
        if (existing.close_date !== d.closeDate) {
          st.insClose.run(existing.id, d.closeDate, existing.close_date, options.now)
          result.historyEntries++
        }
        result.dealsUpdated++
      }
    }
  }

  connections(list: readonly ImportedConnection[]): void {
    if (list.length === 0) return
    const repId = this.chosenRep()
    if (!this.knownConnections) {
      // One read of the rep's archive connections, not a scan per row: an archive holds tens of thousands.
      this.knownConnections = new ConnectionIndex(this.st.connectionNames)
      for (const k of this.st.repConnections.all(repId) as { id: number; person_name: string; company_name: string | null }[]) {
        this.knownConnections.add(k.person_name, k.company_name, k.id)
      }
    }
    const known = this.knownConnections
    for (const c of list) {
      if (this.options.failAtLine === c.line) throw new ImportError({ file: this.file, row: c.line }, 'injected failure (test)')
      // Connections never create accounts: a contact at an unknown company is not a territory.
      const accountId = c.company ? this.accountNamed(c.company) : null
      if (accountId !== null) this.touchedAccounts.add(accountId)
      const existing = known.find(c.personName, c.company)
      if (existing === undefined) {
        known.add(c.personName, c.company, Number(this.st.insConn.run(repId, c.personName, c.company, accountId, c.connectedOn).lastInsertRowid))
        this.result.connectionsCreated++
      } else {
        // A connection that moves to another company leaves its old account's deals with one fewer.
        const before = this.st.connectionAccount.get(existing) as number | null | undefined
        if (before != null) this.touchedAccounts.add(before)
        this.st.updConn.run(accountId, c.connectedOn, existing)
        this.result.connectionsUpdated++
      }
    }
  }

  /** A rep's own archive activity (posts, comments, shares, reactions, invitations). */
  social(list: readonly ImportedSocial[]): void {
    if (list.length === 0) return
    const repId = this.chosenRep()
    for (const a of list) {
      // The same archive imported twice (or a newer one overlapping it) must not double the rep's visibility.
      if (this.st.hasActivity.get(repId, a.kind, a.occurredAt, a.subject)) {
        this.result.skipped++
        continue
      }
      this.st.insSocial.run(repId, a.kind, a.occurredAt, a.subject)
      this.result.activitiesCreated++
    }
  }

  private deals_(): NonNullable<ImportWriter['dealIndex']> {
    if (this.dealIndex) return this.dealIndex
    const index = { byExternal: new Map<string, number>(), bySuffix: new Map<string, number>(), byNameAccount: new Map<string, number>(), byName: new Map<string, number>(), accountOf: new Map<number, number>() }
    for (const d of this.sqlite.prepare('SELECT id, external_id, name, account_id FROM deals').all() as { id: number; external_id: string | null; name: string; account_id: number }[]) {
      index.accountOf.set(d.id, d.account_id)
      if (d.external_id) {
        index.byExternal.set(d.external_id, d.id)
        // A file names deals by the CRM's own id ("006A…"), stored as "salesforce:006A…": either matches; an id two CRMs share matches neither.
        const suffix = d.external_id.slice(d.external_id.indexOf(':') + 1)
        index.bySuffix.set(suffix, index.bySuffix.has(suffix) ? -1 : d.id)
      }
      const name = d.name.toLowerCase()
      index.byNameAccount.set(`${name}\u0000${d.account_id}`, d.id)
      index.byName.set(name, index.byName.has(name) ? -1 : d.id)
    }
    this.dealIndex = index
    return index
  }

  private groupInsert: Database.Statement | null = null
  private insActivities(): Database.Statement {
    this.groupInsert ??= this.sqlite.prepare(
      `INSERT INTO activities (rep_id, kind, direction, occurred_at, subject, outcome, deal_id, account_id) VALUES ${Array(ACTIVITY_GROUP).fill('(?, ?, ?, ?, ?, ?, ?, ?)').join(', ')}`
    )
    return this.groupInsert
  }

  /** An existing account by name (never created), remembered per spelling: files repeat a company on many rows. */
  private accountNamed(name: string): number | null {
    let id = this.namedAccounts.get(name)
    if (id === undefined) {
      id = this.accounts.find(name)
      this.namedAccounts.set(name, id)
    }
    return id
  }

  /**
   * Activities from a CRM: the rep by name (created when new, as deal owners are), the deal by id or by name within
   * its account, the account by name (never created). A row already in the workspace is skipped, so a file can be
   * imported again; only reps whose existing activities span the row's time are checked, which keeps a first import fast.
   */
  activities(list: readonly ImportedActivity[]): { duplicates: number; unmatchedDeals: number } {
    const { st, result } = this
    if (!this.activityRanges) {
      this.activityRanges = new Map()
      for (const r of this.sqlite.prepare('SELECT rep_id AS rep, min(occurred_at) AS min, max(occurred_at) AS max FROM activities GROUP BY rep_id').all() as { rep: number; min: string; max: string }[]) {
        this.activityRanges.set(r.rep, { min: r.min, max: r.max })
      }
    }
    const ranges = this.activityRanges
    // Rows go in groups of ACTIVITY_GROUP per statement: one statement journal and one native call per group, not per row.
    const pending: (string | number | null)[] = []
    let duplicates = 0
    let unmatchedDeals = 0
    const needDeals = list.some((a) => a.deal !== null || a.dealId !== null)
    const deals = needDeals ? this.deals_() : null
    for (const a of list) {
      if (this.options.failAtLine === a.line) throw new ImportError({ file: this.file, row: a.line }, 'injected failure (test)')
      const repId = this.repFor(a.rep, a.line)
      let accountId = a.account ? this.accountNamed(a.account) : null
      let dealId: number | null = null
      if (deals && (a.dealId || a.deal)) {
        let found: number | undefined
        if (a.dealId) found = deals.byExternal.get(a.dealId) ?? deals.bySuffix.get(a.dealId)
        if (found === undefined && a.deal) {
          const name = a.deal.toLowerCase()
          found = (accountId !== null ? deals.byNameAccount.get(`${name}\u0000${accountId}`) : undefined) ?? deals.byName.get(name)
        }
        if (found !== undefined && found > 0) {
          dealId = found
          accountId ??= deals.accountOf.get(found) ?? null
        } else unmatchedDeals++
      }
      const range = ranges.get(repId)
      if (range && a.occurredAt >= range.min && a.occurredAt <= range.max && st.hasActivity.get(repId, a.kind, a.occurredAt, a.subject)) {
        duplicates++
        result.skipped++
        continue
      }
      if (dealId !== null) this.touchedDeals.add(dealId)
      pending.push(repId, a.kind, a.direction, a.occurredAt, a.subject, a.outcome, dealId, accountId)
      if (pending.length === ACTIVITY_GROUP * 8) {
        this.insActivities().run(pending)
        pending.length = 0
      }
      result.activitiesCreated++
    }
    for (let i = 0; i < pending.length; i += 8) st.insActivity.run(pending.slice(i, i + 8))
    return { duplicates, unmatchedDeals }
  }

  finish(batch: BatchInfo): ImportResult {
    const { result, options } = this
    result.skipped += batch.skipped
    this.sqlite
      .prepare(
        `INSERT INTO import_batches (file_name, entry, source, encoding, rows_read, created, updated, skipped, rep_id, backup, imported_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`
      )
      .run(
        batch.fileName,
        batch.entry,
        result.source,
        batch.encoding,
        batch.rowsRead,
        result.dealsCreated + result.connectionsCreated + result.activitiesCreated,
        result.dealsUpdated + result.connectionsUpdated,
        result.skipped,
        batch.forRep ? (options.repId ?? null) : null,
        options.backup,
        options.now
      )
    this.refreshEvidence()
    return result
  }

  /**
   * Deal files move stages and history medians: every deal's evidence is refreshed. Activities change only the deals
   * they are logged on, connections only the deals in their accounts: those are recomputed, not the whole pipeline
   * (which would read every activity in the workspace after each archive).
   */
  private refreshEvidence(): void {
    if (this.wroteDeals) {
      refreshAllEvidence(this.sqlite, this.options.today)
      return
    }
    if (this.touchedDeals.size === 0 && this.touchedAccounts.size === 0) return
    // A rep's connections count in a deal's facts only as the owner's connections (deals the rep owns) and the team's
    // (deals owned in the rep's team): other deals in the same accounts read the same facts as before.
    // In account order: a recompute reads each account's activities in the engaged-contact window, so deals of one
    // account recomputed in one call read them once, not once per call (2,000,000 activities over 50,000 deals:
    // 75 s of recompute in id order, 6 s in account order).
    const all = this.sqlite
      .prepare(
        `SELECT d.id FROM deals d JOIN reps o ON o.id = d.owner_id
         WHERE d.id IN (SELECT value FROM json_each(@deals))
            OR (d.account_id IN (SELECT value FROM json_each(@accounts))
                AND (d.owner_id = @rep OR o.team_id = (SELECT team_id FROM reps WHERE id = @rep)))
         ORDER BY d.account_id, d.id`
      )
      .pluck()
      .all({ deals: JSON.stringify([...this.touchedDeals]), accounts: JSON.stringify([...this.touchedAccounts]), rep: this.options.repId ?? null }) as number[]
    // Each recomputed row is replaced in deal_evidence's nine indexes; past a quarter of the deals it is cheaper to set
    // them aside and build them once (50,000 of 50,000 deals: ~45 us a row replaced with them in place).
    const total = this.sqlite.prepare('SELECT count(*) FROM deals').pluck().get() as number
    const indexes =
      all.length * 4 >= total
        ? (this.sqlite.prepare("SELECT name, sql FROM sqlite_master WHERE type = 'index' AND tbl_name = 'deal_evidence' AND sql IS NOT NULL").all() as { name: string; sql: string }[])
        : []
    for (const ix of indexes) this.sqlite.exec(`DROP INDEX "${ix.name.replace(/"/g, '""')}"`)
    for (let i = 0; i < all.length; i += 5000) recomputeEvidence(this.sqlite, all.slice(i, i + 5000), this.options.today)
    for (const ix of indexes) this.sqlite.exec(ix.sql)
  }
}

export function applyImport(sqlite: Database.Database, read: ReadResult, options: ApplyOptions): ImportResult {
  const file = read.entry ? `${read.fileName}/${read.entry}` : read.fileName
  const run = sqlite.transaction(() => {
    const writer = new ImportWriter(sqlite, read.mapping.source, file, options)
    writer.chooseOwners(read.owners)
    writer.deals(read.deals)
    writer.connections(read.connections)
    writer.social(read.social)
    writer.activities(read.activities)
    return writer.finish({
      fileName: read.fileName,
      entry: read.entry,
      encoding: read.encoding,
      rowsRead: read.table.records.length,
      skipped: read.skipped,
      forRep: read.connections.length + read.social.length > 0
    })
  })
  return run()
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
