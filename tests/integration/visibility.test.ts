// Visibility services on a real SQLite file: each measure on fixtures with known answers, the composite and its weights, relationships with alias matching, refused writes.
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { makeWorkspace, TODAY, type TempWorkspace } from '../support/workspace'
import { visibility, visibilityCounts, windowDay, world } from './visibility-world'

let ws: TempWorkspace
let w: ReturnType<typeof world>
let v: ReturnType<typeof visibility>
beforeEach(() => {
  ws = makeWorkspace()
  w = world(ws.store.sqlite)
  v = visibility(ws.store.db)
})
afterEach(() => ws.dispose())

describe('our reps’ measures from their public activities', () => {
  it('a rep posting every 14th day over 28 days is visible 2/28 of the time and invisible for 13 days at a stretch', async () => {
    w.rep(1, 'Peter Fortnight')
    w.activity(1, windowDay(14))
    w.activity(1, windowDay(28))
    const team = await v.team({ windowDays: 28 })
    const peter = team.rows[0]!
    expect(peter).toMatchObject({ name: 'Peter Fortnight', activeDays: 2, longestInvisibleStretch: 13, publicActivities: 2, posts: 2 })
    expect(peter.visibilityShare).toBeCloseTo(2 / 28, 10)
    expect(peter.cadencePerWeek).toBeCloseTo(0.5, 10)
    expect(peter.dayCounts).toHaveLength(28)
    expect(peter.dayCounts.filter((n) => n > 0)).toEqual([1, 1])
    expect(team).toMatchObject({ windowEnd: TODAY, windowStart: '2026-10-27', windowDays: 28, total: 1 })
  })

  it('counts posts, comments and shares but not reactions, messages or meetings, nor activities outside the window', async () => {
    w.rep(1, 'Ada')
    w.activity(1, windowDay(1), 'social_post')
    w.activity(1, windowDay(1), 'social_comment')
    w.activity(1, windowDay(2), 'social_share')
    w.activity(1, windowDay(3), 'social_reaction')
    w.activity(1, windowDay(4), 'social_message')
    w.activity(1, windowDay(5), 'meeting')
    w.activity(1, windowDay(0), 'social_post') // the day before the window
    w.activity(1, `${TODAY}T23:59:59Z`, 'social_post') // the last second of today is in
    const ada = (await v.team({ windowDays: 28 })).rows[0]!
    expect(ada).toMatchObject({ activeDays: 3, publicActivities: 4, posts: 2, comments: 1, shares: 1, longestInvisibleStretch: 25 })
    expect(ada.commentsPerWeek).toBeCloseTo(0.25, 10)
  })

  it('reads reach and engagement from the rep’s latest snapshot on or before today', async () => {
    w.rep(1, 'Ada')
    await v.snapshot({ person: { repId: 1 }, takenOn: '2026-10-01', followers: 300, connections: 500, posts: 2, comments: 1, engagementPerPost: 4 })
    await v.snapshot({ person: { repId: 1 }, takenOn: '2026-11-01', followers: 1200, connections: 800, posts: 2, comments: 1, engagementPerPost: 10 })
    await v.snapshot({ person: { repId: 1 }, takenOn: '2026-12-01', followers: 9999, connections: 9999, posts: 2, comments: 1, engagementPerPost: 99 })
    const ada = (await v.team()).rows[0]!
    expect(ada).toMatchObject({ reach: 1200, followers: 1200, connections: 800, engagementPerPost: 10 })
  })

  it('lists only active reps, filtered by team and paged by name', async () => {
    w.rep(1, 'Cleo', { team: 1 })
    w.rep(2, 'Ada', { team: 1 })
    w.rep(3, 'Bo', { team: 2 })
    w.rep(4, 'Gone', { team: 1, left: true })
    expect((await v.team()).rows.map((r) => r.name)).toEqual(['Ada', 'Bo', 'Cleo'])
    expect((await v.team({ teamId: 1 })).rows.map((r) => r.name)).toEqual(['Ada', 'Cleo'])
    const page = await v.team({ limit: 1, offset: 1 })
    expect(page).toMatchObject({ total: 3, offset: 1, limit: 1 })
    expect(page.rows.map((r) => r.name)).toEqual(['Bo'])
  })

  it('gives one rep’s calendar day by day, zeros included', async () => {
    w.rep(1, 'Ada')
    w.activity(1, windowDay(7, 7))
    w.activity(1, windowDay(7, 7), 'social_comment')
    w.activity(1, windowDay(3, 7), 'social_share')
    const cal = await v.calendar({ repId: 1, windowDays: 7 })
    expect(cal.days).toEqual([
      { day: '2026-11-17', count: 0 },
      { day: '2026-11-18', count: 0 },
      { day: '2026-11-19', count: 1 },
      { day: '2026-11-20', count: 0 },
      { day: '2026-11-21', count: 0 },
      { day: '2026-11-22', count: 0 },
      { day: '2026-11-23', count: 2 }
    ])
    expect(cal).toMatchObject({ longestInvisibleStretch: 3, name: 'Ada' })
    expect(cal.visibilityShare).toBeCloseTo(2 / 7, 10)
  })

  it('refuses a window outside 7–365 days, and an unknown rep or team by name of the field', async () => {
    w.rep(1, 'Ada')
    await expect(v.team({ windowDays: 6 })).rejects.toThrow()
    await expect(v.team({ windowDays: 366 })).rejects.toThrow()
    await expect(v.calendar({ repId: 99 })).rejects.toMatchObject({ code: 'NOT_FOUND', message: /input\.repId/ })
    await expect(v.team({ teamId: 99 })).rejects.toMatchObject({ code: 'NOT_FOUND', message: /input\.teamId/ })
  })
})

describe('the composite and its weights', () => {
  it('scores a rep from the four pillars with equal weights, and follows adjusted weights', async () => {
    w.rep(1, 'Ada')
    // Visible every day (brand 1), 5 comments a week (relationships 1), reach 10,000 (people 1), no engagement (insight 0).
    for (let d = 1; d <= 28; d++) w.activity(1, windowDay(d), d % 7 < 5 ? 'social_comment' : 'social_post')
    await v.snapshot({ person: { repId: 1 }, takenOn: TODAY, followers: 10_000, connections: 3_000, posts: 8, comments: 20 })
    let ada = (await v.team()).rows[0]!
    expect(ada.pillars).toEqual({ brand: 1, people: 1, insight: 0, relationships: 1 })
    expect(ada.composite).toBe(75)
    expect(await v.weights()).toEqual({ brand: 25, people: 25, insight: 25, relationships: 25 })

    await v.setWeights({ brand: 10, people: 0, insight: 30, relationships: 0 })
    ada = (await v.team()).rows[0]!
    expect(ada.composite).toBe(25)
    expect(await v.weights()).toEqual({ brand: 10, people: 0, insight: 30, relationships: 0 })
  })

  it('refuses weights that are all zero or out of range, keeping the ones stored', async () => {
    await v.setWeights({ brand: 40, people: 20, insight: 20, relationships: 20 })
    const before = visibilityCounts(ws.store.sqlite)
    await expect(v.setWeights({ brand: 0, people: 0, insight: 0, relationships: 0 })).rejects.toThrow(/at least one weight/)
    await expect(v.setWeights({ brand: 101, people: 0, insight: 0, relationships: 0 })).rejects.toThrow()
    expect(await v.weights()).toEqual({ brand: 40, people: 20, insight: 20, relationships: 20 })
    expect(visibilityCounts(ws.store.sqlite)).toEqual(before)
  })
})

describe('us against the competition', () => {
  it('compares the team’s means with each competitor’s people from their latest snapshots', async () => {
    w.rep(1, 'Ada')
    w.rep(2, 'Bo')
    for (let d = 1; d <= 90; d += 2) w.activity(1, windowDay(d, 90)) // 45 of 90 days
    const altmark = await v.createCompetitor({
      name: 'Altmark',
      aliases: ['Altmark GmbH'],
      people: [
        { name: 'Lena Vogt', title: 'VP Sales', role: 'leader', profileUrl: 'https://www.linkedin.com/in/lena-vogt' },
        { name: 'Jonas Brandt', role: 'seller' }
      ]
    })
    const [lena, jonas] = [altmark.people.find((p) => p.name === 'Lena Vogt')!, altmark.people.find((p) => p.name === 'Jonas Brandt')!]
    await v.snapshot({ person: { competitorPersonId: lena.id }, takenOn: '2026-11-01', periodDays: 30, followers: 5000, connections: 3000, posts: 3, comments: 3, engagementPerPost: 12 })
    await v.snapshot({ person: { competitorPersonId: lena.id }, takenOn: '2026-10-01', periodDays: 30, followers: 4000, connections: 3000, posts: 30, comments: 30 })
    await v.snapshot({ person: { competitorPersonId: jonas.id }, takenOn: '2026-11-01', periodDays: 30, followers: 100, connections: 400, posts: 0, comments: 0, activeDays: 0 })
    await v.createCompetitor({ name: 'Brisa CRM' })

    const all = await v.compare({ windowDays: 90 })
    expect(all.us.headcount).toBe(2)
    expect(all.us.measures!.visibilityShare).toBeCloseTo((45 / 90 + 0) / 2, 10)
    expect(all.competitors.map((c) => c.label)).toEqual(['Altmark', 'Brisa CRM'])
    const alt = all.competitors[0]!
    expect(alt.headcount).toBe(2)
    const lenaNow = alt.people.find((p) => p.name === 'Lena Vogt')!
    // The latest snapshot: 6 posts and comments over 30 days, an upper bound on visible days.
    expect(lenaNow).toMatchObject({ snapshotOn: '2026-11-01', reach: 5000, engagementPerPost: 12, shareEstimated: true })
    expect(lenaNow.visibilityShare).toBeCloseTo(6 / 30, 10)
    expect(lenaNow.cadencePerWeek).toBeCloseTo((6 * 7) / 30, 10)
    expect(alt.people.find((p) => p.name === 'Jonas Brandt')).toMatchObject({ visibilityShare: 0, shareEstimated: false, reach: 400 })
    expect(all.competitors[1]!.measures).toBeNull()

    const one = await v.compare({ competitorId: altmark.id })
    expect(one.competitors.map((c) => c.label)).toEqual(['Altmark'])
    // The trend runs month by month from the snapshots.
    expect(one.trend.map((t) => t.month)).toEqual(['2026-10', '2026-11'])
    expect(one.trend[1]!.reach[`c${altmark.id}`]).toBe((5000 + 400) / 2)
    await expect(v.compare({ competitorId: 999 })).rejects.toMatchObject({ code: 'NOT_FOUND', message: /input\.competitorId/ })
  })

  it('replaces a snapshot entered twice for the same person and day', async () => {
    w.rep(1, 'Ada')
    await v.snapshot({ person: { repId: 1 }, takenOn: '2026-11-01', followers: 1, connections: 1, posts: 0, comments: 0 })
    await v.snapshot({ person: { repId: 1 }, takenOn: '2026-11-01', followers: 2, connections: 1, posts: 0, comments: 0 })
    expect(ws.store.sqlite.prepare('SELECT followers FROM presence_snapshots').all()).toEqual([{ followers: 2 }])
  })
})

describe('relationships in tier-one accounts', () => {
  beforeEach(() => {
    w.rep(1, 'Ada')
    w.rep(2, 'Bo')
    w.rep(3, 'Gone', { left: true })
    w.account(10, 'Barclays Bank', 1, ['Barclays PLC'])
    w.account(11, "Domino's Pizza", 1)
    w.account(12, 'Small Shop', 3)
    w.contact(100, 10, 'Eve Buyer', 'economic_buyer')
    w.contact(101, 10, 'Tom Tech', 'technical_buyer')
    w.contact(102, 10, 'Uma User', 'user_buyer')
  })

  it('counts connections matched by account, by name and by alias, plus engaged contacts, each person once', async () => {
    w.connection(1, 'Eve Buyer', { accountId: 10, contactId: 100 })
    w.connection(2, 'Eve Buyer', { accountId: 10, contactId: 100 }) // the same person known by two reps
    w.connection(1, 'Ken Archive', { company: 'Barclays PLC' }) // unlinked, matched by alias
    w.connection(2, 'Lia Archive', { company: 'barclays bank' }) // unlinked, matched by name
    w.connection(2, 'Max Elsewhere', { company: 'Barclays Consulting' }) // another company
    w.connection(3, 'Ned Former', { accountId: 10 }) // a rep who left
    w.connection(1, 'Sam Small', { accountId: 12 }) // not tier one
    w.activity(2, windowDay(20), 'meeting', 101) // engaged within 90 days
    w.activity(1, '2026-01-05T10:00:00Z', 'email', 102) // too long ago
    w.activity(1, windowDay(25), 'email', 100) // engaged and already a connection

    const r = await v.tierOne()
    expect(r).toMatchObject({ total: 2, tierOneAccounts: 2, engagedWindowDays: 90 })
    const barclays = r.rows.find((x) => x.name === 'Barclays Bank')!
    expect(barclays).toMatchObject({ ours: 4, connections: 3, engagedContacts: 2, decisionRoles: ['economic_buyer', 'technical_buyer'] })
    expect(barclays.strongest).toEqual([
      { repId: 2, name: 'Bo', count: 3 },
      { repId: 1, name: 'Ada', count: 2 }
    ])
    expect(r.noRelationship.map((a) => a.name)).toEqual(["Domino's Pizza"])
  })

  it('shows each competitor’s noted count beside ours, and null where nobody noted it', async () => {
    const alt = await v.createCompetitor({ name: 'Altmark' })
    const brisa = await v.createCompetitor({ name: 'Brisa CRM' })
    await v.setRelationship({ competitorId: alt.id, accountId: 11, count: 14, notedOn: TODAY })
    await v.setRelationship({ competitorId: brisa.id, accountId: 11, count: 3, notedOn: TODAY })
    await v.setRelationship({ competitorId: brisa.id, accountId: 11, count: null, notedOn: TODAY })
    const dominos = (await v.tierOne()).rows.find((x) => x.id === 11)!
    expect(dominos.ours).toBe(0)
    expect(dominos.competitors).toEqual([
      { competitorId: alt.id, count: 14 },
      { competitorId: brisa.id, count: null }
    ])
  })

  it('pages the accounts by name', async () => {
    const page = await v.tierOne({ limit: 1, offset: 1 })
    expect(page.rows.map((r) => r.name)).toEqual(["Domino's Pizza"])
    expect(page.total).toBe(2)
  })
})

describe('social rules per role', () => {
  it('sets a rule per role and shows the role’s actual cadence against it', async () => {
    w.rep(1, 'Ada', { role: 'ae' })
    w.rep(2, 'Bo', { role: 'ae' })
    for (let d = 1; d <= 28; d += 2) w.activity(1, windowDay(d)) // 14 in 4 weeks: 3.5 a week
    await v.setRule({ role: 'ae', platforms: ['linkedin'], cadencePerWeek: 3, responseTimeHours: 24, conduct: 'Never discuss pricing in public.' })
    await v.setRule({ role: 'ae', platforms: ['linkedin', 'x'], cadencePerWeek: 3, responseTimeHours: 12, conduct: 'Never discuss pricing in public.' })
    const rules = await v.rules()
    expect(rules).toHaveLength(1)
    expect(rules[0]).toMatchObject({ role: 'ae', platforms: ['linkedin', 'x'], responseTimeHours: 12, reps: 2, meeting: 1 })
    expect(rules[0]!.actualCadence).toBeCloseTo(1.75, 10)
    expect((await v.team()).rows.map((r) => r.expectedCadence)).toEqual([3, 3])
  })
})

describe('invalid writes change nothing', () => {
  it('refuses unknown people, competitors and accounts, duplicates and bad values, leaving every table as it was', async () => {
    w.rep(1, 'Ada')
    w.account(10, 'Barclays Bank')
    const alt = await v.createCompetitor({ name: 'Altmark', people: [{ name: 'Lena Vogt', role: 'leader' }] })
    const before = visibilityCounts(ws.store.sqlite)
    const snap = { takenOn: TODAY, followers: 1, connections: 1, posts: 1, comments: 1 }
    await expect(v.snapshot({ person: { repId: 99 }, ...snap })).rejects.toMatchObject({ code: 'NOT_FOUND', message: /input\.person\.repId/ })
    await expect(v.snapshot({ person: { competitorPersonId: 99 }, ...snap })).rejects.toMatchObject({ code: 'NOT_FOUND', message: /competitorPersonId/ })
    await expect(v.snapshot({ person: { repId: 1 }, ...snap, takenOn: '2026-02-30' })).rejects.toThrow()
    await expect(v.snapshot({ person: { repId: 1 }, ...snap, periodDays: 7, activeDays: 8 })).rejects.toThrow(/periodDays/)
    await expect(v.snapshot({ person: { repId: 1 }, ...snap, followers: -1 })).rejects.toThrow()
    await expect(v.createCompetitor({ name: ' altmark ' })).rejects.toMatchObject({ code: 'CONFLICT', message: /input\.name/ })
    await expect(v.createCompetitor({ name: 'Cadence', people: [{ name: 'X', role: 'leader', profileUrl: 'javascript:alert(1)' }] })).rejects.toThrow()
    await expect(v.addPerson({ competitorId: 99, name: 'X', role: 'seller' })).rejects.toMatchObject({ code: 'NOT_FOUND', message: /input\.competitorId/ })
    await expect(v.setRelationship({ competitorId: alt.id, accountId: 99, count: 3, notedOn: TODAY })).rejects.toMatchObject({ code: 'NOT_FOUND', message: /input\.accountId/ })
    await expect(v.setRelationship({ competitorId: 99, accountId: 10, count: 3, notedOn: TODAY })).rejects.toMatchObject({ code: 'NOT_FOUND', message: /input\.competitorId/ })
    await expect(v.setRule({ role: 'ae', platforms: ['linkedin', 'linkedin'], cadencePerWeek: 3, responseTimeHours: 24 })).rejects.toThrow(/twice/)
    await expect(v.setRule({ role: 'ae', platforms: [], cadencePerWeek: -1, responseTimeHours: 24 })).rejects.toThrow()
    expect(visibilityCounts(ws.store.sqlite)).toEqual(before)
  })
})
