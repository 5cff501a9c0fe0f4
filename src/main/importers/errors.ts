// The one error an import raises: it always names the file, and the row and column when it knows them.
import { TouchlineError } from '@shared/errors'

export interface Where {
  file: string
  /** 1-based line of the record in the file, as a spreadsheet would number it. */
  row?: number
  column?: string
}

export function describeWhere(where: Where): string {
  const parts = [`file "${where.file}"`]
  if (where.row !== undefined) parts.push(`row ${where.row}`)
  if (where.column !== undefined) parts.push(`column "${where.column}"`)
  return parts.join(', ')
}

export class ImportError extends TouchlineError {
  constructor(
    readonly where: Where,
    problem: string
  ) {
    super('INVALID_INPUT', `${describeWhere(where)}: ${problem}`)
  }
}
