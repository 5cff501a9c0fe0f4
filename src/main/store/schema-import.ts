// Import provenance in the DB interface (schema v7), kept beside schema.ts so each capability owns its own lines.
import type { Generated } from 'kysely'

export interface ImportBatchesTable {
  id: Generated<number>
  file_name: string
  entry: string | null
  source: string
  encoding: string
  rows_read: number
  created: number
  updated: number
  skipped: number
  rep_id: number | null
  backup: string | null
  imported_at: string
}

export interface ImportTables {
  import_batches: ImportBatchesTable
}
