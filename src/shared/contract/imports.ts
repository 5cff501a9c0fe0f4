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

export interface ImportProblem {
  severity: 'error' | 'warning'
  file: string
  row: number | null
  column: string | null
  message: string
}

export interface ColumnMapping {
  header: string
  /** The field it fills, or null when the column is not used. */
  field: string | null
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
  phase: 'reading' | 'backup' | 'writing' | 'finishing'
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

const filePayload = {
  fileName: z.string().trim().min(1).max(260),
  contentBase64: base64,
  source: z.enum(IMPORT_SOURCES).optional(),
  dayFirst: z.boolean().optional()
}

const jobId = z.string().regex(/^import-[0-9a-f-]{36}$/, 'not an import job id')

export const importMethods = {
  'import.preview': method<ImportPreview>()(z.object(filePayload).strict()),
  'import.apply': method<ImportResult>()(z.object({ ...filePayload, repId: id.optional() }).strict()),
  /** Starts the import as a job in main and returns at once; the window polls `import.progress`. */
  'import.start': method<ImportProgress>()(z.object({ ...filePayload, repId: id.optional() }).strict()),
  'import.progress': method<ImportProgress>()(z.object({ jobId: jobId }).strict()),
  /** Rolls the job's transaction back: the workspace stays as it was. A finished job is left as it is. */
  'import.cancel': method<ImportProgress>()(z.object({ jobId: jobId }).strict()),
  'import.history': method<ImportBatchRow[]>()(z.object({ limit: z.number().int().min(1).max(100).default(10) }).strict()),
  'export.dealsCsv': method<{ fileName: string; csv: string }>()(z.object({ status: z.enum(['open', 'won', 'lost', 'all']).default('all') }).strict())
}
