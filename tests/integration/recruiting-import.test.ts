// Candidate CSV import on a real workspace file: a quirky Excel export becomes candidates, duplicates are caught on all three keys, bad rows change nothing.
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { contract, type MethodInput } from '@shared/contract'
import { makeWorkspace, type TempWorkspace } from '../support/workspace'
import { importCandidateCsv } from '../../src/main/services/recruiting/candidate-csv'
import { day, parse, recruiting, recruitingCounts } from './recruiting-world'

const FIXTURES = join(__dirname, '../fixtures/recruiting')
const fixture = (name: string) => readFileSync(join(FIXTURES, name), 'utf8')
const QUIRKY = 'candidates-bom-crlf-semicolons-quoted-multiline-title.csv'
const BAD = 'candidates-bad-rows-email-source-link-extra-cell.csv'
const ATS = 'candidates-ats-bulk-template-first-last-social-job-notes.csv'
const ATS_BAD = 'candidates-ats-bad-job-link-name-source.csv'

let ws: TempWorkspace | null = null
afterEach(() => {
  ws?.dispose()
  ws = null
})

/** A role and three existing candidates, one per duplicate key. */
async function world() {
  const w = makeWorkspace()
  const r = recruiting(w.store.db)
  const role = await r.createRequisition({ title: 'Enterprise AE' })
  const maya = await r.createCandidate({ name: 'Maya Lindqvist', email: 'maya.lindqvist@example.com', currentCompany: 'Northwind' })
  const tomas = await r.createCandidate({ name: 'Tomás Ferreira', linkedinUrl: 'https://www.linkedin.com/in/tomas-ferreira/', currentCompany: 'Contoso' })
  const priya = await r.createCandidate({ name: 'Priya Natarajan', currentCompany: 'Fabrikam, Inc.' })
  return { w, r, role, maya, tomas, priya }
}

const importCsv = (w: TempWorkspace, input: MethodInput<'candidates.importCsv'>) => importCandidateCsv(w.store.db, parse('candidates.importCsv', input), day(5))

describe('candidates.importCsv', () => {
  it('reads a BOM, CRLF, semicolon-separated export with odd header casing, quoted semicolons, escaped quotes and a two-line cell', async () => {
    const { w, r, role, maya, tomas, priya } = await world()
    ws = w
    const result = await importCsv(w, { fileName: QUIRKY, text: fixture(QUIRKY), requisitionId: role.id })
    expect(result.applied).toBe(true)
    expect(result.errors).toEqual([])
    expect(result.rowsRead).toBe(7)
    // Notes is read as research notes: no column is left over.
    expect(result.ignoredColumns).toEqual([])
    // Rows as a spreadsheet numbers them: the blank row 3 is skipped, the two-line cell stays one row.
    expect(result.created.map((c) => [c.row, c.name])).toEqual([
      [2, 'Ada Okafor'],
      [4, 'Jane "JJ" Doe'],
      [8, 'José Álvarez']
    ])
    expect(result.flagged.map((f) => ({ row: f.row, created: f.candidateId !== null, matches: f.matches.map((m) => [m.id, m.matchedOn]), duplicateOfRow: f.duplicateOfRow }))).toEqual([
      { row: 5, created: false, matches: [[maya.id, ['email']]], duplicateOfRow: null },
      { row: 6, created: false, matches: [[tomas.id, ['linkedin']]], duplicateOfRow: null },
      { row: 7, created: false, matches: [[priya.id, ['name_company']]], duplicateOfRow: null },
      { row: 9, created: false, matches: [], duplicateOfRow: 8 }
    ])

    const ada = await r.get(result.created[0]!.candidateId!)
    expect(ada).toMatchObject({
      email: 'ada@example.org',
      phone: '+44 20 7946 0000',
      location: 'London',
      currentCompany: 'Acme; Holdings',
      currentTitle: 'Account Executive',
      source: 'linkedin',
      linkedinUrl: 'https://linkedin.com/in/ada-okafor?trk=abc',
      researchNotes: 'met at SKO'
    })
    expect(ada.applications.map((a) => [a.requisitionId, a.stage])).toEqual([[role.id, 'sourced']])
    const jane = await r.get(result.created[1]!.candidateId!)
    expect(jane).toMatchObject({ currentTitle: 'Senior AE\nEnterprise', source: 'job_board', email: null, location: 'Oslo' })
    expect((await r.get(result.created[2]!.candidateId!)).source).toBe('event')
    // The board shows the three new candidates, sourced.
    const board = await r.board(role.id, day(6))
    expect(board.columns.find((c) => c.stage === 'sourced')!.cards.map((c) => c.name).sort()).toEqual(['Ada Okafor', 'Jane "JJ" Doe', 'José Álvarez'])
    expect(recruitingCounts(w.store.sqlite).candidates).toBe(6)
  })

  it("with onDuplicate 'create' the possible duplicates are created too, still listed for merging", async () => {
    const { w, maya } = await world()
    ws = w
    const result = await importCsv(w, { fileName: QUIRKY, text: fixture(QUIRKY), onDuplicate: 'create' })
    expect(result.created).toHaveLength(3)
    expect(result.flagged.map((f) => f.row)).toEqual([5, 6, 7, 9])
    expect(result.flagged.every((f) => f.candidateId !== null)).toBe(true)
    expect(result.flagged[0]!.matches[0]!.id).toBe(maya.id)
    expect(recruitingCounts(w.store.sqlite)).toMatchObject({ candidates: 3 + 7, candidate_applications: 0 })
  })

  it('lists every bad row with its row and column and writes nothing', async () => {
    const { w, role } = await world()
    ws = w
    const before = recruitingCounts(w.store.sqlite)
    const result = await importCsv(w, { fileName: BAD, text: fixture(BAD), requisitionId: role.id })
    expect(result.applied).toBe(false)
    expect(result.created).toEqual([])
    expect(result.errors.map((e) => [e.row, e.column])).toEqual([
      [3, 'Name'],
      [4, 'Email'],
      [5, 'Source'],
      [6, 'LinkedIn URL'],
      [7, null]
    ])
    expect(result.errors[0]!.message).toBe('is empty; every candidate needs a name.')
    expect(result.errors[1]!.message).toContain('"not-an-email"')
    expect(result.errors[2]!.message).toMatch(/"Carrier pigeon" is not a source; use one of Referral, LinkedIn, Job board/)
    expect(result.errors[3]!.message).toContain('only http and https')
    expect(result.errors[4]!.message).toMatch(/has 5 cells but the header has 4/)
    expect(recruitingCounts(w.store.sqlite)).toEqual(before)
  })

  it('refuses a file it cannot read as candidates, naming the file and where, and writes nothing', async () => {
    const { w } = await world()
    ws = w
    const before = recruitingCounts(w.store.sqlite)
    await expect(importCsv(w, { fileName: 'people.csv', text: 'Full Name,Mail\nAda,ada@example.org\n'.replace('Full Name', 'Person') })).rejects.toThrow(
      'candidates.importCsv: people.csv, row 1: no "Name" column, nor "First Name" and "Last Name" (headers found: "Person", "Mail").'
    )
    await expect(importCsv(w, { fileName: 'empty.csv', text: '\n\n' })).rejects.toThrow(/empty\.csv, row 1: the file is empty/)
    await expect(importCsv(w, { fileName: 'header.csv', text: 'Name,Email\n' })).rejects.toThrow(/header\.csv, row 2: the file has a header but no candidates/)
    await expect(importCsv(w, { fileName: 'quote.csv', text: 'Name,Email\n"Ada,ada@example.org\nBo,bo@example.org\n' })).rejects.toThrow(/quote\.csv, row \d+: a quoted cell is not closed/)
    await expect(importCsv(w, { fileName: 'x.csv', text: 'Name\nAda\n', requisitionId: 999 })).rejects.toMatchObject({ code: 'NOT_FOUND' })
    expect(recruitingCounts(w.store.sqlite)).toEqual(before)
    // The contract refuses what main should never read.
    expect(contract['candidates.importCsv'].input.safeParse({ fileName: 'big.csv', text: 'x'.repeat(5_000_001) }).success).toBe(false)
    expect(contract['candidates.importCsv'].input.safeParse({ fileName: '', text: 'Name\nAda' }).success).toBe(false)
  })

  it('takes the same person twice in one file once, and a plain comma file with headers in any case', async () => {
    const { w } = await world()
    ws = w
    const text = 'name,EMAIL,Current Company\nBo Berg,bo@example.org,Umbrella\nBo Berg,BO@example.org,Umbrella Corp\nCy Chan,,Umbrella\n'
    const result = await importCsv(w, { fileName: 'twice.csv', text })
    expect(result.created.map((c) => c.name)).toEqual(['Bo Berg', 'Cy Chan'])
    expect(result.flagged).toEqual([expect.objectContaining({ row: 3, candidateId: null, duplicateOfRow: 2, matches: [] })])
  })

  it('reads an ATS bulk template: first and last name joined, LinkedIn found among social links, Job as the role, Notes as research notes, ATS source names', async () => {
    const { w, r, role, maya, tomas, priya } = await world()
    ws = w
    const midMarket = await r.createRequisition({ title: 'Mid-Market AE' })
    const fallback = await r.createRequisition({ title: 'SDR team' })
    const result = await importCsv(w, { fileName: ATS, text: fixture(ATS), requisitionId: fallback.id })
    expect(result.errors).toEqual([])
    expect(result.applied).toBe(true)
    expect(result.rowsRead).toBe(6)
    // Every column of the template is read: none is left over.
    expect(result.ignoredColumns).toEqual([])
    expect(result.created.map((c) => [c.row, c.name, c.currentCompany])).toEqual([
      [2, 'Lena Marsh', 'Bluewater Freight'],
      [3, 'Raj Iyer', 'Umbrella'],
      [7, 'Sam Cole', 'Initech']
    ])
    // Duplicates on all three keys, the LinkedIn one found in the Social Media cell.
    expect(result.flagged.map((f) => [f.row, f.candidateId, f.matches.map((m) => [m.id, m.matchedOn])])).toEqual([
      [4, null, [[tomas.id, ['linkedin']]]],
      [5, null, [[maya.id, ['email']]]],
      [6, null, [[priya.id, ['name_company']]]]
    ])

    const lena = await r.get(result.created[0]!.candidateId!)
    expect(lena).toMatchObject({
      email: 'lena.marsh@mail.example',
      phone: '+1 312 555 0142',
      currentTitle: 'Account Executive',
      source: 'linkedin',
      linkedinUrl: 'https://www.linkedin.com/in/lena-marsh/',
      otherLinks: ['https://twitter.com/lenamarsh', 'https://lenamarsh.example.com']
    })
    // Notes arrive as the Markdown text they are; the profile renders them as text (see the e2e test).
    expect(lena.researchNotes).toBe('## Screen call\n- Ran a **pod** of three AEs\n- <img src=x onerror=alert(1)> stays text')
    // Job "enterprise  ae" is the Enterprise AE role (case and spacing aside); a blank Job takes the role chosen for the import.
    expect(lena.applications.map((a) => [a.requisitionId, a.stage])).toEqual([[role.id, 'sourced']])
    const raj = await r.get(result.created[1]!.candidateId!)
    expect(raj).toMatchObject({ source: 'job_board', linkedinUrl: null, otherLinks: ['https://x.com/rajiyer'], researchNotes: '' })
    expect(raj.applications.map((a) => a.requisitionId)).toEqual([fallback.id])
    const sam = await r.get(result.created[2]!.candidateId!)
    expect(sam).toMatchObject({ source: 'inbound', otherLinks: ['https://samcole.example.org/'], researchNotes: 'Prefers hybrid.' })
    expect(sam.applications.map((a) => a.requisitionId)).toEqual([midMarket.id])

    // With duplicates created too, the ATS source names map as well: Employee Referral, Career fair, Agency: TalentCo.
    const w2 = makeWorkspace()
    try {
      const r2 = recruiting(w2.store.db)
      await r2.createRequisition({ title: 'Enterprise AE' })
      await r2.createRequisition({ title: 'Mid-Market AE' })
      const all = await importCandidateCsv(w2.store.db, parse('candidates.importCsv', { fileName: ATS, text: fixture(ATS) }), day(5))
      const sources = await Promise.all([...all.created, ...all.flagged].sort((a, b) => a.row - b.row).map(async (c) => (await r2.get(c.candidateId!)).source))
      expect(sources).toEqual(['linkedin', 'job_board', 'referral', 'event', 'agency', 'inbound'])
    } finally {
      w2.dispose()
    }
  })

  it('lists an ATS file’s bad rows by their own column names — an unknown Job, a blank name, a link that is not http, an unknown source — and writes nothing', async () => {
    const { w } = await world()
    ws = w
    const before = recruitingCounts(w.store.sqlite)
    const result = await importCsv(w, { fileName: ATS_BAD, text: fixture(ATS_BAD) })
    expect(result.applied).toBe(false)
    expect(result.errors.map((e) => [e.row, e.column])).toEqual([
      [3, 'First Name'],
      [4, 'Job'],
      [5, 'Social Media'],
      [6, 'Source']
    ])
    expect(result.errors[0]!.message).toBe('is empty; every candidate needs a name.')
    expect(result.errors[1]!.message).toBe('"Chief Happiness Officer" is not the title of any role; create the role first, or leave Job blank.')
    expect(result.errors[2]!.message).toMatch(/only http and https.*"javascript:alert\(1\)"/)
    expect(result.errors[3]!.message).toMatch(/"Carrier pigeon" is not a source/)
    expect(recruitingCounts(w.store.sqlite)).toEqual(before)
  })
})
