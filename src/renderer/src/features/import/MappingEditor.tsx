// The wizard's mapping step: each column's field (editable, unused columns listed) and their values to ours.
import { IMPORT_FORECAST_TARGETS, IMPORT_STAGE_TARGETS, type ImportField, type ImportMapping, type ImportOwnerRow, type ImportPreview, type RepRow } from '@shared/contract'
import { Chip } from '../../kit/kit'
import { useActiveReps } from './hooks'

/** The same matching main does: trimmed, case and inner spacing ignored. */
const key = (s: string) => s.trim().toLowerCase().replace(/\s+/g, ' ')

const STAGE_LABELS: Record<(typeof IMPORT_STAGE_TARGETS)[number], string> = {
  prospecting: 'Prospecting',
  qualifying: 'Qualifying',
  solution: 'Solution',
  proposal: 'Proposal',
  negotiation: 'Negotiation',
  won: 'Closed won',
  lost: 'Closed lost'
}
const FORECAST_LABELS: Record<(typeof IMPORT_FORECAST_TARGETS)[number], string> = { commit: 'Commit', best_case: 'Best case', pipeline: 'Pipeline', omitted: 'Omitted' }

/** A column's field under a mapping that may be ahead of the last preview: its own override, else its built-in field unless taken. */
export function fieldOf(mapping: ImportMapping, columns: ImportPreview['columns'], header: string): ImportField | null {
  const own = mapping.columns.find((c) => key(c.header) === key(header))
  if (own) return own.field
  const auto = columns.find((c) => key(c.header) === key(header))?.auto ?? null
  return auto !== null && !mapping.columns.some((c) => c.field === auto) ? auto : null
}

/**
 * A column set to a field. Any other column holding that field lets go of it (a field is never mapped twice); a column
 * that had let go of this column's previous field gets it back; a column set to its built-in field needs no override.
 */
export function withColumn(mapping: ImportMapping, columns: ImportPreview['columns'], header: string, field: ImportField | null): ImportMapping {
  const before = fieldOf(mapping, columns, header)
  const autoOf = (h: string) => columns.find((c) => key(c.header) === key(h))?.auto ?? null
  let kept = mapping.columns.filter((c) => key(c.header) !== key(header) && (field === null || c.field !== field))
  if (before !== null) kept = kept.filter((c) => !(c.field === null && autoOf(c.header) === before))
  if (field !== null) {
    for (const c of columns) {
      if (key(c.header) === key(header) || kept.some((k) => key(k.header) === key(c.header))) continue
      if (fieldOf({ ...mapping, columns: kept }, columns, c.header) === field) kept.push({ header: c.header, field: null })
    }
  }
  const own = field === autoOf(header) && !kept.some((c) => c.field === field) ? [] : [{ header, field }]
  return { ...mapping, columns: [...kept, ...own] }
}

/**
 * Owner names several reps share that the mapping (as edited) leaves open: the import refuses them, so the wizard
 * asks for a choice first.
 */
export function unresolvedOwners(preview: ImportPreview, mapping: ImportMapping): ImportOwnerRow[] {
  return preview.values.owners.filter((o) => o.rows > 0 && o.namesakes.length > 1 && !mapping.owners.some((m) => key(m.from) === key(o.from)))
}

/** What tells reps apart in a list where two share a name: their team, else their email, else their id. */
function repLabels(reps: readonly RepRow[]): Map<number, string> {
  const counts = new Map<string, number>()
  for (const r of reps) counts.set(key(r.name), (counts.get(key(r.name)) ?? 0) + 1)
  return new Map(reps.map((r) => [r.id, (counts.get(key(r.name)) ?? 0) > 1 ? `${r.name} (${[r.teamName ? `team ${r.teamName}` : null, r.email].filter(Boolean).join(', ') || `rep ${r.id}`})` : r.name]))
}

type Choice = { value: string; label: string }

function withValue<T extends { from: string }>(list: readonly T[], from: string, entry: T | null): T[] {
  const kept = list.filter((x) => key(x.from) !== key(from))
  return entry ? [...kept, entry] : kept
}

export function ColumnMappingEditor({ preview: p, mapping, onChange, busy }: { preview: ImportPreview; mapping: ImportMapping; onChange: (next: ImportMapping) => void; busy: boolean }) {
  const unused = p.columns.filter((c) => c.header !== '' && fieldOf(mapping, p.columns, c.header) === null)
  return (
    <>
      <h3>Column mapping</h3>
      <p className="muted small">
        Each column of the file and the field it fills. Change one with its list; the preview below follows, and the mapping is saved for this source when you apply.
      </p>
      <div className="table-wrap fit">
        <table className="data-table compact import-mapping" aria-label="Column mapping">
          <thead>
            <tr>
              <th>Column in the file</th>
              <th>Stored as</th>
            </tr>
          </thead>
          <tbody>
            {p.columns.map((c, i) => (
              <tr key={`${c.header}-${i}`}>
                <td>{c.header || <span className="muted">(no name)</span>}</td>
                <td>
                  {c.header ? (
                    <span className="import-field-choice">
                      <select
                        aria-label={`Stored as for column ${c.header}`}
                        value={fieldOf(mapping, p.columns, c.header) ?? ''}
                        disabled={busy}
                        onChange={(e) => onChange(withColumn(mapping, p.columns, c.header, p.targetFields.find((t) => t.field === e.target.value)?.field ?? null))}
                      >
                        <option value="">not used</option>
                        {p.targetFields.map((t) => (
                          <option key={t.field} value={t.field}>
                            {t.label}
                            {t.required ? ' (required)' : ''}
                          </option>
                        ))}
                      </select>
                      {mapping.columns.some((o) => key(o.header) === key(c.header)) ? <Chip tone="info">changed</Chip> : null}
                    </span>
                  ) : (
                    <span className="muted">not used</span>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <p className="muted small" aria-label="Unmapped columns">
        {unused.length ? `Columns not used: ${unused.map((c) => c.header).join(', ')}` : 'Every column is used.'}
      </p>
      {p.missingFields.length ? <p className="muted small">Not in this file (left empty or defaulted): {p.missingFields.join(', ')}</p> : null}
      {mapping.columns.length ? (
        <button type="button" className="button" disabled={busy} onClick={() => onChange({ ...mapping, columns: [] })}>
          Reset columns to the built-in names
        </button>
      ) : null}
    </>
  )
}

function ValueTable<R extends { from: string; rows: number }>({
  title,
  ours,
  label,
  rows,
  chosen,
  busy,
  options,
  autoText,
  skippedUnlessMapped,
  neededUnlessMapped,
  onPick
}: {
  title: string
  /** The heading of the column with our value. */
  ours: string
  label: string
  rows: readonly R[]
  /** The draft mapping's value for one of theirs, ahead of the preview. */
  chosen: (from: string) => string | null
  busy: boolean
  /** The choices for every row, or for one row in labelled groups (the reps a shared name could be, then the others). */
  options: Choice[] | ((row: R) => { label: string; options: Choice[] }[])
  autoText: (row: R) => string
  /** Whether a row with no value of ours, chosen or read, is skipped (a chip says so). */
  skippedUnlessMapped?: (row: R) => boolean
  /** Whether a row with no value of ours must be given one before importing (a chip says so). */
  neededUnlessMapped?: (row: R) => boolean
  onPick: (from: string, to: string | null) => void
}) {
  if (rows.length === 0) return null
  return (
    <div className="import-values">
      <h4>{title}</h4>
      <div className="table-wrap fit">
        <table className="data-table compact" aria-label={title}>
          <thead>
            <tr>
              <th>In the file</th>
              <th className="num">Rows</th>
              <th>{ours}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.from}>
                <td>{r.from}</td>
                <td className="num">{r.rows > 0 ? r.rows : <span className="muted small">not in the rows previewed</span>}</td>
                <td>
                  <select aria-label={`${label} ${r.from}`} value={chosen(r.from) ?? ''} disabled={busy} onChange={(e) => onPick(r.from, e.target.value || null)}>
                    <option value="">{autoText(r)}</option>
                    {Array.isArray(options)
                      ? options.map((o) => (
                          <option key={o.value} value={o.value}>
                            {o.label}
                          </option>
                        ))
                      : options(r).map((g) => (
                          <optgroup key={g.label} label={g.label}>
                            {g.options.map((o) => (
                              <option key={o.value} value={o.value}>
                                {o.label}
                              </option>
                            ))}
                          </optgroup>
                        ))}
                  </select>{' '}
                  {chosen(r.from) === null && skippedUnlessMapped?.(r) ? <Chip tone="bad">rows skipped</Chip> : null}
                  {chosen(r.from) === null && neededUnlessMapped?.(r) ? <Chip tone="bad">choose one</Chip> : null}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  )
}

export function ValueMappingEditor({ preview: p, mapping: m, onChange, busy }: { preview: ImportPreview; mapping: ImportMapping; onChange: (next: ImportMapping) => void; busy: boolean }) {
  const reps = useActiveReps()
  const { stages, forecastCategories, owners } = p.values
  if (stages.length + forecastCategories.length + owners.length === 0) return null
  const find = <T extends { from: string }>(list: readonly T[], from: string) => list.find((x) => key(x.from) === key(from))
  return (
    <section aria-labelledby="import-values">
      <h3 id="import-values">Their values to ours</h3>
      <p className="muted small">Each value is read as shown unless you choose another; the choice applies to every row with that value.</p>
      <div className="import-value-tables">
        <ValueTable
          title="Stages"
          ours="Ours"
          label="Our stage for"
          rows={stages}
          busy={busy}
          chosen={(from) => find(m.stages, from)?.to ?? null}
          options={IMPORT_STAGE_TARGETS.map((s) => ({ value: s, label: STAGE_LABELS[s] }))}
          autoText={({ auto }) => (auto === null ? 'no match: skipped' : `as read: ${STAGE_LABELS[auto as keyof typeof STAGE_LABELS] ?? auto}`)}
          skippedUnlessMapped={({ auto }) => auto === null}
          onPick={(from, to) => onChange({ ...m, stages: withValue(m.stages, from, to ? { from, to: IMPORT_STAGE_TARGETS.find((s) => s === to) ?? 'prospecting' } : null) })}
        />
        <ValueTable
          title="Forecast categories"
          ours="Ours"
          label="Our forecast category for"
          rows={forecastCategories}
          busy={busy}
          chosen={(from) => find(m.forecastCategories, from)?.to ?? null}
          options={IMPORT_FORECAST_TARGETS.map((f) => ({ value: f, label: FORECAST_LABELS[f] }))}
          autoText={({ auto }) => (auto === null ? 'as read: from probability' : `as read: ${FORECAST_LABELS[auto as keyof typeof FORECAST_LABELS] ?? auto}`)}
          onPick={(from, to) => onChange({ ...m, forecastCategories: withValue(m.forecastCategories, from, to ? { from, to: IMPORT_FORECAST_TARGETS.find((f) => f === to) ?? 'pipeline' } : null) })}
        />
        <ValueTable
          title="Owners"
          ours="Rep"
          label="Rep for"
          rows={owners}
          busy={busy}
          chosen={(from) => {
            const repId = find(m.owners, from)?.repId
            return repId === undefined ? null : String(repId)
          }}
          options={(row) => {
            const all = reps.data?.rows ?? []
            const labels = repLabels(all)
            const same = new Set(row.namesakes.map((n) => n.id))
            const others = { label: 'Reps', options: all.filter((r) => !same.has(r.id)).map((r) => ({ value: String(r.id), label: labels.get(r.id) ?? r.name })) }
            // A shared name: the reps it could be first (departed ones too), told apart by team and email.
            return same.size > 1 ? [{ label: `Reps named ${row.from}`, options: row.namesakes.map((n) => ({ value: String(n.id), label: n.label })) }, { ...others, label: 'Other reps' }] : [others]
          }}
          autoText={({ autoRep, namesakes, from, rows }) =>
            namesakes.length > 1 ? `${namesakes.length} reps are named ${from}: choose one${rows > 0 ? '' : ' in case it comes up'}` : autoRep ? `as read: ${autoRep}` : 'as read: a new rep'
          }
          neededUnlessMapped={({ namesakes, rows }) => rows > 0 && namesakes.length > 1}
          onPick={(from, to) => onChange({ ...m, owners: withValue(m.owners, from, to ? { from, repId: Number(to) } : null) })}
        />
      </div>
    </section>
  )
}
