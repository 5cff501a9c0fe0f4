// Snapshot CSVs for one competitor: read with papaparse, every row checked before anything is written, then people and snapshots in one transaction.
import Papa from 'papaparse'
import type Database from 'better-sqlite3'
import type { ParsedInput, SnapshotImportResult } from '@shared/contract'
import { TouchlineError } from '@shared/errors'
import { COMPETITOR_ROLES, type CompetitorRole } from '@shared/visibility'
import { latestSnapshotDay, personKey, profileKey } from './competitors'

const METHOD = 'snapshots.importCsv'

/** The columns the import reads, each with the header names it answers to (compared lower case, spaces collapsed). */
const COLUMNS = {
  name: { label: 'Name', required: true, headers: ['name', 'person', 'full name'] },
  title: { label: 'Title', required: false, headers: ['title', 'job title', 'headline'] },
  profileUrl: { label: 'Profile URL', required: false, headers: ['profile url', 'profile', 'url', 'profile link', 'linkedin url'] },
  role: { label: 'Role', required: false, headers: ['role'] },
  date: { label: 'Date', required: true, headers: ['date', 'taken on', 'snapshot date'] },
  periodDays: { label: 'Period days', required: false, headers: ['period days', 'period (days)', 'period'] },
  followers: { label: 'Followers', required: true, headers: ['followers'] },
  connections: { label: 'Connections', required: true, headers: ['connections'] },
  posts: { label: 'Posts', required: true, headers: ['posts', 'posts in period'] },
  comments: { label: 'Comments', required: true, headers: ['comments', 'comments in period'] },
  activeDays: { label: 'Active days', required: false, headers: ['active days'] },
  engagementPerPost: { label: 'Engagement per post', required: false, headers: ['engagement per post', 'engagement/post', 'engagement'] }
} as const
type Column = keyof typeof COLUMNS

const MAX_COUNT = 100_000_000

export interface SnapshotCsvRow {
  /** The row as a spreadsheet numbers it: the header is row 1. */
  row: number
  name: string
  title: string | null
  profileUrl: string | null
  role: CompetitorRole | null
  takenOn: string
  periodDays: number
  followers: number
  connections: number
  posts: number
  comments: number
  activeDays: number | null
  engagementPerPost: number | null
}

export interface SnapshotCsv {
  rows: SnapshotCsvRow[]
  ignoredColumns: string[]
}

function headerKey(header: string): string {
  return header.replace(/^\uFEFF/, '').trim().toLowerCase().replace(/\s+/g, ' ')
}

function refuse(fileName: string, where: string, what: string): never {
  throw new TouchlineError('INVALID_INPUT', `${METHOD}: ${fileName}, ${where}: ${what}`)
}

/** Whole numbers as spreadsheets write them: 12400, "12,400", 12 400 (also with a no-break space). */
function wholeNumber(cell: string): number | string {
  const t = cell.replace(/[\u00a0\u202f]/g, ' ').trim()
  if (/^-\s*\d/.test(t)) return 'must be 0 or more'
  if (!/^(\d+|\d{1,3}(,\d{3})+|\d{1,3}( \d{3})+)$/.test(t)) return 'is not a whole number'
  const n = Number(t.replace(/[, ]/g, ''))
  if (n > MAX_COUNT) return `is above ${MAX_COUNT.toLocaleString('en')}`
  return n
}

function decimalNumber(cell: string): number | string {
  const t = cell.replace(/[\u00a0\u202f]/g, ' ').trim()
  if (/^-\s*\d/.test(t)) return 'must be 0 or more'
  if (!/^(\d+|\d{1,3}(,\d{3})+)(\.\d+)?$/.test(t)) return 'is not a number (write decimals with a point, e.g. 12.5)'
  const n = Number(t.replace(/,/g, ''))
  if (n > 1_000_000) return 'is above 1,000,000'
  return n
}

function isoDay(cell: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(cell)) return false
  const t = Date.parse(`${cell}T00:00:00Z`)
  return !Number.isNaN(t) && new Date(t).toISOString().startsWith(cell)
}

function roleOf(cell: string): CompetitorRole | null | undefined {
  const t = cell.trim().toLowerCase()
  if (t === '') return null
  if (t === 'sales leader' || t === 'leader') return 'leader'
  if (t === 'seller' || t === 'sales rep' || t === 'rep') return 'seller'
  return COMPETITOR_ROLES.find((r) => r === t)
}

/** Reads and checks every row; the first problem refuses the whole file, naming its row and column. */
export function readSnapshotCsv(fileName: string, text: string, today: string): SnapshotCsv {
  // One newline convention before parsing: papaparse guesses line endings from the first chunk (PITFALLS §7).
  const body = text.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n')
  const parsed = Papa.parse<string[]>(body, { header: false, newline: '\n', skipEmptyLines: false, delimitersToGuess: [',', ';', '\t'] })
  const records = parsed.data
  const broken = parsed.errors.find((e) => e.type === 'Quotes' || e.code === 'MissingQuotes' || e.code === 'InvalidQuotes')
  if (broken) refuse(fileName, `row ${(broken.row ?? 0) + 1}`, `a quoted cell is not closed (${broken.message}).`)
  const headerIndex = records.findIndex((r) => r.some((c) => c.trim() !== ''))
  if (headerIndex < 0) refuse(fileName, 'row 1', 'the file is empty; expected a header row with Name, Date, Followers, Connections, Posts and Comments.')
  const header = records[headerIndex]!
  const at = new Map<Column, number>()
  const ignoredColumns: string[] = []
  header.forEach((h, i) => {
    const key = headerKey(h)
    const column = (Object.keys(COLUMNS) as Column[]).find((c) => (COLUMNS[c].headers as readonly string[]).includes(key))
    if (!column) {
      if (key !== '') ignoredColumns.push(h.trim())
      return
    }
    if (at.has(column)) refuse(fileName, `row ${headerIndex + 1}`, `two columns are read as "${COLUMNS[column].label}" ("${header[at.get(column)!]!.trim()}" and "${h.trim()}").`)
    at.set(column, i)
  })
  const missing = (Object.keys(COLUMNS) as Column[]).filter((c) => COLUMNS[c].required && !at.has(c))
  if (missing.length) {
    refuse(fileName, `row ${headerIndex + 1}`, `no ${missing.map((c) => `"${COLUMNS[c].label}"`).join(', ')} column (headers found: ${header.map((h) => `"${h.trim()}"`).join(', ')}).`)
  }

  const latest = latestSnapshotDay(today)
  const rows: SnapshotCsvRow[] = []
  for (let i = headerIndex + 1; i < records.length; i++) {
    const cells = records[i]!
    if (cells.every((c) => c.trim() === '')) continue
    const row = i + 1
    const cell = (c: Column): string => {
      const index = at.get(c)
      return index === undefined ? '' : (cells[index] ?? '').trim()
    }
    const where = (c: Column) => `row ${row}, column "${COLUMNS[c].label}"`
    const required = (c: Column): string => {
      const v = cell(c)
      if (v === '') refuse(fileName, where(c), c === 'name' || c === 'date' ? 'is empty.' : 'is empty; write 0 where there were none.')
      return v
    }
    const count = (c: Column, v: string): number => {
      const n = wholeNumber(v)
      if (typeof n === 'string') refuse(fileName, where(c), `"${v}" ${n}.`)
      return n
    }

    const name = required('name')
    if (name.length > 120) refuse(fileName, where('name'), 'is longer than 120 characters.')
    const title = cell('title') || null
    if (title !== null && title.length > 160) refuse(fileName, where('title'), 'is longer than 160 characters.')
    const url = cell('profileUrl') || null
    if (url !== null) {
      let ok = false
      try {
        ok = /^https?:$/.test(new URL(url).protocol) && /^https?:\/\//i.test(url)
      } catch {
        ok = false
      }
      if (!ok || url.length > 500) refuse(fileName, where('profileUrl'), `"${url}" is not an http(s) address.`)
    }
    const role = roleOf(cell('role'))
    if (role === undefined) refuse(fileName, where('role'), `"${cell('role')}" is neither "leader" nor "seller".`)
    const takenOn = required('date')
    if (!isoDay(takenOn)) refuse(fileName, where('date'), `"${takenOn}" is not a date as YYYY-MM-DD.`)
    if (takenOn > latest) refuse(fileName, where('date'), `${takenOn} is in the future (today is ${today}).`)
    let periodDays = 30
    if (cell('periodDays') !== '') {
      periodDays = count('periodDays', cell('periodDays'))
      if (periodDays < 1 || periodDays > 366) refuse(fileName, where('periodDays'), `${periodDays} is outside 1–366.`)
    }
    let activeDays: number | null = null
    if (cell('activeDays') !== '') {
      activeDays = count('activeDays', cell('activeDays'))
      if (activeDays > periodDays) refuse(fileName, where('activeDays'), `${activeDays} is more than the period's ${periodDays} days.`)
    }
    let engagementPerPost: number | null = null
    if (cell('engagementPerPost') !== '') {
      const n = decimalNumber(cell('engagementPerPost'))
      if (typeof n === 'string') refuse(fileName, where('engagementPerPost'), `"${cell('engagementPerPost')}" ${n}.`)
      engagementPerPost = n
    }
    rows.push({
      row,
      name,
      title,
      profileUrl: url,
      role,
      takenOn,
      periodDays,
      followers: count('followers', required('followers')),
      connections: count('connections', required('connections')),
      posts: count('posts', required('posts')),
      comments: count('comments', required('comments')),
      activeDays,
      engagementPerPost
    })
  }
  if (rows.length === 0) refuse(fileName, `row ${headerIndex + 2}`, 'the file has a header but no rows.')
  return { rows, ignoredColumns }
}

interface Person {
  id: number
  name: string
  title: string | null
  role: CompetitorRole
  profileUrl: string | null
}

type StoredSnapshot = {
  id: number
  period_days: number
  followers: number
  connections: number
  posts: number
  comments: number
  active_days: number | null
  engagement_per_post: number | null
}

/**
 * Imports a snapshot CSV for one competitor. People are matched by profile address, else by name, and created when
 * new; a person's snapshot on a date already stored is updated, so importing the same file again changes nothing.
 * Written through reused better-sqlite3 statements in one IMMEDIATE transaction: a file at the cap is tens of
 * thousands of rows, and a statement prepared per row (Kysely) made that ten times slower (PITFALLS §4).
 */
export function importSnapshotCsv(sqlite: Database.Database, input: ParsedInput<'snapshots.importCsv'>, today: string, now: string): SnapshotImportResult {
  const { fileName } = input
  const csv = readSnapshotCsv(fileName, input.text, today)
  const competitor = sqlite.prepare('SELECT id FROM competitors WHERE id = ?').get(input.competitorId) as { id: number } | undefined
  if (!competitor) throw new TouchlineError('NOT_FOUND', `${METHOD}: input.competitorId: there is no competitor with id ${input.competitorId}.`)
  const insertPerson = sqlite.prepare('INSERT INTO competitor_people (competitor_id, name, title, role, profile_url, created_at) VALUES (?, ?, ?, ?, ?, ?)')
  // What the file adds about a known person: a title, a role, a profile address not stored yet.
  const updatePerson = sqlite.prepare('UPDATE competitor_people SET title = coalesce(?, title), role = coalesce(?, role), profile_url = coalesce(profile_url, ?) WHERE id = ?')
  const insertSnapshot = sqlite.prepare(
    `INSERT INTO presence_snapshots (competitor_person_id, taken_on, period_days, followers, connections, posts, comments, active_days, engagement_per_post, source)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 'csv')`
  )
  const updateSnapshot = sqlite.prepare(
    `UPDATE presence_snapshots SET period_days = ?, followers = ?, connections = ?, posts = ?, comments = ?, active_days = ?, engagement_per_post = ?, source = 'csv' WHERE id = ?`
  )

  const apply = sqlite.transaction((): SnapshotImportResult => {
    const people = sqlite.prepare('SELECT id, name, title, role, profile_url FROM competitor_people WHERE competitor_id = ?').all(competitor.id) as {
      id: number
      name: string
      title: string | null
      role: CompetitorRole
      profile_url: string | null
    }[]
    const byUrl = new Map<string, Person>()
    const byName = new Map<string, Person>()
    const remember = (p: Person) => {
      if (p.profileUrl) byUrl.set(profileKey(p.profileUrl), p)
      byName.set(personKey(p.name), p)
    }
    for (const p of people) remember({ id: p.id, name: p.name, title: p.title, role: p.role, profileUrl: p.profile_url })
    const stored = new Map<string, StoredSnapshot>()
    const existing = sqlite
      .prepare(
        `SELECT s.id, s.competitor_person_id, s.taken_on, s.period_days, s.followers, s.connections, s.posts, s.comments, s.active_days, s.engagement_per_post
         FROM presence_snapshots s JOIN competitor_people p ON p.id = s.competitor_person_id WHERE p.competitor_id = ?`
      )
      .all(competitor.id) as (StoredSnapshot & { competitor_person_id: number; taken_on: string })[]
    for (const e of existing) stored.set(`${e.competitor_person_id}:${e.taken_on}`, e)

    const result: SnapshotImportResult = { fileName, rows: csv.rows.length, peopleCreated: 0, snapshotsAdded: 0, snapshotsUpdated: 0, snapshotsUnchanged: 0, ignoredColumns: csv.ignoredColumns }
    const seen = new Map<string, number>()
    for (const r of csv.rows) {
      let person = r.profileUrl ? byUrl.get(profileKey(r.profileUrl)) : undefined
      if (!person) {
        person = byName.get(personKey(r.name))
        if (person && r.profileUrl && person.profileUrl && profileKey(person.profileUrl) !== profileKey(r.profileUrl)) {
          refuse(fileName, `row ${r.row}, column "Profile URL"`, `"${r.name}" is already stored with another profile (${person.profileUrl}); is this someone else?`)
        }
      }
      if (!person) {
        const id = Number(insertPerson.run(competitor.id, r.name, r.title, r.role ?? 'seller', r.profileUrl, now).lastInsertRowid)
        person = { id, name: r.name, title: r.title, role: r.role ?? 'seller', profileUrl: r.profileUrl }
        remember(person)
        result.peopleCreated++
      } else if ((r.title && r.title !== person.title) || (r.role && r.role !== person.role) || (r.profileUrl && !person.profileUrl)) {
        updatePerson.run(r.title, r.role, r.profileUrl, person.id)
        person.title = r.title ?? person.title
        person.role = r.role ?? person.role
        if (r.profileUrl && !person.profileUrl) {
          person.profileUrl = r.profileUrl
          remember(person)
        }
      }

      const key = `${person.id}:${r.takenOn}`
      const earlier = seen.get(key)
      if (earlier !== undefined) refuse(fileName, `row ${r.row}, column "Date"`, `"${person.name}" on ${r.takenOn} is already in row ${earlier}.`)
      seen.set(key, r.row)

      const values: Omit<StoredSnapshot, 'id'> = {
        period_days: r.periodDays,
        followers: r.followers,
        connections: r.connections,
        posts: r.posts,
        comments: r.comments,
        active_days: r.activeDays,
        engagement_per_post: r.engagementPerPost
      }
      const before = stored.get(key)
      if (!before) {
        insertSnapshot.run(person.id, r.takenOn, values.period_days, values.followers, values.connections, values.posts, values.comments, values.active_days, values.engagement_per_post)
        result.snapshotsAdded++
      } else if ((Object.keys(values) as (keyof typeof values)[]).every((k) => before[k] === values[k])) {
        result.snapshotsUnchanged++
      } else {
        updateSnapshot.run(values.period_days, values.followers, values.connections, values.posts, values.comments, values.active_days, values.engagement_per_post, before.id)
        result.snapshotsUpdated++
      }
    }
    return result
  })
  return apply.immediate()
}
