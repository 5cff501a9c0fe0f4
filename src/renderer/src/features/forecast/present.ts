// How forecast figures are shown and exported: money in whole units, percentages, and CSV text built from a table.
import { formatMoney } from '../../kit/format'

export const pct = (v: number | null | undefined, digits = 0) => (v === null || v === undefined ? '—' : `${(v * 100).toFixed(digits)} %`)
export const money = (minor: number | null | undefined, currency = 'USD') => (minor === null || minor === undefined ? '—' : formatMoney(minor, currency, { compact: true }))
export const days = (v: number | null | undefined) => (v === null || v === undefined ? '—' : `${Math.round(v)} d`)

export type CsvValue = string | number | null | undefined

/**
 * RFC 4180 text: every field quoted when it holds a comma, quote or line break. A text field starting with
 * = + - @ gets a leading apostrophe so a spreadsheet shows it instead of running it as a formula (CSV injection).
 */
export function toCsv(headers: readonly string[], rows: readonly CsvValue[][]): string {
  const field = (v: CsvValue): string => {
    if (v === null || v === undefined) return ''
    if (typeof v === 'number') return Number.isFinite(v) ? String(v) : ''
    const safe = /^[=+\-@\t\r]/.test(v) ? `'${v}` : v
    return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe
  }
  return [headers, ...rows].map((r) => r.map(field).join(',')).join('\r\n') + '\r\n'
}

/** Money for CSV: whole currency units with cents, no symbols or grouping, so a spreadsheet can add it up. */
export const csvMoney = (minor: number | null | undefined) => (minor === null || minor === undefined ? null : (minor / 100).toFixed(2))

export const SERIES = ['#0072B2', '#E69F00', '#009E73', '#CC79A7', '#D55E00', '#56B4E9'] as const

export const LOSS_REASON_LABEL: Record<string, string> = {
  value_and_competition: 'Value message and competition',
  pricing: 'Pricing',
  complex_buying_requirements: 'Complex buying requirements',
  failure_to_attract: 'Failing to attract new clients',
  other: 'Other'
}
