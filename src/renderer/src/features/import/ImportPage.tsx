// Import: a wizard — choose a CRM export or LinkedIn archive, check the preview and mapping, answer questions, apply all or nothing.
import { useEffect, useState, type DragEvent } from 'react'
import { Link } from 'react-router'
import { IMPORT_SOURCE_NAMES, IMPORT_SOURCES, type ImportMapping, type ImportOutcome, type ImportPreview, type ImportProgress, type ImportResult, type ImportSource } from '@shared/contract'
import { Chip, ErrorBanner, Loading, PageHeader, Stat } from '../../kit/kit'
import {
  downloadText,
  pickInMain,
  uploadPickedFile,
  useShell,
  useActiveReps,
  useCancelImport,
  useDealsExport,
  useImportHistory,
  useImportProgress,
  usePreview,
  useStartImport,
  type PickedFile
} from './hooks'
import { ColumnMappingEditor, unresolvedOwners, ValueMappingEditor } from './MappingEditor'
import './import.css'

export function ImportPage() {
  const [file, setFile] = useState<PickedFile | null>(null)
  const [readError, setReadError] = useState<string | null>(null)
  const [dayFirst, setDayFirst] = useState<boolean | undefined>(undefined)
  const [source, setSource] = useState<ImportSource | undefined>(undefined)
  const [repId, setRepId] = useState<number | undefined>(undefined)
  const [dragging, setDragging] = useState(false)
  const [sent, setSent] = useState<number | null>(null)
  const preview = usePreview()
  /** The last preview that came back: kept on screen when a later one fails, so the mapping can be put right. */
  const [lastGood, setLastGood] = useState<ImportPreview | null>(null)
  /** The mapping as edited: the lists show it at once, ahead of the preview it asks for. */
  const [draft, setDraft] = useState<ImportMapping | null>(null)
  const start = useStartImport()
  const [jobId, setJobId] = useState<string | null>(null)
  const progress = useImportProgress(jobId)
  const cancel = useCancelImport()
  const job = jobId !== null ? progress.data : undefined
  const running = start.isPending || job?.state === 'running'
  const exporter = useDealsExport()

  const shell = useShell()

  // An applied import removes main's staged copy of the file: anything more (another source, another mapping) needs the file chosen again.
  const applied = job?.state === 'done' && job.result !== null && !job.result.dryRun
  useEffect(() => {
    if (applied) setFile(null)
  }, [applied])

  /** Forgets the last file's answers, preview and job before another file is read. */
  function resetFor() {
    setReadError(null)
    start.reset()
    setJobId(null)
    setDayFirst(undefined)
    setSource(undefined)
    setRepId(undefined)
    setLastGood(null)
    setDraft(null)
    setFile(null)
    preview.reset()
  }

  async function chooseInMain() {
    if (running) return
    try {
      const read = await pickInMain()
      if (!read) return
      resetFor()
      setFile(read)
      reread(read, {})
    } catch (err) {
      setReadError(err instanceof Error ? err.message : String(err))
    }
  }

  async function choose(picked: File | undefined) {
    if (!picked) return
    if (running) return
    resetFor()
    setSent(0)
    try {
      const read = await uploadPickedFile(picked, setSent)
      setFile(read)
      reread(read, {})
    } catch (err) {
      setReadError(err instanceof Error ? err.message : String(err))
    } finally {
      setSent(null)
    }
  }

  /** Reads the file again with what changed (date order, source, mapping); without a mapping, the saved one applies. */
  function reread(target: PickedFile, change: { dayFirst?: boolean; source?: ImportSource; mapping?: ImportMapping }) {
    setJobId(null)
    start.reset()
    preview.mutate(
      { fileName: target.fileName, uploadId: target.uploadId, dayFirst: 'dayFirst' in change ? change.dayFirst : dayFirst, source: 'source' in change ? change.source : source, mapping: change.mapping },
      {
        onSuccess: (next) => {
          setLastGood(next)
          setDraft(next.mapping)
        }
      }
    )
  }

  function answerDates(first: boolean) {
    setDayFirst(first)
    if (file) reread(file, { dayFirst: first, mapping: draft ?? shown?.mapping })
  }

  /** When detection picked the wrong export, the user names it and the file is read again with that source's mapping. */
  function readAs(next: ImportSource | undefined) {
    setSource(next)
    setDraft(null)
    if (file) reread(file, { source: next })
  }

  function remap(next: ImportMapping) {
    setDraft(next)
    if (file) reread(file, { mapping: next })
  }

  function startJob(dryRun: boolean) {
    if (!file || !shown) return
    start.mutate(
      { fileName: file.fileName, uploadId: file.uploadId, dayFirst, repId, source, mapping: draft ?? shown.mapping, dryRun },
      { onSuccess: (started) => setJobId(started.jobId) }
    )
  }

  function onDrop(e: DragEvent<HTMLLabelElement>) {
    e.preventDefault()
    setDragging(false)
    void choose(e.dataTransfer.files[0])
  }

  // While a changed mapping is read again, the last preview stays on screen (and the focus stays in its list).
  const shown = preview.data ?? lastGood ?? undefined
  const p = shown
  const dryRunResult = job?.state === 'done' && job.result?.dryRun ? job.result : null
  const toChoose = p ? unresolvedOwners(p, draft ?? p.mapping) : []
  const canApply =
    !!file && !!p && !running && !preview.isPending && p.missingRequired.length === 0 && (p.dateOrder !== 'ambiguous' || dayFirst !== undefined) && (!p.needsRep || repId !== undefined) && toChoose.length === 0

  return (
    <div className="import-page">
      <PageHeader
        title="Import"
        subtitle="Salesforce, HubSpot and Pipedrive exports, activity CSVs and each rep's LinkedIn archive, offline. Each file is applied completely or not at all."
        actions={
          <button
            type="button"
            className="button"
            disabled={exporter.isPending}
            onClick={() => exporter.mutate({ status: 'all' }, { onSuccess: (out) => downloadText(out.fileName, out.csv) })}
          >
            {exporter.isPending ? 'Exporting…' : 'Export deals as CSV'}
          </button>
        }
      />
      <ErrorBanner error={exporter.error} />

      <section className="panel wide" aria-labelledby="import-step-file">
        <h2 id="import-step-file">1. Choose a file</h2>
        <label
          className={`import-drop${dragging ? ' dragging' : ''}`}
          onDragOver={(e) => {
            e.preventDefault()
            setDragging(true)
          }}
          onDragLeave={() => setDragging(false)}
          onDrop={onDrop}
        >
          <span>Drop a .csv export or a LinkedIn .zip archive here, or choose one</span>
          {shell === 'electron' ? (
            <button type="button" className="button" onClick={() => void chooseInMain()} disabled={running}>
              Choose a file…
            </button>
          ) : (
            <input
              type="file"
              aria-label="Export file"
              accept=".csv,.txt,.tsv,.zip"
              onChange={(e) => {
                void choose(e.target.files?.[0])
                // Emptied, so the same file can be chosen again (for another import of it).
                e.target.value = ''
              }}
            />
          )}
          {file ? (
            <span className="muted small">
              {file.fileName} · {file.size >= 1048576 ? `${(file.size / 1048576).toFixed(1)} MB` : `${(file.size / 1024).toFixed(1)} KB`}
            </span>
          ) : null}
          {sent !== null ? <Loading label={`Sending the file to Touchline… ${(sent / 1048576).toFixed(1)} MB`} /> : null}
        </label>
        {file ? (
          <div className="toolbar import-read-as">
            <label>
              Read as
              <select aria-label="Read as" value={source ?? ''} onChange={(e) => readAs(IMPORT_SOURCES.find((s) => s === e.target.value))}>
                <option value="">Detect from the headers</option>
                {IMPORT_SOURCES.map((s) => (
                  <option key={s} value={s}>
                    {IMPORT_SOURCE_NAMES[s]}
                  </option>
                ))}
              </select>
            </label>
          </div>
        ) : null}
        {readError ? <ErrorBanner error={{ message: readError }} /> : null}
      </section>

      {preview.isPending && !shown ? <Loading label="Reading the file…" /> : null}
      <ErrorBanner error={preview.error} />

      {p && (job?.state !== 'done' || dryRunResult) ? (
        <PreviewPanel
          preview={p}
          dayFirst={dayFirst}
          onDayFirst={answerDates}
          repId={repId}
          onRep={setRepId}
          busy={running}
          canApply={canApply}
          onApply={() => startJob(false)}
          onDryRun={() => startJob(true)}
          mapping={draft ?? p.mapping}
          updating={preview.isPending}
          onMapping={remap}
          dryRun={dryRunResult}
          toChoose={toChoose.map((o) => ({ from: o.from, reps: o.namesakes.length }))}
          job={job?.state === 'running' ? job : undefined}
          onCancel={() => job && cancel.mutate({ jobId: job.jobId })}
        />
      ) : null}
      <ErrorBanner error={start.error ?? progress.error ?? cancel.error ?? (job?.state === 'failed' ? job.error : null)} />
      {job?.state === 'cancelled' ? (
        <p className="notice" role="status">
          Import cancelled after {job.rowsDone.toLocaleString('en-US')} rows: nothing was written, the workspace is as it was.
        </p>
      ) : null}
      {job?.state === 'done' && job.result && !job.result.dryRun ? <ResultPanel result={job.result} /> : null}
      <RecentImports />
    </div>
  )
}

function PreviewPanel(props: {
  preview: ImportPreview
  dayFirst: boolean | undefined
  onDayFirst: (first: boolean) => void
  repId: number | undefined
  onRep: (id: number | undefined) => void
  busy: boolean
  canApply: boolean
  onApply: () => void
  onDryRun: () => void
  mapping: ImportMapping
  /** A changed mapping or answer is being read again. */
  updating: boolean
  onMapping: (next: ImportMapping) => void
  /** The outcome of the last dry run of this file and mapping. */
  dryRun: ImportOutcome | null
  /** Owner names several reps share, with no rep chosen yet: the import waits for a choice. */
  toChoose: { from: string; reps: number }[]
  /** The running job, once started. */
  job: ImportProgress | undefined
  onCancel: () => void
}) {
  const { preview: p } = props
  // Until the date question is answered, its per-row errors are the question itself: shown once, above.
  const waiting = p.dateOrder === 'ambiguous' && props.dayFirst === undefined
  const errors = p.problems.filter((x) => x.severity === 'error' && !(waiting && x.message.includes('answer the date question')))
  const warnings = p.problems.filter((x) => x.severity === 'warning')
  return (
    <section className="panel wide" aria-labelledby="import-step-preview">
      <h2 id="import-step-preview">2. Check what will be stored</h2>
      {p.savedMapping ? (
        <p className="notice" aria-label="Saved mapping">
          {p.savedMapping === 'exact' ? 'Using the mapping you saved for files of this source with these columns.' : 'Using the mapping you last saved for this source (its files had other columns).'}
        </p>
      ) : null}
      {p.partial ? (
        <p className="muted small" aria-label="Partial preview">
          A big file: this preview reads its first {p.partial.rowsRead.toLocaleString('en-US')} rows ({(p.partial.bytesRead / 1048576).toFixed(1)} of {(p.partial.bytesTotal / 1048576).toFixed(1)} MB). The counts below are for those rows; a dry run reads it all.
        </p>
      ) : null}
      <div className="stats">
        <Stat label="Detected source" value={p.sourceLabel} hint={p.entry ? `from ${p.entry}` : undefined} />
        <Stat label="Encoding" value={p.encoding} />
        <Stat label="Delimiter" value={p.delimiter === ',' ? 'comma' : p.delimiter === ';' ? 'semicolon' : p.delimiter} hint={`header on row ${p.headerRow}`} />
        <Stat
          label="Rows"
          value={p.rowCount}
          hint={[p.droppedRows.length ? `${p.droppedRows.length} footer rows dropped` : '', p.socialActivities ? `+ ${p.socialActivities} posts, comments and reactions` : '']
            .filter(Boolean)
            .join(' · ') || undefined}
        />
      </div>
      <p className="import-dry-run" aria-label="Dry run">
        <Chip tone="good">{p.toCreate} to create</Chip> <Chip tone="info">{p.toUpdate} to update</Chip>{' '}
        {waiting ? <Chip tone="warn">waiting for the date answer</Chip> : <Chip tone={p.toSkip ? 'warn' : 'neutral'}>{p.toSkip} to skip</Chip>}
      </p>

      {p.dateOrder === 'ambiguous' ? (
        <fieldset className="import-question">
          <legend>Dates like 03/04/2027 in this file could be read two ways. Which comes first?</legend>
          <label>
            <input type="radio" name="day-order" checked={props.dayFirst === true} onChange={() => props.onDayFirst(true)} /> Day first (3 April 2027)
          </label>
          <label>
            <input type="radio" name="day-order" checked={props.dayFirst === false} onChange={() => props.onDayFirst(false)} /> Month first (March 4, 2027)
          </label>
        </fieldset>
      ) : null}

      {p.needsRep ? <RepChoice repId={props.repId} onRep={props.onRep} /> : null}

      {p.missingRequired.length ? (
        <p className="import-needs" role="note" aria-label="Required fields missing">
          No column is read as {p.missingRequired.join(', ')} yet: choose the column that holds {p.missingRequired.length > 1 ? 'each' : 'it'} below before importing.
        </p>
      ) : null}
      <ColumnMappingEditor preview={p} mapping={props.mapping} onChange={props.onMapping} busy={props.busy} />

      <h3>
        First rows as they will be stored{' '}
        <span className="muted small" aria-live="polite">
          {props.updating ? 'updating…' : ''}
        </span>
      </h3>
      <div className="table-wrap">
        <table className="data-table compact" aria-label="Preview rows">
          <thead>
            <tr>
              <th className="num">Row</th>
              {p.sampleFields.map((f) => (
                <th key={f}>{f}</th>
              ))}
            </tr>
          </thead>
          <tbody>
            {p.sample.map((s) => (
              <tr key={s.row}>
                <td className="num">{s.row}</td>
                {p.sampleFields.map((f) => (
                  <td key={f}>{s.values[f]}</td>
                ))}
              </tr>
            ))}
            {p.sample.length === 0 ? (
              <tr>
                <td colSpan={p.sampleFields.length + 1} className="muted">
                  No row can be stored yet.
                </td>
              </tr>
            ) : null}
          </tbody>
        </table>
      </div>

      <ValueMappingEditor preview={p} mapping={props.mapping} onChange={props.onMapping} busy={props.busy} />

      {p.accountMatches.length ? <AccountMatches matches={p.accountMatches} /> : null}
      {p.newReps.length ? (
        <p className="muted small" aria-label="New reps">
          Owners with no rep of that name, added as new reps: {p.newReps.join(', ')}
        </p>
      ) : null}

      {errors.length || warnings.length ? (
        <>
          <h3>Problems</h3>
          <ul className="import-problems" aria-label="Problems">
            {[...errors, ...warnings].slice(0, 50).map((x, i) => (
              <li key={i}>
                <Chip tone={x.severity === 'error' ? 'bad' : 'warn'}>{x.severity === 'error' ? 'skipped' : 'note'}</Chip>{' '}
                <span className="muted small">
                  {x.file}
                  {x.row !== null ? `, row ${x.row}` : ''}
                  {x.column !== null ? `, column "${x.column}"` : ''}
                </span>{' '}
                {x.message}
              </li>
            ))}
          </ul>
        </>
      ) : null}
      {p.droppedRows.length ? (
        <p className="muted small">Dropped: {p.droppedRows.map((d) => `row ${d.row} (${d.reason})`).join('; ')}</p>
      ) : null}

      {props.toChoose.length ? (
        <p className="import-needs" role="note" aria-label="Owners to choose">
          {props.toChoose.map((o) => `${o.reps} reps are named ${o.from}`).join('; ')}: choose which one in Owners above before importing.
        </p>
      ) : null}
      <div className="import-apply">
        <button type="button" className="button" disabled={!props.canApply} onClick={props.onDryRun}>
          Dry run
        </button>
        <button type="button" className="button primary" disabled={!props.canApply} onClick={props.onApply}>
          {props.busy ? 'Importing…' : p.partial ? `Apply the whole file (about ${count(estimateRows(p.partial))} rows)` : `Apply ${p.toCreate + p.toUpdate} rows`}
        </button>
        {props.busy ? null : <span className="muted small">A dry run reads the whole file and writes nothing. Apply takes a backup first; a failure or a cancel writes nothing.</span>}
      </div>
      {props.dryRun ? <DryRunPanel result={props.dryRun} /> : null}
      {props.busy ? props.job ? <JobProgress job={props.job} onCancel={props.onCancel} /> : <Loading label="Reading the file…" /> : null}
    </section>
  )
}

const count = (n: number) => n.toLocaleString('en-US')

/** The rows of a file previewed from its head: its rows per byte so far, over all its bytes, to two figures. */
function estimateRows(partial: NonNullable<ImportPreview['partial']>): number {
  const rows = (partial.rowsRead * partial.bytesTotal) / Math.max(1, partial.bytesRead)
  const step = 10 ** Math.max(0, Math.floor(Math.log10(Math.max(1, rows))) - 1)
  return Math.round(rows / step) * step
}

/** What the whole file would do, counted by the real import and rolled back. */
function DryRunPanel({ result: r }: { result: ImportOutcome }) {
  const created = r.dealsCreated + r.connectionsCreated + r.activitiesCreated
  const updated = r.dealsUpdated + r.connectionsUpdated
  return (
    <div className="import-dry-run-result" role="region" aria-label="Dry run result">
      <p>
        <strong>Dry run of the whole file ({count(r.rowsRead)} rows): nothing was written.</strong> <Chip tone="good">{count(created)} would be created</Chip>{' '}
        <Chip tone="info">{count(updated)} would be updated</Chip> <Chip tone={r.skipped ? 'warn' : 'neutral'}>{count(r.skipped)} would be skipped</Chip>
        {r.accountsCreated || r.repsCreated ? <span className="muted small"> · {r.accountsCreated} new accounts, {r.repsCreated} new reps</span> : null}
      </p>
      {r.problems.filter((x) => x.severity === 'error').length ? (
        <ul className="import-problems" aria-label="Rows that would be skipped">
          {r.problems
            .filter((x) => x.severity === 'error')
            .slice(0, 20)
            .map((x, i) => (
              <li key={i}>
                <span className="muted small">
                  row {x.row ?? '?'}
                  {x.column !== null ? `, column "${x.column}"` : ''}
                </span>{' '}
                {x.message}
              </li>
            ))}
          {r.problemCount > 20 ? <li className="muted small">and more ({count(r.problemCount)} problems in all)</li> : null}
        </ul>
      ) : null}
    </div>
  )
}

function seconds(s: number): string {
  if (s < 60) return `${Math.max(1, Math.ceil(s))} s`
  return `${Math.floor(s / 60)} min ${Math.ceil(s % 60)} s`
}

/**
 * A running import: for the first second a plain busy line (most imports end sooner), then a bar with rows done,
 * the rate and the time left, and a Cancel button that takes the focus the Apply button had.
 */
function JobProgress({ job, onCancel }: { job: ImportProgress; onCancel: () => void }) {
  if (job.elapsedSeconds < 1) return <Loading label="Backing up the workspace and importing…" />
  const total = job.rowsTotal
  const what =
    job.phase === 'backup'
      ? 'Backing up the workspace before writing…'
      : job.phase === 'indexing' && job.step
        ? `${count(job.rowsDone)} rows written; building the activity indexes (${job.step.done + 1} of ${job.step.total})…`
        : job.phase === 'finishing'
          ? `${count(job.rowsDone)} rows written; updating the evidence of the deals they touch and saving…`
        : job.phase === 'reading'
          ? 'Reading the file…'
          : `${count(job.rowsDone)}${total ? ` of about ${count(total)}` : ''} rows · ${count(job.rowsPerSecond)} rows/s${job.secondsLeft !== null ? ` · about ${seconds(job.secondsLeft)} left` : ''}`
  return (
    <div className="import-progress" role="group" aria-label="Import progress">
      <progress aria-label="Rows imported" max={total ?? undefined} value={total ? Math.min(job.rowsDone, total) : undefined} />
      <p className="import-progress-text" aria-live="polite">
        {job.cancelRequested ? 'Cancelling: rolling back what was written…' : what}
      </p>
      <button type="button" className="button" onClick={onCancel} disabled={job.cancelRequested} autoFocus>
        {job.cancelRequested ? 'Cancelling…' : 'Cancel import'}
      </button>
    </div>
  )
}

const OUTCOME: Record<ImportPreview['accountMatches'][number]['outcome'], { label: string; tone: 'good' | 'warn' | 'neutral' | 'bad' }> = {
  new: { label: 'new account', tone: 'neutral' },
  loose: { label: 'matched ignoring legal suffix', tone: 'warn' },
  several: { label: 'several accounts fit: left unmatched', tone: 'bad' },
  unmatched: { label: 'no account', tone: 'neutral' }
}

function AccountMatches({ matches }: { matches: ImportPreview['accountMatches'] }) {
  return (
    <>
      <h3>Companies that are not an exact account match</h3>
      <div className="table-wrap fit">
        <table className="data-table compact" aria-label="Account matches">
          <thead>
            <tr>
              <th>Company in the file</th>
              <th className="num">Rows</th>
              <th>Outcome</th>
              <th>Account</th>
            </tr>
          </thead>
          <tbody>
            {matches.slice(0, 50).map((m) => (
              <tr key={m.name}>
                <td>{m.name}</td>
                <td className="num">{m.rows}</td>
                <td>
                  <Chip tone={OUTCOME[m.outcome].tone}>{OUTCOME[m.outcome].label}</Chip>
                </td>
                <td>{m.accountName ?? <span className="muted">—</span>}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {matches.length > 50 ? <p className="muted small">and {matches.length - 50} more</p> : null}
    </>
  )
}

function RepChoice({ repId, onRep }: { repId: number | undefined; onRep: (id: number | undefined) => void }) {
  const reps = useActiveReps()
  return (
    <div className="toolbar">
      <label>
        Whose LinkedIn archive is this?
        <select aria-label="Rep" value={repId ?? ''} onChange={(e) => onRep(e.target.value ? Number(e.target.value) : undefined)}>
          <option value="">Choose a rep…</option>
          {(reps.data?.rows ?? []).map((r) => (
            <option key={r.id} value={r.id}>
              {r.name}
            </option>
          ))}
        </select>
      </label>
      {reps.data && reps.data.rows.length === 0 ? <span className="muted small">No reps yet: import a CRM export first, it brings the owners.</span> : null}
    </div>
  )
}

function RecentImports() {
  const history = useImportHistory()
  const rows = history.data ?? []
  if (rows.length === 0) return null
  return (
    <section className="panel wide" aria-labelledby="import-history">
      <h2 id="import-history">Recent imports</h2>
      <div className="table-wrap">
        <table className="data-table compact" aria-label="Recent imports">
          <thead>
            <tr>
              <th>File</th>
              <th>Source</th>
              <th>When</th>
              <th className="num">Created</th>
              <th className="num">Updated</th>
              <th className="num">Skipped</th>
              <th>For</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((b) => (
              <tr key={b.id}>
                <td>{b.fileName}</td>
                <td>{IMPORT_SOURCE_NAMES[b.source]}</td>
                <td>{b.importedAt.replace('T', ' ').replace('Z', ' UTC')}</td>
                <td className="num">{b.created}</td>
                <td className="num">{b.updated}</td>
                <td className="num">{b.skipped}</td>
                <td>{b.repName ?? <span className="muted">—</span>}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  )
}

function ResultPanel({ result: r }: { result: ImportResult }) {
  const connections = r.connectionsCreated + r.connectionsUpdated > 0
  return (
    <section className="panel wide" aria-labelledby="import-step-done">
      <h2 id="import-step-done">3. Imported</h2>
      <p className="notice" role="status">
        {connections
          ? `${r.connectionsCreated} connections added, ${r.connectionsUpdated} updated${r.activitiesCreated ? `, ${r.activitiesCreated} social activities added` : ''}.`
          : r.source === 'activities'
            ? `${count(r.activitiesCreated)} activities added.`
            : `${r.dealsCreated} deals created, ${r.dealsUpdated} updated.`}{' '}
        {r.skipped ? `${r.skipped} rows skipped.` : ''}
      </p>
      <div className="stats">
        <Stat label="Deals created" value={r.dealsCreated} />
        <Stat label="Deals updated" value={r.dealsUpdated} />
        <Stat label="Accounts created" value={r.accountsCreated} />
        <Stat label="Reps created" value={r.repsCreated} />
        <Stat label="Connections" value={r.connectionsCreated + r.connectionsUpdated} />
        <Stat label={r.source === 'activities' ? 'Activities' : 'Social activities'} value={r.activitiesCreated} />
        <Stat label="History entries" value={r.historyEntries} />
      </div>
      <p className="muted small">Backup taken before the import: {r.backup} (restore it from Settings).</p>
      <p>
        <Link to="/pipeline">Open the pipeline</Link>
      </p>
    </section>
  )
}
