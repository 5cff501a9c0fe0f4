// The shared reading pipeline: bytes (a CSV or a zip archive) → decoded text → table → source mapping → rows to store.
import { unzipSync } from 'fflate'
import type { ImportProblem, ImportSource } from '@shared/contract/imports'
import { ImportError } from './errors'
import { decodeBytes, type Encoding } from './encoding'
import { readTable, type Table, type TableRecord } from './table'
import { detectSource, KNOWN_HEADERS, resolveColumns, sourceMapping, type Field, type ResolvedColumns, type SourceMapping } from './sources'
import { mapDealRecords, type ImportedDeal } from './deals'
import { mapConnectionRecords, type ImportedConnection } from './connections'
import { detectDayOrder, type DayOrder } from './values'
import { readSocial, type ImportedSocial, type SocialFiles } from './linkedin-social'
import { activityDateCells, mapActivityRecords, type ImportedActivity } from './activities'

export interface ReadOptions {
  source?: ImportSource
  dayFirst?: boolean
}

export interface ReadResult {
  fileName: string
  entry: string | null
  encoding: Encoding
  table: Table
  mapping: SourceMapping
  columns: ResolvedColumns
  dateOrder: 'known' | 'none' | 'ambiguous'
  deals: ImportedDeal[]
  connections: ImportedConnection[]
  /** Dated public activity from the same LinkedIn archive. */
  social: ImportedSocial[]
  /** Rows of an activities file. */
  activities: ImportedActivity[]
  skipped: number
  problems: ImportProblem[]
}

const MAX_ENTRY_BYTES = 200 * 1024 * 1024

const ARCHIVE_ENTRY = /(^|\/)(connections|shares|comments|reactions|invitations)\.csv$/i

/** A LinkedIn archive: only the CSVs we read are unpacked (Connections, Shares, Comments, Reactions, Invitations), never other entries. */
function fromArchive(fileName: string, bytes: Uint8Array): { entry: string; bytes: Uint8Array; social: SocialFiles } {
  let files: Record<string, Uint8Array>
  try {
    files = unzipSync(bytes, { filter: (f) => ARCHIVE_ENTRY.test(f.name) && f.originalSize <= MAX_ENTRY_BYTES })
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
  const decoded = decodeBytes(bytes)
  const table = readTable(decoded.text, file, KNOWN_HEADERS)
  return readFromTable(fileName, entry, decoded.encoding, table, options, social)
}

/** The source mapping for a table's headers (chosen or detected), refused with file, header row and column when it does not fit. */
export function mappingFor(file: string, table: Pick<Table, 'headers' | 'headerLine'>, options: ReadOptions): { mapping: SourceMapping; columns: ResolvedColumns } {
  const mapping = options.source ? sourceMapping(options.source) : detectSource(table.headers)
  if (!mapping) {
    throw new ImportError(
      { file, row: table.headerLine },
      `the columns (${table.headers.slice(0, 8).join(', ')}${table.headers.length > 8 ? ', …' : ''}) match no known export: Salesforce, HubSpot, Pipedrive, LinkedIn Connections or an activities CSV`
    )
  }
  const columns = resolveColumns(mapping, table.headers)
  if (columns.missing.length > 0) {
    const names = columns.missing.map((f: Field) => mapping.fields[f]?.[0] ?? f)
    throw new ImportError({ file, row: table.headerLine, column: names[0] }, `a ${mapping.label} file needs the column(s) ${names.join(', ')}`)
  }
  return { mapping, columns }
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
  const { mapping, columns } = mappingFor(file, table, options)
  const problems: ImportProblem[] = [...table.problems, ...headerProblems(file, table, columns)]

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
    const mapped = mapDealRecords(file, table.headers, columns, table.records, order)
    return { fileName, entry, encoding, table, mapping, columns, dateOrder, deals: mapped.deals, connections: [], social: [], activities: [], skipped: mapped.skipped, problems: [...problems, ...mapped.problems] }
  }
  if (mapping.kind === 'activities') {
    const { order, dateOrder } = activityDayOrder(file, table.headers, columns, table.records, options)
    const mapped = mapActivityRecords(file, table.headers, columns, table.records, order)
    return { fileName, entry, encoding, table, mapping, columns, dateOrder, deals: [], connections: [], social: [], activities: mapped.activities, skipped: mapped.skipped, problems: [...problems, ...mapped.problems] }
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
    dateOrder,
    deals: [],
    connections: mapped.connections,
    social: activity.activities,
    activities: [],
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
