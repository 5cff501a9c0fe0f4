// Import mappings saved per source and header signature in the workspace's settings, found again for the next file.
import { createHash } from 'node:crypto'
import type Database from 'better-sqlite3'
import { importMappingSchema, IMPORT_SOURCES, type ImportMapping, type ImportSource } from '@shared/contract/imports'
import { headerKey } from './table'
import type { SavedMappingLookup } from './read'

const PREFIX = 'import.mapping:'

/** The file's columns as a set: the same export with its columns in another order has the same signature. */
export function headerSignature(headers: readonly string[]): string {
  const keys = [...new Set(headers.map(headerKey).filter((k) => k !== ''))].sort()
  return createHash('sha256').update(keys.join('\u0001')).digest('hex').slice(0, 16)
}

interface Stored {
  source: ImportSource
  headers: string[]
  mapping: ImportMapping
  savedAt: string
}

export function isEmptyMapping(m: ImportMapping): boolean {
  return m.columns.length + m.stages.length + m.forecastCategories.length + m.owners.length === 0
}

/** Saves (or, when it is empty, forgets) the mapping for files of this source with these headers. */
export function saveMapping(sqlite: Database.Database, source: ImportSource, headers: readonly string[], mapping: ImportMapping, now: string): void {
  const key = `${PREFIX}${source}:${headerSignature(headers)}`
  if (isEmptyMapping(mapping)) {
    sqlite.prepare('DELETE FROM settings WHERE key = ?').run(key)
    return
  }
  const value: Stored = { source, headers: [...headers], mapping, savedAt: now }
  sqlite.prepare('INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value').run(key, JSON.stringify(value))
}

function parse(value: string): Stored | null {
  try {
    const raw = JSON.parse(value) as Partial<Stored>
    const mapping = importMappingSchema.safeParse(raw.mapping)
    if (!mapping.success || !(IMPORT_SOURCES as readonly unknown[]).includes(raw.source)) return null
    return { source: raw.source as ImportSource, headers: Array.isArray(raw.headers) ? raw.headers.map(String) : [], mapping: mapping.data, savedAt: String(raw.savedAt ?? '') }
  } catch {
    return null
  }
}

/**
 * Saved mappings of this workspace, read through its settings: for a file, the mapping saved for its very headers
 * (under the chosen source, or any source when none is chosen); else, with a source, the newest one saved for that
 * source whose mapped columns the file has.
 */
export function savedMappings(sqlite: Database.Database): SavedMappingLookup {
  const exact = sqlite.prepare('SELECT value FROM settings WHERE key = ?').pluck()
  const anySource = sqlite.prepare("SELECT value FROM settings WHERE key LIKE 'import.mapping:%' AND substr(key, -16) = ?").pluck()
  const ofSource = sqlite.prepare('SELECT value FROM settings WHERE substr(key, 1, ?) = ?').pluck()
  return (source, headers) => {
    const signature = headerSignature(headers)
    const same = source
      ? (exact.all(`${PREFIX}${source}:${signature}`) as string[])
      : (anySource.all(signature) as string[])
    const hit = same.map(parse).find((s): s is Stored => s !== null)
    if (hit) return { source: hit.source, mapping: hit.mapping, match: 'exact' }
    if (!source) return null
    const have = new Set(headers.map(headerKey))
    const prefix = `${PREFIX}${source}:`
    const fits = (ofSource.all(prefix.length, prefix) as string[])
      .map(parse)
      .filter((s): s is Stored => s !== null && s.mapping.columns.every((c) => have.has(headerKey(c.header))))
      .sort((a, b) => b.savedAt.localeCompare(a.savedAt))[0]
    return fits ? { source: fits.source, mapping: fits.mapping, match: 'source' } : null
  }
}

/** A rep's name by id, for owner mappings. */
export function repNames(sqlite: Database.Database): (id: number) => string | null {
  const name = sqlite.prepare('SELECT name FROM reps WHERE id = ?').pluck()
  return (id) => (name.get(id) as string | undefined) ?? null
}

/** How many reps bear a name, case aside (SQLite's lower(), as the writer matches): several is never a guess. */
export function repsNamed(sqlite: Database.Database): (name: string) => number {
  const count = sqlite.prepare('SELECT count(*) FROM reps WHERE lower(name) = lower(?)').pluck()
  return (name) => count.get(name) as number
}
