// The evidence facts of every demo deal, gathered while the generator writes the rows they come from.
import type { QualificationCriterion, Stage } from '@shared/domain'
import type { DealFacts, KnownEvidence } from '../services/pipeline/evidence'

const NONE = Number.NEGATIVE_INFINITY

/**
 * Reading the facts back from a new large workspace (two million activities grouped by deal, stage and close-date
 * history, criteria, connections) was most of the evidence refresh. The generator writes every one of those rows, so
 * it keeps the same figures as it goes: the same definitions as factsSql and the stage-median pass in
 * services/pipeline/evidence.ts, which a test holds it to by building demos both ways and comparing the rows.
 * Times are kept as epoch ms and written through the generator's own stamp, so they order as the stored text does.
 */
export class EvidenceFactsCollector {
  private readonly deals: DealFacts[] = []
  // Per deal id, the activity figures.
  private readonly n: Int32Array
  private readonly recent: Int32Array
  private readonly lastAt: Float64Array
  private readonly lastIn: Float64Array
  private readonly lastOut: Float64Array
  private readonly engaged = new Map<number, { contacts: Set<number>; lastAt: number; economicBuyer: boolean }>()
  private readonly connections = new Map<number, number>()
  private readonly stageSpans = new Map<string, number[]>()

  /**
   * `dealCount`: deal ids run 1..dealCount. `cutoffMs`: the first instant of the engaged-contact window.
   * `teamOfRep`: each rep's team (null: none). `economicBuyers`: contact ids with that buying role.
   */
  constructor(
    dealCount: number,
    private readonly cutoffMs: number,
    private readonly teamOfRep: (rep: number) => number | null,
    private readonly economicBuyers: ReadonlySet<number>,
    private readonly stamp: (ms: number) => string
  ) {
    this.n = new Int32Array(dealCount + 1)
    this.recent = new Int32Array(dealCount + 1)
    this.lastAt = new Float64Array(dealCount + 1).fill(NONE)
    this.lastIn = new Float64Array(dealCount + 1).fill(NONE)
    this.lastOut = new Float64Array(dealCount + 1).fill(NONE)
  }

  /** A connection row (rep_id, account_id). */
  connection(rep: number, account: number): void {
    const ownKey = account * 2 * 65_536 + rep
    this.connections.set(ownKey, (this.connections.get(ownKey) ?? 0) + 1)
    const team = this.teamOfRep(rep)
    if (team === null) return
    const teamKey = (account * 2 + 1) * 65_536 + team
    this.connections.set(teamKey, (this.connections.get(teamKey) ?? 0) + 1)
  }

  /**
   * A deal with its stage history (entered_at in ms, in entry order), close-date history (day texts, changed_at in
   * ms) and criteria met. Deals come in id order, after their account's connections.
   */
  deal(
    d: {
      id: number
      open: boolean
      ownerId: number
      accountId: number
      tier: number
      stage: Stage
      forecastCategory: DealFacts['forecast_category']
      amountMinor: number
      closeDate: string
    },
    stages: readonly (readonly [Stage, number])[],
    closes: readonly (readonly [string, string | null, number])[],
    met: QualificationCriterion[]
  ): void {
    const team = this.teamOfRep(d.ownerId)
    // Stage spans: consecutive entries of one deal, as the median pass pairs them.
    let enteredAt = NONE
    for (let i = 0; i < stages.length; i++) {
      const [stage, at] = stages[i]!
      if (at > enteredAt) enteredAt = at
      const next = stages[i + 1]
      if (!next) continue
      const key = `${team ?? 0}|${stage}`
      let list = this.stageSpans.get(key)
      if (!list) this.stageSpans.set(key, (list = []))
      list.push((Date.parse(this.stamp(next[1])) - Date.parse(this.stamp(at))) / 86_400_000)
    }
    let pushes = 0
    let lastPush = NONE
    for (const [close, previous, changedAt] of closes) {
      if (previous === null || !(close > previous)) continue
      pushes++
      if (changedAt > lastPush) lastPush = changedAt
    }
    this.deals.push({
      deal_id: d.id,
      is_open: d.open ? 1 : 0,
      owner_id: d.ownerId,
      team_id: team,
      account_id: d.accountId,
      tier: d.tier,
      stage: d.stage,
      forecast_category: d.forecastCategory,
      amount_minor: d.amountMinor,
      close_date: d.closeDate,
      last_activity_at: null,
      last_inbound_at: null,
      last_outbound_at: null,
      activity_count: 0,
      recent_activity_count: 0,
      engaged_contacts: 0,
      last_engaged_at: null,
      economic_buyer_engaged: 0,
      owner_connections: this.connections.get(d.accountId * 2 * 65_536 + d.ownerId) ?? 0,
      team_connections: team === null ? 0 : (this.connections.get((d.accountId * 2 + 1) * 65_536 + team) ?? 0),
      // group_concat over the (deal_id, criterion) key: in criterion order.
      criteria_met: met.length ? [...met].sort().join(',') : null,
      close_pushes: pushes,
      last_push_at: lastPush === NONE ? null : this.stamp(lastPush),
      stage_entered_at: enteredAt === NONE ? null : this.stamp(enteredAt),
      stage_median_days: null,
      stage_samples: 0,
      // A new workspace has no earlier evidence row to keep the committed amount from.
      amount_at_commit: d.forecastCategory === 'commit' ? d.amountMinor : null
    })
  }

  /** An activity row: its deal, account and contact (or null), direction and time in ms. */
  activity(dealId: number, accountId: number, contactId: number | null, inbound: boolean, ms: number): void {
    this.n[dealId]!++
    if (ms > this.lastAt[dealId]!) this.lastAt[dealId] = ms
    if (inbound) {
      if (ms > this.lastIn[dealId]!) this.lastIn[dealId] = ms
    } else if (ms > this.lastOut[dealId]!) this.lastOut[dealId] = ms
    if (ms < this.cutoffMs) return
    this.recent[dealId]!++
    if (contactId === null) return
    let e = this.engaged.get(accountId)
    if (!e) this.engaged.set(accountId, (e = { contacts: new Set(), lastAt: ms, economicBuyer: false }))
    e.contacts.add(contactId)
    if (ms > e.lastAt) e.lastAt = ms
    if (this.economicBuyers.has(contactId)) e.economicBuyer = true
  }

  /** Everything gathered, for refreshAllEvidence. */
  known(): KnownEvidence {
    const text = (ms: number) => (ms === NONE ? null : this.stamp(ms))
    for (const row of this.deals) {
      const d = row.deal_id
      row.activity_count = this.n[d]!
      row.recent_activity_count = this.recent[d]!
      row.last_activity_at = text(this.lastAt[d]!)
      row.last_inbound_at = text(this.lastIn[d]!)
      row.last_outbound_at = text(this.lastOut[d]!)
      const e = this.engaged.get(row.account_id)
      if (e) {
        row.engaged_contacts = e.contacts.size
        row.last_engaged_at = this.stamp(e.lastAt)
        row.economic_buyer_engaged = e.economicBuyer ? 1 : 0
      }
    }
    return { stageSpans: this.stageSpans, deals: this.deals }
  }
}
