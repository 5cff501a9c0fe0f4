// Visibility's data entry on a real SQLite file: competitors renamed and removed, people and duplicates, snapshot history, and the snapshot CSV import.
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { MethodInput } from '../../src/shared/contract'
import { listSnapshots, removeCompetitor, removeCompetitorPerson, updateCompetitor, addSnapshot } from '../../src/main/services/visibility/competitors'
import { importSnapshotCsv } from '../../src/main/services/visibility/snapshot-csv'
import { makeWorkspace, NOW, TODAY, type TempWorkspace } from '../support/workspace'
import { parse, visibility, visibilityCounts, world } from './visibility-world'

const FIXTURES = join(__dirname, '../fixtures/visibility')
const fixture = (name: string) => readFileSync(join(FIXTURES, name), 'utf8')
const QUIRKS = 'snapshots-bom-crlf-thousands-extra-column.csv'
const BAD_DATE = 'snapshots-bad-date-row-7.csv'

let ws: TempWorkspace
let v: ReturnType<typeof visibility>
let w: ReturnType<typeof world>
beforeEach(() => {
  ws = makeWorkspace()
  w = world(ws.store.sqlite)
  v = visibility(ws.store.db)
})
afterEach(() => ws.dispose())

const db = () => ws.store.db
const update = async (i: MethodInput<'competitors.update'>) => updateCompetitor(db(), parse('competitors.update', i))
const remove = async (i: MethodInput<'competitors.remove'>) => removeCompetitor(db(), parse('competitors.remove', i))
const removePerson = async (i: MethodInput<'competitors.removePerson'>) => removeCompetitorPerson(db(), parse('competitors.removePerson', i))
const history = async (i: MethodInput<'snapshots.list'>) => listSnapshots(db(), parse('snapshots.list', i), TODAY)
const enter = async (i: MethodInput<'snapshots.add'>) => addSnapshot(db(), parse('snapshots.add', i), TODAY)
const importCsv = async (i: MethodInput<'snapshots.importCsv'>) => importSnapshotCsv(ws.store.sqlite, parse('snapshots.importCsv', i), TODAY, NOW)
const counts = () => visibilityCounts(ws.store.sqlite)
const snapshotsOf = (name: string) =>
  ws.store.sqlite
    .prepare(
      `SELECT s.taken_on, s.followers, s.connections, s.posts, s.comments, s.engagement_per_post, s.source
       FROM presence_snapshots s JOIN competitor_people p ON p.id = s.competitor_person_id WHERE p.name = ? ORDER BY s.taken_on`
    )
    .all(name)

describe('competitors: names, aliases and duplicates', () => {
  it('renames a competitor and replaces its aliases, keeping its people', async () => {
    const alt = await v.createCompetitor({ name: 'Altmark', aliases: ['Altmark GmbH'], people: [{ name: 'Lena Vogt', role: 'leader' }] })
    const renamed = await update({ id: alt.id, name: 'Altmark Software', aliases: ['Altmark', 'ALTMARK', 'AMS'] })
    // The old name becomes an alias; "ALTMARK" is the same alias written twice.
    expect(renamed).toMatchObject({ id: alt.id, name: 'Altmark Software', aliases: ['Altmark', 'AMS'] })
    expect(renamed.people.map((p) => p.name)).toEqual(['Lena Vogt'])
    const aliasesOnly = await update({ id: alt.id, aliases: [] })
    expect(aliasesOnly).toMatchObject({ name: 'Altmark Software', aliases: [] })
  })

  it('refuses a name or alias that another competitor already answers to, naming it, and changes nothing', async () => {
    const alt = await v.createCompetitor({ name: 'Altmark', aliases: ['AMS'] })
    const brisa = await v.createCompetitor({ name: 'Brisa CRM' })
    const before = counts()
    await expect(v.createCompetitor({ name: 'ams' })).rejects.toMatchObject({ code: 'CONFLICT', message: /input\.name: "ams" is an alias of "Altmark"/ })
    await expect(v.createCompetitor({ name: 'Cadence', aliases: ['Brisa  crm'] })).rejects.toMatchObject({
      code: 'CONFLICT',
      message: /input\.aliases: "Brisa {2}crm" already names the competitor "Brisa CRM"/
    })
    await expect(update({ id: brisa.id, name: 'ALTMARK' })).rejects.toMatchObject({ code: 'CONFLICT', message: /competitors\.update: input\.name: "ALTMARK" is already a competitor/ })
    await expect(update({ id: brisa.id, aliases: ['AMS'] })).rejects.toMatchObject({ code: 'CONFLICT', message: /"AMS" already names the competitor "Altmark"/ })
    await expect(update({ id: 999, name: 'X' })).rejects.toMatchObject({ code: 'NOT_FOUND', message: /competitors\.update: input\.id/ })
    await expect(update({ id: brisa.id, name: '   ' })).rejects.toThrow()
    // Renaming a competitor to its own name in other letters is not a conflict with itself.
    await expect(update({ id: alt.id, name: 'ALTMARK' })).resolves.toMatchObject({ name: 'ALTMARK', aliases: ['AMS'] })
    expect(counts()).toEqual(before)
  })

  it('refuses a second person with the same name or profile address at one competitor, and any address that is not http(s)', async () => {
    const alt = await v.createCompetitor({ name: 'Altmark', people: [{ name: 'Lena Vogt', role: 'leader', profileUrl: 'https://www.linkedin.com/in/lena-vogt' }] })
    const other = await v.createCompetitor({ name: 'Brisa' })
    const before = counts()
    await expect(v.addPerson({ competitorId: alt.id, name: 'lena  vogt', role: 'seller' })).rejects.toMatchObject({ code: 'CONFLICT', message: /input\.name: "Lena Vogt" is already/ })
    await expect(v.addPerson({ competitorId: alt.id, name: 'L. Vogt', role: 'seller', profileUrl: 'https://linkedin.com/in/Lena-Vogt/' })).rejects.toMatchObject({
      code: 'CONFLICT',
      message: /input\.profileUrl: .* is already the profile of "Lena Vogt"/
    })
    for (const bad of ['javascript:alert(1)', 'file:///etc/passwd', 'ftp://example.com/x', 'linkedin.com/in/x', 'data:text/html,hi']) {
      await expect(v.addPerson({ competitorId: alt.id, name: 'Ola Nord', role: 'seller', profileUrl: bad }), bad).rejects.toThrow(/profileUrl/)
    }
    await expect(v.createCompetitor({ name: 'Cadence', people: [{ name: 'Ada', role: 'seller' }, { name: 'ADA', role: 'leader' }] })).rejects.toMatchObject({
      code: 'CONFLICT',
      message: /input\.people\.1: "ADA" repeats input\.people\.0/
    })
    expect(counts()).toEqual(before)
    // The same person may appear at two competitors (people move).
    await expect(v.addPerson({ competitorId: other.id, name: 'Lena Vogt', role: 'seller', profileUrl: 'https://www.linkedin.com/in/lena-vogt' })).resolves.toMatchObject({ name: 'Brisa' })
  })

  it('removes a person with their snapshots, and a competitor with its people, snapshots and relationship counts', async () => {
    w.account(10, 'Barclays Bank')
    const alt = await v.createCompetitor({ name: 'Altmark', people: [{ name: 'Lena Vogt', role: 'leader' }, { name: 'Jonas Brandt', role: 'seller' }] })
    const brisa = await v.createCompetitor({ name: 'Brisa', people: [{ name: 'Kim Park', role: 'leader' }] })
    const [jonas, lena] = alt.people.filter((p) => p.role === 'seller').concat(alt.people.filter((p) => p.role === 'leader'))
    await enter({ person: { competitorPersonId: lena!.id }, takenOn: '2026-11-01', followers: 10, connections: 10, posts: 1, comments: 1 })
    await enter({ person: { competitorPersonId: jonas!.id }, takenOn: '2026-11-01', followers: 5, connections: 5, posts: 1, comments: 1 })
    await enter({ person: { competitorPersonId: brisa.people[0]!.id }, takenOn: '2026-11-01', followers: 5, connections: 5, posts: 1, comments: 1 })
    await v.setRelationship({ competitorId: alt.id, accountId: 10, count: 4, notedOn: TODAY })
    await v.setRelationship({ competitorId: brisa.id, accountId: 10, count: 2, notedOn: TODAY })

    const after = await removePerson({ personId: jonas!.id })
    expect(after.people.map((p) => p.name)).toEqual(['Lena Vogt'])
    expect(counts()).toMatchObject({ competitors: 2, competitor_people: 2, presence_snapshots: 2, competitor_account_relationships: 2 })

    await expect(remove({ id: alt.id })).resolves.toEqual({ id: alt.id })
    expect(counts()).toMatchObject({ competitors: 1, competitor_people: 1, presence_snapshots: 1, competitor_account_relationships: 1 })
    expect((await v.competitors()).map((c) => c.name)).toEqual(['Brisa'])
    await expect(remove({ id: alt.id })).rejects.toMatchObject({ code: 'NOT_FOUND', message: /competitors\.remove: input\.id/ })
    await expect(removePerson({ personId: jonas!.id })).rejects.toMatchObject({ code: 'NOT_FOUND', message: /input\.personId/ })
  })
})

describe('the comparison once the last competitor is gone', () => {
  it('compares the team alone, with its trend, when no competitor is left', async () => {
    w.rep(1, 'Ada')
    await enter({ person: { repId: 1 }, takenOn: '2026-11-01', followers: 100, connections: 50, posts: 1, comments: 1 })
    const alt = await v.createCompetitor({ name: 'Altmark' })
    await remove({ id: alt.id })
    const c = await v.compare()
    expect(c.competitors).toEqual([])
    expect(c.us.headcount).toBe(1)
    expect(c.trend.map((t) => [t.month, t.reach])).toEqual([['2026-11', { us: 100 }]])
  })
})

describe('snapshots entered by hand', () => {
  it('lists a person’s snapshots oldest first with the latest date and count on the competitor list', async () => {
    const alt = await v.createCompetitor({ name: 'Altmark', people: [{ name: 'Lena Vogt', role: 'leader' }] })
    const lena = alt.people[0]!
    expect(lena).toMatchObject({ latestSnapshotOn: null, snapshotCount: 0 })
    await enter({ person: { competitorPersonId: lena.id }, takenOn: '2026-11-01', followers: 1300, connections: 900, posts: 4, comments: 6, engagementPerPost: 9.5 })
    await enter({ person: { competitorPersonId: lena.id }, takenOn: '2026-10-01', followers: 1200, connections: 880, posts: 3, comments: 2 })
    const h = await history({ competitorPersonId: lena.id })
    expect(h.today).toBe(TODAY)
    expect(h.snapshots.map((s) => [s.takenOn, s.followers, s.engagementPerPost, s.source])).toEqual([
      ['2026-10-01', 1200, null, 'manual'],
      ['2026-11-01', 1300, 9.5, 'manual']
    ])
    expect((await v.competitors())[0]!.people[0]).toMatchObject({ latestSnapshotOn: '2026-11-01', snapshotCount: 2 })
    await expect(history({ competitorPersonId: 999 })).rejects.toMatchObject({ code: 'NOT_FOUND', message: /snapshots\.list: input\.competitorPersonId/ })
  })

  it('refuses a snapshot dated after tomorrow (UTC), and negative or fractional counts, changing nothing', async () => {
    const alt = await v.createCompetitor({ name: 'Altmark', people: [{ name: 'Lena Vogt', role: 'leader' }] })
    const person = { competitorPersonId: alt.people[0]!.id }
    const before = counts()
    const snap = { followers: 1, connections: 1, posts: 1, comments: 1 }
    await expect(enter({ person, takenOn: '2026-11-25', ...snap })).rejects.toMatchObject({ code: 'INVALID_INPUT', message: /input\.takenOn: 2026-11-25 is in the future \(today is 2026-11-23\)/ })
    await expect(enter({ person, takenOn: TODAY, ...snap, followers: -5 })).rejects.toThrow()
    await expect(enter({ person, takenOn: TODAY, ...snap, posts: 1.5 })).rejects.toThrow()
    expect(counts()).toEqual(before)
    // Tomorrow in UTC is still today somewhere east of it.
    await expect(enter({ person, takenOn: '2026-11-24', ...snap })).resolves.toMatchObject({ takenOn: '2026-11-24' })
  })
})

describe('snapshot CSV import', () => {
  async function altmarkWithLena() {
    return v.createCompetitor({ name: 'Altmark', people: [{ name: 'Lena Vogt', role: 'leader', profileUrl: 'https://www.linkedin.com/in/lena-vogt' }] })
  }

  it('reads a BOM, CRLF, headers in any case, quoted thousands, empty cells and an extra column; matches people by profile, else by name', async () => {
    const alt = await altmarkWithLena()
    const result = await importCsv({ competitorId: alt.id, fileName: QUIRKS, text: fixture(QUIRKS) })
    expect(result).toEqual({ fileName: QUIRKS, rows: 7, peopleCreated: 3, snapshotsAdded: 7, snapshotsUpdated: 0, snapshotsUnchanged: 0, ignoredColumns: ['Notes'] })

    const people = (await v.competitors())[0]!.people
    expect(people.map((p) => [p.name, p.role, p.title, p.profileUrl, p.snapshotCount])).toEqual([
      // Lena was matched twice by her profile address, written three ways; her stored name and role stay.
      ['Lena Vogt', 'leader', 'VP Sales', 'https://www.linkedin.com/in/lena-vogt', 2],
      // "jonas  brandt" in row 5 is the Jonas Brandt created by row 4: his title arrives with it.
      ['Jonas Brandt', 'seller', 'Account Executive', null, 2],
      ['Mara Quist', 'seller', 'Head of Sales, DACH', 'https://www.linkedin.com/in/mara-quist', 1],
      ['Ola Nord', 'seller', 'Seller', null, 2]
    ])
    expect(snapshotsOf('Lena Vogt')).toEqual([
      { taken_on: '2026-09-01', followers: 12400, connections: 3000, posts: 4, comments: 10, engagement_per_post: 12.5, source: 'csv' },
      { taken_on: '2026-10-01', followers: 12900, connections: 3050, posts: 6, comments: 11, engagement_per_post: null, source: 'csv' }
    ])
    expect(snapshotsOf('Mara Quist')).toEqual([{ taken_on: '2026-11-01', followers: 8200, connections: 900, posts: 9, comments: 14, engagement_per_post: 20, source: 'csv' }])
    // The imported snapshots feed the comparison like hand-entered ones.
    const compare = await v.compare({ competitorId: alt.id })
    expect(compare.competitors[0]!.people.find((p) => p.name === 'Lena Vogt')).toMatchObject({ snapshotOn: '2026-10-01', reach: 12900 })
  })

  it('imports the same file again without a single new row, and updates a snapshot whose figures changed', async () => {
    const alt = await altmarkWithLena()
    await importCsv({ competitorId: alt.id, fileName: QUIRKS, text: fixture(QUIRKS) })
    const once = counts()
    const again = await importCsv({ competitorId: alt.id, fileName: QUIRKS, text: fixture(QUIRKS) })
    expect(again).toMatchObject({ rows: 7, peopleCreated: 0, snapshotsAdded: 0, snapshotsUpdated: 0, snapshotsUnchanged: 7 })
    expect(counts()).toEqual(once)

    const edited = fixture(QUIRKS).replace('" 8,200 "', '8300')
    expect(edited).not.toBe(fixture(QUIRKS))
    await expect(importCsv({ competitorId: alt.id, fileName: 'edited.csv', text: edited })).resolves.toMatchObject({ snapshotsAdded: 0, snapshotsUpdated: 1, snapshotsUnchanged: 6 })
    expect(snapshotsOf('Mara Quist')).toMatchObject([{ followers: 8300 }])
    expect(counts()).toEqual(once)
  })

  it('refuses the whole file for a bad date on row 7, naming the row and column, and changes nothing', async () => {
    const alt = await altmarkWithLena()
    const before = counts()
    await expect(importCsv({ competitorId: alt.id, fileName: BAD_DATE, text: fixture(BAD_DATE) })).rejects.toMatchObject({
      code: 'INVALID_INPUT',
      message: `snapshots.importCsv: ${BAD_DATE}, row 7, column "Date": "15/11/2026" is not a date as YYYY-MM-DD.`
    })
    expect(counts()).toEqual(before)
  })

  it('rolls back people and snapshots already written when a later row is refused', async () => {
    const alt = await altmarkWithLena()
    const before = counts()
    // Row 4 repeats Ola on the same day: found only after rows 2–3 created people and snapshots.
    const text = ['Name,Date,Followers,Connections,Posts,Comments', 'Ola Nord,2026-11-01,1,1,1,1', 'Per Lund,2026-11-01,1,1,1,1', 'ola nord,2026-11-01,2,2,2,2'].join('\n')
    await expect(importCsv({ competitorId: alt.id, fileName: 'twice.csv', text })).rejects.toMatchObject({
      code: 'INVALID_INPUT',
      message: /twice\.csv, row 4, column "Date": "Ola Nord" on 2026-11-01 is already in row 2/
    })
    // A profile address that contradicts the stored one for the same name is someone else, or a mistake: refused, after Per was written.
    const clash = ['Name,Profile URL,Date,Followers,Connections,Posts,Comments', 'Per Lund,,2026-11-01,1,1,1,1', 'Lena Vogt,https://www.linkedin.com/in/another-lena,2026-11-01,1,1,1,1'].join('\n')
    await expect(importCsv({ competitorId: alt.id, fileName: 'clash.csv', text: clash })).rejects.toMatchObject({ message: /clash\.csv, row 3, column "Profile URL": "Lena Vogt" is already stored with another profile/ })
    expect(counts()).toEqual(before)
  })

  it.each([
    ['a missing required column', 'Name,Date,Connections,Posts,Comments\nA,2026-11-01,1,1,1', /row 1: no "Followers" column \(headers found: "Name", "Date"/],
    ['a negative count', 'Name,Date,Followers,Connections,Posts,Comments\nA,2026-11-01,-3,1,1,1', /row 2, column "Followers": "-3" must be 0 or more/],
    ['a decimal count', 'Name,Date,Followers,Connections,Posts,Comments\nA,2026-11-01,12.400,1,1,1', /row 2, column "Followers": "12\.400" is not a whole number/],
    ['a badly grouped thousand', 'Name,Date,Followers,Connections,Posts,Comments\nA,2026-11-01,"1,24",1,1,1', /row 2, column "Followers": "1,24" is not a whole number/],
    ['an empty count', 'Name,Date,Followers,Connections,Posts,Comments\nA,2026-11-01,1,1,,1', /row 2, column "Posts": is empty; write 0/],
    ['an empty name', 'Name,Date,Followers,Connections,Posts,Comments\n,2026-11-01,1,1,1,1', /row 2, column "Name": is empty/],
    ['a date in the future', 'Name,Date,Followers,Connections,Posts,Comments\nA,2027-01-01,1,1,1,1', /row 2, column "Date": 2027-01-01 is in the future \(today is 2026-11-23\)/],
    ['an impossible date', 'Name,Date,Followers,Connections,Posts,Comments\nA,2026-02-30,1,1,1,1', /row 2, column "Date": "2026-02-30" is not a date/],
    ['a profile that is not http(s)', 'Name,Profile URL,Date,Followers,Connections,Posts,Comments\nA,javascript:alert(1),2026-11-01,1,1,1,1', /row 2, column "Profile URL": "javascript:alert\(1\)" is not an http\(s\) address/],
    ['a bad engagement figure', 'Name,Date,Followers,Connections,Posts,Comments,Engagement per post\nA,2026-11-01,1,1,1,1,"12,5"', /row 2, column "Engagement per post": "12,5" is not a number/],
    ['a header and nothing else', 'Name,Date,Followers,Connections,Posts,Comments\n\n', /row 2: the file has a header but no rows/],
    ['an empty file', '', /row 1: the file is empty/],
    ['an unclosed quote', 'Name,Date,Followers,Connections,Posts,Comments\n"A,2026-11-01,1,1,1,1\n', /a quoted cell is not closed/],
    ['two columns read as one', 'Name,Person,Date,Followers,Connections,Posts,Comments\nA,B,2026-11-01,1,1,1,1', /two columns are read as "Name" \("Name" and "Person"\)/]
  ])('refuses %s, naming where, and changes nothing', async (_what, text, message) => {
    const alt = await altmarkWithLena()
    const before = counts()
    await expect(importCsv({ competitorId: alt.id, fileName: 'bad.csv', text })).rejects.toMatchObject({ code: 'INVALID_INPUT', message })
    expect(counts()).toEqual(before)
  })

  it('refuses an unknown competitor and a text above 2 MB before reading it', async () => {
    await expect(importCsv({ competitorId: 42, fileName: QUIRKS, text: fixture(QUIRKS) })).rejects.toMatchObject({ code: 'NOT_FOUND', message: /input\.competitorId/ })
    const alt = await altmarkWithLena()
    const huge = `Name,Date,Followers,Connections,Posts,Comments\n${'A,2026-11-01,1,1,1,1\n'.repeat(100_000)}`
    expect(huge.length).toBeGreaterThan(2_000_000)
    expect(() => parse('snapshots.importCsv', { competitorId: alt.id, fileName: 'huge.csv', text: huge })).toThrow(/at most 2,000,000 characters/)
  })

  it('reads semicolon-separated files with space-grouped thousands and a Role column', async () => {
    const alt = await altmarkWithLena()
    const text = 'Name;Role;Date;Followers;Connections;Posts;Comments\nKim Park;Sales leader;2026-11-01;12 400;1\u00a0200;3;4\n'
    await expect(importCsv({ competitorId: alt.id, fileName: 'semicolon.csv', text })).resolves.toMatchObject({ peopleCreated: 1, snapshotsAdded: 1 })
    expect((await v.competitors())[0]!.people.find((p) => p.name === 'Kim Park')).toMatchObject({ role: 'leader' })
    expect(snapshotsOf('Kim Park')).toMatchObject([{ followers: 12400, connections: 1200 }])
  })
})
