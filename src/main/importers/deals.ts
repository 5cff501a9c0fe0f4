// Maps CRM deal rows (any source) to Touchline deals: their stage names, forecast categories and statuses to ours.
import type { DealStatus, ForecastCategory, LossReason, Stage } from '@shared/domain'
import type { ImportProblem } from '@shared/contract/imports'
import type { Field, ResolvedColumns } from './sources'
import type { TableRecord } from './table'
import { headerKey } from './table'
import { canonicalId, fractionColumn, headerCurrency, isExcelRoundedId, parseBoolean, parseDate, parseMoney, parsePercent, splitValues, text, type DayOrder } from './values'

export interface ImportedDeal {
  line: number
  externalId: string | null
  name: string
  account: string
  owner: string | null
  stage: Stage
  status: DealStatus
  amountMinor: number
  currency: string
  probability: number
  forecastCategory: ForecastCategory
  closeDate: string
  createdDate: string | null
  nextStep: string | null
  lossReason: LossReason | null
}

// Ordered: the first pattern a stage name matches decides (e.g. "Closed Won" before "Negotiation").
// Salesforce's default stages also in German, French, Spanish and Japanese (a report run in those languages exports
// them so). Lost before won: 不成立 (lost) holds 成立 (won).
const STAGE_PATTERNS: [RegExp, Stage | 'won' | 'lost'][] = [
  [/closed?\s*[-/]?\s*lost|^lost$|disqualified|verloren|perdu|perdid[ao]|不成立|失注/i, 'lost'],
  [/closed?\s*[-/]?\s*won|^won$|contract\s*signed|gewonnen|gagn[ée]|ganad[ao]|成立|受注/i, 'won'],
  [/negotiat|review|contract|commit|verhandl|n[ée]gociat|negociaci|交渉/i, 'negotiation'],
  [/proposal|quote|pricing|angebot|devis|presupuesto|見積/i, 'proposal'],
  [/value|solution|demo|decision\s*makers?|perception|present|evaluat|wertversprechen|entscheidung|wahrnehmung|valeur|d[ée]cisionnaire|toma de decisiones|valor|percepci|価値提案|意思決定|認識分析/i, 'solution'],
  [/qualif|needs|discovery|analysis|meeting\s*(scheduled|booked)|appointment|bedarf|besoins|calific|cualific|necesidades|ニーズ|評価/i, 'qualifying'],
  [/prospe[ck]|lead|new|open|initial|contact|見込み/i, 'prospecting']
]

export function mapStage(raw: string): Stage | 'won' | 'lost' | null {
  for (const [pattern, stage] of STAGE_PATTERNS) if (pattern.test(raw)) return stage
  return null
}

/** The category an open deal's cell names (English, German, French or Spanish labels), or null when it names none. */
export function namedForecastCategory(raw: string | null): ForecastCategory | null {
  const v = (raw ?? '').toLowerCase()
  if (/commit|engagement|compromis/.test(v)) return 'commit'
  if (/best|bester|meilleur|mejor/.test(v)) return 'best_case'
  if (/omit|ausgelassen|omis/.test(v)) return 'omitted'
  if (/closed|abgeschlossen|ferm[ée]|cerrad/.test(v)) return 'commit'
  if (/pipeline/.test(v)) return 'pipeline'
  return null
}

export function mapForecastCategory(raw: string | null, status: DealStatus, probability: number): ForecastCategory {
  if (status !== 'open') return 'closed'
  // No category named: a reading of probability, the way Salesforce's defaults map stages.
  return namedForecastCategory(raw) ?? (probability >= 90 ? 'commit' : probability >= 60 ? 'best_case' : 'pipeline')
}

function mapLossReason(raw: string | null): LossReason | null {
  if (!raw) return null
  const v = raw.toLowerCase()
  if (/pric|budget|cost|expensive/.test(v)) return 'pricing'
  if (/compet|value|feature/.test(v)) return 'value_and_competition'
  if (/complex|requirement|procure|legal|security/.test(v)) return 'complex_buying_requirements'
  return 'other'
}

// When a closed deal's close-date cell is empty: the moment it was won or lost, as Pipedrive and others export it.
const WON_AT = new Set(['deal - won time', 'won time', 'won date', 'date won', 'deal - deal closed on', 'deal closed on', 'closed date'])
const LOST_AT = new Set(['deal - lost time', 'lost time', 'lost date', 'date lost', 'deal - deal closed on', 'deal closed on', 'closed date'])

const DEFAULT_PROBABILITY: Record<Stage, number> = { prospecting: 10, qualifying: 20, solution: 40, proposal: 60, negotiation: 80 }

const GROUPING_FIELDS: readonly Field[] = ['owner', 'account', 'stage', 'forecastCategory']

function lineSpan(r: TableRecord): number {
  let n = 1
  for (const c of r.cells) for (let i = c.indexOf('\n'); i >= 0; i = c.indexOf('\n', i + 1)) n++
  return n
}

/**
 * A formatted report grouped by its first column (owner, account or stage) and saved as CSV writes each group's
 * value on the group's first row only, and the subtotal row under each group (dropped as a footer) leaves a gap in
 * the line numbers. When the rows fall into two or more such runs — the first row of every run filled in that
 * column, every other row blank — the value is carried down; otherwise the rows are left as written.
 */
function fillReportGroups(file: string, headers: readonly string[], columns: ResolvedColumns, records: readonly TableRecord[]): { records: readonly TableRecord[]; problem: ImportProblem | null } {
  const field = columns.fieldOf[0]
  if (field === null || field === undefined || !GROUPING_FIELDS.includes(field) || records.length < 3) return { records, problem: null }
  const filled = (r: TableRecord) => (r.cells[0] ?? '').trim() !== ''
  let runs = 0
  let longRun = false
  let blanks = 0
  let expected = -1
  let runLength = 0
  for (const r of records) {
    if (r.line !== expected) {
      if (!filled(r)) return { records, problem: null }
      runs++
      runLength = 1
    } else {
      if (filled(r)) return { records, problem: null }
      blanks++
      if (++runLength >= 2) longRun = true
    }
    expected = r.line + lineSpan(r)
  }
  if (runs < 2 || !longRun || blanks === 0) return { records, problem: null }
  let value = ''
  let firstFilled: number | null = null
  const out = records.map((r) => {
    if (filled(r)) {
      value = r.cells[0] ?? ''
      return r
    }
    firstFilled ??= r.line
    return { line: r.line, cells: [value, ...r.cells.slice(1)] }
  })
  const header = headers[0] ?? field
  return { records: out, problem: { severity: 'warning', file, row: firstFilled, column: header, message: `read as a report grouped by ${header}: each group's value on its first row is carried down to the ${blanks} row(s) under it, from this one on` } }
}

export interface DealMapping {
  deals: ImportedDeal[]
  problems: ImportProblem[]
  skipped: number
}

export function mapDealRecords(file: string, headers: readonly string[], columns: ResolvedColumns, rows: readonly TableRecord[], order: DayOrder | null): DealMapping {
  const deals: ImportedDeal[] = []
  const { records, problem: grouped } = fillReportGroups(file, headers, columns, rows)
  const problems: ImportProblem[] = grouped ? [grouped] : []
  let skipped = 0
  const keys = headers.map(headerKey)
  const closedAt = (names: ReadonlySet<string>) => keys.flatMap((k, i) => (names.has(k) && i !== columns.index.closeDate ? [i] : []))
  const wonAt = closedAt(WON_AT)
  const lostAt = closedAt(LOST_AT)
  // HubSpot's association columns list every associated company, separated by semicolons: the first is the primary.
  const accountListed = keys[columns.index.account ?? -1]?.startsWith('associated') === true
  /** External id → the row it was first read on: a second row with it (a report with one row per product) is not a second deal. */
  const idRows = new Map<string, number>()
  const amountHeaderCurrency = headerCurrency(headers[columns.index.amount ?? -1])
  const probabilityAt = columns.index.probability
  const fractions = probabilityAt !== undefined && fractionColumn(records.map((r) => r.cells[probabilityAt]))
  for (const r of records) {
    const cell = (f: Field): string | undefined => {
      const i = columns.index[f]
      return i === undefined ? undefined : r.cells[i]
    }
    const header = (f: Field): string => headers[columns.index[f] ?? -1] ?? f
    const rowProblems: ImportProblem[] = []
    const fail = (f: Field, message: string) => rowProblems.push({ severity: 'error', file, row: r.line, column: header(f), message })

    const externalId = canonicalId(text(cell('externalId')))
    if (isExcelRoundedId(externalId)) {
      fail('externalId', `"${externalId}" is an id Excel rounded to a number when the file was saved: export again and import the file without saving it from Excel`)
    }
    const name = text(cell('name'))
    if (!name) fail('name', 'the deal has no name')
    const accountCell = text(cell('account'))
    const account = (accountListed && accountCell !== null ? (splitValues(accountCell)[0] ?? null) : accountCell) ?? text(cell('accountId'))
    if (!account) fail(columns.index.account !== undefined ? 'account' : 'accountId', 'the deal has no account')
    const stageRaw = text(cell('stage')) ?? ''
    const statusRaw = (text(cell('status')) ?? '').toLowerCase()
    if (statusRaw === 'deleted') {
      // Pipedrive exports deals deleted in it with this status: they are in no one's pipeline.
      problems.push({ severity: 'warning', file, row: r.line, column: header('status'), message: 'the deal is marked deleted in the CRM: skipped' })
      skipped++
      continue
    }
    let mapped = statusRaw === 'won' ? 'won' : statusRaw === 'lost' ? 'lost' : mapStage(stageRaw)
    if (mapped === null) {
      fail('stage', stageRaw ? `the stage "${stageRaw}" matches none of ours (prospecting … negotiation, won, lost)` : 'the deal has no stage')
      mapped = 'prospecting'
    }
    const isWon = parseBoolean(cell('isWon'))
    const isClosed = parseBoolean(cell('isClosed'))
    if (isClosed.ok && isClosed.value && columns.index.isClosed !== undefined && mapped !== 'won' && mapped !== 'lost') {
      mapped = isWon.ok && isWon.value ? 'won' : 'lost'
    }
    const status: DealStatus = mapped === 'won' ? 'won' : mapped === 'lost' ? 'lost' : 'open'
    // A closed deal keeps the last open stage our schema knows; the CRM does not say which it was.
    const stage: Stage = mapped === 'won' || mapped === 'lost' ? 'negotiation' : mapped

    const money = parseMoney(cell('amount'))
    if (!money.ok) fail('amount', money.reason)
    const amountMinor = money.ok && money.value ? money.value.minor : 0
    if (amountMinor < 0) fail('amount', 'the amount is negative')
    const currencyCell = text(cell('currency'))
    // The currency written in the amount cell is the one its number is in (a converted amount beside the deal's own
    // currency column is in the corporate currency), then the one the amount column's name gives (`Amount (EUR)`);
    // the currency column speaks for bare numbers.
    const currency = ((money.ok ? money.value?.currency : null) ?? amountHeaderCurrency ?? currencyCell ?? 'USD').toUpperCase()
    if (!/^[A-Z]{3}$/.test(currency)) fail('currency', `"${currency}" is not a three-letter currency code`)

    const pct = parsePercent(cell('probability'), fractions ? true : null)
    if (!pct.ok) fail('probability', pct.reason)
    const probability = status === 'won' ? 100 : status === 'lost' ? 0 : ((pct.ok ? pct.value : null) ?? DEFAULT_PROBABILITY[stage])

    let closeCell = cell('closeDate')
    /** The won/lost column read instead of an empty close date, named in its problems. */
    let closedAtHeader: string | null = null
    if (text(closeCell) === null && status !== 'open') {
      // A deal won or lost without an expected close date closes when it was won or lost.
      const at = (status === 'won' ? wonAt : lostAt).find((i) => text(r.cells[i]) !== null)
      if (at !== undefined) {
        closeCell = r.cells[at]
        closedAtHeader = headers[at] ?? null
      }
    }
    const close = parseDate(closeCell, order)
    let closeDate = ''
    if (close.kind === 'date') closeDate = close.iso
    else if (close.kind === 'missing') fail('closeDate', 'the deal has no close date')
    else if (close.kind === 'ambiguous') fail('closeDate', `"${cell('closeDate')}" could be day/month or month/day: answer the date question`)
    else if (closedAtHeader === null) fail('closeDate', close.reason)
    else rowProblems.push({ severity: 'error', file, row: r.line, column: closedAtHeader, message: close.reason })
    const created = parseDate(cell('createdDate'), order)
    let createdDate: string | null = null
    if (created.kind === 'date') createdDate = created.iso
    else if (created.kind === 'invalid') fail('createdDate', created.reason)
    else if (created.kind === 'ambiguous') fail('createdDate', `"${cell('createdDate')}" could be day/month or month/day: answer the date question`)

    if (rowProblems.length > 0 || !name || !account) {
      problems.push(...rowProblems)
      skipped++
      continue
    }
    if (externalId !== null) {
      const firstRow = idRows.get(externalId)
      if (firstRow !== undefined) {
        problems.push({ severity: 'warning', file, row: r.line, column: header('externalId'), message: `the deal ${externalId} was read on row ${firstRow} already: this row is skipped` })
        skipped++
        continue
      }
      idRows.set(externalId, r.line)
    }
    deals.push({
      line: r.line,
      externalId,
      name,
      account,
      owner: text(cell('owner')),
      stage,
      status,
      amountMinor,
      currency,
      probability,
      forecastCategory: mapForecastCategory(text(cell('forecastCategory')), status, probability),
      closeDate,
      createdDate,
      nextStep: text(cell('nextStep')),
      lossReason: status === 'lost' ? mapLossReason(text(cell('lossReason'))) : null
    })
  }
  return { deals, problems, skipped }
}
