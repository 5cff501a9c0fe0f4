// The ordered list of schema steps, bundled with the app (never read from disk at run time).
import core from './001-core'
import recruiting from './003-recruiting'

export interface Migration {
  version: number
  name: string
  sql: string
}

export const MIGRATIONS: readonly Migration[] = [{ version: 1, name: 'core', sql: core }, { version: 3, name: 'recruiting', sql: recruiting }]

export const LATEST_VERSION = MIGRATIONS[MIGRATIONS.length - 1]?.version ?? 0
