// Binds the import and export methods of the contract; spread into the one handler table in handlers.ts.
import { isoDay, isoSecond } from '@shared/dates'
import { TouchlineError } from '@shared/errors'
import { MAX_IMPORT_BYTES } from '@shared/contract/imports'
import type { Handlers } from './dispatch'
import { readImport } from './importers/read'
import { buildPreview } from './importers/preview'
import { applyImport, importHistory } from './importers/apply'
import { dealsCsv } from './exporters/deals-csv'
import { ImportJobs, openJobConnection } from './importers/jobs'
import { bytesSource } from './importers/stream'
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

function bytesOf(fileName: string, base64: string): Uint8Array {
  const bytes = new Uint8Array(Buffer.from(base64, 'base64'))
  if (bytes.length > MAX_IMPORT_BYTES) throw new TouchlineError('INVALID_INPUT', `file "${fileName}" is larger than 25 MB`)
  if (bytes.length === 0) throw new TouchlineError('INVALID_INPUT', `file "${fileName}" is empty`)
  return bytes
}

export const importHandlers: Pick<Handlers, 'import.preview' | 'import.apply' | 'import.start' | 'import.progress' | 'import.cancel' | 'import.history' | 'export.dealsCsv'> = {
  'import.preview': (ctx, input) => {
    const store = ctx.session.requireStore()
    const read = readImport(input.fileName, bytesOf(input.fileName, input.contentBase64), { source: input.source, dayFirst: input.dayFirst })
    return buildPreview(store.sqlite, read)
  },
  'import.apply': async (ctx, input) => {
    const store = ctx.session.requireStore()
    // Read (and reject) before the backup: a file that cannot be read never costs a backup.
    const read = readImport(input.fileName, bytesOf(input.fileName, input.contentBase64), { source: input.source, dayFirst: input.dayFirst })
    const ambiguous = read.problems.find((p) => p.severity === 'error' && /day\/month/.test(p.message))
    if (ambiguous) throw new TouchlineError('INVALID_INPUT', `file "${input.fileName}": say whether dates are day/month or month/day before applying`)
    const backup = await ctx.session.createBackup(ctx.clock, 'pre-import')
    const now = ctx.clock.now()
    return applyImport(store.sqlite, read, { repId: input.repId, now: isoSecond(now), today: isoDay(now), backup: backup.name })
  },
  'import.start': (ctx, input) => {
    const store = ctx.session.requireStore()
    const now = ctx.clock.now()
    // While the job holds the write lock, a write on the main connection must fail at once (CONFLICT, "an import is
    // writing") rather than freeze the main process for the whole busy timeout.
    const busyTimeout = store.sqlite.pragma('busy_timeout', { simple: true }) as number
    return importJobs(ctx.session).start(
      { source: bytesSource(input.fileName, bytesOf(input.fileName, input.contentBase64)), read: { source: input.source, dayFirst: input.dayFirst }, repId: input.repId },
      () => {
        const conn = openJobConnection(store.sqlite, store.path)
        if (store.sqlite.open) store.sqlite.pragma('busy_timeout = 0')
        return conn
      },
      {
        now: isoSecond(now),
        today: isoDay(now),
        backup: async () => (await ctx.session.createBackup(ctx.clock, 'pre-import')).name
      },
      () => {
        if (store.sqlite.open) store.sqlite.pragma(`busy_timeout = ${busyTimeout}`)
      }
    )
  },
  'import.progress': (ctx, input) => importJobs(ctx.session).progress(input.jobId),
  'import.cancel': (ctx, input) => importJobs(ctx.session).cancel(input.jobId),
  'import.history': (ctx, input) => importHistory(ctx.session.requireStore().sqlite, input.limit),
  'export.dealsCsv': (ctx, input) => {
    const store = ctx.session.requireStore()
    return { fileName: `touchline-deals-${isoDay(ctx.clock.now())}.csv`, csv: dealsCsv(store.sqlite, input.status) }
  }
}
