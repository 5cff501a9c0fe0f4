// Reads a CSV of any size in chunks: encoding and header from its head, then records batch by batch, never all at once.
import { closeSync, createReadStream, openSync, readdirSync, readFileSync, readSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { zipSync } from 'fflate'
import Papa from 'papaparse'
import type { ImportProblem } from '@shared/contract/imports'
import { ImportError } from './errors'
import { chunkDecoder, detectEncoding, type Encoding } from './encoding'
import { bodyRecord, detectDelimiter, findHeaderIndex, isHeaderAgain, parseRecords, TrailingFooters, type TableRecord } from './table'

/** Where the bytes come from: a file on disk (the command line) or bytes a window sent. */
export interface ByteSource {
  name: string
  size: number
  /** Starts with a zip signature: archives take the in-memory path. */
  isZip: boolean
  chunks(): AsyncIterable<Uint8Array>
}

const CHUNK = 1 << 18
const HEAD = 64 * 1024

const ZIP = [0x50, 0x4b, 0x03, 0x04]
/** The compound-file signature old Excel workbooks (.xls) start with. */
const OLE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]

/** An old Excel workbook (.xls) is refused as what it is, rather than as text that holds binary data. */
export function refuseWorkbook(file: string, bytes: Uint8Array): void {
  if (OLE.every((b, i) => bytes[i] === b)) throw new ImportError({ file, row: 1 }, 'the file is an Excel workbook (.xls), not CSV: save it from Excel as "CSV UTF-8" and import that')
}

/** The files of a LinkedIn archive the importer reads, by name in any folder of it. */
const ARCHIVE_CSV = /^(connections|shares|comments|reactions|invitations)\.csv$/i

/**
 * An unpacked LinkedIn archive (its folder) read as the archive: the CSVs the importer reads, found up to three
 * folders down, are put in a zip in memory (stored, not compressed), so the folder goes through the archive path.
 */
function folderSource(path: string, name: string): ByteSource {
  const files: Record<string, Uint8Array> = {}
  const walk = (dir: string, prefix: string, depth: number) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      if (entry.isDirectory() && depth < 3 && entry.name !== '__MACOSX') walk(join(dir, entry.name), `${prefix}${entry.name}/`, depth + 1)
      else if (entry.isFile() && ARCHIVE_CSV.test(entry.name)) files[`${prefix}${entry.name}`] = readFileSync(join(dir, entry.name))
    }
  }
  walk(path, '', 0)
  if (Object.keys(files).length === 0) throw new ImportError({ file: name }, 'the folder holds no Connections.csv, Shares.csv, Comments.csv, Reactions.csv or Invitations.csv: choose an unpacked LinkedIn data archive, or a file')
  return bytesSource(name, zipSync(files, { level: 0 }))
}

export function fileSource(path: string, name = path): ByteSource {
  if (statSync(path).isDirectory()) return folderSource(path, name)
  const size = statSync(path).size
  const fd = openSync(path, 'r')
  const sig = Buffer.alloc(4)
  try {
    readSync(fd, sig, 0, 4, 0)
  } finally {
    closeSync(fd)
  }
  return {
    name,
    size,
    isZip: ZIP.every((b, i) => sig[i] === b),
    async *chunks() {
      for await (const chunk of createReadStream(path, { highWaterMark: CHUNK })) yield chunk as Buffer
    }
  }
}

export function bytesSource(name: string, bytes: Uint8Array): ByteSource {
  return {
    name,
    size: bytes.length,
    isZip: ZIP.every((b, i) => bytes[i] === b),
    async *chunks() {
      for (let i = 0; i < bytes.length; i += CHUNK) yield bytes.subarray(i, i + CHUNK)
    }
  }
}

/** The whole of a source in memory: archives and deal files are read at once (deal files need every date to read any). */
export async function readAll(source: ByteSource, limit: number): Promise<Uint8Array> {
  const parts: Uint8Array[] = []
  let total = 0
  for await (const c of source.chunks()) {
    total += c.length
    if (total > limit) throw new ImportError({ file: source.name }, `the file is larger than ${Math.round(limit / 1048576)} MB, the most read at once for this kind of file`)
    parts.push(c)
  }
  return Buffer.concat(parts)
}

export interface StreamedTable {
  encoding: Encoding
  delimiter: string
  headerLine: number
  headers: string[]
  /** Body records in batches (blank rows skipped, report footers dropped), read as they are asked for. */
  batches(): AsyncGenerator<TableRecord[]>
  /** Bytes consumed so far, for progress. */
  bytesRead(): number
  /** Stops reading early (cancel, failure): the file is closed now, not when the collector gets to it. */
  close(): Promise<void>
  dropped: { row: number; reason: string }[]
  problems: ImportProblem[]
}

const MAX_PROBLEMS = 1000

function countNewlines(cells: readonly string[]): number {
  let n = 0
  for (const c of cells) {
    if (c.indexOf('\n') < 0) continue
    for (let i = 0; i < c.length; i++) if (c.charCodeAt(i) === 10) n++
  }
  return n
}

/**
 * Opens a CSV stream: reads until the head (64 KB of text) is in, finds the encoding, delimiter and header row
 * there, and hands back a generator of record batches that continues from the start of the file.
 */
export async function streamTable(source: ByteSource, file: string, knownHeaders: ReadonlySet<string>): Promise<StreamedTable> {
  const iterator = source.chunks()[Symbol.asyncIterator]()
  const pending: Uint8Array[] = []
  let headBytes = 0
  let done = false
  while (headBytes < HEAD) {
    const next = await iterator.next()
    if (next.done) {
      done = true
      break
    }
    pending.push(next.value)
    headBytes += next.value.length
  }
  const head = Buffer.concat(pending)
  refuseWorkbook(file, head)
  const encoding = detectEncoding(head.subarray(0, Math.max(HEAD, 4)), done && head.length <= HEAD)
  const decode = chunkDecoder(encoding)
  let bytesRead = 0
  let carryCr = false
  /** Decoded text with one newline convention: `\r\n` and lone `\r` become `\n`, even across chunk ends. */
  const normalise = (bytes: Uint8Array, last: boolean): string => {
    bytesRead += bytes.length
    let text = decode(bytes, last)
    if (carryCr) text = `\r${text}`
    carryCr = !last && text.endsWith('\r')
    if (carryCr) text = text.slice(0, -1)
    return text.replace(/\r\n?/g, '\n')
  }

  // The text of the head, for detection; the same text then starts the stream.
  let text = ''
  for (const [i, b] of pending.entries()) text += normalise(b, done && i === pending.length - 1)
  pending.length = 0
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1)
  const headText = text.length > HEAD ? text.slice(0, text.lastIndexOf('\n', HEAD) + 1 || HEAD) : text
  if (headText.trim() === '') throw new ImportError({ file, row: 1 }, 'the file is empty')
  if (headText.includes('\u0000')) throw new ImportError({ file, row: 1 + (headText.slice(0, headText.indexOf('\u0000')).match(/\n/g)?.length ?? 0) }, 'the file holds binary data, not text')
  const delimiter = detectDelimiter(headText)
  const headRecords = parseRecords(headText, delimiter).records
  const headerIndex = findHeaderIndex(headRecords, knownHeaders)
  const header = headRecords[headerIndex]
  if (!header) throw new ImportError({ file, row: 1 }, 'no header row found: the file needs a row of column names')

  const headerCells = header.cells
  const width = headerCells.length
  const problems: ImportProblem[] = []
  const dropped: { row: number; reason: string }[] = []
  const warn = (p: ImportProblem) => {
    if (problems.length < MAX_PROBLEMS) problems.push(p)
  }

  async function* batches(): AsyncGenerator<TableRecord[]> {
    const parser = new Papa.Parser({ delimiter, newline: '\n' })
    let partial = ''
    let line = 1
    let index = 0
    let first: string | null = text
    let finished = done
    const trailing = new TrailingFooters(width)
    while (true) {
      let chunkText: string
      if (first !== null) {
        chunkText = first
        first = null
      } else if (finished) {
        break
      } else {
        const next = await iterator.next()
        finished = next.done === true
        chunkText = normalise(next.done ? new Uint8Array() : next.value, finished)
      }
      const aggregate = partial + chunkText
      const result = parser.parse(aggregate, 0, !finished) as { data: string[][]; errors: Papa.ParseError[]; meta: { cursor: number } }
      partial = finished ? '' : aggregate.substring(result.meta.cursor)
      const errorsAt = new Map<number, string>()
      for (const e of result.errors) if (e.row !== undefined) errorsAt.set(e.row, e.message)
      const out: TableRecord[] = []
      for (const [i, cells] of result.data.entries()) {
        const at = line
        line += 1 + countNewlines(cells)
        const n = index++
        if (n <= headerIndex) continue
        const error = errorsAt.get(i)
        if (error) warn({ severity: 'warning', file, row: at, column: null, message: `${error} (read as written)` })
        if (isHeaderAgain(cells, headerCells)) {
          if (dropped.length < MAX_PROBLEMS) dropped.push({ row: at, reason: 'the header row again' })
          continue
        }
        const fate = bodyRecord(cells)
        if (fate === 'blank') continue
        if (fate !== 'keep') {
          if (dropped.length < MAX_PROBLEMS) dropped.push({ row: at, reason: fate.footer })
          continue
        }
        trailing.push({ line: at, cells }, out)
      }
      if (out.length > 0) yield out
      if (finished && partial === '') break
    }
    for (const d of trailing.end()) if (dropped.length < MAX_PROBLEMS) dropped.push(d)
    dropped.sort((a, b) => a.row - b.row)
  }

  return {
    encoding,
    delimiter,
    headerLine: header.line,
    headers: header.cells.map((h) => h.replace(/^\uFEFF/, '').trim()),
    batches,
    bytesRead: () => bytesRead,
    close: async () => {
      await iterator.return?.()
    },
    dropped,
    problems
  }
}
