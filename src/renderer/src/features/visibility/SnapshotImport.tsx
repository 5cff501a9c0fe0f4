// A competitor's snapshot CSV: the file is read here as text and checked whole in main; one bad row refuses it all, naming the row and column.
import { useRef, useState } from 'react'
import { SNAPSHOT_CSV_MAX_CHARS, type CompetitorRow, type SnapshotImportResult } from '@shared/contract'
import { ErrorBanner } from '../../kit/kit'
import { useImportSnapshots } from './hooks'

const COLUMNS = 'Name, Title, Profile URL, Date, Followers, Connections, Posts, Comments, Engagement per post'

function summary(r: SnapshotImportResult): string {
  const parts = [
    `${r.rows} ${r.rows === 1 ? 'row' : 'rows'} read`,
    `${r.peopleCreated} ${r.peopleCreated === 1 ? 'person' : 'people'} added`,
    `${r.snapshotsAdded} ${r.snapshotsAdded === 1 ? 'snapshot' : 'snapshots'} added`,
    `${r.snapshotsUpdated} updated`,
    `${r.snapshotsUnchanged} unchanged`
  ]
  return `${r.fileName}: ${parts.join(', ')}.${r.ignoredColumns.length ? ` Columns not read: ${r.ignoredColumns.join(', ')}.` : ''}`
}

export function SnapshotImport({ competitor: c }: { competitor: CompetitorRow }) {
  const run = useImportSnapshots()
  const [result, setResult] = useState<SnapshotImportResult | null>(null)
  const [readError, setReadError] = useState<string | null>(null)
  const input = useRef<HTMLInputElement>(null)

  const choose = async (file: File | undefined) => {
    setResult(null)
    setReadError(null)
    run.reset()
    if (!file) return
    try {
      // Characters, not bytes, are what main counts; a file over the byte cap is over the character cap too in practice.
      if (file.size > SNAPSHOT_CSV_MAX_CHARS * 4) throw new Error('too large')
      const text = await file.text()
      if (text.length > SNAPSHOT_CSV_MAX_CHARS) throw new Error('too large')
      run.mutate({ competitorId: c.id, fileName: file.name, text }, { onSuccess: setResult })
    } catch (err) {
      setReadError(
        err instanceof Error && err.message === 'too large'
          ? `${file.name} is larger than a snapshot CSV can be (${(SNAPSHOT_CSV_MAX_CHARS / 1_000_000).toFixed(0)} million characters).`
          : `${file.name} could not be read as text.`
      )
    } finally {
      // The same file can be chosen again after fixing it.
      if (input.current) input.current.value = ''
    }
  }

  return (
    <section className="vis-form vis-import" aria-label={`Import snapshots for ${c.name}`}>
      <h4 className="vis-h4">Import snapshots from a CSV</h4>
      <p className="muted small">
        Columns (any order, any case): {COLUMNS}. Optional: Role, Period days, Active days. People are matched by profile URL, else by name, and added when new; a person’s
        snapshot on a date already stored is updated. One bad row refuses the whole file.
      </p>
      <label className="vis-file">
        <span>CSV file</span>
        <input ref={input} type="file" accept=".csv,text/csv,.txt" aria-label={`Snapshot CSV for ${c.name}`} onChange={(e) => void choose(e.target.files?.[0])} disabled={run.isPending} />
      </label>
      {run.isPending ? <p className="muted small">Importing…</p> : null}
      <div role="status" className="vis-status">
        {result ? <p className="notice">{summary(result)}</p> : null}
      </div>
      {readError ? <ErrorBanner error={{ message: readError }} /> : null}
      <ErrorBanner error={run.error} />
    </section>
  )
}
