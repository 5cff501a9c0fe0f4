// Did the interview predict the hire: hires linked to reps, their first full quarters' attainment, and per question a
// Spearman correlation checked against answers worked by hand (ties, unrated answers, a hire too recent to count).
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { makeWorkspace, TODAY, type TempWorkspace } from '../support/workspace'
import { averageRanks, fullQuartersAfter, readingOf, spearman } from '../../src/main/services/recruiting/hire-outcome-rules'
import { hireAsRep, hireOutcomes, linkRep } from '../../src/main/services/recruiting/hire-outcomes'
import { TouchlineError } from '../../src/shared/errors'
import type { MethodInput } from '../../src/shared/contract'
import { parse, recruiting } from './recruiting-world'

describe('the rules', () => {
  it('reads the full quarters after a hire date that have ended, a quarter-start hire keeping its own quarter', () => {
    expect(fullQuartersAfter('2025-10-01', TODAY).map((q) => q.start)).toEqual(['2025-10-01', '2026-01-01', '2026-04-01', '2026-07-01'])
    expect(fullQuartersAfter('2025-12-05', TODAY).map((q) => q.start)).toEqual(['2026-01-01', '2026-04-01', '2026-07-01'])
    // The quarter holding today has not ended; a quarter ending today has not either.
    expect(fullQuartersAfter('2026-05-10', TODAY).map((q) => q.end)).toEqual(['2026-09-30'])
    expect(fullQuartersAfter('2026-07-01', '2026-09-30')).toEqual([])
    // At most four: the ramp year, not a career.
    expect(fullQuartersAfter('2024-01-01', TODAY).map((q) => q.start)).toEqual(['2024-01-01', '2024-04-01', '2024-07-01', '2024-10-01'])
  })

  it('ranks ties by the mean of the ranks they span', () => {
    expect(averageRanks([10, 20, 20, 30])).toEqual([1, 2.5, 2.5, 4])
    expect(averageRanks([3, 3, 3])).toEqual([2, 2, 2])
  })

  it('computes Spearman with ties, and refuses to judge under three pairs or without spread', () => {
    const y = [1.5, 1.25, 1.0, 0.5, 0.5, 0.25]
    // Worked by hand: rank sums of squares 16.5 and 17, cross products -4 → -4 / √280.5.
    expect(spearman([2, 3, 2, 4, 1, 3], y)).toBeCloseTo(-4 / Math.sqrt(16.5 * 17), 10)
    expect(spearman([1, 2, 3, 4, 4, 4], y)).toBeCloseTo(-15.5 / Math.sqrt(15.5 * 17), 10)
    expect(spearman([4, 3.5, 3, 2, 2, 1], y)).toBe(1)
    expect(spearman([1, 2], [1, 2])).toBeNull()
    expect(spearman([3, 3, 3], [1, 2, 3])).toBeNull()
  })

  it('says it in plain words', () => {
    expect([readingOf(6, 0.9), readingOf(6, 0.3), readingOf(6, 0.1), readingOf(6, -0.1), readingOf(6, -0.5), readingOf(6, null), readingOf(2, null)]).toEqual([
      'well',
      'weakly',
      'not_at_all',
      'not_at_all',
      'backwards',
      'no_spread',
      'too_few'
    ])
  })
})

/**
 * Six counted hires on one role (quarterly quota 100,000 minor units each) and one hire on a second role too recent to
 * count. Mean attainment over each hire's first full quarters: Finn 1.5, Ana 1.25, Ben 1.0, Cleo 0.5, Dev 0.5, Eva 0.25.
 */
const HIRES = [
  { name: 'Ana', hire: '2025-10-01', won: [['2025-10-10', 125_000], ['2026-02-10', 125_000], ['2026-05-10', 125_000], ['2026-08-10', 125_000], ['2025-09-15', 900_000], ['2026-10-15', 900_000]] },
  { name: 'Ben', hire: '2025-12-05', won: [['2026-05-01', 150_000], ['2026-09-30', 150_000]] },
  { name: 'Cleo', hire: '2026-01-01', won: [['2026-01-01', 50_000], ['2026-06-30', 50_000], ['2026-07-15', 50_000]] },
  { name: 'Dev', hire: '2026-03-20', won: [['2026-04-02', 50_000], ['2026-08-02', 50_000]] },
  { name: 'Eva', hire: '2026-02-01', won: [['2026-04-20', 25_000], ['2026-07-20', 25_000]] },
  { name: 'Finn', hire: '2025-06-15', won: [['2025-08-01', 150_000], ['2025-11-01', 150_000], ['2026-02-01', 150_000], ['2026-05-01', 150_000], ['2026-08-01', 500_000]] }
] as const

/** Per question (the five topics, then the role's own), each hire's two interviewers' ratings; null is "no rating". */
const RATINGS: Record<string, [number | null, number | null][]> = {
  //          team_selling  sales_technology  sales_methodology  best_practices  knowledge_sharing  role
  Finn: [[4, 4], [2, 2], [null, null], [3, 3], [4, null], [1, 1]],
  Ana: [[4, 3], [3, 3], [null, 4], [3, 3], [3, 3], [2, 2]],
  Ben: [[3, 3], [2, 2], [3, 3], [3, 3], [null, null], [3, 3]],
  Cleo: [[2, 2], [4, 4], [null, null], [3, 3], [null, null], [4, 4]],
  Dev: [[2, 2], [1, 1], [2, 2], [3, 3], [null, null], [4, 4]],
  Eva: [[1, 1], [3, 3], [1, 1], [3, 3], [null, null], [4, 4]]
}

let ws: TempWorkspace
let r: ReturnType<typeof recruiting>
const reps = new Map<string, number>()
const candidates = new Map<string, number>()
let roleId = 0
let otherRoleId = 0
let interviewing = 0
const link = (i: MethodInput<'candidates.linkRep'>) => linkRep(ws.store.db, parse('candidates.linkRep', i), '2026-11-20T10:00:00Z')
const outcomes = (requisitionId?: number) => hireOutcomes(ws.store.db, parse('recruiting.hireOutcomes', { requisitionId }), TODAY)
const hireAs = (i: MethodInput<'candidates.hireAsRep'>) => hireAsRep(ws.store.db, parse('candidates.hireAsRep', i), '2026-11-20T10:00:00Z', TODAY)
const snapshot = () => ({
  reps: ws.store.sqlite.prepare('SELECT * FROM reps ORDER BY id').all(),
  links: ws.store.sqlite.prepare('SELECT application_id, rep_id, linked_at FROM hire_links ORDER BY application_id').all(),
  candidateReps: ws.store.sqlite.prepare('SELECT id, rep_id FROM candidates ORDER BY id').all()
})

beforeAll(async () => {
  ws = makeWorkspace()
  const sqlite = ws.store.sqlite
  sqlite.prepare(`INSERT INTO teams (id, name, created_at) VALUES (1, 'North', '2025-01-01T00:00:00Z')`).run()
  sqlite.prepare(`INSERT INTO accounts (id, name, name_key) VALUES (1, 'Acme', 'acme')`).run()
  const insRep = sqlite.prepare(`INSERT INTO reps (team_id, name, role, hire_date, quota_minor) VALUES (1, ?, 'ae', ?, 400000) RETURNING id`)
  const insDeal = sqlite.prepare(
    `INSERT INTO deals (name, owner_id, account_id, amount_minor, currency, stage, probability, forecast_category, close_date, created_date, closed_date, status, updated_at)
     VALUES ('Deal', ?, 1, ?, 'USD', 'negotiation', ?, 'closed', ?, '2025-01-01', ?, ?, '2026-11-01T00:00:00Z')`
  )
  for (const h of [...HIRES, { name: 'Gus', hire: '2026-05-10', won: [['2026-08-01', 400_000]] as const }, { name: 'Spare', hire: '2024-01-01', won: [] }]) {
    const repId = (insRep.get(`${h.name} Rep`, h.hire) as { id: number }).id
    reps.set(h.name, repId)
    for (const [day, amount] of h.won) insDeal.run(repId, amount, 100, day, day, 'won')
    // A lost deal in a counted quarter never counts toward attainment.
    insDeal.run(repId, 999_000, 0, '2026-08-15', '2026-08-15', 'lost')
  }
  r = recruiting(ws.store.db)
  const role = await r.createRequisition({ title: 'AE', questions: [{ prompt: 'Biggest loss?', anchorLow: 'Blames price.', anchorHigh: 'Owns it.' }] })
  const other = await r.createRequisition({ title: 'SDR' })
  roleId = role.id
  otherRoleId = other.id
  const kit = role.questions.map((q) => q.id)
  expect(kit).toHaveLength(6)
  for (const h of HIRES) {
    const c = await r.createCandidate({ name: `${h.name} Candidate`, requisitionId: roleId, stage: 'hired' })
    candidates.set(h.name, c.id)
    for (const [p, interviewer] of ['Panel One', 'Panel Two'].entries()) {
      await r.submit({
        candidateId: c.id,
        requisitionId: roleId,
        interviewer,
        recommendation: 'yes',
        ratings: kit.map((questionId, qi) => ({ questionId, rating: RATINGS[h.name]![qi]![p]! }))
      })
    }
    await link({ candidateId: c.id, requisitionId: roleId, repId: reps.get(h.name)! })
  }
  const gus = await r.createCandidate({ name: 'Gus Candidate', requisitionId: otherRoleId, stage: 'hired' })
  candidates.set('Gus', gus.id)
  await link({ candidateId: gus.id, requisitionId: otherRoleId, repId: reps.get('Gus')! })
  interviewing = (await r.createCandidate({ name: 'Ivo Candidate', requisitionId: roleId, stage: 'interviews' })).id
})
afterAll(() => ws.dispose())

describe('recruiting.hireOutcomes', () => {
  it("reads each hire's first full quarters as won over a quarter of the annual quota, and leaves out a hire too recent", async () => {
    const o = await outcomes()
    expect(o).toMatchObject({ requisitionId: null, linked: 7, withOutcome: 6, threshold: 5, enough: true })
    expect(o.hires.map((h) => [h.candidateName, h.attainment])).toEqual([
      ['Finn Candidate', 1.5],
      ['Ana Candidate', 1.25],
      ['Ben Candidate', 1],
      ['Cleo Candidate', 0.5],
      ['Dev Candidate', 0.5],
      ['Eva Candidate', 0.25],
      ['Gus Candidate', null]
    ])
    const ana = o.hires.find((h) => h.candidateName === 'Ana Candidate')!
    // Deals before the hire date and after the fourth quarter are not the first year's.
    expect(ana.quarters).toEqual([
      { start: '2025-10-01', end: '2025-12-31', quotaMinor: 100_000, wonMinor: 125_000, attainment: 1.25 },
      { start: '2026-01-01', end: '2026-03-31', quotaMinor: 100_000, wonMinor: 125_000, attainment: 1.25 },
      { start: '2026-04-01', end: '2026-06-30', quotaMinor: 100_000, wonMinor: 125_000, attainment: 1.25 },
      { start: '2026-07-01', end: '2026-09-30', quotaMinor: 100_000, wonMinor: 125_000, attainment: 1.25 }
    ])
    expect(o.hires.find((h) => h.candidateName === 'Ben Candidate')!.quarters.map((q) => q.wonMinor)).toEqual([0, 150_000, 150_000])
    const gus = o.hires.find((h) => h.candidateName === 'Gus Candidate')!
    expect(gus).toMatchObject({ counted: false, repName: 'Gus Rep', hireDate: '2026-05-10', requisitionTitle: 'SDR' })
    expect(gus.quarters).toHaveLength(1)
    expect(gus.note).toMatch(/One full quarter since the hire date; counted after 2/)
  })

  it('correlates each question with later attainment by rank, leaving unrated answers out rather than reading them as zero', async () => {
    const o = await outcomes()
    const q = Object.fromEntries(o.questions.map((x) => [x.key, x]))
    expect(o.questions.map((x) => x.key)).toEqual(['team_selling', 'sales_technology', 'sales_methodology', 'best_practices', 'knowledge_sharing', 'role:biggest loss?'])
    // Ana's 4 and 3 average 3.5; the tie in ratings (Cleo, Dev) falls on the tie in attainment: the same ranks.
    expect(q.team_selling).toMatchObject({ n: 6, rho: 1, reading: 'well' })
    expect(q.sales_technology).toMatchObject({ n: 6, rho: -0.239, reading: 'backwards' })
    // Finn and Cleo gave no rated answer: left out (n 4), and Ana's one rating of 4 stands alone: a perfect order.
    // Read as zeros, Finn (1.5) would rank last and the order would break.
    expect(q.sales_methodology).toMatchObject({ n: 4, rho: 1, reading: 'well' })
    expect(q.best_practices).toMatchObject({ n: 6, rho: null, reading: 'no_spread' })
    expect(q.knowledge_sharing).toMatchObject({ n: 2, rho: null, reading: 'too_few' })
    expect(q['role:biggest loss?']).toMatchObject({ topic: 'role', prompt: 'Biggest loss?', n: 6, rho: -0.955, reading: 'backwards' })
  })

  it('shows no question below the threshold, with the count of hires behind it', async () => {
    const other = await outcomes(otherRoleId)
    expect(other).toMatchObject({ requisitionId: otherRoleId, linked: 1, withOutcome: 0, enough: false, questions: [] })
    await link({ candidateId: candidates.get('Eva')!, requisitionId: roleId, repId: null })
    await link({ candidateId: candidates.get('Dev')!, requisitionId: roleId, repId: null })
    try {
      const fewer = await outcomes(roleId)
      expect(fewer).toMatchObject({ linked: 4, withOutcome: 4, threshold: 5, enough: false, questions: [] })
      expect(fewer.hires).toHaveLength(4)
    } finally {
      await link({ candidateId: candidates.get('Eva')!, requisitionId: roleId, repId: reps.get('Eva')! })
      await link({ candidateId: candidates.get('Dev')!, requisitionId: roleId, repId: reps.get('Dev')! })
    }
    expect((await outcomes(roleId)).enough).toBe(true)
  })

  it('refuses an unknown role', async () => {
    await expect(outcomes(999)).rejects.toMatchObject({ code: 'NOT_FOUND', message: expect.stringMatching(/^recruiting\.hireOutcomes: input\.requisitionId/) })
  })
})

describe('candidates.linkRep', () => {
  it("shows the linked rep on the hire's profile", async () => {
    const ana = await r.get(candidates.get('Ana')!)
    expect(ana.applications[0]!.linkedRep).toEqual({ id: reps.get('Ana')!, name: 'Ana Rep', teamName: 'North' })
    const ivo = await r.get(interviewing)
    expect(ivo.applications[0]!.linkedRep).toBeNull()
  })

  const refusals: [string, () => MethodInput<'candidates.linkRep'>, string, RegExp][] = [
    ['a candidate not hired', () => ({ candidateId: interviewing, requisitionId: roleId, repId: reps.get('Spare')! }), 'INVALID_INPUT', /input\.candidateId: Ivo Candidate is at stage 'interviews'/],
    ['a rep already linked to another hire', () => ({ candidateId: candidates.get('Ben')!, requisitionId: roleId, repId: reps.get('Ana')! }), 'CONFLICT', /input\.repId: Ana Rep is already linked to Ana Candidate/],
    ['an unknown rep', () => ({ candidateId: candidates.get('Ben')!, requisitionId: roleId, repId: 99_999 }), 'NOT_FOUND', /input\.repId: there is no rep with id 99999/],
    ['an unknown candidate', () => ({ candidateId: 99_999, requisitionId: roleId, repId: reps.get('Spare')! }), 'NOT_FOUND', /input\.candidateId: candidate 99999 is not a candidate/],
    ['a candidate on another role', () => ({ candidateId: candidates.get('Ben')!, requisitionId: otherRoleId, repId: reps.get('Spare')! }), 'NOT_FOUND', /input\.candidateId/]
  ]
  it.each(refusals)('refuses %s and writes nothing', async (_, input, code, message) => {
    const before = snapshot()
    const err = await link(input()).catch((e: unknown) => e)
    expect(err).toBeInstanceOf(TouchlineError)
    expect(err).toMatchObject({ code, message: expect.stringMatching(/^candidates\.linkRep: /) })
    expect((err as Error).message).toMatch(message)
    expect(snapshot()).toEqual(before)
  })

  it('moves a hire to another rep, and unlinks', async () => {
    const ben = candidates.get('Ben')!
    const moved = await link({ candidateId: ben, requisitionId: roleId, repId: reps.get('Spare')! })
    expect(moved.rep).toMatchObject({ id: reps.get('Spare'), name: 'Spare Rep' })
    expect(ws.store.sqlite.prepare('SELECT count(*) AS n FROM hire_links WHERE rep_id = ?').get(reps.get('Ben')!)).toEqual({ n: 0 })
    expect(ws.store.sqlite.prepare('SELECT rep_id FROM candidates WHERE id = ?').get(ben)).toEqual({ rep_id: reps.get('Spare') })
    const gone = await link({ candidateId: ben, requisitionId: roleId, repId: null })
    expect(gone.rep).toBeNull()
    expect(ws.store.sqlite.prepare('SELECT rep_id FROM candidates WHERE id = ?').get(ben)).toEqual({ rep_id: null })
    expect((await r.get(ben)).applications[0]!.linkedRep).toBeNull()
    await link({ candidateId: ben, requisitionId: roleId, repId: reps.get('Ben')! })
    expect((await outcomes()).withOutcome).toBe(6)
  })
})

describe('candidates.hireAsRep', () => {
  const terms = { teamId: 1, role: 'ae' as const, hireDate: '2026-11-02', quotaMinor: 480_000 }
  const refusals: [string, () => MethodInput<'candidates.hireAsRep'>, string, RegExp][] = [
    ['a candidate not hired', () => ({ ...terms, candidateId: interviewing, requisitionId: roleId }), 'INVALID_INPUT', /input\.candidateId: Ivo Candidate is at stage 'interviews'/],
    ['a hire already linked', () => ({ ...terms, candidateId: candidates.get('Ana')!, requisitionId: roleId }), 'CONFLICT', /input\.candidateId: Ana Candidate is already linked to rep Ana Rep/],
    ['an unknown team', () => ({ ...terms, teamId: 404, candidateId: candidates.get('Hana')!, requisitionId: roleId }), 'NOT_FOUND', /input\.teamId: there is no team with id 404/],
    ['a hire date in the future', () => ({ ...terms, hireDate: '2026-12-01', candidateId: candidates.get('Hana')!, requisitionId: roleId }), 'INVALID_INPUT', /input\.hireDate: 2026-12-01 is in the future/],
    ['an unknown candidate', () => ({ ...terms, candidateId: 99_999, requisitionId: roleId }), 'NOT_FOUND', /input\.candidateId: candidate 99999/]
  ]
  beforeAll(async () => {
    candidates.set('Hana', (await r.createCandidate({ name: 'Hana Candidate', email: 'hana@mail.example', requisitionId: roleId, stage: 'hired' })).id)
  })
  it.each(refusals)('refuses %s and writes nothing', async (_, input, code, message) => {
    const before = snapshot()
    const err = await hireAs(input()).catch((e: unknown) => e)
    expect(err).toMatchObject({ code, message: expect.stringMatching(/^candidates\.hireAsRep: /) })
    expect((err as Error).message).toMatch(message)
    expect(snapshot()).toEqual(before)
  })

  it('adds the hire to a team as a rep under their own name and links them, counted once two quarters have ended', async () => {
    const made = await hireAs({ ...terms, candidateId: candidates.get('Hana')!, requisitionId: roleId })
    expect(made.rep).toMatchObject({ name: 'Hana Candidate', teamName: 'North' })
    expect(ws.store.sqlite.prepare('SELECT name, email, role, hire_date, quota_minor, quota_currency, status FROM reps WHERE id = ?').get(made.rep!.id)).toEqual({
      name: 'Hana Candidate',
      email: 'hana@mail.example',
      role: 'ae',
      hire_date: '2026-11-02',
      quota_minor: 480_000,
      quota_currency: 'USD',
      status: 'active'
    })
    const o = await outcomes(roleId)
    expect(o.hires.find((h) => h.candidateName === 'Hana Candidate')).toMatchObject({ repId: made.rep!.id, counted: false, quarters: [] })
    expect(o.withOutcome).toBe(6)
  })
})
