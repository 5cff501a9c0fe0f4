// Deals out as CSV for Excel: one row per deal, values that a spreadsheet would run as formulas neutralised.
import type Database from 'better-sqlite3'
import Papa from 'papaparse'

/** A cell starting with = + - @ tab or CR is a formula to Excel: a leading apostrophe keeps it text (OWASP CSV injection). */
export function neutralise(value: string): string {
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value
}

interface Row {
  external_id: string | null
  name: string
  account: string
  owner: string
  stage: string
  status: string
  amount_minor: number
  currency: string
  probability: number
  forecast_category: string
  close_date: string
  created_date: string
  next_step: string | null
}

export function dealsCsv(sqlite: Database.Database, status: 'open' | 'won' | 'lost' | 'all'): string {
  const rows = sqlite
    .prepare(
      `SELECT d.external_id, d.name, a.name AS account, r.name AS owner, d.stage, d.status, d.amount_minor, d.currency, d.probability,
              d.forecast_category, d.close_date, d.created_date, d.next_step
       FROM deals d JOIN accounts a ON a.id = d.account_id JOIN reps r ON r.id = d.owner_id
       WHERE (? = 'all' OR d.status = ?) ORDER BY d.close_date, d.id`
    )
    .all(status, status) as Row[]
  const header = ['External ID', 'Deal', 'Account', 'Owner', 'Stage', 'Status', 'Amount', 'Currency', 'Probability (%)', 'Forecast Category', 'Close Date', 'Created Date', 'Next Step']
  const data = rows.map((r) =>
    [r.external_id ?? '', r.name, r.account, r.owner, r.stage, r.status, (r.amount_minor / 100).toFixed(2), r.currency, String(r.probability), r.forecast_category, r.close_date, r.created_date, r.next_step ?? ''].map(neutralise)
  )
  // A BOM so Excel opens the UTF-8 file with accents intact; CRLF as Excel writes.
  return '\uFEFF' + Papa.unparse({ fields: header, data }, { newline: '\r\n' })
}
