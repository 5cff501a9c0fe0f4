// Binds the import and export methods of the contract; spread into the one handler table in handlers.ts.
import { isoDay, isoSecond } from '@shared/dates'
import { TouchlineError } from '@shared/errors'
import { MAX_IMPORT_BYTES } from '@shared/contract/imports'
import type { ImportMapping, ImportProgress, ImportSource } from '@shared/contract/imports'
import type { Context, Handlers } from './dispatch'
import { mappingFor, readImport, readPreview, type ReadOptions } from './importers/read'
import { buildPreview } from './importers/preview'
import { applyImport, importHistory } from './importers/apply'
import { dealsCsv } from './exporters/deals-csv'
import { ImportJobs, openJobConnection } from './importers/jobs'
import { bytesSource, readAll, streamTable, type ByteSource } from './importers/stream'
import { KNOWN_HEADERS } from './importers/sources'
import { repNames, repsNamed, saveMapping, savedMappings } from './importers/saved-mappings'
import { StagedUploads } from './importers/uploads'
import type { WorkspaceSession } from './session'

// One job list per open workspace session; a session object lives as long as its shell.
const jobLists = new WeakMap<WorkspaceSession, ImportJobs>()
export function importJobs(session: WorkspaceSession): ImportJobs {
  let jobs = jobLists.get(session)
  if (!jobs) {
    jobs = new ImportJobs()
    jobLists.set(session, jobs)
  }
  return jobs
}

const uploadLists = new WeakMap<WorkspaceSession, StagedUploads>()
export function stagedUploads(session: WorkspaceSession): StagedUploads {
  let uploads = uploadLists.get(session)
  if (!uploads) {
    uploads = new StagedUploads()
    uploadLists.set(session, uploads)
  }
  return uploads
}

/** Deals files and archives are read whole; the same ceiling the job applies. */
const MAX_WHOLE_BYTES = 200 * 1024 * 1024

interface FileInput {
  fileName: string
  contentBase64?: string
  uploadId?: string
  source?: ImportSource
  dayFirst?: boolean
  mapping?: ImportMapping
}

/** The file of a call: the bytes it carried, or a finished upload main staged itself. */
function sourceOf(ctx: Context, input: FileInput): ByteSource {
  if (input.uploadId !== undefined) return stagedUploads(ctx.session).source(input.uploadId)
  return bytesSource(input.fileName, bytesOf(input.fileName, input.contentBase64 ?? ''))
}

/**
 * The file of an import, and what to do when the import ends: a staged upload is kept while it is read, removed
 * once an import of it commits, and kept after a dry run, a failure or a cancel (the wizard offers to apply it, or
 * to try again). See uploads.ts for the whole rule.
 */
function importedFile(ctx: Context, input: FileInput): { source: ByteSource; done: (committed: boolean) => void } {
  if (input.uploadId !== undefined) return stagedUploads(ctx.session).read(input.uploadId)
  return { source: sourceOf(ctx, input), done: () => {} }
}

/** How a file is read: the chosen source and date order, the user's mapping or a saved one, reps for owner mappings. */
function readOptions(ctx: Context, input: FileInput): ReadOptions {
  const sqlite = ctx.session.requireStore().sqlite
  return { source: input.source, dayFirst: input.dayFirst, mapping: input.mapping, saved: savedMappings(sqlite), repName: repNames(sqlite), repsNamed: repsNamed(sqlite) }
}

/**
 * Checks the user's mapping against the file's header row (refusing it naming the column) and saves it for this
 * source and these headers, so the next file of the source opens with it.
 */
async function checkAndSaveMapping(ctx: Context, source: ByteSource, options: ReadOptions, mapping: ImportMapping): Promise<void> {
  for (const o of mapping.owners) {
    if (options.repName?.(o.repId) === null) throw new TouchlineError('INVALID_INPUT', `file "${source.name}": the owner "${o.from}" is mapped to rep ${o.repId}, which does not exist`)
  }
  let found: { source: ImportSource; headers: string[] }
  if (source.isZip) {
    const read = readImport(source.name, await readAll(source, MAX_WHOLE_BYTES), options)
    found = { source: read.mapping.source, headers: read.table.headers }
  } else {
    const table = await streamTable(source, source.name, KNOWN_HEADERS)
    try {
      found = { source: mappingFor(source.name, table, options).mapping.source, headers: table.headers }
    } finally {
      await table.close()
    }
  }
  saveMapping(ctx.session.requireStore().sqlite, found.source, found.headers, mapping, isoSecond(ctx.clock.now()))
}

function bytesOf(fileName: string, base64: string): Uint8Array {
  const bytes = new Uint8Array(Buffer.from(base64, 'base64'))
  if (bytes.length > MAX_IMPORT_BYTES) throw new TouchlineError('INVALID_INPUT', `file "${fileName}" is larger than 25 MB`)
  if (bytes.length === 0) throw new TouchlineError('INVALID_INPUT', `file "${fileName}" is empty`)
  return bytes
}

type ImportMethods =
  | 'import.preview'
  | 'import.apply'
  | 'import.start'
  | 'import.progress'
  | 'import.cancel'
  | 'import.history'
  | 'import.beginUpload'
  | 'import.uploadChunk'
  | 'import.finishUpload'
  | 'import.pickFile'
  | 'export.dealsCsv'

export const importHandlers: Pick<Handlers, ImportMethods> = {
  'import.preview': async (ctx, input) => {
    const store = ctx.session.requireStore()
    const { read, partial } = await readPreview(sourceOf(ctx, input), { ...readOptions(ctx, input), lenient: true })
    return buildPreview(store.sqlite, read, partial)
  },
  'import.apply': async (ctx, input) => {
    const store = ctx.session.requireStore()
    const { source, done } = importedFile(ctx, input)
    let committed = false
    try {
      const options = readOptions(ctx, input)
      // Read (and reject) before the backup: a file that cannot be read never costs a backup.
      const read = readImport(source.name, await readAll(source, MAX_WHOLE_BYTES), options)
      const ambiguous = read.problems.find((p) => p.severity === 'error' && /day\/month/.test(p.message))
      if (ambiguous) throw new TouchlineError('INVALID_INPUT', `file "${input.fileName}": say whether dates are day/month or month/day before applying`)
      const backup = await ctx.session.createBackup(ctx.clock, 'pre-import')
      const now = ctx.clock.now()
      const result = applyImport(store.sqlite, read, { repId: input.repId, now: isoSecond(now), today: isoDay(now), backup: backup.name })
      committed = true
      if (input.mapping) saveMapping(store.sqlite, read.mapping.source, read.table.headers, input.mapping, isoSecond(now))
      return result
    } finally {
      done(committed)
    }
  },
  'import.start': async (ctx, input) => {
    const store = ctx.session.requireStore()
    const now = ctx.clock.now()
    const jobs = importJobs(ctx.session)
    if (jobs.running) throw new TouchlineError('CONFLICT', 'an import is already running; wait for it or cancel it first')
    const { source, done } = importedFile(ctx, input)
    let started: ImportProgress
    try {
      const options = readOptions(ctx, input)
      // A real import keeps the mapping it was given, checked against the file first; a dry run changes nothing.
      if (input.mapping && !input.dryRun) await checkAndSaveMapping(ctx, source, options, input.mapping)
      // While the job holds the write lock, a write on the main connection must fail at once (CONFLICT, "an import is
      // writing") rather than freeze the main process for the whole busy timeout.
      const busyTimeout = store.sqlite.pragma('busy_timeout', { simple: true }) as number
      started = await jobs.start(
        { source, read: options, repId: input.repId },
        () => {
          const conn = openJobConnection(store.sqlite, store.path)
          if (store.sqlite.open) store.sqlite.pragma('busy_timeout = 0')
          return conn
        },
        {
          now: isoSecond(now),
          today: isoDay(now),
          dryRun: input.dryRun,
          backup: async () => (await ctx.session.createBackup(ctx.clock, 'pre-import')).name
        },
        (state) => {
          if (store.sqlite.open) store.sqlite.pragma(`busy_timeout = ${busyTimeout}`)
          done(state === 'done' && input.dryRun !== true)
        }
      )
    } catch (err) {
      // Refused before it ran (a column, an owner, a date question): the file stays for the corrected try.
      done(false)
      throw err
    }
    return started
  },
  'import.progress': (ctx, input) => importJobs(ctx.session).progress(input.jobId),
  'import.cancel': (ctx, input) => importJobs(ctx.session).cancel(input.jobId),
  'import.beginUpload': (ctx, input) => {
    ctx.session.requireStore()
    return stagedUploads(ctx.session).begin(input.fileName, input.size)
  },
  'import.uploadChunk': (ctx, input) => stagedUploads(ctx.session).chunk(input.uploadId, input.offset, new Uint8Array(Buffer.from(input.contentBase64, 'base64'))),
  'import.finishUpload': (ctx, input) => stagedUploads(ctx.session).finish(input.uploadId),
  'import.pickFile': async (ctx) => {
    ctx.session.requireStore()
    const pick = ctx.desktop?.pickImportFile
    if (!pick) throw new TouchlineError('UNSUPPORTED', 'import.pickFile: the browser version has no file dialog of its own; choose the file in the page and it is uploaded')
    const path = await pick()
    return path === null ? null : stagedUploads(ctx.session).adoptPicked(path)
  },
  'import.history': (ctx, input) => importHistory(ctx.session.requireStore().sqlite, input.limit),
  'export.dealsCsv': (ctx, input) => {
    const store = ctx.session.requireStore()
    return { fileName: `touchline-deals-${isoDay(ctx.clock.now())}.csv`, csv: dealsCsv(store.sqlite, input.status) }
  }
}
