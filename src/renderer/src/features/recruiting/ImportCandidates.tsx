// Import candidates from a CSV: choose the file, main checks every row and catches likely duplicates; the result lists what was added, flagged or wrong.
import { useRef, useState } from 'react'
import { CANDIDATE_CSV_MAX_CHARS, type CandidateImportResult, type CandidateImportRow, type DuplicateMatch } from '@shared/contract'
import { useCallMutation } from '../../api/query'
import { ErrorBanner, Loading } from '../../kit/kit'
import { useMergeCandidates } from './hooks'
import './candidate-import.css'

export const useImportCandidates = () => useCallMutation('candidates.importCsv')

export const MATCHED_ON: Record<DuplicateMatch['matchedOn'][number], string> = {
  email: 'same email',
  linkedin: 'same LinkedIn profile',
  name_company: 'same name and company'
}

export function ImportCandidates({
  requisition,
  onClose,
  onOpen
}: {
  requisition: { id: number; title: string } | null
  onClose: () => void
  onOpen: (candidateId: number) => void
}) {
  const run = useImportCandidates()
  const input = useRef<HTMLInputElement>(null)
  const [toRole, setToRole] = useState(true)
  const [createDuplicates, setCreateDuplicates] = useState(false)
  const [problem, setProblem] = useState<string | null>(null)

  const choose = async (file: File | undefined) => {
    setProblem(null)
    run.reset()
    if (!file) return
    // A byte is at least one character, so a file over the limit in bytes may still fit; main has the last word.
    if (file.size > CANDIDATE_CSV_MAX_CHARS * 4) {
      setProblem(`${file.name} is ${(file.size / 1e6).toFixed(1)} MB; a candidate CSV is at most 5 MB. Split the file.`)
      return
    }
    const text = await file.text()
    run.mutate({
      fileName: file.name,
      text,
      requisitionId: toRole && requisition ? requisition.id : undefined,
      onDuplicate: createDuplicates ? 'create' : 'skip'
    })
    if (input.current) input.current.value = ''
  }

  return (
    <section className="panel wide candidate-import" aria-label="Import candidates (CSV)">
      <div className="panel-head">
        <h2>Import candidates (CSV)</h2>
        <button type="button" className="button" onClick={onClose}>
          Close
        </button>
      </div>
      <p className="muted">
        One candidate per row. Columns (any order, any case): <strong>Name</strong> (or First Name and Last Name), Email, Phone, Location, Current
        company, Current title, Source, LinkedIn URL, Social Media, Website, Job (a role's title), Notes. An ATS bulk template reads as it is. Other
        columns are ignored. If any row has a problem nothing is imported, and every problem is listed.
      </p>
      <div className="candidate-import-options">
        {requisition ? (
          <label>
            <input type="checkbox" checked={toRole} onChange={(e) => setToRole(e.target.checked)} /> Add them to {requisition.title} as sourced
          </label>
        ) : null}
        <label>
          <input type="checkbox" checked={createDuplicates} onChange={(e) => setCreateDuplicates(e.target.checked)} /> Also add rows that look like existing
          candidates (listed below for merging)
        </label>
        <label className="field">
          Candidate CSV
          <input ref={input} type="file" accept=".csv,text/csv,.txt" disabled={run.isPending} onChange={(e) => void choose(e.target.files?.[0])} />
        </label>
      </div>
      {problem ? (
        <div className="error-banner" role="alert">
          {problem}
        </div>
      ) : null}
      <ErrorBanner error={run.error} />
      {run.isPending ? <Loading label="Checking every row…" /> : null}
      {run.data ? <ImportResult result={run.data} onOpen={onOpen} /> : null}
    </section>
  )
}

function ImportResult({ result, onOpen }: { result: CandidateImportResult; onOpen: (id: number) => void }) {
  if (!result.applied) {
    return (
      <div className="candidate-import-result">
        <div className="error-banner" role="alert">
          Nothing was imported from {result.fileName}: {result.errors.length === 1 ? 'one row needs' : `${result.errors.length} problems need`} fixing. Fix
          them in the file and choose it again.
        </div>
        <table className="data-table">
          <caption className="sr-only">Problems in {result.fileName}</caption>
          <thead>
            <tr>
              <th scope="col">Row</th>
              <th scope="col">Column</th>
              <th scope="col">Problem</th>
            </tr>
          </thead>
          <tbody>
            {result.errors.map((e, i) => (
              <tr key={i}>
                <td>{e.row}</td>
                <td>{e.column ?? 'whole row'}</td>
                <td className="wrap">{e.message}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    )
  }
  const skipped = result.flagged.filter((f) => f.candidateId === null).length
  return (
    <div className="candidate-import-result">
      <p role="status">
        <strong>{result.created.length + result.flagged.length - skipped}</strong> added from {result.fileName} ({result.rowsRead} {result.rowsRead === 1 ? 'row' : 'rows'} read)
        {result.flagged.length ? `; ${result.flagged.length} possible ${result.flagged.length === 1 ? 'duplicate' : 'duplicates'}${skipped ? `, ${skipped} skipped` : ''}` : ''}.
        {result.ignoredColumns.length ? ` Ignored columns: ${result.ignoredColumns.join(', ')}.` : ''}
      </p>
      {result.created.length ? (
        <RowsTable caption="Added" rows={result.created} onOpen={onOpen} />
      ) : null}
      {result.flagged.length ? <RowsTable caption="Possible duplicates" rows={result.flagged} onOpen={onOpen} flagged /> : null}
    </div>
  )
}

function RowsTable({ caption, rows, onOpen, flagged = false }: { caption: string; rows: CandidateImportRow[]; onOpen: (id: number) => void; flagged?: boolean }) {
  const merge = useMergeCandidates()
  // Rows already folded into the profile they duplicated: row -> the profile kept.
  const [merged, setMerged] = useState<Record<number, number>>({})
  return (
    <>
      <ErrorBanner error={merge.error} />
      <h3>{caption}</h3>
      <table className="data-table">
        <caption className="sr-only">{caption}</caption>
        <thead>
          <tr>
            <th scope="col">Row</th>
            <th scope="col">Name</th>
            <th scope="col">Company</th>
            {flagged ? <th scope="col">Looks like</th> : null}
            <th scope="col">Profile</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.row}>
              <td>{r.row}</td>
              <td>{r.name}</td>
              <td>{r.currentCompany ?? '—'}</td>
              {flagged ? (
                <td className="wrap">
                  {[
                    ...r.matches.map((m) => `#${m.id} ${m.name}${m.currentCompany ? ` at ${m.currentCompany}` : ''} (${m.matchedOn.map((k) => MATCHED_ON[k]).join(', ')})`),
                    ...(r.duplicateOfRow !== null ? [`row ${r.duplicateOfRow} of this file`] : [])
                  ].join('; ')}
                </td>
              ) : null}
              <td>
                {merged[r.row] !== undefined ? (
                  <button type="button" className="link-button" onClick={() => onOpen(merged[r.row]!)}>
                    Merged: open #{merged[r.row]}
                  </button>
                ) : r.candidateId !== null ? (
                  <div className="profile-actions">
                    <button type="button" className="link-button" onClick={() => onOpen(r.candidateId!)}>
                      Open {r.name}
                    </button>
                    {r.matches.map((m) => (
                        <button
                        key={m.id}
                        type="button"
                        className="link-button"
                        disabled={merge.isPending}
                        onClick={() =>
                          merge.mutate({ keepId: m.id, mergeId: r.candidateId! }, { onSuccess: (kept) => setMerged((x) => ({ ...x, [r.row]: kept.id })) })
                        }
                      >
                        Merge into #{m.id} {m.name}
                      </button>
                    ))}
                  </div>
                ) : r.matches[0] ? (
                  <button type="button" className="link-button" onClick={() => onOpen(r.matches[0]!.id)}>
                    Skipped: open #{r.matches[0].id}
                  </button>
                ) : (
                  <span className="muted">Skipped</span>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  )
}
