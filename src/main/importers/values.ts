// Cell parsers for what real exports hold: money with currency, percentages, booleans, missing markers, dates.

/** `-`, `NA`, `N/A`, `null` and blank mean "no value" in every source we read. */
export function isMissing(raw: string | undefined): boolean {
  if (raw === undefined) return true
  const v = raw.trim().toLowerCase()
  return v === '' || v === '-' || v === '--' || v === 'na' || v === 'n/a' || v === 'null' || v === '#n/a'
}

export function text(raw: string | undefined): string | null {
  if (raw === undefined || raw === '') return null
  // Fast path for the common cell: printable ASCII at both ends (nothing to trim) and longer than any missing marker.
  const first = raw.charCodeAt(0)
  const last = raw.charCodeAt(raw.length - 1)
  if (raw.length > 4 && first > 32 && first < 127 && last > 32 && last < 127) return raw
  return isMissing(raw) ? null : raw.trim()
}

const SALESFORCE_SUFFIX = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ012345'

/**
 * A record id as one spelling: Salesforce writes the same record as a 15-character id in reports and an 18-character
 * one (the 15 plus a case checksum) from the API and Data Loader, so a checksummed 18-character id becomes its 15.
 * Anything else is returned as written.
 */
export function canonicalId(raw: string | null): string | null {
  if (raw === null || raw.length !== 18 || !/^[a-zA-Z0-9]{18}$/.test(raw)) return raw
  let suffix = ''
  for (let chunk = 0; chunk < 3; chunk++) {
    let bits = 0
    for (let i = 0; i < 5; i++) {
      const c = raw.charCodeAt(chunk * 5 + i)
      if (c >= 65 && c <= 90) bits |= 1 << i
    }
    suffix += SALESFORCE_SUFFIX[bits]
  }
  return suffix === raw.slice(15).toUpperCase() ? raw.slice(0, 15) : raw
}

/** An id Excel turned into a rounded number when the export was opened and saved (`1.83E+10`): the real id is lost. */
export function isExcelRoundedId(raw: string | null): boolean {
  return raw !== null && /^\d(?:[.,]\d+)?E\+\d+$/i.test(raw)
}

export type Parsed<T> = { ok: true; value: T | null } | { ok: false; reason: string }

const SYMBOLS: Record<string, string> = {
  $: 'USD', US$: 'USD', '€': 'EUR', '£': 'GBP', '¥': 'JPY', CHF: 'CHF', 'A$': 'AUD', 'AU$': 'AUD', C$: 'CAD', 'CA$': 'CAD',
  'NZ$': 'NZD', 'HK$': 'HKD', 'S$': 'SGD', 'R$': 'BRL', '₹': 'INR', '₩': 'KRW', '₺': 'TRY', 'zł': 'PLN',
  // Japanese Excel writes the yen sign full width, or as the Shift_JIS byte 0x5C, which decodes as a backslash.
  '￥': 'JPY', '\\': 'JPY'
}

const HEADER_CURRENCY = /\s*\((usd|eur|gbp|jpy|chf|aud|cad|sek|nok|dkk|pln|czk|inr|cny|brl|mxn|nzd|sgd|hkd|zar|[$€£¥])\)\s*$/i

/** The currency a column's name gives its numbers (`Amount (EUR)`, `Value (€)`), or null. */
export function headerCurrency(header: string | undefined): string | null {
  const m = HEADER_CURRENCY.exec(header ?? '')
  if (!m) return null
  const code = (m[1] ?? '').toUpperCase()
  return SYMBOLS[code] ?? code
}

/** A column's name without the currency it names: `Amount (EUR)` is the Amount column. */
export function withoutHeaderCurrency(key: string): string {
  return key.replace(HEADER_CURRENCY, '')
}

/** A plain number with either thousands convention: `485,000.00`, `485.000,00`, `485 000`, `0.07`. */
export function parseNumber(raw: string | undefined): Parsed<number> {
  if (isMissing(raw)) return { ok: true, value: null }
  // Spaces of every width and apostrophes (straight or typographic, as Swiss Excel writes) group thousands.
  let v = (raw ?? '').trim().replace(/[\s\u00a0\u202f'\u2019]/g, '')
  let negative = false
  if (/^\(.*\)$/.test(v)) {
    negative = true
    v = v.slice(1, -1)
  }
  if (v.startsWith('-')) {
    negative = !negative
    v = v.slice(1)
  }
  if (!/^[\d.,]+$/.test(v) || !/\d/.test(v)) return { ok: false, reason: `"${raw}" is not a number` }
  const lastDot = v.lastIndexOf('.')
  const lastComma = v.lastIndexOf(',')
  let normal: string
  if (lastDot >= 0 && lastComma >= 0) {
    // Both present: whichever comes last is the decimal mark.
    normal = lastDot > lastComma ? v.replace(/,/g, '') : v.replace(/\./g, '').replace(',', '.')
  } else if (lastComma >= 0) {
    // Commas alone: groups of three are thousands (`485,000`), otherwise a decimal comma (`12,5`).
    normal = /^\d{1,3}(,\d{3})+$/.test(v) ? v.replace(/,/g, '') : v.replace(',', '.')
  } else if ((v.match(/\./g) ?? []).length > 1) {
    normal = v.replace(/\./g, '')
  } else {
    normal = v
  }
  if (!/^\d*\.?\d*$/.test(normal)) return { ok: false, reason: `"${raw}" is not a number` }
  const n = Number(normal)
  if (!Number.isFinite(n)) return { ok: false, reason: `"${raw}" is not a number` }
  return { ok: true, value: negative ? -n : n }
}

export interface Money {
  minor: number
  currency: string | null
}

/** `USD 485,000.00`, `$1,200`, `1.200,50 €`, `485000` → integer minor units and the currency when the cell names one. */
export function parseMoney(raw: string | undefined): Parsed<Money> {
  if (isMissing(raw)) return { ok: true, value: null }
  let v = (raw ?? '').trim()
  let currency: string | null = null
  const code = /^([A-Z]{3})\s*|\s*([A-Z]{3})$/.exec(v)
  if (code) {
    currency = code[1] ?? code[2] ?? null
    v = v.replace(code[0], '')
  }
  for (const [symbol, iso] of Object.entries(SYMBOLS)) {
    if (v.startsWith(symbol) || v.endsWith(symbol)) {
      currency ??= iso
      v = v.startsWith(symbol) ? v.slice(symbol.length) : v.slice(0, -symbol.length)
      break
    }
  }
  // Money never has three decimals in the currencies we see: `5.000` is five thousand, as European exports write it.
  const trimmed = v.trim()
  const n = parseNumber(/^\d{1,3}(\.\d{3})+$/.test(trimmed) ? trimmed.replace(/\./g, '') : trimmed)
  if (!n.ok) return { ok: false, reason: `"${raw}" is not an amount of money` }
  if (n.value === null) return { ok: false, reason: `"${raw}" has a currency but no amount` }
  return { ok: true, value: { minor: Math.round(n.value * 100), currency } }
}

/**
 * `90%`, `90`, and fractions `0.07` (or `0,07` from a decimal-comma Excel) → a whole percentage 0–100. `fractions`
 * says how a column reads as a whole (see fractionColumn): true, every bare number is a fraction, `1` included;
 * null, a cell alone is a fraction only when it is below 1 with a decimal mark.
 */
export function parsePercent(raw: string | undefined, fractions: boolean | null = null): Parsed<number> {
  if (isMissing(raw)) return { ok: true, value: null }
  const v = (raw ?? '').trim()
  const hasSign = v.endsWith('%')
  const n = parseNumber(hasSign ? v.slice(0, -1) : v)
  if (!n.ok || n.value === null) return { ok: false, reason: `"${raw}" is not a percentage` }
  const fraction = !hasSign && (fractions === true ? n.value <= 1 : fractions === null && n.value > 0 && n.value < 1 && /[.,]/.test(v))
  const pct = fraction ? n.value * 100 : n.value
  if (pct < 0 || pct > 100) return { ok: false, reason: `"${raw}" is outside 0–100 %` }
  return { ok: true, value: Math.round(pct) }
}

/**
 * Whether a probability column holds fractions (HubSpot writes 0.2 … 1.0): every filled cell a bare number from 0
 * to 1 and one of them strictly between. Then `1` is 100 %, not 1 %.
 */
export function fractionColumn(cells: readonly (string | undefined)[]): boolean {
  let between = false
  for (const raw of cells) {
    if (isMissing(raw)) continue
    const v = (raw ?? '').trim()
    if (v.endsWith('%')) return false
    const n = parseNumber(v)
    if (!n.ok || n.value === null || n.value < 0 || n.value > 1) return false
    if (n.value > 0 && n.value < 1) between = true
  }
  return between
}

/** `1`/empty, `TRUE`/`FALSE`, `Yes`/`No`: an empty cell is false because flag columns export "not set" as blank. */
export function parseBoolean(raw: string | undefined): Parsed<boolean> {
  const v = (raw ?? '').trim().toLowerCase()
  if (['1', 'true', 'yes', 'y', 'x', '✓'].includes(v)) return { ok: true, value: true }
  if (['', '0', 'false', 'no', 'n', '-'].includes(v)) return { ok: true, value: false }
  return { ok: false, reason: `"${raw}" is not yes/no` }
}

/** Multi-value cells separated by semicolons (or commas when the file itself is semicolon-delimited). */
export function splitValues(raw: string | undefined, separator = ';'): string[] {
  if (isMissing(raw)) return []
  return (raw ?? '')
    .split(separator)
    .map((s) => s.trim())
    .filter((s) => s !== '' && !isMissing(s))
}

// ---- dates ----

/** The number written by `length` ASCII digits at `start`, or -1 when any of them is not a digit. */
function digits(s: string, start: number, length: number): number {
  let n = 0
  for (let i = start; i < start + length; i++) {
    const c = s.charCodeAt(i) - 48
    if (c < 0 || c > 9) return -1
    n = n * 10 + c
  }
  return n
}

export type DayOrder = 'dmy' | 'mdy'

const MONTHS: Record<string, number> = {
  jan: 1, feb: 2, mar: 3, apr: 4, may: 5, jun: 6, jul: 7, aug: 8, sep: 9, sept: 9, oct: 10, nov: 11, dec: 12,
  january: 1, february: 2, march: 3, april: 4, june: 6, july: 7, august: 8, september: 9, october: 10, november: 11, december: 12,
  // German, French and Spanish, as Excel in those languages writes a date with the month's name.
  januar: 1, jän: 1, jänner: 1, februar: 2, mär: 3, märz: 3, maerz: 3, mai: 5, juni: 6, juli: 7, okt: 10, oktober: 10, dez: 12, dezember: 12,
  janv: 1, janvier: 1, fév: 2, févr: 2, février: 2, mars: 3, avr: 4, avril: 4, juin: 6, juil: 7, juillet: 7, août: 8, aout: 8,
  septembre: 9, octobre: 10, novembre: 11, déc: 12, décembre: 12,
  ene: 1, enero: 1, febrero: 2, marzo: 3, abr: 4, abril: 4, mayo: 5, junio: 6, julio: 7, ago: 8, agosto: 8, septiembre: 9,
  setiembre: 9, octubre: 10, noviembre: 11, dic: 12, diciembre: 12
}

export type DateResult =
  | { kind: 'date'; iso: string }
  | { kind: 'missing' }
  | { kind: 'ambiguous'; a: number; b: number; year: number }
  | { kind: 'invalid'; reason: string }

function fullYear(y: string): number {
  const n = Number(y)
  // Two-digit years in exports are this century's (`9-Sep-22`).
  return y.length <= 2 ? 2000 + n : n
}

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]

/** Whether the day exists in the calendar (and the year is one an export could mean). */
function realDay(year: number, month: number, day: number): boolean {
  if (!(year >= 1900 && year <= 2200 && month >= 1 && month <= 12 && day >= 1)) return false
  const leap = month === 2 && year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0)
  return day <= (DAYS_IN_MONTH[month - 1] ?? 0) + (leap ? 1 : 0)
}

const pad2 = (n: number) => (n < 10 ? `0${n}` : String(n))

function build(year: number, month: number, day: number, raw: string): DateResult {
  if (!realDay(year, month, day)) return { kind: 'invalid', reason: `"${raw}" is not a real date` }
  return { kind: 'date', iso: `${String(year).padStart(4, '0')}-${pad2(month)}-${pad2(day)}` }
}

/**
 * One cell as a calendar date. Numeric day/month dates use `order` when given; without it a date whose
 * parts are both ≤ 12 is reported ambiguous rather than guessed.
 */
// A time of day after a date (`7:35 AM`, `07:35:00.000+0000`, `07:35 UTC`): a close date is the calendar day written.
const TRAILING_TIME = /(?:T|,?\s+)\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:\s*[AaPp]\.?\s?[Mm]\.?)?(?:\s*(?:Z|UTC|GMT|[+-]\d{2}:?\d{2}))?$/

export function parseDate(raw: string | undefined, order: DayOrder | null = null): DateResult {
  if (isMissing(raw)) return { kind: 'missing' }
  const written = (raw ?? '').trim()
  const v = written.indexOf(':') > 0 ? written.replace(TRAILING_TIME, '') : written
  let m = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?$/.exec(v)
  if (m) return build(Number(m[1]), Number(m[2]), Number(m[3]), v)
  m = /^(\d{4})\/(\d{1,2})\/(\d{1,2})$/.exec(v)
  if (m) return build(Number(m[1]), Number(m[2]), Number(m[3]), v)
  // 27 Jun 2026, 9-Sep-22, 27-June-2026, 27th June 2026, 27. Juni 2026, 27 déc. 2026, 27 de junio de 2026
  // (The plain English form is tried first: LinkedIn writes every connection's date so, and it is the cheaper match.)
  m = /^(\d{1,2})[\s-]+([A-Za-z]{3,9})\.?[\s,-]+(\d{2}|\d{4})$/.exec(v) ?? /^(\d{1,2})(?:st|nd|rd|th)?\.?[\s-]+(?:de\s+)?(\p{L}{3,10})\.?(?:\s+de)?[\s,-]+(\d{2}|\d{4})$/u.exec(v)
  if (m) {
    const month = MONTHS[(m[2] ?? '').toLowerCase()]
    if (month) return build(fullYear(m[3] ?? ''), month, Number(m[1]), v)
  }
  // Jun 27, 2026 · June 27th, 2026
  m = /^(\p{L}{3,10})\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})$/u.exec(v)
  if (m) {
    const month = MONTHS[(m[1] ?? '').toLowerCase()]
    if (month) return build(Number(m[3]), month, Number(m[2]), v)
  }
  // Aug 2022 → the first of the month
  m = /^(\p{L}{3,10})\.?\s+(\d{4})$/u.exec(v)
  if (m) {
    const month = MONTHS[(m[1] ?? '').toLowerCase()]
    if (month) return build(Number(m[2]), month, 1, v)
  }
  // 6/27/26, 7:35 AM · 16/10/2025 · 16.10.2025
  m = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{2}|\d{4})(?:,?\s+\d{1,2}:\d{2}(?::\d{2})?(?:\s*[AaPp][Mm])?)?$/.exec(v)
  if (m) {
    const a = Number(m[1])
    const b = Number(m[2])
    const year = fullYear(m[3] ?? '')
    if (a > 12 && b > 12) return { kind: 'invalid', reason: `"${raw}" is not a real date` }
    if (a > 12) return build(year, b, a, v)
    if (b > 12) return build(year, a, b, v)
    if (a === b) return build(year, a, a, v)
    if (order === null) return { kind: 'ambiguous', a, b, year }
    return order === 'dmy' ? build(year, b, a, v) : build(year, a, b, v)
  }
  return { kind: 'invalid', reason: `"${raw}" is not a date this importer reads` }
}

export type OrderVerdict = { kind: 'known'; order: DayOrder } | { kind: 'none' } | { kind: 'ambiguous' } | { kind: 'conflict'; at: number }

/** The day/month order a whole file uses, read from the dates that can only be one way. */
export function detectDayOrder(values: readonly string[]): OrderVerdict {
  let dmy = false
  let mdy = false
  let ambiguous = false
  const separator = (c: number) => c === 47 || c === 46 || c === 45
  for (let at = 0; at < values.length; at++) {
    const raw = values[at] ?? ''
    // Most cells are ruled out by their first characters (`27 Jun 2026`, `2026-06-27`, words): no trim, no match.
    const c0 = raw.charCodeAt(0)
    if (c0 > 32 && !(c0 >= 48 && c0 <= 57 && (separator(raw.charCodeAt(1)) || separator(raw.charCodeAt(2))))) continue
    const m = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{2}|\d{4})\b/.exec(raw.trim())
    if (!m) continue
    const a = Number(m[1])
    const b = Number(m[2])
    if (a > 12 && b <= 12) dmy = true
    else if (b > 12 && a <= 12) mdy = true
    else if (a !== b && a <= 12 && b <= 12) ambiguous = true
    // The first date that contradicts the ones before it is where the file stops making sense.
    if (dmy && mdy) return { kind: 'conflict', at }
  }
  if (dmy) return { kind: 'known', order: 'dmy' }
  if (mdy) return { kind: 'known', order: 'mdy' }
  return ambiguous ? { kind: 'ambiguous' } : { kind: 'none' }
}

/** A timestamp as LinkedIn and CRMs write it (`2026-06-27 07:35:00`, ISO with T/Z) → UTC `YYYY-MM-DDTHH:MM:SSZ`; a bare date is midnight. */
export function parseDateTime(raw: string | undefined): string | null {
  if (raw !== undefined && raw.length === 19) {
    // Fast path for the usual export stamp `YYYY-MM-DD HH:MM:SS` (or with T): checked digit by digit, no regex or Date.
    const t = raw.charCodeAt(10)
    if (raw.charCodeAt(4) === 45 && raw.charCodeAt(7) === 45 && (t === 32 || t === 84) && raw.charCodeAt(13) === 58 && raw.charCodeAt(16) === 58) {
      const y = digits(raw, 0, 4)
      const mo = digits(raw, 5, 2)
      const d = digits(raw, 8, 2)
      const h = digits(raw, 11, 2)
      const mi = digits(raw, 14, 2)
      const s = digits(raw, 17, 2)
      if (y >= 0 && mo >= 0 && d >= 0 && h >= 0 && mi >= 0 && s >= 0) {
        if (!realDay(y, mo, d) || h > 23 || mi > 59 || s > 59) return null
        return t === 84 ? `${raw}Z` : `${raw.slice(0, 10)}T${raw.slice(11)}Z`
      }
    }
  }
  if (isMissing(raw)) return null
  const m = /^(\d{4}-\d{2}-\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2}))?(?:\.\d+)?\s*(Z|UTC|GMT|[+-]\d{2}:?\d{2})?)?$/i.exec((raw ?? '').trim())
  if (!m) return null
  const day = parseDate(m[1])
  if (day.kind !== 'date') return null
  const [h, min, s] = [m[2] ?? '00', m[3] ?? '00', m[4] ?? '00']
  if (Number(h) > 23 || Number(min) > 59 || Number(s) > 59) return null
  const offset = /^([+-])(\d{2}):?(\d{2})$/.exec(m[5] ?? '')
  if (!offset || (offset[2] === '00' && offset[3] === '00')) return `${day.iso}T${h}:${min}:${s}Z`
  // A stamp with its offset (`+0200`, `-05:00`, as API exports write them) is moved to UTC.
  const sign = offset[1] === '-' ? -1 : 1
  const ms = Date.UTC(Number(day.iso.slice(0, 4)), Number(day.iso.slice(5, 7)) - 1, Number(day.iso.slice(8, 10)), Number(h), Number(min), Number(s))
  return new Date(ms - sign * (Number(offset[2]) * 60 + Number(offset[3])) * 60_000).toISOString().replace(/\.\d{3}Z$/, 'Z')
}
