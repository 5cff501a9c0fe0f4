// Recruiting services on a real SQLite file: stage moves, scorecards, duplicates, merge, independence, funnel, refused writes.
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { makeWorkspace, type TempWorkspace } from '../support/workspace'
import { day, recruiting, recruitingCounts } from './recruiting-world'

let ws: TempWorkspace
let r: ReturnType<typeof recruiting>
beforeEach(() => {
  ws = makeWorkspace()
  r = recruiting(ws.store.db)
})
afterEach(() => ws.dispose())

async function role(title = 'Account Executive, Mid-market') {
  return r.createRequisition({ title, hiringManager: 'Dana Kim', headcount: 2, questions: [{ prompt: 'Walk us through your biggest loss.', anchorLow: 'Blames others.', anchorHigh: 'Owns it and names what changed.' }] })
}

describe('requisitions', () => {
  it('come with the five behaviour questions built in, anchored at 1 and 4, plus the role’s own', async () => {
    const req = await role()
    expect(req.questions.map((q) => q.topic)).toEqual(['team_selling', 'sales_technology', 'sales_methodology', 'best_practices', 'knowledge_sharing', 'role'])
    expect(req.questions.every((q) => q.anchorLow.length > 0 && q.anchorHigh.length > 0)).toBe(true)
    expect((await r.listRequisitions()).rows.map((q) => q.title)).toEqual(['Account Executive, Mid-market'])
  })

  it('refuses a team that does not exist, writing nothing', async () => {
    const before = recruitingCounts(ws.store.sqlite)
    await expect(r.createRequisition({ title: 'SDR', teamId: 999 })).rejects.toMatchObject({ code: 'INVALID_INPUT', message: /input\.teamId/ })
    expect(recruitingCounts(ws.store.sqlite)).toEqual(before)
  })
})

describe('stage moves', () => {
  it('record each move in the history, and time in stage runs from the last move', async () => {
    const req = await role()
    const c = await r.createCandidate({ name: 'Ana Ruiz', requisitionId: req.id }, day(0))
    await r.move({ candidateId: c.id, requisitionId: req.id, stage: 'screening' }, day(3))
    const card = await r.move({ candidateId: c.id, requisitionId: req.id, stage: 'interviews' }, day(5))
    expect(card).toMatchObject({ stage: 'interviews', daysInStage: 0, stalled: false })

    const profile = await r.get(c.id, day(25))
    const app = profile.applications[0]!
    expect(app.history.map((h) => [h.fromStage, h.stage, h.enteredAt])).toEqual([
      [null, 'sourced', day(0)],
      ['sourced', 'screening', day(3)],
      ['screening', 'interviews', day(5)]
    ])
    expect(app).toMatchObject({ stage: 'interviews', daysInStage: 20, stalled: true, daysInProcess: 25 })

    const board = await r.board(req.id, day(12))
    const interviews = board.columns.find((col) => col.stage === 'interviews')!
    expect(interviews.cards.map((k) => [k.name, k.daysInStage, k.stalled])).toEqual([['Ana Ruiz', 7, false]])
    expect(board.columns.map((col) => col.stage)).toEqual(['sourced', 'screening', 'interviews', 'reference_check', 'offer', 'hired', 'rejected', 'withdrawn'])
  })

  it('need a reason to reject, keep it, and refuse a move to the stage already held', async () => {
    const req = await role()
    const c = await r.createCandidate({ name: 'Ben Osei', requisitionId: req.id })
    const before = recruitingCounts(ws.store.sqlite)
    expect(() => r.move({ candidateId: c.id, requisitionId: req.id, stage: 'rejected' }, day(1))).toThrow(/reason/)
    await expect(r.move({ candidateId: c.id, requisitionId: req.id, stage: 'sourced' }, day(1))).rejects.toMatchObject({ code: 'INVALID_INPUT', message: /input\.stage/ })
    await expect(r.move({ candidateId: 999, requisitionId: req.id, stage: 'screening' }, day(1))).rejects.toMatchObject({ code: 'NOT_FOUND', message: /input\.candidateId/ })
    await expect(r.move({ candidateId: c.id, requisitionId: 999, stage: 'screening' }, day(1))).rejects.toMatchObject({ code: 'NOT_FOUND', message: /input\.requisitionId/ })
    expect(recruitingCounts(ws.store.sqlite)).toEqual(before)
    const card = await r.move({ candidateId: c.id, requisitionId: req.id, stage: 'rejected', reason: 'No team selling examples' }, day(2))
    expect(card).toMatchObject({ stage: 'rejected', exitReason: 'No team selling examples', stalled: false })
  })
})

describe('time in stage', () => {
  it('turns a card stalled only past its stage’s limit, restarts on each move, and stops the process clock once closed', async () => {
    const req = await role()
    const c = await r.createCandidate({ name: 'Ida Berg', requisitionId: req.id }, day(0))
    const card = async (at: number) => (await r.board(req.id, day(at))).columns.flatMap((col) => col.cards).find((k) => k.candidateId === c.id)!
    // Sourced stalls after 14 days: day 14 is still on time, day 15 is not.
    expect(await card(14)).toMatchObject({ stage: 'sourced', daysInStage: 14, stalled: false })
    expect(await card(15)).toMatchObject({ stage: 'sourced', daysInStage: 15, stalled: true })
    await r.move({ candidateId: c.id, requisitionId: req.id, stage: 'reference_check' }, day(15))
    // A move restarts the stage clock; reference checks stall after 7 days.
    expect(await card(22)).toMatchObject({ stage: 'reference_check', daysInStage: 7, stalled: false })
    expect(await card(23)).toMatchObject({ daysInStage: 8, stalled: true })
    await r.move({ candidateId: c.id, requisitionId: req.id, stage: 'hired' }, day(24))
    expect(await card(90)).toMatchObject({ stage: 'hired', daysInStage: 66, stalled: false })
    const app = (await r.get(c.id, day(90))).applications[0]!
    expect(app).toMatchObject({ daysInProcess: 24, stalled: false })
    expect(app.history.map((h) => [h.fromStage, h.stage, h.enteredAt])).toEqual([
      [null, 'sourced', day(0)],
      ['sourced', 'reference_check', day(15)],
      ['reference_check', 'hired', day(24)]
    ])
  })

  it('keeps the exit reason in the history, and a candidate brought back starts a new stay', async () => {
    const req = await role()
    const c = await r.createCandidate({ name: 'Jon Ek', requisitionId: req.id }, day(0))
    await r.move({ candidateId: c.id, requisitionId: req.id, stage: 'withdrawn', reason: 'Counter-offer from employer' }, day(2))
    await r.move({ candidateId: c.id, requisitionId: req.id, stage: 'screening' }, day(40))
    const app = (await r.get(c.id, day(43))).applications[0]!
    expect(app).toMatchObject({ stage: 'screening', exitReason: null, daysInStage: 3 })
    expect(app.history.map((h) => [h.stage, h.reason])).toEqual([
      ['sourced', null],
      ['withdrawn', 'Counter-offer from employer'],
      ['screening', null]
    ])
  })
})

describe('scorecards', () => {
  async function panel() {
    const req = await role()
    const star = await r.createCandidate({
      name: 'Chris Vega',
      requisitionId: req.id,
      stage: 'interviews',
      trackRecord: [
        { year: 2024, attainmentPct: 132 },
        { year: 2025, attainmentPct: 150, quotaMinor: 90_000_000, rankInTeam: 1 }
      ]
    })
    const q = req.questions
    const [team, tech, method, practice, sharing, own] = q.map((x) => x.id) as [number, number, number, number, number, number]
    await r.submit({
      candidateId: star.id,
      requisitionId: req.id,
      interviewer: 'Dana Kim',
      recommendation: 'yes',
      ratings: [
        { questionId: team, rating: 1 },
        { questionId: tech, rating: 3 },
        { questionId: method, rating: 4 },
        { questionId: practice, rating: null, notes: 'ran out of time' },
        { questionId: own, rating: 3 }
      ]
    })
    await r.submit({
      candidateId: star.id,
      requisitionId: req.id,
      interviewer: 'Eli Novak',
      recommendation: 'no',
      ratings: [
        { questionId: team, rating: 2 },
        { questionId: tech, rating: 3 },
        { questionId: method, rating: 2 },
        { questionId: practice, rating: 3 },
        { questionId: sharing, rating: null }
      ]
    })
    return { req, star, ids: { team, tech, method, practice, sharing, own } }
  }

  it('aggregate per question across interviewers, leave "no rating" out of the mean, and flag disagreement', async () => {
    const { star, ids } = await panel()
    const { summary } = await r.get(star.id)
    const byId = new Map(summary.questions.map((q) => [q.questionId, q]))
    expect(summary.scorecards).toBe(2)
    expect(summary.recommendations).toEqual({ strong_no: 0, no: 1, yes: 1, strong_yes: 0 })
    expect(byId.get(ids.team)).toMatchObject({ mean: 1.5, spread: 1, rated: 2, unrated: 0, disagreement: false })
    expect(byId.get(ids.method)).toMatchObject({ mean: 3, spread: 2, disagreement: true })
    expect(byId.get(ids.practice)).toMatchObject({ mean: 3, rated: 1, unrated: 1 })
    expect(byId.get(ids.sharing)).toMatchObject({ mean: null, spread: null, rated: 0, unrated: 2 })
    expect(byId.get(ids.own)).toMatchObject({ topic: 'role', mean: 3, rated: 1 })
  })

  it('warn when a strong record comes with weak or missing behaviour answers', async () => {
    const { star } = await panel()
    const { summary } = await r.get(star.id)
    expect(summary.warning).toMatchObject({ attainmentPct: 150, year: 2025, weak: ['team_selling'], missing: ['knowledge_sharing'] })
    const board = await r.board((await r.listRequisitions()).rows[0]!.id)
    expect(board.columns.find((c) => c.stage === 'interviews')!.cards[0]).toMatchObject({ warning: true, scorecards: 2, latestAttainmentPct: 150 })
  })

  it('stay hidden from an interviewer until they submit their own', async () => {
    const { req, star, ids } = await panel()
    const outsider = await r.scorecards({ candidateId: star.id, requisitionId: req.id, interviewer: 'Fay Lund' })
    expect(outsider).toMatchObject({ visible: false, submitted: 2, own: null, scorecards: [] })
    const profile = await r.get(star.id, day(30), 'Fay Lund')
    expect(profile.summary).toMatchObject({ withheld: true, scorecards: 2, questions: [], warning: null })
    expect(profile.interviews.every((i) => i.recommendation === null)).toBe(true)

    await r.submit({ candidateId: star.id, requisitionId: req.id, interviewer: 'Fay Lund', recommendation: 'strong_no', ratings: [{ questionId: ids.team, rating: 1 }] })
    const after = await r.scorecards({ candidateId: star.id, requisitionId: req.id, interviewer: '  fay   LUND ' })
    expect(after.visible).toBe(true)
    expect(after.scorecards.map((s) => s.interviewer)).toEqual(['Dana Kim', 'Eli Novak', 'Fay Lund'])
    expect(after.own?.ratings).toHaveLength(6)
  })

  it('refuse a second scorecard from the same interviewer and questions from another kit, writing nothing', async () => {
    const { req, star } = await panel()
    const other = await role('SDR')
    const before = recruitingCounts(ws.store.sqlite)
    await expect(r.submit({ candidateId: star.id, requisitionId: req.id, interviewer: 'dana kim', recommendation: 'yes', ratings: [] })).rejects.toMatchObject({ code: 'CONFLICT', message: /input\.interviewer/ })
    await expect(
      r.submit({ candidateId: star.id, requisitionId: req.id, interviewer: 'Gus', recommendation: 'yes', ratings: [{ questionId: other.questions[0]!.id, rating: 4 }] })
    ).rejects.toMatchObject({ code: 'INVALID_INPUT', message: /input\.ratings\.0\.questionId/ })
    await expect(r.submit({ candidateId: star.id, requisitionId: other.id, interviewer: 'Gus', recommendation: 'yes', ratings: [] })).rejects.toMatchObject({ code: 'NOT_FOUND' })
    expect(() => r.submit({ candidateId: star.id, requisitionId: req.id, interviewer: 'Gus', recommendation: 'yes', ratings: [{ questionId: 1, rating: 0 }] })).toThrow()
    expect(recruitingCounts(ws.store.sqlite)).toEqual(before)
  })
})

describe('the warning rule and panel spread', () => {
  type Ratings = Partial<Record<'team' | 'tech' | 'method' | 'practice' | 'sharing', number | null>>
  /** One candidate, the record given, and one scorecard per entry of `panel`. */
  async function judged(trackRecord: { year: number; attainmentPct: number }[], panel: Ratings[]) {
    const req = await role()
    const c = await r.createCandidate({ name: `Case ${Math.random().toString(36).slice(2, 8)}`, requisitionId: req.id, trackRecord })
    const [team, tech, method, practice, sharing] = req.questions.map((q) => q.id) as number[]
    const ids = { team, tech, method, practice, sharing } as Record<keyof Ratings, number>
    for (const [i, p] of panel.entries()) {
      const ratings = Object.entries(p).map(([k, rating]) => ({ questionId: ids[k as keyof Ratings], rating }))
      await r.submit({ candidateId: c.id, requisitionId: req.id, interviewer: `Interviewer ${i + 1}`, recommendation: 'yes', ratings })
    }
    return (await r.get(c.id)).summary
  }
  const strong = [{ year: 2025, attainmentPct: 150 }]
  const allGood: Ratings = { team: 3, tech: 3, method: 4, practice: 3, sharing: 3 }

  it('stays silent for a strong record with good answers on all five, a record under 120 %, or no scorecard yet', async () => {
    expect((await judged(strong, [allGood, allGood])).warning).toBeNull()
    expect((await judged([{ year: 2025, attainmentPct: 119 }], [{ team: 1, tech: 1 }])).warning).toBeNull()
    expect((await judged(strong, [])).warning).toBeNull()
    // The latest year decides: a star year followed by a weak one is not a strong record.
    expect((await judged([{ year: 2024, attainmentPct: 180 }, { year: 2025, attainmentPct: 90 }], [{ team: 1 }])).warning).toBeNull()
  })

  it('warns at 120 % on a mean under 2.5 or a topic nobody rated, and a mean of exactly 2.5 is not weak', async () => {
    const edge = await judged([{ year: 2025, attainmentPct: 120 }], [{ ...allGood, team: 2 }, { ...allGood, team: 3 }])
    expect(edge.warning).toBeNull()
    const weak = await judged(strong, [{ ...allGood, team: 2, sharing: null }, { ...allGood, team: 2, sharing: null }])
    expect(weak.warning).toMatchObject({ attainmentPct: 150, year: 2025, weak: ['team_selling'], missing: ['knowledge_sharing'] })
    expect(weak.warning!.message).toBe(
      '150 % of quota in 2025, but weak answers on 1 of 5 behaviour questions and no rating on 1: a record without the behaviour behind it may not repeat here.'
    )
  })

  it('gives each question the mean and the spread (highest minus lowest) of the ratings given, across three interviewers', async () => {
    const s = await judged(strong, [
      { team: 1, tech: 2, method: 3, practice: null },
      { team: 2, tech: 3, method: 3, practice: null },
      { team: 4, tech: 3, method: 3, practice: 2 }
    ])
    const by = Object.fromEntries(s.questions.map((q) => [q.topic, [q.mean, q.spread, q.rated, q.unrated, q.disagreement]]))
    expect(by).toMatchObject({
      team_selling: [2.33, 3, 3, 0, true],
      sales_technology: [2.67, 1, 3, 0, false],
      sales_methodology: [3, 0, 3, 0, false],
      best_practices: [2, 0, 1, 2, false],
      knowledge_sharing: [null, null, 0, 3, false]
    })
    expect(s.topics.find((t) => t.topic === 'team_selling')).toEqual({ topic: 'team_selling', mean: 2.33, disagreement: true })
    expect(s.warning).toMatchObject({ weak: ['team_selling', 'best_practices'], missing: ['knowledge_sharing'] })
  })
})

describe('duplicates and merge', () => {
  it('are found by email, LinkedIn URL and normalised name + company, and refused unless allowed', async () => {
    const first = await r.createCandidate({ name: 'José Álvarez', email: 'Jose.Alvarez@Example.com', linkedinUrl: 'https://www.linkedin.com/in/jose-alvarez/', currentCompany: 'Acme, Inc.' })
    const before = recruitingCounts(ws.store.sqlite)
    const cases = [
      { input: { name: 'Someone Else', email: ' jose.alvarez@example.COM ' }, on: 'email', field: 'email' },
      { input: { name: 'J. A.', linkedinUrl: 'https://uk.linkedin.com/in/Jose-Alvarez?trk=abc' }, on: 'linkedin', field: 'linkedinUrl' },
      { input: { name: 'jose  alvarez', currentCompany: 'ACME' }, on: 'name_company', field: 'name' }
    ] as const
    for (const c of cases) {
      await expect(r.createCandidate(c.input)).rejects.toMatchObject({ code: 'CONFLICT', message: new RegExp(`input\\.${c.field}.*#${first.id} José Álvarez`) })
      expect((await r.duplicates(c.input)).map((d) => [d.id, d.matchedOn])).toEqual([[first.id, [c.on]]])
    }
    expect(recruitingCounts(ws.store.sqlite)).toEqual(before)
    // The same name at another company is another person.
    await expect(r.createCandidate({ name: 'José Álvarez', currentCompany: 'Globex' })).resolves.toMatchObject({ name: 'José Álvarez' })
    await expect(r.createCandidate({ name: 'Someone Else', email: 'jose.alvarez@example.com', allowDuplicate: true })).resolves.toMatchObject({ email: 'jose.alvarez@example.com' })
  })

  it('merge keeps every track record, stage move and scorecard, and the merged profile stops matching', async () => {
    const a = await role('AE')
    const b = await role('Senior AE')
    const keep = await r.createCandidate({ name: 'Kim Park', email: 'kim@example.com', requisitionId: a.id, trackRecord: [{ year: 2025, attainmentPct: 110 }] }, day(0))
    const dupe = await r.createCandidate(
      { name: 'Kimberly Park', linkedinUrl: 'https://linkedin.com/in/kimpark', phone: '+1 555 0100', requisitionId: a.id, researchNotes: 'Spoke at SaaStr.', trackRecord: [{ year: 2024, attainmentPct: 95 }] },
      day(1)
    )
    await r.move({ candidateId: dupe.id, requisitionId: a.id, stage: 'screening' }, day(4))
    await r.move({ candidateId: dupe.id, requisitionId: b.id, stage: 'sourced' }, day(5))
    await r.submit({ candidateId: dupe.id, requisitionId: a.id, interviewer: 'Dana Kim', recommendation: 'yes', ratings: [] }, day(6))

    const merged = await r.merge(keep.id, dupe.id)
    expect(merged.trackRecord.map((t) => t.year)).toEqual([2025, 2024])
    expect(merged).toMatchObject({ email: 'kim@example.com', phone: '+1 555 0100', linkedinUrl: 'https://linkedin.com/in/kimpark' })
    expect(merged.researchNotes).toMatch(/Spoke at SaaStr/)
    expect(merged.applications.map((x) => x.requisitionTitle).sort()).toEqual(['AE', 'Senior AE'])
    const onA = merged.applications.find((x) => x.requisitionId === a.id)!
    expect(onA.stage).toBe('screening')
    expect(onA.history.map((h) => h.stage)).toEqual(['sourced', 'sourced', 'screening'])
    expect(merged.interviews.map((i) => i.interviewer)).toEqual(['Dana Kim'])

    const gone = await r.get(dupe.id)
    expect(gone.mergedInto).toBe(keep.id)
    expect(await r.duplicates({ name: 'Nobody', linkedinUrl: 'linkedin.com/in/kimpark' })).toEqual([{ id: keep.id, name: 'Kim Park', currentCompany: null, matchedOn: ['linkedin'] }])
    expect((await r.board(a.id)).columns.flatMap((c) => c.cards.map((k) => k.candidateId))).toEqual([keep.id])
    await expect(r.merge(keep.id, dupe.id)).rejects.toMatchObject({ code: 'CONFLICT', message: /input\.mergeId/ })
    expect(() => r.merge(keep.id, keep.id)).toThrow(/itself/)
  })

  it('merge keeps the duplicate’s ratings in the panel scores, its exit reason, and counts the person once in the funnel', async () => {
    const req = await role('AE')
    const [team] = req.questions.map((q) => q.id) as [number]
    const keep = await r.createCandidate({ name: 'Lea Sand', email: 'lea@example.com', requisitionId: req.id, trackRecord: [{ year: 2025, attainmentPct: 140 }] }, day(0))
    const dupe = await r.createCandidate({ name: 'Lea Sand', linkedinUrl: 'https://linkedin.com/in/leasand', requisitionId: req.id }, day(1))
    await r.submit({ candidateId: keep.id, requisitionId: req.id, interviewer: 'Dana Kim', recommendation: 'yes', ratings: [{ questionId: team, rating: 4 }] }, day(3))
    await r.submit({ candidateId: dupe.id, requisitionId: req.id, interviewer: 'Eli Novak', recommendation: 'no', ratings: [{ questionId: team, rating: 1 }] }, day(4))
    await r.move({ candidateId: dupe.id, requisitionId: req.id, stage: 'rejected', reason: 'Applied twice' }, day(5))
    expect((await r.funnel(req.id)).applications).toBe(2)

    const merged = await r.merge(keep.id, dupe.id)
    expect(merged.summary.scorecards).toBe(2)
    expect(merged.summary.recommendations).toMatchObject({ yes: 1, no: 1 })
    expect(merged.summary.questions.find((q) => q.questionId === team)).toMatchObject({ mean: 2.5, spread: 3, rated: 2, disagreement: true })
    // Both stayed on one role: one application remains, the most recently moved, carrying both histories in time order.
    expect(merged.applications).toHaveLength(1)
    expect(merged.applications[0]!.history.map((h) => [h.stage, h.reason, h.enteredAt])).toEqual([
      ['sourced', null, day(0)],
      ['sourced', null, day(1)],
      ['rejected', 'Applied twice', day(5)]
    ])
    expect(merged.interviews.map((i) => i.interviewer)).toEqual(['Dana Kim', 'Eli Novak'])
    expect(merged).toMatchObject({ email: 'lea@example.com', linkedinUrl: 'https://linkedin.com/in/leasand' })
    const f = await r.funnel(req.id)
    expect(f.applications).toBe(1)
    expect(recruitingCounts(ws.store.sqlite)).toMatchObject({ candidates: 2, candidate_applications: 1, candidate_stage_history: 3, scorecards: 2, track_records: 1 })
  })
  it('after a merge an interviewer who scored both profiles counts once: their first scorecard, the later one kept on record', async () => {
    const req = await role('AE')
    const [team] = req.questions.map((q) => q.id) as [number]
    const keep = await r.createCandidate({ name: 'Ola Berg', email: 'ola@example.com', requisitionId: req.id }, day(0))
    const dupe = await r.createCandidate({ name: 'Ola Berg', linkedinUrl: 'https://linkedin.com/in/olaberg', requisitionId: req.id, allowDuplicate: true }, day(1))
    await r.submit({ candidateId: keep.id, requisitionId: req.id, interviewer: 'Dana Kim', recommendation: 'strong_yes', ratings: [{ questionId: team, rating: 4 }] }, day(2))
    await r.submit({ candidateId: dupe.id, requisitionId: req.id, interviewer: ' dana  KIM ', recommendation: 'no', ratings: [{ questionId: team, rating: 1 }] }, day(3))
    await r.submit({ candidateId: dupe.id, requisitionId: req.id, interviewer: 'Eli Novak', recommendation: 'yes', ratings: [{ questionId: team, rating: 2 }] }, day(4))

    const merged = await r.merge(keep.id, dupe.id)
    // Dana's first card (4, strong yes) and Eli's (2, yes): Dana's second card (1, no) would have made it 3 voices.
    expect(merged.summary.scorecards).toBe(2)
    expect(merged.summary.recommendations).toMatchObject({ strong_yes: 1, yes: 1, no: 0 })
    expect(merged.summary.questions.find((q) => q.questionId === team)).toMatchObject({ mean: 3, spread: 2, rated: 2 })
    expect(merged.interviews.map((i) => i.interviewer)).toEqual(['Dana Kim', 'dana KIM', 'Eli Novak'])
    const board = await r.board(req.id)
    expect(board.columns.flatMap((c) => c.cards).find((k) => k.candidateId === keep.id)?.scorecards).toBe(2)
  })
})

describe('compare', () => {
  it('puts two to four candidates side by side and refuses unknown ids', async () => {
    const req = await role()
    const x = await r.createCandidate({ name: 'Xia Li', requisitionId: req.id, trackRecord: [{ year: 2024, attainmentPct: 100 }, { year: 2025, attainmentPct: 140 }], social: { visibilityShare: 0.4, followers: 2100 } })
    const y = await r.createCandidate({ name: 'Yusuf Ali', requisitionId: req.id })
    const rows = await r.compare([x.id, y.id])
    expect(rows.map((c) => [c.name, c.latestAttainmentPct, c.averageAttainmentPct, c.visibilityShare, c.stage, c.daysInProcess])).toEqual([
      ['Xia Li', 140, 120, 0.4, 'sourced', 30],
      ['Yusuf Ali', null, null, null, 'sourced', 30]
    ])
    await expect(r.compare([x.id, 999])).rejects.toMatchObject({ code: 'NOT_FOUND', message: /999/ })
    expect(() => r.compare([x.id])).toThrow(/at least 2/)
  })
})

describe('the funnel', () => {
  it('gives pass-through, time in stage, time to hire, exit reasons and sources on a fixture with known answers', async () => {
    const req = await role()
    const walk = async (name: string, source: 'referral' | 'linkedin' | 'job_board', moves: [string, number, string?][]) => {
      const c = await r.createCandidate({ name, source, requisitionId: req.id }, day(0))
      for (const [stage, at, reason] of moves) {
        await r.move({ candidateId: c.id, requisitionId: req.id, stage: stage as 'screening', reason }, day(at))
      }
    }
    await walk('A', 'referral', [['screening', 2], ['interviews', 5], ['reference_check', 10], ['offer', 12], ['hired', 15]])
    await walk('B', 'linkedin', [['screening', 4], ['interviews', 8], ['rejected', 9, 'Weak discovery']])
    await walk('C', 'linkedin', [['screening', 2], ['withdrawn', 3, 'Took another offer']])
    await walk('D', 'job_board', [['rejected', 1, 'Not enough experience']])
    await walk('E', 'referral', [['screening', 1], ['interviews', 3], ['reference_check', 6], ['offer', 7], ['hired', 9]])

    const f = await r.funnel(req.id)
    expect(f.applications).toBe(5)
    expect(f.steps.map((s) => [s.stage, s.reached, s.passThrough])).toEqual([
      ['sourced', 5, 0.8],
      ['screening', 4, 0.75],
      ['interviews', 3, 0.667],
      ['reference_check', 2, 1],
      ['offer', 2, 1],
      ['hired', 2, null]
    ])
    const t = Object.fromEntries(f.timeInStage.map((s) => [s.stage, [s.medianDays, s.meanDays, s.samples]]))
    expect(t).toEqual({ sourced: [2, 2, 5], screening: [2.5, 2.5, 4], interviews: [3, 3, 3], reference_check: [1.5, 1.5, 2], offer: [2.5, 2.5, 2] })
    expect(f.timeToHire).toEqual({ medianDays: 12, meanDays: 12, hires: 2 })
    expect(f.exitReasons).toEqual([
      { stage: 'rejected', reason: 'Not enough experience', count: 1 },
      { stage: 'withdrawn', reason: 'Took another offer', count: 1 },
      { stage: 'rejected', reason: 'Weak discovery', count: 1 }
    ])
    expect(f.sources).toEqual([
      { source: 'linkedin', candidates: 2, interviewed: 1, offers: 0, hired: 0, hireRate: 0 },
      { source: 'referral', candidates: 2, interviewed: 2, offers: 2, hired: 2, hireRate: 1 },
      { source: 'job_board', candidates: 1, interviewed: 0, offers: 0, hired: 0, hireRate: 0 }
    ])
    // Overall equals the one role here; an unknown role is refused.
    expect((await r.funnel()).steps).toEqual(f.steps)
    await expect(r.funnel(999)).rejects.toMatchObject({ code: 'NOT_FOUND' })
  })

  it('adds the roles together overall, each role keeping its own figures', async () => {
    const ae = await role('AE')
    const sdr = await role('SDR')
    const walk = async (req: number, name: string, moves: [string, number, string?][]) => {
      const c = await r.createCandidate({ name, source: 'referral', requisitionId: req }, day(0))
      for (const [stage, at, reason] of moves) await r.move({ candidateId: c.id, requisitionId: req, stage: stage as 'screening', reason }, day(at))
      return c
    }
    await walk(ae.id, 'P', [['screening', 4], ['interviews', 6], ['reference_check', 7], ['offer', 8], ['hired', 10]])
    await walk(sdr.id, 'Q', [['screening', 2], ['rejected', 3, 'Weak discovery']])
    const two = await walk(sdr.id, 'R', [['screening', 6]])
    // R is on the AE role too, from day 7: two applications, one person.
    await r.move({ candidateId: two.id, requisitionId: ae.id, stage: 'screening' }, day(7))
    const [fa, fs, all] = await Promise.all([r.funnel(ae.id), r.funnel(sdr.id), r.funnel()])
    expect([fa.applications, fs.applications, all.applications]).toEqual([2, 2, 4])
    expect(all.steps.map((s) => s.reached)).toEqual(fa.steps.map((s, i) => s.reached + fs.steps[i]!.reached))
    // R joined the AE role at screening: reaching a stage counts as passing those before it.
    expect(all.steps.map((s) => [s.stage, s.reached, s.passThrough])).toEqual([
      ['sourced', 4, 1],
      ['screening', 4, 0.25],
      ['interviews', 1, 1],
      ['reference_check', 1, 1],
      ['offer', 1, 1],
      ['hired', 1, null]
    ])
    expect(all.timeInStage.find((t) => t.stage === 'screening')).toEqual({ stage: 'screening', medianDays: 1.5, meanDays: 1.5, samples: 2 })
    expect(all.timeToHire).toEqual({ medianDays: 10, meanDays: 10, hires: 1 })
    expect(all.exitReasons).toEqual([{ stage: 'rejected', reason: 'Weak discovery', count: 1 }])
    expect(all.sources).toEqual([{ source: 'referral', candidates: 4, interviewed: 1, offers: 1, hired: 1, hireRate: 0.25 }])
  })
})
