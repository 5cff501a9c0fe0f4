// Maps CRM deal rows (any source) to Touchline deals: their stage names, forecast categories and statuses to ours.
import type { DealStatus, ForecastCategory, LossReason, Stage } from '@shared/domain'
import type { ImportProblem } from '@shared/contract/imports'
import type { Field, ResolvedColumns } from './sources'
import type { TableRecord } from './table'
import { parseBoolean, parseDate, parseMoney, parsePercent, text, type DayOrder } from './values'

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
const STAGE_PATTERNS: [RegExp, Stage | 'won' | 'lost'][] = [
  [/closed?\s*[-/]?\s*won|^won$|contract\s*signed/i, 'won'],
  [/closed?\s*[-/]?\s*lost|^lost$|disqualified/i, 'lost'],
  [/negotiat|review|contract|commit/i, 'negotiation'],
  [/proposal|quote|pricing/i, 'proposal'],
  [/value|solution|demo|decision\s*makers?|perception|present|evaluat/i, 'solution'],
  [/qualif|needs|discovery|analysis|meeting\s*(scheduled|booked)|appointment/i, 'qualifying'],
  [/prospect|lead|new|open|initial|contact/i, 'prospecting']
]

export function mapStage(raw: string): Stage | 'won' | 'lost' | null {
  for (const [pattern, stage] of STAGE_PATTERNS) if (pattern.test(raw)) return stage
  return null
}

export function mapForecastCategory(raw: string | null, status: DealStatus, probability: number): ForecastCategory {
  const v = (raw ?? '').toLowerCase()
  if (status !== 'open') return 'closed'
  if (/commit/.test(v)) return 'commit'
  if (/best/.test(v)) return 'best_case'
  if (/omit/.test(v)) return 'omitted'
  if (/closed/.test(v)) return 'commit'
  if (/pipeline/.test(v)) return 'pipeline'
  // No category column: a reading of probability, the way Salesforce's defaults map stages.
  return probability >= 90 ? 'commit' : probability >= 60 ? 'best_case' : 'pipeline'
}

function mapLossReason(raw: string | null): LossReason | null {
  if (!raw) return null
  const v = raw.toLowerCase()
  if (/pric|budget|cost|expensive/.test(v)) return 'pricing'
  if (/compet|value|feature/.test(v)) return 'value_and_competition'
  if (/complex|requirement|procure|legal|security/.test(v)) return 'complex_buying_requirements'
  return 'other'
}

const DEFAULT_PROBABILITY: Record<Stage, number> = { prospecting: 10, qualifying: 20, solution: 40, proposal: 60, negotiation: 80 }

export interface DealMapping {
  deals: ImportedDeal[]
  problems: ImportProblem[]
  skipped: number
}

export function mapDealRecords(file: string, headers: readonly string[], columns: ResolvedColumns, records: readonly TableRecord[], order: DayOrder | null): DealMapping {
  const deals: ImportedDeal[] = []
  const problems: ImportProblem[] = []
  let skipped = 0
  for (const r of records) {
    const cell = (f: Field): string | undefined => {
      const i = columns.index[f]
      return i === undefined ? undefined : r.cells[i]
    }
    const header = (f: Field): string => headers[columns.index[f] ?? -1] ?? f
    const rowProblems: ImportProblem[] = []
    const fail = (f: Field, message: string) => rowProblems.push({ severity: 'error', file, row: r.line, column: header(f), message })

    const name = text(cell('name'))
    if (!name) fail('name', 'the deal has no name')
    const account = text(cell('account')) ?? text(cell('accountId'))
    if (!account) fail(columns.index.account !== undefined ? 'account' : 'accountId', 'the deal has no account')
    const stageRaw = text(cell('stage')) ?? ''
    const statusRaw = (text(cell('status')) ?? '').toLowerCase()
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
    const currency = (currencyCell ?? (money.ok ? money.value?.currency : null) ?? 'USD').toUpperCase()
    if (!/^[A-Z]{3}$/.test(currency)) fail('currency', `"${currency}" is not a three-letter currency code`)

    const pct = parsePercent(cell('probability'))
    if (!pct.ok) fail('probability', pct.reason)
    const probability = status === 'won' ? 100 : status === 'lost' ? 0 : ((pct.ok ? pct.value : null) ?? DEFAULT_PROBABILITY[stage])

    const close = parseDate(cell('closeDate'), order)
    let closeDate = ''
    if (close.kind === 'date') closeDate = close.iso
    else if (close.kind === 'missing') fail('closeDate', 'the deal has no close date')
    else if (close.kind === 'ambiguous') fail('closeDate', `"${cell('closeDate')}" could be day/month or month/day: answer the date question`)
    else fail('closeDate', close.reason)
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
    deals.push({
      line: r.line,
      externalId: text(cell('externalId')),
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
