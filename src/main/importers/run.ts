// One import from bytes to rows, in slices: read (streamed for big row files), back up, write in one transaction that
// yields between slices so the process keeps answering; cancel or failure rolls it all back.
import type Database from 'better-sqlite3'
import type { ImportOutcome, ImportProblem } from '@shared/contract/imports'
import { TouchlineError } from '@shared/errors'
import { ImportError } from './errors'
import { ImportWriter } from './apply'
import { tuneForIndexBuilds } from '../store/index-builds'
import { KNOWN_HEADERS, type ResolvedColumns, type SourceMapping } from './sources'
import { activityDayOrder, headerProblems, mappingFor, readFromTable, readImport, recordValueMapper, type ReadOptions, type ReadResult } from './read'
import { readAll, streamTable, type ByteSource, type StreamedTable } from './stream'
import { mapActivityRecords } from './activities'
import { mapConnectionRecords } from './connections'
import type { DayOrder } from './values'
import type { TableRecord } from './table'

/** Archives and deal files are read whole; deal files need every date before any row can be read. */
const MAX_IN_MEMORY_BYTES = 200 * 1024 * 1024
/** Rows written between checks of the clock, the cancel flag and progress. */
const SLICE_ROWS = 2000
const MAX_PROBLEMS = 200

export interface ImportRequest {
  source: ByteSource
  read: ReadOptions
  repId?: number
}

export interface Progress {
  phase: 'reading' | 'backup' | 'writing' | 'indexing' | 'finishing'
  rowsDone: number
  /** While indexing: how many of the table's indexes are built so far, of how many; null otherwise. */
  step: { done: number; total: number } | null
  /** Exact once the whole file is read; otherwise estimated from the bytes read so far. */
  rowsTotal: number | null
  bytesDone: number
  bytesTotal: number
}

export interface RunOptions {
  now: string
  today: string
  /** Writes the pre-import backup and returns its name; called once the file is known to fit, before any write. */
  backup: () => Promise<string>
  dryRun?: boolean
  isCancelled?: () => boolean
  onProgress?: (p: Progress) => void
  /** Longest stretch of work (ms) before the event loop gets a turn. */
  sliceMs?: number
  /** Tests only: a pause after every slice, so a browser test can watch a job run. */
  pauseMs?: number
}

export class ImportCancelled extends Error {
  constructor() {
    super('the import was cancelled; nothing was changed')
  }
}

/** What is known about a file before anything is written: enough to refuse it early and to name it in the result. */
export interface PreparedImport {
  fileName: string
  entry: string | null
  encoding: string
  mapping: SourceMapping
  /** The rows, for files read whole. */
  whole: ReadResult | null
  /** The stream and what its head told, for row files read in chunks. */
  stream: { table: StreamedTable; columns: ResolvedColumns; order: DayOrder | null; first: TableRecord[] | null; rest: AsyncGenerator<TableRecord[]> } | null
}

function refuseUnansweredDates(read: ReadResult, file: string): void {
  const ambiguous = read.problems.find((p) => p.severity === 'error' && /day\/month/.test(p.message))
  if (ambiguous) throw new TouchlineError('INVALID_INPUT', `file "${file}": say whether dates are day/month or month/day before applying (--day-first or --month-first)`)
}

/** Reads the head of the file (or the whole of an archive or deals file) and refuses what cannot be imported. */
export async function prepareImport(request: ImportRequest): Promise<PreparedImport> {
  const prepared = await prepareFile(request)
  if (prepared.mapping.kind === 'connections' && request.repId === undefined) {
    throw new ImportError({ file: prepared.entry ? `${prepared.fileName}/${prepared.entry}` : prepared.fileName }, 'choose the rep whose LinkedIn archive this is')
  }
  return prepared
}

async function prepareFile(request: ImportRequest): Promise<PreparedImport> {
  const { source } = request
  if (source.size === 0) throw new ImportError({ file: source.name, row: 1 }, 'the file is empty')
  if (source.isZip) {
    const whole = readImport(source.name, await readAll(source, MAX_IN_MEMORY_BYTES), request.read)
    refuseUnansweredDates(whole, source.name)
    return { fileName: source.name, entry: whole.entry, encoding: whole.encoding, mapping: whole.mapping, whole, stream: null }
  }
  const table = await streamTable(source, source.name, KNOWN_HEADERS)
  const { mapping, columns } = mappingFor(source.name, table, request.read)
  const rest = table.batches()
  if (mapping.kind === 'deals') {
    const records: TableRecord[] = []
    for await (const batch of rest) {
      for (const r of batch) records.push(r)
      if (table.bytesRead() > MAX_IN_MEMORY_BYTES) throw new ImportError({ file: source.name }, 'a deals file larger than 200 MB is more than one import should hold; split it')
    }
    const whole = readFromTable(source.name, null, table.encoding, { ...table, records }, request.read)
    refuseUnansweredDates(whole, source.name)
    return { fileName: source.name, entry: null, encoding: table.encoding, mapping, whole, stream: null }
  }
  // Row files stream; the first batch decides the day/month order of the whole file.
  const firstBatch = await rest.next()
  const first = firstBatch.done ? [] : firstBatch.value
  let order: DayOrder | null = null
  if (mapping.kind === 'activities') {
    const verdict = activityDayOrder(source.name, table.headers, columns, first, request.read)
    order = verdict.order
    // A file sorted by date can open with weeks of days ≤ 12: read on through the dates alone before asking.
    if (verdict.dateOrder === 'ambiguous' && order === null) order = await scanDayOrder(source, columns, request.read)
    if (verdict.dateOrder === 'ambiguous' && order === null) {
      throw new ImportError({ file: source.name, column: table.headers[columns.index.occurredAt ?? -1] }, 'dates like 03/04 could be day/month or month/day: say which before importing')
    }
  }
  return { fileName: source.name, entry: null, encoding: table.encoding, mapping, whole: null, stream: { table, columns, order, first, rest } }
}

/** About 100,000 activity rows: above this, a first load into an empty table builds its indexes once at the end. */
const BULK_LOAD_BYTES = 8 * 1024 * 1024

/**
 * A first bulk load: when the table is empty, its indexes are dropped (inside the import's transaction) and built
 * once from the sorted rows at the end, which is several times cheaper than updating six indexes per row. A cancel
 * or failure rolls the drop back with everything else. Returns the statements that rebuild them.
 */
function dropIndexesOfEmpty(conn: Database.Database, table: 'activities'): string[] {
  if (conn.prepare(`SELECT EXISTS (SELECT 1 FROM ${table})`).pluck().get() === 1) return []
  const indexes = conn.prepare("SELECT name, sql FROM sqlite_master WHERE type = 'index' AND tbl_name = ? AND sql IS NOT NULL").all(table) as { name: string; sql: string }[]
  for (const ix of indexes) conn.exec(`DROP INDEX "${ix.name.replace(/"/g, '""')}"`)
  return indexes.map((ix) => ix.sql)
}

/**
 * The activity_days insert trigger counts only rows at or below its fold mark (schema v12); rows inserted above the
 * highest id never reach it, yet each still pays for the trigger's WHEN subquery. When the table's highest id is at
 * or above the mark every new row is above it, so the trigger is set aside for the load (inside the transaction) and
 * put back after: the same rows are counted either way. Returns the statement that restores it, or null.
 */
function setAsideInertDayTrigger(conn: Database.Database): string | null {
  const trigger = conn.prepare("SELECT sql FROM sqlite_master WHERE type = 'trigger' AND name = 'activities_days_insert'").pluck().get() as string | undefined
  if (!trigger || !/WHEN NEW\.id <= \(SELECT id FROM activity_days_mark\) BEGIN/.test(trigger)) return null
  const above = conn.prepare('SELECT coalesce((SELECT max(id) FROM activities), 0) >= coalesce((SELECT max(id) FROM activity_days_mark), 0)').pluck().get()
  if (above !== 1) return null
  conn.exec('DROP TRIGGER activities_days_insert')
  return trigger
}

/** The day/month order from the first batch further in that settles it; null when the whole file leaves it open. */
async function scanDayOrder(source: ByteSource, columns: ResolvedColumns, options: ReadOptions): Promise<DayOrder | null> {
  const table = await streamTable(source, source.name, KNOWN_HEADERS)
  for await (const batch of table.batches()) {
    const verdict = activityDayOrder(source.name, table.headers, columns, batch, options)
    if (verdict.dateOrder === 'known') return verdict.order
  }
  return null
}

const tick = () => new Promise<void>((resolve) => setImmediate(resolve))

/**
 * Writes a prepared import on `conn` inside one transaction (BEGIN IMMEDIATE … COMMIT). Between slices it checks
 * for cancellation and, when a slice ran past `sliceMs`, lets the event loop run. Any error, a cancel, or a dry run
 * rolls everything back.
 */
export async function runImport(conn: Database.Database, prepared: PreparedImport, request: ImportRequest, options: RunOptions): Promise<ImportOutcome> {
  const file = prepared.entry ? `${prepared.fileName}/${prepared.entry}` : prepared.fileName
  const sliceMs = options.sliceMs ?? 30
  const bytesTotal = request.source.size
  const problems: ImportProblem[] = []
  let problemCount = 0
  const note = (list: readonly ImportProblem[]) => {
    problemCount += list.length
    for (const p of list) if (problems.length < MAX_PROBLEMS) problems.push(p)
  }
  let rowsDone = 0
  let rowsRead = 0
  let sliceStarted = performance.now()
  const progress = (phase: Progress['phase'], rowsTotal: number | null, bytesDone: number, step: Progress['step'] = null) =>
    options.onProgress?.({ phase, rowsDone, rowsTotal, bytesDone, bytesTotal, step })
  const checkpoint = async () => {
    if (options.isCancelled?.()) throw new ImportCancelled()
    if (options.pauseMs) await new Promise((resolve) => setTimeout(resolve, options.pauseMs))
    if (performance.now() - sliceStarted >= sliceMs) {
      await tick()
      sliceStarted = performance.now()
      if (options.isCancelled?.()) throw new ImportCancelled()
    }
  }

  progress('backup', prepared.whole ? prepared.whole.table.records.length : null, prepared.stream ? prepared.stream.table.bytesRead() : bytesTotal)
  // Streamed row files (activities, connections) write ids the writer has just read from the workspace inside this
  // transaction, which holds the write lock: every reference holds by construction, so the per-row foreign-key
  // lookups (a quarter of an activity insert) are skipped. The pragma only takes effect outside a transaction, so
  // it is turned off before BEGIN and back on after COMMIT or ROLLBACK.
  const skipForeignKeys = prepared.stream !== null && conn.pragma('foreign_keys', { simple: true }) === 1
  try {
    const backup = options.dryRun ? 'none (dry run)' : await options.backup()
    if (options.isCancelled?.()) throw new ImportCancelled()
    if (skipForeignKeys) conn.pragma('foreign_keys = OFF')
    conn.exec('BEGIN IMMEDIATE')
    const writer = new ImportWriter(conn, prepared.mapping.source, file, { repId: request.repId, now: options.now, today: options.today, backup })
    let skippedReading = 0
    let forRep = false
    let dropped = 0
    if (prepared.whole) {
      const read = prepared.whole
      writer.chooseOwners(read.owners)
      note(read.problems)
      dropped = read.table.dropped.length
      rowsRead = read.table.records.length
      const total = read.deals.length + read.connections.length + read.social.length + read.activities.length
      const inSlices = async <T>(list: readonly T[], write: (part: readonly T[]) => void) => {
        for (let i = 0; i < list.length; i += SLICE_ROWS) {
          const part = list.slice(i, i + SLICE_ROWS)
          write(part)
          rowsDone += part.length
          progress('writing', total, bytesTotal)
          await checkpoint()
        }
      }
      await inSlices(read.deals, (part) => writer.deals(part))
      await inSlices(read.connections, (part) => writer.connections(part))
      await inSlices(read.social, (part) => writer.social(part))
      await inSlices(read.activities, (part) => writer.activities(part))
      skippedReading = read.skipped
      forRep = read.connections.length + read.social.length > 0
    } else if (prepared.stream) {
      const { table, columns, order, rest } = prepared.stream
      note(headerProblems(prepared.fileName, table, columns))
      const rebuilt = prepared.mapping.kind === 'activities' && bytesTotal >= BULK_LOAD_BYTES ? dropIndexesOfEmpty(conn, 'activities') : []
      const dayTrigger = prepared.mapping.kind === 'activities' ? setAsideInertDayTrigger(conn) : null
      // The mapping's values as the preview and a whole read apply them; the reps chosen for owner names go to the writer by id.
      const withValues = recordValueMapper(prepared.fileName, table, request.read)
      writer.chooseOwners(withValues.owners)
      let first: TableRecord[] | null = prepared.stream.first
      let batchEnd = 0
      while (true) {
        let batch: TableRecord[]
        const batchStart = first ? 0 : batchEnd
        if (first) {
          batch = first
          first = null
        } else {
          const next = await rest.next()
          if (next.done) break
          batch = next.value
        }
        batchEnd = table.bytesRead()
        for (let i = 0; i < batch.length; i += SLICE_ROWS) {
          const part = batch.slice(i, i + SLICE_ROWS)
          if (prepared.mapping.kind === 'activities') {
            const mapped = mapActivityRecords(prepared.fileName, table.headers, columns, withValues(part), order)
            note(mapped.problems)
            skippedReading += mapped.skipped
            writer.activities(mapped.activities)
          } else {
            const mapped = mapConnectionRecords(prepared.fileName, table.headers, columns, part)
            note(mapped.problems)
            skippedReading += mapped.skipped
            writer.connections(mapped.connections)
            forRep = true
          }
          rowsDone += part.length
          rowsRead += part.length
          // The bytes behind the rows written so far: the batch's bytes shared out over its rows.
          const bytesDone = batchStart + ((batchEnd - batchStart) * Math.min(batch.length, i + SLICE_ROWS)) / batch.length
          progress('writing', bytesDone > 0 ? Math.max(rowsDone, Math.round((rowsDone * bytesTotal) / bytesDone)) : null, Math.round(bytesDone))
          await checkpoint()
        }
      }
      progress('finishing', rowsDone, bytesTotal)
      if (dayTrigger) conn.exec(dayTrigger)
      if (rebuilt.length > 0) {
        const restore = tuneForIndexBuilds(conn)
        try {
          for (const [i, sql] of rebuilt.entries()) {
            progress('indexing', rowsDone, bytesTotal, { done: i, total: rebuilt.length })
            conn.exec(sql)
            await checkpoint()
          }
          progress('finishing', rowsDone, bytesTotal)
        } finally {
          restore()
        }
      }
      note(table.problems)
      dropped = table.dropped.length
    }
    progress('finishing', rowsDone, bytesTotal)
    if (options.isCancelled?.()) throw new ImportCancelled()
    const result = writer.finish({ fileName: prepared.fileName, entry: prepared.entry, encoding: prepared.encoding, rowsRead, skipped: skippedReading, forRep })
    if (options.dryRun) conn.exec('ROLLBACK')
    else conn.exec('COMMIT')
    return {
      ...result,
      fileName: prepared.fileName,
      entry: prepared.entry,
      sourceLabel: prepared.mapping.label,
      encoding: prepared.encoding,
      rowsRead,
      dropped,
      dryRun: options.dryRun === true,
      problems,
      problemCount
    }
  } catch (err) {
    if (conn.inTransaction) conn.exec('ROLLBACK')
    await prepared.stream?.table.close().catch(() => undefined)
    throw err
  } finally {
    if (skipForeignKeys) conn.pragma('foreign_keys = ON')
  }
}
