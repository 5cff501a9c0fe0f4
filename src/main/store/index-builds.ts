// Settings for building indexes over millions of rows (a demo build, a first bulk import), shared by both.
import type Database from 'better-sqlite3'

/**
 * CREATE INDEX sorts every row. It sorts fastest here in runs of 16 MB (the page cache's size), two runs at a time on
 * the second core (PRAGMA threads), spilled to a temporary file: one giant in-memory sort under a large cache took
 * about 40 % longer for the six activities indexes over 2M rows, and held the whole sort (~120 MB) in the process.
 * Returns the function that puts the connection's own settings back.
 */
export function tuneForIndexBuilds(conn: Database.Database): () => void {
  const cacheSize = conn.pragma('cache_size', { simple: true }) as number
  const threads = conn.pragma('threads', { simple: true }) as number
  const tempStore = conn.pragma('temp_store', { simple: true }) as number
  conn.pragma('cache_size = -16384')
  conn.pragma('threads = 2')
  conn.pragma('temp_store = FILE')
  return () => {
    conn.pragma(`cache_size = ${cacheSize}`)
    conn.pragma(`threads = ${threads}`)
    conn.pragma(`temp_store = ${tempStore}`)
  }
}
