// Maps LinkedIn Connections.csv rows to connections: the person, their company and position, the day connected.
import type { ImportProblem } from '@shared/contract/imports'
import type { Field, ResolvedColumns } from './sources'
import type { TableRecord } from './table'
import { detectDayOrder, parseDate, text, type DayOrder } from './values'

export interface ImportedConnection {
  line: number
  personName: string
  company: string | null
  position: string | null
  connectedOn: string | null
}

export function mapConnectionRecords(file: string, headers: readonly string[], columns: ResolvedColumns, records: readonly TableRecord[]) {
  const connections: ImportedConnection[] = []
  const problems: ImportProblem[] = []
  let skipped = 0
  // LinkedIn writes `27 Jun 2026`; older archives and Excel re-saves write numbers, US-style (`06/05/26` is June 5)
  // unless the file's own dates show day first (`27/06/2026`).
  const at = columns.index.connectedOn
  const verdict = at === undefined ? null : detectDayOrder(records.map((r) => r.cells[at] ?? ''))
  const order: DayOrder = verdict?.kind === 'known' ? verdict.order : 'mdy'
  for (const r of records) {
    const cell = (f: Field): string | undefined => {
      const i = columns.index[f]
      return i === undefined ? undefined : r.cells[i]
    }
    const personName = [text(cell('firstName')), text(cell('lastName'))].filter((s): s is string => s !== null).join(' ')
    if (personName === '') {
      // LinkedIn leaves names blank for members who hide them: nothing to match, so the row is skipped, not an error.
      problems.push({ severity: 'warning', file, row: r.line, column: headers[columns.index.firstName ?? 0] ?? 'First Name', message: 'no name (a hidden profile): skipped' })
      skipped++
      continue
    }
    const on = parseDate(cell('connectedOn'), order)
    if (on.kind === 'invalid') {
      problems.push({ severity: 'error', file, row: r.line, column: headers[columns.index.connectedOn ?? 0] ?? 'Connected On', message: on.reason })
      skipped++
      continue
    }
    connections.push({
      line: r.line,
      personName,
      company: text(cell('company')),
      position: text(cell('position')),
      connectedOn: on.kind === 'date' ? on.iso : null
    })
  }
  return { connections, problems, skipped }
}
