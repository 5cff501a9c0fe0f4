// The shared reading pipeline: bytes (a CSV or a zip archive) → decoded text → table → source mapping → rows to store.
import { unzipSync } from 'fflate'
import { EMPTY_IMPORT_MAPPING, type ImportForecastTarget, type ImportMapping, type ImportProblem, type ImportSource, type ImportStageTarget } from '@shared/contract/imports'
import { ImportError } from './errors'
import { decodeBytes, type Encoding } from './encoding'
import { headerKey, readTable, type Table, type TableRecord } from './table'
import { checkColumnOverrides, detectPartialSource, detectSource, KNOWN_HEADERS, resolveColumns, sourceMapping, type Field, type ResolvedColumns, type SourceMapping } from './sources'
import { mapDealRecords, type ImportedDeal } from './deals'
import { mapConnectionRecords, type ImportedConnection } from './connections'
import { detectDayOrder, type DayOrder } from './values'
import { readSocial, type ImportedSocial, type SocialFiles } from './linkedin-social'
import { activityDateCells, mapActivityRecords, type ImportedActivity } from './activities'
import { readAll, refuseWorkbook, streamTable, type ByteSource } from './stream'

/** A saved mapping for a file's headers: the one saved for these very headers, else (source given) the newest that fits. */
export type SavedMappingLookup = (source: ImportSource | null, headers: readonly string[]) => { source: ImportSource; mapping: ImportMapping; match: 'exact' | 'source' } | null

export interface ReadOptions {
  source?: ImportSource
  dayFirst?: boolean
  /** The user's mapping for this read: replaces any saved one, and is refused naming the column when it does not fit. */
  mapping?: ImportMapping
  /** Where saved mappings are found when no mapping is given (a saved one that no longer fits is left out). */
  saved?: SavedMappingLookup
  /** A rep's name by id, for owner mappings; null when there is no such rep. */
  repName?: (id: number) => string | null
  /**
   * How many reps bear a name (case aside), for owners the mapping leaves unmapped: a name several reps share is
   * refused (naming file, row and column) rather than guessed. Without it the writer still refuses, inside the
   * import's transaction.
   */
  repsNamed?: (name: string) => number
  /**
   * The wizard's preview: a file that has some of its source's required columns but not all is read with no rows
   * (their names listed in `columns.missing`) rather than refused, so the user can map the missing ones.
   */
  lenient?: boolean
}

/** The mapping a read used, and where it came from. */
export interface AppliedMapping {
  mapping: ImportMapping
  saved: 'exact' | 'source' | null
}

export interface ReadResult {
  fileName: string
  entry: string | null
  encoding: Encoding
  table: Table
  mapping: SourceMapping
  columns: ResolvedColumns
  applied: AppliedMapping
  dateOrder: 'known' | 'none' | 'ambiguous'
  deals: ImportedDeal[]
  connections: ImportedConnection[]
  /** Dated public activity from the same LinkedIn archive. */
  social: ImportedSocial[]
  /** Rows of an activities file. */
  activities: ImportedActivity[]
  /** The reps the mapping chose for their owner (deals) or rep (activities) names, handed to the writer by id. */
  owners: OwnerChoices
  skipped: number
  problems: ImportProblem[]
}

/**
 * The reps the mapping chose for the people in a file's owner (deals) or rep (activities) column, by id: the cell
 * keeps their name and the writer takes the chosen rep's id for it, so a mapping to one of two reps who share a
 * name lands on that one (looking the rep's name up again would find the first of them).
 */
export interface OwnerChoices {
  /** The owner or rep column's header, for errors; null when the file has none. */
  column: string | null
  /** Their value (as `valueKey` reads it) → the chosen rep's id. */
  ids: ReadonlyMap<string, number>
}

export const NO_OWNER_CHOICES: OwnerChoices = { column: null, ids: new Map() }

/** Why an owner several reps are named after is refused: the same words from the read, the writer and the preview. */
export function sharedNameProblem(name: string, reps: number): string {
  return `${reps} reps are named "${name}": map this name to one of them (Owners in the import wizard, "owners" in --mapping FILE.json) before importing`
}

const MAX_ENTRY_BYTES = 200 * 1024 * 1024

// Windows PowerShell's Compress-Archive writes backslashes between folder and file names.
const ARCHIVE_ENTRY = /(^|[/\\])(connections|shares|comments|reactions|invitations)\.csv$/i

/** A LinkedIn archive: only the CSVs we read are unpacked (Connections, Shares, Comments, Reactions, Invitations), never other entries. */
function fromArchive(fileName: string, bytes: Uint8Array): { entry: string; bytes: Uint8Array; social: SocialFiles } {
  let files: Record<string, Uint8Array>
  let workbook = false
  try {
    files = unzipSync(bytes, {
      filter: (f) => {
        // An .xlsx, .ods or .numbers is a zip too: noted, so the refusal can say what the file is.
        if (f.name === 'xl/workbook.xml' || f.name === 'content.xml' || f.name === 'Index/Document.iwa') workbook = true
        return ARCHIVE_ENTRY.test(f.name) && f.originalSize <= MAX_ENTRY_BYTES
      }
    })
  } catch (err) {
    throw new ImportError({ file: fileName }, `the archive cannot be opened (${err instanceof Error ? err.message : String(err)})`)
  }
  // The shortest path wins: archives nest a folder, and some hold older copies deeper down.
  const pick = (name: string) => {
    const entry = Object.keys(files)
      .filter((k) => k.toLowerCase().endsWith(`${name}.csv`) && ARCHIVE_ENTRY.test(k))
      .sort((a, b) => a.length - b.length)[0]
    return entry ? { name: entry, bytes: files[entry] ?? new Uint8Array() } : undefined
  }
  const connections = pick('connections')
  if (!connections && workbook) throw new ImportError({ file: fileName }, 'the file is a spreadsheet workbook (.xlsx, .ods or .numbers), not CSV: export as CSV, or save it as "CSV UTF-8", and import that')
  if (!connections) throw new ImportError({ file: fileName }, 'the archive has no Connections.csv (is it a LinkedIn data archive?)')
  return { entry: connections.name, bytes: connections.bytes, social: { shares: pick('shares'), comments: pick('comments'), reactions: pick('reactions'), invitations: pick('invitations') } }
}

function isZip(bytes: Uint8Array): boolean {
  return bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04
}

export function readImport(fileName: string, raw: Uint8Array, options: ReadOptions = {}): ReadResult {
  let entry: string | null = null
  let bytes = raw
  let social: SocialFiles = {}
  if (isZip(raw)) ({ entry, bytes, social } = fromArchive(fileName, raw))
  const file = entry ? `${fileName}/${entry}` : fileName
  refuseWorkbook(file, bytes)
  const decoded = decodeBytes(bytes)
  const table = readTable(decoded.text, file, KNOWN_HEADERS)
  return readFromTable(fileName, entry, decoded.encoding, table, options, social)
}

/**
 * The source mapping for a table's headers (chosen, saved for these headers, or detected) with the user's column
 * overrides, refused with file, header row and column when it does not fit.
 */
export function mappingFor(
  file: string,
  table: Pick<Table, 'headers' | 'headerLine'>,
  options: ReadOptions
): { mapping: SourceMapping; columns: ResolvedColumns; applied: AppliedMapping } {
  let applied: AppliedMapping = { mapping: options.mapping ?? EMPTY_IMPORT_MAPPING, saved: null }
  let chosen = options.source
  if (!options.mapping && options.saved) {
    const hit = options.saved(options.source ?? null, table.headers)
    if (hit) {
      applied = { mapping: hit.mapping, saved: hit.match }
      chosen ??= hit.source
    }
  }
  // Overrides that take a required column away still name the source the headers came from, so the refusal can say which.
  const mapping = chosen
    ? sourceMapping(chosen)
    : (detectSource(table.headers, applied.mapping.columns) ??
      (applied.mapping.columns.length > 0 ? detectSource(table.headers) : null) ??
      // A file that looks like one source but lacks some required columns: named, so the refusal says which.
      detectPartialSource(table.headers, applied.mapping.columns))
  if (mapping && !options.mapping && options.saved && applied.saved === null) {
    const hit = options.saved(mapping.source, table.headers)
    if (hit) applied = { mapping: hit.mapping, saved: hit.match }
  }
  if (!mapping) {
    throw new ImportError(
      { file, row: table.headerLine },
      `the columns (${table.headers.slice(0, 8).join(', ')}${table.headers.length > 8 ? ', …' : ''}) match no known export: Salesforce, HubSpot, Pipedrive, LinkedIn Connections or an activities CSV`
    )
  }
  if (applied.saved === null) checkColumnOverrides(file, table.headerLine, table.headers, mapping.kind, mapping.label, applied.mapping.columns)
  else {
    // A saved mapping that no longer fits this file is left out, not held against it.
    try {
      checkColumnOverrides(file, table.headerLine, table.headers, mapping.kind, mapping.label, applied.mapping.columns)
    } catch {
      applied = { mapping: EMPTY_IMPORT_MAPPING, saved: null }
    }
  }
  const columns = resolveColumns(mapping, table.headers, applied.mapping.columns)
  const mappable = options.lenient === true && columns.missing.length < mapping.required.length
  if (columns.missing.length > 0 && !mappable) {
    const names = columns.missing.map((f: Field) => mapping.fields[f]?.[0] ?? f)
    throw new ImportError({ file, row: table.headerLine, column: names[0] }, `a ${mapping.label} file needs the column(s) ${names.join(', ')}`)
  }
  return { mapping, columns, applied }
}

/**
 * Our words for each value target, as the deal mapper reads them: a mapped value is written into the cell in these
 * words, so the preview, the dry run, the import and the command line all read it the same way (a unit test holds
 * each to the stage or category it stands for).
 */
export const STAGE_WORDS: Record<ImportStageTarget, string> = {
  prospecting: 'Prospecting',
  qualifying: 'Qualifying',
  solution: 'Solution',
  proposal: 'Proposal',
  negotiation: 'Negotiation',
  won: 'Closed Won',
  lost: 'Closed Lost'
}
export const FORECAST_WORDS: Record<ImportForecastTarget, string> = { commit: 'Commit', best_case: 'Best Case', pipeline: 'Pipeline', omitted: 'Omitted' }

/** A value of theirs as the mapping matches it: trimmed, case and inner spacing ignored. */
export const valueKey = headerKey

type ValueSwaps = { at: number; values: Map<string, string> }[]

/** What the mapping's values replace, column by column: their stage names and forecast categories by ours. */
function valueSwaps(columns: ResolvedColumns, applied: AppliedMapping): ValueSwaps {
  const { stages, forecastCategories } = applied.mapping
  const swaps: ValueSwaps = []
  const add = (field: Field, pairs: [string, string][]) => {
    const at = columns.index[field]
    if (at !== undefined && pairs.length > 0) swaps.push({ at, values: new Map(pairs.map(([from, to]) => [valueKey(from), to])) })
  }
  add('stage', stages.map((s) => [s.from, STAGE_WORDS[s.to]]))
  add('forecastCategory', forecastCategories.map((f) => [f.from, FORECAST_WORDS[f.to]]))
  return swaps
}

/**
 * The reps the mapping chose for the owner (deals) or rep (activities) column, by id. An owner mapped to a rep that
 * does not exist is refused naming the column (a saved mapping's stale entry is left out).
 */
export function ownerChoices(file: string, table: Pick<Table, 'headers' | 'headerLine'>, columns: ResolvedColumns, applied: AppliedMapping, options: ReadOptions): OwnerChoices {
  const ownerField: Field = columns.index.owner !== undefined ? 'owner' : 'rep'
  const at = columns.index[ownerField]
  const column = at === undefined ? null : (table.headers[at] ?? ownerField)
  const ids = new Map<string, number>()
  for (const o of applied.mapping.owners) {
    if ((options.repName?.(o.repId) ?? null) !== null) ids.set(valueKey(o.from), o.repId)
    else if (applied.saved === null) throw new ImportError({ file, row: table.headerLine, column: column ?? ownerField }, `the owner "${o.from}" is mapped to rep ${o.repId}, which does not exist`)
  }
  return { column, ids }
}

/**
 * Refuses the first row whose owner (or rep) the mapping leaves unmapped while several reps bear that name: which of
 * them was meant is the user's call, never a guess. Names of exactly one rep, and of none (a new rep), pass.
 */
function refuseSharedNames(file: string, owners: OwnerChoices, rows: readonly { line: number; name: string | null }[], options: ReadOptions): void {
  const named = options.repsNamed
  if (!named || options.lenient === true) return
  const seen = new Map<string, number>()
  for (const r of rows) {
    if (r.name === null) continue
    let reps = seen.get(r.name)
    if (reps === undefined) {
      reps = owners.ids.has(valueKey(r.name)) ? 0 : named(r.name)
      seen.set(r.name, reps)
    }
    if (reps > 1) throw new ImportError({ file, row: r.line, column: owners.column ?? 'Owner' }, sharedNameProblem(r.name, reps))
  }
}

function swapValues(records: TableRecord[], swaps: ValueSwaps): TableRecord[] {
  if (swaps.length === 0) return records
  return records.map((r) => {
    let cells: string[] | null = null
    for (const { at, values } of swaps) {
      const to = values.get(valueKey(r.cells[at] ?? ''))
      if (to === undefined) continue
      cells ??= [...r.cells]
      cells[at] = to
    }
    return cells ? { line: r.line, cells } : r
  })
}

/** Records with the mapping's values put in, for a table read whole. */
export function mapRecordValues(columns: ResolvedColumns, applied: AppliedMapping, records: TableRecord[]): TableRecord[] {
  return swapValues(records, valueSwaps(columns, applied))
}

/**
 * The same for a streamed table, batch by batch: the mapping is resolved once from the header row. `owners` is what
 * the writer needs to put each mapped owner on the rep chosen for it (ImportWriter.chooseOwners).
 */
export function recordValueMapper(file: string, table: Pick<Table, 'headers' | 'headerLine'>, options: ReadOptions): ((records: TableRecord[]) => TableRecord[]) & { owners: OwnerChoices } {
  const { columns, applied } = mappingFor(file, table, options)
  const swaps = valueSwaps(columns, applied)
  const owners = ownerChoices(file, table, columns, applied, options)
  return Object.assign((records: TableRecord[]) => swapValues(records, swaps), { owners })
}

/** Header warnings: Salesforce ids where names belong, duplicated columns. */
export function headerProblems(file: string, table: Pick<Table, 'headers' | 'headerLine'>, columns: ResolvedColumns): ImportProblem[] {
  const problems: ImportProblem[] = []
  // API exports without relationship columns carry ids where names belong: say so before they become names.
  for (const [field, idHeader, what] of [['owner', 'ownerid', 'reps'], ['account', 'accountid', 'accounts']] as const) {
    const at = field === 'account' ? (columns.index.account ?? columns.index.accountId) : columns.index.owner
    if (at !== undefined && (table.headers[at] ?? '').toLowerCase() === idHeader) {
      problems.push({ severity: 'warning', file, row: table.headerLine, column: table.headers[at] ?? idHeader, message: `holds Salesforce ids, not names: ${what} will be named by id (export ${field === 'owner' ? 'Owner.Name' : 'Account.Name'} too to get names)` })
    }
  }
  for (const d of columns.duplicates) {
    problems.push({ severity: 'warning', file, row: table.headerLine, column: d, message: 'the column appears twice; the first one is used' })
  }
  return problems
}

/** Everything read from one table: the mapped rows and their problems, nothing written yet. */
export function readFromTable(fileName: string, entry: string | null, encoding: Encoding, table: Table, options: ReadOptions, social: SocialFiles = {}): ReadResult {
  const file = entry ? `${fileName}/${entry}` : fileName
  const { mapping, columns, applied } = mappingFor(file, table, options)
  const problems: ImportProblem[] = [...table.problems, ...headerProblems(file, table, columns)]
  if (columns.missing.length > 0) {
    // A lenient read of a file still missing required columns: nothing can be read until they are mapped.
    return { fileName, entry, encoding, table, mapping, columns, applied, dateOrder: 'none', deals: [], connections: [], social: [], activities: [], owners: NO_OWNER_CHOICES, skipped: 0, problems }
  }
  const owners = mapping.kind === 'connections' ? NO_OWNER_CHOICES : ownerChoices(file, table, columns, applied, options)

  let dateOrder: ReadResult['dateOrder'] = 'none'
  let order: DayOrder | null = null
  if (mapping.kind === 'deals') {
    const dateCells: { value: string; line: number; column: string }[] = []
    for (const f of ['closeDate', 'createdDate'] as const) {
      const i = columns.index[f]
      if (i !== undefined) for (const r of table.records) dateCells.push({ value: r.cells[i] ?? '', line: r.line, column: table.headers[i] ?? f })
    }
    const verdict = detectDayOrder(dateCells.map((c) => c.value))
    if (verdict.kind === 'known') {
      dateOrder = 'known'
      order = verdict.order
    } else if (verdict.kind === 'conflict') {
      const at = dateCells[verdict.at]
      throw new ImportError({ file, row: at?.line, column: at?.column }, `"${at?.value ?? ''}" contradicts the day/month order of the dates above it`)
    } else if (verdict.kind === 'ambiguous') {
      dateOrder = 'ambiguous'
      if (options.dayFirst !== undefined) order = options.dayFirst ? 'dmy' : 'mdy'
    }
    const mapped = mapDealRecords(file, table.headers, columns, mapRecordValues(columns, applied, table.records), order)
    refuseSharedNames(file, owners, mapped.deals.map((d) => ({ line: d.line, name: d.owner })), options)
    return { fileName, entry, encoding, table, mapping, columns, applied, dateOrder, deals: mapped.deals, connections: [], social: [], activities: [], owners, skipped: mapped.skipped, problems: [...problems, ...mapped.problems] }
  }
  if (mapping.kind === 'activities') {
    const { order, dateOrder } = activityDayOrder(file, table.headers, columns, table.records, options)
    const mapped = mapActivityRecords(file, table.headers, columns, mapRecordValues(columns, applied, table.records), order)
    refuseSharedNames(file, owners, mapped.activities.map((a) => ({ line: a.line, name: a.rep })), options)
    return { fileName, entry, encoding, table, mapping, columns, applied, dateOrder, deals: [], connections: [], social: [], activities: mapped.activities, owners, skipped: mapped.skipped, problems: [...problems, ...mapped.problems] }
  }
  const mapped = mapConnectionRecords(file, table.headers, columns, table.records)
  const activity = readSocial(fileName, social)
  return {
    fileName,
    entry,
    encoding,
    table,
    mapping,
    columns,
    applied,
    dateOrder,
    deals: [],
    connections: mapped.connections,
    social: activity.activities,
    activities: [],
    owners,
    skipped: mapped.skipped + activity.skipped,
    problems: [...problems, ...mapped.problems, ...activity.problems]
  }
}

/** The day/month order of an activities file (or its first rows, when streamed); a conflict is refused at the row. */
export function activityDayOrder(
  file: string,
  headers: readonly string[],
  columns: ResolvedColumns,
  records: readonly TableRecord[],
  options: ReadOptions
): { order: DayOrder | null; dateOrder: ReadResult['dateOrder'] } {
  const cells = activityDateCells(columns, records)
  const verdict = detectDayOrder(cells)
  if (verdict.kind === 'known') return { order: verdict.order, dateOrder: 'known' }
  if (verdict.kind === 'conflict') {
    const at = records[verdict.at]
    throw new ImportError({ file, row: at?.line, column: headers[columns.index.occurredAt ?? -1] }, `"${cells[verdict.at] ?? ''}" contradicts the day/month order of the dates above it`)
  }
  if (verdict.kind === 'ambiguous') return { order: options.dayFirst === undefined ? null : options.dayFirst ? 'dmy' : 'mdy', dateOrder: 'ambiguous' }
  return { order: null, dateOrder: 'none' }
}

/** Archives are read whole for a preview; this much of a CSV is enough to show it (a bigger one is previewed from its head). */
const PREVIEW_BYTES = 4 * 1024 * 1024
const PREVIEW_ROWS = 20_000

/**
 * What the wizard previews: the whole of an archive or a small CSV, else the first rows of a big CSV (about 4 MB or
 * 20,000 rows), read through the same table and mapping code as the import itself.
 */
export async function readPreview(source: ByteSource, options: ReadOptions): Promise<{ read: ReadResult; partial: { rowsRead: number; bytesRead: number; bytesTotal: number } | null }> {
  if (source.size === 0) throw new ImportError({ file: source.name, row: 1 }, 'the file is empty')
  if (source.isZip) return { read: readImport(source.name, await readAll(source, MAX_ENTRY_BYTES), options), partial: null }
  const table = await streamTable(source, source.name, KNOWN_HEADERS)
  const records: TableRecord[] = []
  let finished = true
  try {
    for await (const batch of table.batches()) {
      for (const r of batch) records.push(r)
      if (table.bytesRead() >= PREVIEW_BYTES || records.length >= PREVIEW_ROWS) {
        finished = table.bytesRead() >= source.size
        break
      }
    }
  } finally {
    await table.close()
  }
  const read = readFromTable(source.name, null, table.encoding, { ...table, records }, options)
  return { read, partial: finished ? null : { rowsRead: records.length, bytesRead: table.bytesRead(), bytesTotal: source.size } }
}
