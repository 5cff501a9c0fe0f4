// Many-row INSERT statements for the bulk generator: one call into SQLite per hundred rows instead of one per row.
import type Database from 'better-sqlite3'

export interface BatchInsert {
  /** Queues one row; the values in the order of `columns`. */
  add(...values: unknown[]): void
  /** Writes whatever is queued. Call once after the last add. */
  flush(): void
}

/**
 * Rows are queued and written `perStatement` at a time through one prepared INSERT ... VALUES (...), (...): the same
 * rows, in the same order (so the same rowids), as one INSERT per row, at a fraction of the per-call cost.
 * `row` is one row's VALUES tuple, e.g. "(?, ?, 'USD')".
 */
export function batchInsert(sqlite: Database.Database, head: string, row: string, perStatement = 100): BatchInsert {
  const width = (row.match(/\?/g) ?? []).length
  const full = sqlite.prepare(`${head} VALUES ${Array.from({ length: perStatement }, () => row).join(', ')}`)
  const single = sqlite.prepare(`${head} VALUES ${row}`)
  const queued: unknown[] = new Array(width * perStatement)
  let n = 0
  return {
    add(...values: unknown[]) {
      if (values.length !== width) throw new Error(`batch insert: ${values.length} values for a row of ${width}`)
      for (let i = 0; i < width; i++) queued[n++] = values[i]
      if (n === queued.length) {
        full.run(queued)
        n = 0
      }
    },
    flush() {
      for (let i = 0; i < n; i += width) single.run(queued.slice(i, i + width))
      n = 0
    }
  }
}
