// Import jobs of one open workspace: each runs on its own connection so the window's reads see the workspace as it
// was until the job commits; progress, rate and time left are read by polling; cancel rolls the job back.
import { randomUUID } from 'node:crypto'
import Database from 'better-sqlite3'
import type { ImportJobState, ImportOutcome, ImportProgress } from '@shared/contract/imports'
import { TouchlineError } from '@shared/errors'
import { toWireError } from '../dispatch'
import { ImportCancelled, prepareImport, runImport, type ImportRequest, type Progress, type RunOptions } from './run'

/**
 * A second connection to the workspace file, through the native addon the store's own connection was loaded with
 * (the desktop app loads an Electron build by path; a plain `new Database(path)` would load Node's).
 */
export function openJobConnection(store: Database.Database, path: string): Database.Database {
  const handle = Object.getOwnPropertySymbols(store)
    .map((s) => (store as unknown as Record<symbol, unknown>)[s])
    .find((v): v is object => typeof v === 'object' && v !== null && typeof (v as { constructor?: unknown }).constructor === 'function')
  // better-sqlite3 accepts an addon object as nativeBinding (its typings only say string).
  const addon = handle ? { Database: handle.constructor, isInitialized: true } : undefined
  const conn = new Database(path, { fileMustExist: true, nativeBinding: addon as unknown as string | undefined })
  conn.pragma('busy_timeout = 5000')
  conn.pragma('foreign_keys = ON')
  conn.pragma('synchronous = NORMAL')
  tuneForBulkWrites(conn)
  return conn
}

/**
 * A bigger page cache for the indexes a bulk insert touches (about 64 MB), and statement journals in memory:
 * every statement that fires a trigger opens one, and on disk they cost more than the insert itself.
 */
export function tuneForBulkWrites(conn: Database.Database): void {
  conn.pragma('cache_size = -65536')
  conn.pragma('temp_store = MEMORY')
}

interface Job {
  id: string
  fileName: string
  state: ImportProgress['state']
  progress: Progress
  started: number
  ended: number | null
  cancelRequested: boolean
  result: ImportOutcome | null
  error: { code: string; message: string } | null
}

const KEEP_FINISHED = 20

export class ImportJobs {
  private readonly jobs = new Map<string, Job>()
  /** Tests only: passed to every job as RunOptions.pauseMs. */
  pauseMs = 0

  get running(): boolean {
    return [...this.jobs.values()].some((j) => j.state === 'running')
  }

  /**
   * Reads the file's head (refusing what cannot be imported before anything else happens), then runs the rest
   * in the background. `connect` opens the connection the job writes on; it is closed when the job ends.
   */
  async start(
    request: ImportRequest,
    connect: () => Database.Database,
    options: Omit<RunOptions, 'isCancelled' | 'onProgress'>,
    /** Runs once the job has ended, whatever way (after its connection is closed), with how it ended. */
    onEnd: (state: Exclude<ImportJobState, 'running'>) => void = () => {}
  ): Promise<ImportProgress> {
    if (this.running) throw new TouchlineError('CONFLICT', 'an import is already running; wait for it or cancel it first')
    const id = `import-${randomUUID()}`
    const job: Job = {
      id,
      fileName: request.source.name,
      state: 'running',
      progress: { phase: 'reading', rowsDone: 0, rowsTotal: null, bytesDone: 0, bytesTotal: request.source.size, step: null },
      started: performance.now(),
      ended: null,
      cancelRequested: false,
      result: null,
      error: null
    }
    this.jobs.set(id, job)
    let prepared
    let conn: Database.Database
    try {
      prepared = await prepareImport(request)
      conn = connect()
    } catch (err) {
      this.jobs.delete(id)
      throw err
    }
    void runImport(conn, prepared, request, {
      ...options,
      pauseMs: this.pauseMs,
      isCancelled: () => job.cancelRequested,
      onProgress: (p) => {
        job.progress = p
      }
    })
      .then((result) => {
        job.result = result
        job.state = 'done'
      })
      .catch((err: unknown) => {
        if (err instanceof ImportCancelled) job.state = 'cancelled'
        else {
          job.state = 'failed'
          job.error = toWireError(err, 'import.start')
        }
      })
      .finally(() => {
        job.ended = performance.now()
        conn.close()
        this.prune()
        onEnd(job.state === 'running' ? 'failed' : job.state)
      })
    return this.view(job)
  }

  progress(id: string): ImportProgress {
    return this.view(this.find(id))
  }

  cancel(id: string): ImportProgress {
    const job = this.find(id)
    if (job.state === 'running') job.cancelRequested = true
    return this.view(job)
  }

  /** Resolves when no job is running (tests, and closing the workspace). */
  async idle(): Promise<void> {
    while (this.running) await new Promise((resolve) => setTimeout(resolve, 10))
  }

  private find(id: string): Job {
    const job = this.jobs.get(id)
    if (!job) throw new TouchlineError('NOT_FOUND', `no import job ${id} (jobs are kept until ${KEEP_FINISHED} newer ones have finished)`)
    return job
  }

  private prune(): void {
    const finished = [...this.jobs.values()].filter((j) => j.state !== 'running')
    for (const j of finished.slice(0, Math.max(0, finished.length - KEEP_FINISHED))) this.jobs.delete(j.id)
  }

  private view(job: Job): ImportProgress {
    const p = job.progress
    const elapsed = ((job.ended ?? performance.now()) - job.started) / 1000
    const rate = elapsed > 0 ? p.rowsDone / elapsed : 0
    const left = p.rowsTotal !== null && rate > 0 && job.state === 'running' && elapsed >= 0.5 ? Math.max(0, (p.rowsTotal - p.rowsDone) / rate) : null
    return {
      jobId: job.id,
      fileName: job.fileName,
      state: job.state,
      phase: p.phase,
      step: p.step,
      rowsDone: p.rowsDone,
      rowsTotal: p.rowsTotal,
      bytesDone: p.bytesDone,
      bytesTotal: p.bytesTotal,
      rowsPerSecond: Math.round(rate),
      secondsLeft: left === null ? null : Math.round(left * 10) / 10,
      elapsedSeconds: Math.round(elapsed * 10) / 10,
      cancelRequested: job.cancelRequested,
      result: job.result,
      error: job.error
    }
  }
}
