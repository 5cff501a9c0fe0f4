// The inspection rules as tables of cases: each flag, each boundary, and the evidence score formula.
import { describe, expect, it } from 'vitest'
import { DEFAULT_THRESHOLDS, type Flag } from '@shared/inspection'
import { evidenceScore, inspectDeal, type EvidenceFacts } from '../../src/main/services/pipeline/inspection-rules'

const TODAY = '2026-11-23'

/** A healthy commit deal: recent two-way activity, three engaged contacts incl. the economic buyer, fully qualified. */
function facts(over: Partial<EvidenceFacts> = {}): EvidenceFacts {
  return {
    isOpen: true,
    stage: 'proposal',
    forecastCategory: 'commit',
    amountMinor: 1_000_000,
    closeDate: '2026-12-20',
    lastActivityAt: '2026-11-20T10:00:00Z',
    lastInboundAt: '2026-11-19T10:00:00Z',
    lastOutboundAt: '2026-11-20T10:00:00Z',
    recentActivityCount: 6,
    engagedContacts: 3,
    lastEngagedAt: '2026-11-20T10:00:00Z',
    economicBuyerEngaged: true,
    ownerConnections: 1,
    teamConnections: 2,
    criteriaMissing: [],
    closePushes: 0,
    lastPushAt: null,
    stageEnteredAt: '2026-11-10T09:00:00Z',
    stageMedianDays: 20,
    stageSamples: 12,
    amountAtCommit: 1_000_000,
    ...over
  }
}

const flagsOf = (f: EvidenceFacts) => inspectDeal(f, DEFAULT_THRESHOLDS, TODAY).flags.map((x) => x.flag)

describe('inspectDeal', () => {
  it('raises nothing on a healthy, evidence-backed commit deal', () => {
    const r = inspectDeal(facts(), DEFAULT_THRESHOLDS, TODAY)
    expect(r.flags).toEqual([])
    expect(r.evidenceBacked).toBe(true)
  })

  it('raises nothing on a closed deal', () => {
    expect(flagsOf(facts({ isOpen: false, lastActivityAt: null, closeDate: '2020-01-01' }))).toEqual([])
  })

  const cases: { name: string; over: Partial<EvidenceFacts>; flag: Flag; expected: boolean; sentence?: string }[] = [
    { name: 'a commit deal with its last activity 13 days ago has evidence', over: { lastActivityAt: '2026-11-10T12:00:00Z' }, flag: 'no_evidence', expected: false },
    { name: 'a commit deal with its last activity 14 days ago still has evidence', over: { lastActivityAt: '2026-11-09T12:00:00Z' }, flag: 'no_evidence', expected: false },
    {
      name: 'a commit deal with no activity in 15 days has no evidence',
      over: { lastActivityAt: '2026-11-08T12:00:00Z' },
      flag: 'no_evidence',
      expected: true,
      sentence: 'Commit deal with no activity in 15 days (last on 2026-11-08; the limit is 14).'
    },
    { name: 'a pipeline deal with no activity in 40 days is not a no-evidence forecast', over: { forecastCategory: 'pipeline', lastActivityAt: '2026-10-14T12:00:00Z' }, flag: 'no_evidence', expected: false },
    { name: 'a best-case deal with no activity at all has no evidence', over: { forecastCategory: 'best_case', lastActivityAt: null }, flag: 'no_evidence', expected: true },
    {
      name: 'no engaged contact and no owner connection is no relationships, naming the team separately',
      over: { engagedContacts: 0, ownerConnections: 0, teamConnections: 0, economicBuyerEngaged: false },
      flag: 'no_relationships',
      expected: true,
      sentence: 'No contact at the account engaged in the last 30 days, and neither the owner nor anyone on the team has a connection there.'
    },
    {
      name: 'a team connection is named when the owner has none',
      over: { engagedContacts: 0, ownerConnections: 0, teamConnections: 2 },
      flag: 'no_relationships',
      expected: true,
      sentence: 'No contact at the account engaged in the last 30 days, and the owner has no connection there, but the team has 2 connections at the account.'
    },
    { name: 'an owner connection is a relationship', over: { engagedContacts: 0, ownerConnections: 1 }, flag: 'no_relationships', expected: false },
    { name: 'exactly one engaged contact is single-threaded', over: { engagedContacts: 1 }, flag: 'single_threaded', expected: true, sentence: 'Only 1 engaged contact in the last 30 days: the deal hangs on one person.' },
    { name: 'two engaged contacts are not single-threaded', over: { engagedContacts: 2 }, flag: 'single_threaded', expected: false },
    { name: 'no engaged economic buyer is no decision-maker', over: { economicBuyerEngaged: false }, flag: 'no_decision_maker', expected: true },
    {
      name: 'one missing criterion makes qualification zero and names it',
      over: { criteriaMissing: ['champion'] },
      flag: 'qualification_zero',
      expected: true,
      sentence: 'Qualification scores 0 (1 × 1 × 1 × 1 × 1 × 0 = 0): Champion not met.'
    },
    { name: 'all criteria met is not qualification zero', over: { criteriaMissing: [] }, flag: 'qualification_zero', expected: false },
    { name: 'one close-date push is not slipping', over: { closePushes: 1 }, flag: 'slipping', expected: false },
    { name: 'two close-date pushes are slipping', over: { closePushes: 2, lastPushAt: '2026-11-01T09:00:00Z' }, flag: 'slipping', expected: true, sentence: 'Close date moved later 2 times (now 2026-12-20).' },
    { name: 'a close date in the past is slipping', over: { closeDate: '2026-11-22' }, flag: 'slipping', expected: true },
    { name: 'a close date in the past is past due', over: { closeDate: '2026-11-22' }, flag: 'past_due', expected: true, sentence: 'Close date 2026-11-22 is in the past and the deal is still open.' },
    { name: 'a close date of today is not past due', over: { closeDate: TODAY }, flag: 'past_due', expected: false },
    { name: '30 days in stage against a team median of 20 (limit 30) is not stalled', over: { stageEnteredAt: '2026-10-24T09:00:00Z' }, flag: 'stalled', expected: false },
    {
      name: '31 days in stage against a team median of 20 is stalled',
      over: { stageEnteredAt: '2026-10-23T09:00:00Z' },
      flag: 'stalled',
      expected: true,
      sentence: "In Proposal for 31 days; stalled after 30 (1.5× the team's median of 20 days)."
    },
    { name: 'with fewer than 5 samples the stage fallback applies', over: { stageEnteredAt: '2026-10-23T09:00:00Z', stageSamples: 4 }, flag: 'stalled', expected: true },
    { name: 'an amount lowered by exactly 20% is not flagged', over: { amountMinor: 800_000 }, flag: 'amount_lowered', expected: false },
    { name: 'an amount lowered by 25% since commit is flagged', over: { amountMinor: 750_000 }, flag: 'amount_lowered', expected: true, sentence: 'Amount lowered 25% since the deal entered commit (more than 20%).' },
    { name: 'inbound 14 days before the last outbound is not gone quiet', over: { lastInboundAt: '2026-11-06T09:00:00Z' }, flag: 'gone_quiet', expected: false },
    { name: 'inbound 15 days before the last outbound is gone quiet', over: { lastInboundAt: '2026-11-05T09:00:00Z' }, flag: 'gone_quiet', expected: true },
    { name: 'outbound with no inbound ever is gone quiet', over: { lastInboundAt: null }, flag: 'gone_quiet', expected: true }
  ]

  for (const c of cases) {
    it(c.name, () => {
      const r = inspectDeal(facts(c.over), DEFAULT_THRESHOLDS, TODAY)
      const found = r.flags.find((x) => x.flag === c.flag)
      expect(Boolean(found)).toBe(c.expected)
      if (c.sentence) expect(found?.sentence).toBe(c.sentence)
    })
  }

  it('uses a per-stage no-evidence override', () => {
    const t = { ...DEFAULT_THRESHOLDS, noEvidenceDaysByStage: { proposal: 7 } }
    const r = inspectDeal(facts({ lastActivityAt: '2026-11-15T09:00:00Z' }), t, TODAY)
    expect(r.flags.map((x) => x.flag)).toContain('no_evidence')
  })

  it('a no-evidence flag is dated the day after the limit ran out', () => {
    const r = inspectDeal(facts({ lastActivityAt: '2026-11-01T09:00:00Z' }), DEFAULT_THRESHOLDS, TODAY)
    expect(r.flags.find((x) => x.flag === 'no_evidence')?.since).toBe('2026-11-16')
    expect(r.evidenceBacked).toBe(false)
  })
})

describe('evidenceScore', () => {
  const rows: [string, Partial<EvidenceFacts>, number][] = [
    ['a fully evidenced deal scores 100', {}, 100],
    ['no activity at all, nobody engaged, one criterion missing, past due with 3 pushes scores 0', { lastActivityAt: null, recentActivityCount: 0, engagedContacts: 0, economicBuyerEngaged: false, criteriaMissing: ['metrics'], closePushes: 3, closeDate: '2026-11-01' }, 0],
    ['last activity 10 days ago halves recency', { lastActivityAt: '2026-11-13T09:00:00Z' }, 85],
    ['one missing criterion costs the qualification 20', { criteriaMissing: ['champion'] }, 80],
    ['one engaged contact counts 7', { engagedContacts: 1 }, 87],
    ['one push costs 10', { closePushes: 1 }, 90]
  ]
  for (const [name, over, score] of rows) {
    it(name, () => expect(evidenceScore(facts(over), TODAY)).toBe(score))
  }
})
