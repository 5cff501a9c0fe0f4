// Methods for bringing CRM exports and LinkedIn archives in (preview, then apply) and deals back out as CSV.
import { z } from 'zod'
import { method } from './method'
import { id } from './common'

export const IMPORT_SOURCES = ['salesforce-api', 'salesforce-report', 'hubspot', 'pipedrive', 'generic-deals', 'linkedin-connections', 'activities'] as const
export type ImportSource = (typeof IMPORT_SOURCES)[number]

/** Short names for lists; the preview carries the full label of its mapping. */
export const IMPORT_SOURCE_NAMES: Record<ImportSource, string> = {
  'salesforce-api': 'Salesforce (API)',
  'salesforce-report': 'Salesforce report',
  hubspot: 'HubSpot',
  pipedrive: 'Pipedrive',
  'generic-deals': 'Deals CSV',
  'linkedin-connections': 'LinkedIn archive',
  activities: 'Activities CSV'
}

/** Base64 grows bytes by 4/3; 25 MB of file is the ceiling a window may send in one call. */
export const MAX_IMPORT_BYTES = 25 * 1024 * 1024
/** Bigger files travel in chunks into a staged file in main (`import.beginUpload` … `import.finishUpload`). */
export const MAX_UPLOAD_BYTES = 2 * 1024 * 1024 * 1024
export const UPLOAD_CHUNK_BYTES = 4 * 1024 * 1024

/** Every field a column can fill; which of them a file may use depends on its kind (deals, connections, activities). */
export const IMPORT_FIELDS = [
  'externalId', 'name', 'account', 'accountId', 'owner', 'stage', 'amount', 'currency', 'probability', 'forecastCategory', 'closeDate',
  'createdDate', 'isClosed', 'isWon', 'status', 'nextStep', 'lossReason', 'firstName', 'lastName', 'url', 'email', 'company', 'position',
  'connectedOn', 'occurredAt', 'activityType', 'rep', 'subject', 'direction', 'outcome', 'deal', 'dealId'
] as const
export type ImportField = (typeof IMPORT_FIELDS)[number]
/** Where a stage name of theirs can go: one of our open stages, or closed won / lost. */
export const IMPORT_STAGE_TARGETS = ['prospecting', 'qualifying', 'solution', 'proposal', 'negotiation', 'won', 'lost'] as const
export type ImportStageTarget = (typeof IMPORT_STAGE_TARGETS)[number]
/** Forecast categories an open deal can take (closed deals are always `closed`). */
export const IMPORT_FORECAST_TARGETS = ['commit', 'best_case', 'pipeline', 'omitted'] as const
export type ImportForecastTarget = (typeof IMPORT_FORECAST_TARGETS)[number]

const cellText = z.string().trim().min(1).max(200)

/**
 * The user's changes to a source's built-in mapping: columns (a header to a field, or to nothing) and values (their
 * stage names, forecast categories and owners to ours). Checked in main against the file: a header it does not have,
 * a field its kind does not know or a field given twice is refused naming the column.
 */
export const importMappingSchema = z
  .object({
    columns: z.array(z.object({ header: cellText, field: z.enum(IMPORT_FIELDS).nullable() }).strict()).max(300),
    stages: z.array(z.object({ from: cellText, to: z.enum(IMPORT_STAGE_TARGETS) }).strict()).max(500),
    forecastCategories: z.array(z.object({ from: cellText, to: z.enum(IMPORT_FORECAST_TARGETS) }).strict()).max(100),
    owners: z.array(z.object({ from: cellText, repId: id }).strict()).max(2000)
  })
  .strict()
export type ImportMapping = z.infer<typeof importMappingSchema>
export const EMPTY_IMPORT_MAPPING: ImportMapping = { columns: [], stages: [], forecastCategories: [], owners: [] }

/** A distinct value of theirs in a value-mapped column, what we would make of it, and the user's choice. */
export interface ImportValueRow {
  from: string
  rows: number
  /** Our value read without help; null when nothing matches (stages: the row is skipped; forecast: read from probability). */
  auto: string | null
  /** The mapping's value for it, when the user (or a saved mapping) set one. */
  mapped: string | null
}

export interface ImportOwnerRow {
  from: string
  /**
   * Rows with the name among those previewed. 0: a name several reps share that the head of a big file does not use;
   * listed so a rep can be chosen in case it comes further on (the import stops at such a name, naming the row).
   */
  rows: number
  /** The one existing rep of that name, when there is exactly one (none: a new rep is created; several: see namesakes). */
  autoRep: string | null
  /**
   * The reps of that name (case aside) when there are several: which one is meant is the user's choice, and an import
   * that leaves the name unmapped is refused. Empty otherwise.
   */
  namesakes: { id: number; label: string }[]
  /** The rep chosen in the mapping. */
  repId: number | null
}

export interface ImportProblem {
  severity: 'error' | 'warning'
  file: string
  row: number | null
  column: string | null
  message: string
}

export interface ColumnMapping {
  header: string
  /** The label of the field it fills, or null when the column is not used. */
  field: string | null
  fieldId: ImportField | null
  /** The field the source's built-in header names give it, before any mapping. */
  auto: ImportField | null
  /** Set by the mapping (the user's or a saved one) rather than by the source's built-in names. */
  overridden: boolean
}

export interface ImportPreview {
  fileName: string
  /** The CSV inside an archive, when the file was a zip. */
  entry: string | null
  source: ImportSource
  sourceLabel: string
  encoding: string
  delimiter: string
  headerRow: number
  columns: ColumnMapping[]
  missingFields: string[]
  /** Required fields no column fills yet: nothing is read until they are mapped (and apply refuses the file). */
  missingRequired: string[]
  /** The fields a column of this file can be mapped to, with their labels. */
  targetFields: { field: ImportField; label: string; required: boolean }[]
  /** The mapping in effect: the one sent, else the one saved for this source, else empty. */
  mapping: ImportMapping
  /** Where the mapping came from: saved for files with these very headers, saved for this source, or neither. */
  savedMapping: 'exact' | 'source' | null
  /** Their values in the columns that need translating (up to 200 of each), read from the previewed rows. */
  values: { stages: ImportValueRow[]; forecastCategories: ImportValueRow[]; owners: ImportOwnerRow[] }
  /** A big file is previewed from its first rows only: how much was read. Null when the whole file was read. */
  partial: { rowsRead: number; bytesRead: number; bytesTotal: number } | null
  rowCount: number
  /** The first rows as they will be stored, field → shown value. */
  sample: { row: number; values: Record<string, string> }[]
  sampleFields: string[]
  droppedRows: { row: number; reason: string }[]
  problems: ImportProblem[]
  /** Numeric dates whose day/month order the file cannot tell: the user answers with `dayFirst`. */
  dateOrder: 'known' | 'none' | 'ambiguous'
  needsRep: boolean
  /** Posts, shares, comments and reactions found beside the connections in a LinkedIn archive. */
  socialActivities: number
  toCreate: number
  toUpdate: number
  toSkip: number
  /** Company names as they meet existing accounts: new, matched only once legal suffixes are ignored, or unmatched. */
  /** Owner names in the file with no rep of that name: they become new reps. */
  newReps: string[]
  accountMatches: { name: string; rows: number; outcome: 'new' | 'loose' | 'unmatched' | 'several'; accountName: string | null }[]
}

export interface ImportResult {
  source: ImportSource
  backup: string
  accountsCreated: number
  repsCreated: number
  dealsCreated: number
  dealsUpdated: number
  connectionsCreated: number
  connectionsUpdated: number
  activitiesCreated: number
  skipped: number
  historyEntries: number
}

/** The result of an import job (or a command-line run): the counts, and what was read and skipped along the way. */
export interface ImportOutcome extends ImportResult {
  fileName: string
  entry: string | null
  sourceLabel: string
  encoding: string
  rowsRead: number
  /** Report footers dropped. */
  dropped: number
  dryRun: boolean
  /** The first 200 problems (rows skipped and why, warnings); `problemCount` is all of them. */
  problems: ImportProblem[]
  problemCount: number
}

export type ImportJobState = 'running' | 'done' | 'failed' | 'cancelled'

export interface ImportProgress {
  jobId: string
  fileName: string
  state: ImportJobState
  phase: 'reading' | 'backup' | 'writing' | 'indexing' | 'finishing'
  /** While indexing (a first bulk load builds a table's indexes once, after its rows): indexes built so far, of how many. */
  step: { done: number; total: number } | null
  rowsDone: number
  /** Exact once the whole file is read, else estimated from the share of bytes read; null before any row. */
  rowsTotal: number | null
  bytesDone: number
  bytesTotal: number
  rowsPerSecond: number
  secondsLeft: number | null
  elapsedSeconds: number
  cancelRequested: boolean
  result: ImportOutcome | null
  error: { code: string; message: string } | null
}

export interface ImportBatchRow {
  id: number
  fileName: string
  source: ImportSource
  encoding: string
  rows: number
  created: number
  updated: number
  skipped: number
  repName: string | null
  importedAt: string
}

const base64 = z
  .string()
  .max(Math.ceil((MAX_IMPORT_BYTES * 4) / 3) + 4, 'the file is larger than 25 MB; split it or use the command line')
  .regex(/^[A-Za-z0-9+/]*={0,2}$/, 'the file content must be base64')

const uploadId = z.string().regex(/^upload-[0-9a-f-]{36}$/, 'not an upload id')

/** The file comes either in the call (up to 25 MB) or as a finished upload; never as a path. */
const filePayload = {
  fileName: z.string().trim().min(1).max(260),
  contentBase64: base64.optional(),
  uploadId: uploadId.optional(),
  source: z.enum(IMPORT_SOURCES).optional(),
  dayFirst: z.boolean().optional(),
  /** Replaces the saved mapping for this call; without it the saved one (if any) applies. */
  mapping: importMappingSchema.optional()
}
const oneFile = (v: { contentBase64?: string; uploadId?: string }) => (v.contentBase64 === undefined) !== (v.uploadId === undefined)
const oneFileMessage = { message: 'send the file either as contentBase64 or as an uploadId, exactly one' }

const jobId = z.string().regex(/^import-[0-9a-f-]{36}$/, 'not an import job id')

export interface ImportUpload {
  uploadId: string
  fileName: string
  size: number
  received: number
}

export const importMethods = {
  'import.preview': method<ImportPreview>()(z.object(filePayload).strict().refine(oneFile, oneFileMessage)),
  'import.apply': method<ImportResult>()(z.object({ ...filePayload, repId: id.optional() }).strict().refine(oneFile, oneFileMessage)),
  /**
   * Starts the import as a job in main and returns at once; the window polls `import.progress`. A dry run writes
   * everything and rolls it back, to count what would be created, updated and skipped. A real import saves the
   * mapping it was given for this source and these headers.
   */
  'import.start': method<ImportProgress>()(z.object({ ...filePayload, repId: id.optional(), dryRun: z.boolean().optional() }).strict().refine(oneFile, oneFileMessage)),
  /** A file bigger than one call can carry: main stages it in a private temporary file, chunk by chunk, in order. */
  'import.beginUpload': method<ImportUpload>()(z.object({ fileName: z.string().trim().min(1).max(260), size: z.number().int().min(1).max(MAX_UPLOAD_BYTES) }).strict()),
  'import.uploadChunk': method<ImportUpload>()(
    z
      .object({
        uploadId,
        offset: z.number().int().min(0).max(MAX_UPLOAD_BYTES),
        contentBase64: z
          .string()
          .min(1)
          .max(Math.ceil((UPLOAD_CHUNK_BYTES * 4) / 3) + 4, 'a chunk is at most 4 MB')
          .regex(/^[A-Za-z0-9+/]*={0,2}$/, 'the chunk must be base64')
      })
      .strict()
  ),
  'import.finishUpload': method<ImportUpload>()(z.object({ uploadId }).strict()),
  /**
   * The desktop app's way in: main opens the OS dialog and reads the file the user picks there, in place, under an
   * upload id (null when the dialog is cancelled). The browser shell has no such dialog (UNSUPPORTED): it uploads.
   */
  'import.pickFile': method<ImportUpload | null>()(z.object({}).strict()),
  'import.progress': method<ImportProgress>()(z.object({ jobId: jobId }).strict()),
  /** Rolls the job's transaction back: the workspace stays as it was. A finished job is left as it is. */
  'import.cancel': method<ImportProgress>()(z.object({ jobId: jobId }).strict()),
  'import.history': method<ImportBatchRow[]>()(z.object({ limit: z.number().int().min(1).max(100).default(10) }).strict()),
  'export.dealsCsv': method<{ fileName: string; csv: string }>()(z.object({ status: z.enum(['open', 'won', 'lost', 'all']).default('all') }).strict())
}
