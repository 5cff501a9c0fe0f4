// Pure rules turning a prep sheet's facts into suggested talking points, each pointing at the deal to open.
import type { ActionItemRow, DealChange, FlaggedDeal, RepCard, RoleCoverage, TalkingPoint } from '@shared/contract'
import { LABELS, type ForecastCategory } from '@shared/domain'
import { formatMoney } from '@shared/money'

export interface TalkingPointFacts {
  today: string
  currency: string
  noEvidenceDays: number
  card: RepCard
  changes: DealChange[]
  flagged: FlaggedDeal[]
  forecast: { commitMinor: number; evidenceCommitMinor: number }
  decisionRoles: RoleCoverage[]
  actionItems: ActionItemRow[]
}

const MAX_POINTS = 8
/** Below this share of days with a public activity a rep is mostly invisible (domain rule 4). */
export const LOW_VISIBILITY_SHARE = 0.3
/** Pipeline under this multiple of what is left to close is thin. */
export const THIN_COVERAGE = 3

const plural = (n: number, one: string, many: string) => (n === 1 ? one : many)

export function talkingPoints(f: TalkingPointFacts): TalkingPoint[] {
  const points: TalkingPoint[] = []
  const money = (minor: number) => formatMoney(minor, f.currency, { compact: true })

  // Forecast deals with nothing behind them come first: the seeds' leader would not forecast them.
  for (const category of ['commit', 'best_case'] as ForecastCategory[]) {
    const quiet = f.flagged
      .filter((d) => d.forecastCategory === category && d.flags.some((x) => x.flag === 'no_evidence'))
      .sort((a, b) => b.amountMinor - a.amountMinor || a.dealId - b.dealId)
    const top = quiet[0]
    if (!top) continue
    const label = LABELS.forecastCategory[category].toLowerCase()
    points.push({
      kind: 'no_evidence',
      dealId: top.dealId,
      text: `${quiet.length} ${label} ${plural(quiet.length, 'deal has', 'deals have')} no activity in ${f.noEvidenceDays} days — ask what happened at ${top.accountName}.`
    })
  }

  const gap = f.forecast.commitMinor - f.forecast.evidenceCommitMinor
  if (gap > 0) {
    const biggest = f.flagged
      .filter((d) => d.forecastCategory === 'commit' && d.flags.some((x) => x.flag === 'no_evidence' || x.flag === 'no_relationships' || x.flag === 'qualification_zero'))
      .sort((a, b) => b.amountMinor - a.amountMinor || a.dealId - b.dealId)[0]
    points.push({
      kind: 'evidence_gap',
      dealId: biggest?.dealId ?? null,
      text: `${gap === f.forecast.commitMinor ? `None of the ${money(gap)} commit has` : `${money(gap)} of the ${money(f.forecast.commitMinor)} commit has no`} evidence behind it — which deals would you stand behind${biggest ? `, starting with ${biggest.dealName}` : ''}?`
    })
  }

  for (const c of f.changes.filter((x) => x.type === 'lost').slice(0, 2)) {
    const why = c.lossReason ? LABELS.lossReason[c.lossReason].toLowerCase() : 'no recorded reason'
    points.push({ kind: 'lost', dealId: c.dealId, text: `Lost ${c.dealName} (${why}) — what would we do differently next time?` })
  }

  for (const c of f.changes.filter((x) => x.type === 'close_date' && x.from !== null && x.to !== null && x.to > x.from).slice(0, 2)) {
    points.push({ kind: 'slipped', dealId: c.dealId, text: `${c.dealName} slipped from ${c.from} to ${c.to} — what changed at ${c.accountName}?` })
  }

  for (const c of f.changes.filter((x) => x.type === 'amount' && Number(x.to) < Number(x.from)).slice(0, 2)) {
    points.push({
      kind: 'amount_lowered',
      dealId: c.dealId,
      text: `${c.dealName} dropped from ${money(Number(c.from))} to ${money(Number(c.to))} — what did the buyer push back on?`
    })
  }

  const noBuyer = f.decisionRoles.find((d) => d.missing.includes('economic_buyer'))
  if (noBuyer) {
    points.push({
      kind: 'no_decision_maker',
      dealId: noBuyer.dealId,
      text: `No economic buyer on ${noBuyer.dealName} (${money(noBuyer.amountMinor)}) — who signs, and who really influences them?`
    })
  }

  for (const item of f.actionItems.filter((a) => a.due !== null && a.due < f.today).slice(0, 2)) {
    points.push({ kind: 'overdue_item', dealId: item.dealId, text: `Overdue since ${item.due}: “${item.text}” — done, or what is in the way?` })
  }

  if (f.card.visibilityShare < LOW_VISIBILITY_SHARE) {
    points.push({
      kind: 'visibility',
      dealId: null,
      text: `Public on social ${f.card.publicDays} of the last 30 days — invisible to buyers the rest of the month.`
    })
  }

  if (f.card.coverage !== null && f.card.coverage < THIN_COVERAGE) {
    points.push({
      kind: 'coverage',
      dealId: null,
      text: `Pipeline covers ${f.card.coverage.toFixed(1)}× of the ${money(f.card.remainingQuotaMinor)} left this quarter — where does the rest come from?`
    })
  }

  return points.slice(0, MAX_POINTS)
}
