// A chart with the table behind it one click away, and that table exportable to CSV.
import { useState, type ReactNode } from 'react'
import { DataTable, type Column } from '../../kit/kit'
import { downloadText } from '../../api/download'
import { toCsv, type CsvValue } from './present'

export interface CsvSpec<T> {
  fileName: string
  headers: string[]
  row: (r: T) => CsvValue[]
}

export function ChartPanel<T extends { id: number }>({
  title,
  chart,
  columns,
  rows,
  csv,
  onRowClick,
  height = 240,
  note
}: {
  title: string
  chart: ReactNode
  columns: Column<T>[]
  rows: T[]
  csv: CsvSpec<T>
  onRowClick?: (row: T) => void
  height?: number
  note?: ReactNode
}) {
  const [asTable, setAsTable] = useState(false)
  const slug = title.toLowerCase().replace(/[^a-z0-9]+/g, '-')
  return (
    <figure className="chart-frame fc-panel" aria-label={title}>
      <figcaption className="fc-panel-head">
        <span>{title}</span>
        <span className="fc-panel-actions">
          <button type="button" className="fc-link" aria-pressed={asTable} onClick={() => setAsTable((v) => !v)} data-testid={`toggle-${slug}`}>
            {asTable ? 'Show chart' : 'Show table'}
          </button>
          <button type="button" className="fc-link" onClick={() => downloadText(csv.fileName, toCsv(csv.headers, rows.map(csv.row)))}>
            Export CSV
          </button>
        </span>
      </figcaption>
      {note ? <p className="muted fc-note">{note}</p> : null}
      {asTable ? (
        <DataTable caption={title} columns={columns} rows={rows} onRowClick={onRowClick} />
      ) : (
        <div className="fc-chart" style={{ height }}>
          {chart}
        </div>
      )}
    </figure>
  )
}
