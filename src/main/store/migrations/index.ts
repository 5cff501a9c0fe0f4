// The ordered list of schema steps, bundled with the app (never read from disk at run time).
import core from './001-core'
import inspection from './002-inspection'
import recruiting from './003-recruiting'
import visibility from './004-visibility'
import oneOnOnes from './005-one-on-ones'
import forecast from './006-forecast'
import importBatches from './007-import'
import pipelineBoard from './008-pipeline-board'
import forecastWalk from './009-forecast-walk'
import walkAmountChanges from './010-walk-amount-changes'
import walkCovering from './011-walk-covering'
import activityDaysLazy from './012-activity-days-lazy'
import attachments from './013-attachments'
import hireOutcomes from './014-hire-outcomes'
import activityIndexesPartial from './015-activity-indexes-partial'
import activityChecks from './016-activity-checks'

export interface Migration {
  version: number
  name: string
  sql: string
  /**
   * A step that edits a table's text in sqlite_schema (PRAGMA writable_schema): the runner lets it past SQLite's
   * defensive mode for that step only, gives the schema a new cookie so every connection reads it again, and fails
   * the step if the table no longer parses.
   */
  editsSchema?: { table: string }
}

export const MIGRATIONS: readonly Migration[] = [
  { version: 1, name: 'core', sql: core },
  { version: 2, name: 'inspection', sql: inspection },
  { version: 3, name: 'recruiting', sql: recruiting },
  { version: 4, name: 'visibility', sql: visibility },
  { version: 5, name: 'one-on-ones', sql: oneOnOnes },
  { version: 6, name: 'forecast', sql: forecast },
  { version: 7, name: 'import', sql: importBatches },
  { version: 8, name: 'pipeline-board', sql: pipelineBoard },
  { version: 9, name: 'forecast-walk', sql: forecastWalk },
  { version: 10, name: 'walk-amount-changes', sql: walkAmountChanges },
  { version: 11, name: 'walk-covering', sql: walkCovering },
  { version: 12, name: 'activity-days-lazy', sql: activityDaysLazy },
  { version: 13, name: 'attachments', sql: attachments },
  { version: 14, name: 'hire-outcomes', sql: hireOutcomes },
  { version: 15, name: 'activity-indexes-partial', sql: activityIndexesPartial },
  {
    version: 16,
    name: 'activity-checks',
    sql: activityChecks,
    editsSchema: { table: 'activities' }
  }
]

export const LATEST_VERSION = MIGRATIONS[MIGRATIONS.length - 1]?.version ?? 0
