// The shared reading pipeline: bytes (a CSV or a zip archive) → decoded text → table → source mapping → rows to store.
import { unzipSync } from 'fflate'
import type { ImportProblem, ImportSource } from '@shared/contract/imports'
import { ImportError } from './errors'
import { decodeBytes, type Encoding } from './encoding'
import { readTable, type Table } from './table'
import { detectSource, KNOWN_HEADERS, resolveColumns, sourceMapping, type Field, type ResolvedColumns, type SourceMapping } from './sources'
import { mapDealRecords, type ImportedDeal } from './deals'
import { mapConnectionRecords, type ImportedConnection } from './connections'
import { detectDayOrder, type DayOrder } from './values'

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
  skipped: number
  problems: ImportProblem[]
}

const MAX_ENTRY_BYTES = 200 * 1024 * 1024

/** A LinkedIn archive: the CSV we read from it (Connections.csv), never any other entry. */
function fromArchive(fileName: string, bytes: Uint8Array): { entry: string; bytes: Uint8Array } {
  let files: Record<string, Uint8Array>
  try {
    files = unzipSync(bytes, {
      filter: (f) => /(^|\/)connections\.csv$/i.test(f.name) && f.originalSize <= MAX_ENTRY_BYTES
    })
  } catch (err) {
    throw new ImportError({ file: fileName }, `the archive cannot be opened (${err instanceof Error ? err.message : String(err)})`)
  }
  const entry = Object.keys(files).sort((a, b) => a.length - b.length)[0]
  if (!entry) throw new ImportError({ file: fileName }, 'the archive has no Connections.csv (is it a LinkedIn data archive?)')
  return { entry, bytes: files[entry] ?? new Uint8Array() }
}

function isZip(bytes: Uint8Array): boolean {
  return bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04
}

export function readImport(fileName: string, raw: Uint8Array, options: ReadOptions = {}): ReadResult {
  let entry: string | null = null
  let bytes = raw
  if (isZip(raw)) ({ entry, bytes } = fromArchive(fileName, raw))
  const file = entry ? `${fileName}/${entry}` : fileName
  const decoded = decodeBytes(bytes)
  const table = readTable(decoded.text, file, KNOWN_HEADERS)
  const mapping = options.source ? sourceMapping(options.source) : detectSource(table.headers)
  if (!mapping) {
    throw new ImportError(
      { file, row: table.headerLine },
      `the columns (${table.headers.slice(0, 8).join(', ')}${table.headers.length > 8 ? ', …' : ''}) match no known export: Salesforce, HubSpot, Pipedrive or LinkedIn Connections`
    )
  }
  const columns = resolveColumns(mapping, table.headers)
  if (columns.missing.length > 0) {
    const names = columns.missing.map((f: Field) => mapping.fields[f]?.[0] ?? f)
    throw new ImportError({ file, row: table.headerLine, column: names[0] }, `a ${mapping.label} file needs the column(s) ${names.join(', ')}`)
  }
  const problems: ImportProblem[] = [...table.problems]
  for (const d of columns.duplicates) {
    problems.push({ severity: 'warning', file, row: table.headerLine, column: d, message: 'the column appears twice; the first one is used' })
  }

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
    return { fileName, entry, encoding: decoded.encoding, table, mapping, columns, dateOrder, deals: mapped.deals, connections: [], skipped: mapped.skipped, problems: [...problems, ...mapped.problems] }
  }
  const mapped = mapConnectionRecords(file, table.headers, columns, table.records)
  return { fileName, entry, encoding: decoded.encoding, table, mapping, columns, dateOrder, deals: [], connections: mapped.connections, skipped: mapped.skipped, problems: [...problems, ...mapped.problems] }
}
