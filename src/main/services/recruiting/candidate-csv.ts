// Candidates from a CSV (our columns or an ATS bulk template's): read with papaparse, every row checked and matched against existing candidates, then one transaction.
import Papa from 'papaparse'
import type { Kysely } from 'kysely'
import {
  candidateInput,
  type CandidateImportProblem,
  type CandidateImportResult,
  type CandidateImportRow,
  type DuplicateMatch,
  type ParsedInput
} from '@shared/contract'
import { TouchlineError } from '@shared/errors'
import { CANDIDATE_SOURCES, RECRUITING_LABELS, type CandidateSource } from '@shared/recruiting'
import type { DB } from '../../store/schema'
import { findDuplicates, insertCandidate } from './candidates'
import { emailKey, hasCompany, linkedinKey, nameCompanyKey } from './keys'

const METHOD = 'candidates.importCsv'
/** Past this many problems the list stops growing: the file needs fixing at its source. */
const MAX_PROBLEMS = 200

/**
 * The columns read, each with the header names it answers to (compared lower case, punctuation and spaces collapsed).
 * An ATS bulk template (First Name, Last Name, Company, Title, Email, Phone, Social Media, Website, Source, Job, Notes)
 * reads as: the two name halves joined, LinkedIn links among Social Media as the LinkedIn profile and every other link
 * as a profile link, Job as the role (by its title), Notes as research notes.
 */
const COLUMNS = {
  name: { label: 'Name', headers: ['name', 'full name', 'candidate', 'candidate name'] },
  firstName: { label: 'First name', headers: ['first name', 'firstname', 'given name'] },
  lastName: { label: 'Last name', headers: ['last name', 'lastname', 'surname', 'family name'] },
  email: { label: 'Email', headers: ['email', 'e mail', 'email address', 'e mail address'] },
  phone: { label: 'Phone', headers: ['phone', 'phone number', 'mobile', 'telephone'] },
  location: { label: 'Location', headers: ['location', 'city'] },
  currentCompany: { label: 'Current company', headers: ['current company', 'company', 'employer'] },
  currentTitle: { label: 'Current title', headers: ['current title', 'title', 'job title', 'position'] },
  source: { label: 'Source', headers: ['source'] },
  linkedinUrl: { label: 'LinkedIn URL', headers: ['linkedin url', 'linkedin', 'linkedin profile', 'linkedin profile url'] },
  socialMedia: { label: 'Social media', headers: ['social media', 'social', 'social links', 'social profiles', 'social media links'] },
  website: { label: 'Website', headers: ['website', 'web site', 'websites', 'personal website', 'portfolio'] },
  job: { label: 'Job', headers: ['job', 'job name', 'job opening', 'opening', 'requisition', 'role applied for', 'applied for'] },
  notes: { label: 'Notes', headers: ['notes', 'note', 'comments', 'research notes'] }
} as const
type Column = keyof typeof COLUMNS
const COLUMN_NAMES = Object.keys(COLUMNS) as Column[]

function headerKey(header: string): string {
  return header
    .replace(/^\uFEFF/, '')
    .trim()
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim()
}

function refuse(fileName: string, where: string, what: string): never {
  throw new TouchlineError('INVALID_INPUT', `${METHOD}: ${fileName}, ${where}: ${what}`)
}

/** The source names ATS exports use for what Touchline calls a source (matched as words of the cell, lower case). */
const ATS_SOURCES: readonly [RegExp, CandidateSource][] = [
  [/\breferr(al|ed)\b/, 'referral'],
  [/\blinked ?in\b/, 'linkedin'],
  [/\b(indeed|glassdoor|monster|ziprecruiter|careerbuilder|stepstone|job ?boards?|job ?sites?)\b/, 'job_board'],
  [/\b(agency|recruiter|headhunter|search firm)\b/, 'agency'],
  [/\b(career ?site|careers ?page|company ?website|website|applied|inbound|direct)\b/, 'inbound'],
  [/\b(event|career ?fair|conference|meetup|trade ?show)\b/, 'event']
]

/** "LinkedIn", "Job board", "job_board", "JOB-BOARD" all read as job_board, as do ATS names like "Indeed"; blank is "other". */
function sourceOf(cell: string): CandidateSource | undefined {
  const key = cell.trim().toLowerCase().replace(/[^a-z]+/g, '_').replace(/^_|_$/g, '')
  if (key === '') return 'other'
  const exact = CANDIDATE_SOURCES.find((s) => s === key || RECRUITING_LABELS.source[s].toLowerCase().replace(/[^a-z]+/g, '_') === key)
  if (exact) return exact
  const words = key.replace(/_/g, ' ')
  return ATS_SOURCES.find(([pattern]) => pattern.test(words))?.[1]
}

/** A job title as the Job column and a requisition's title are compared: case and spacing aside. */
export function jobKey(title: string): string {
  return title.trim().replace(/\s+/g, ' ').toLowerCase()
}

/** Links in one cell, however the export separated them (spaces, commas, semicolons, bars, new lines). */
function linksIn(cell: string | undefined): string[] {
  return cell === undefined ? [] : cell.split(/[\s,;|]+/).filter(Boolean).map(webAddress)
}

function isLinkedin(url: string): boolean {
  try {
    const host = new URL(url).hostname.toLowerCase()
    return host === 'linkedin.com' || host.endsWith('.linkedin.com')
  } catch {
    return false
  }
}

/** Exports often drop the scheme ("linkedin.com/in/ada"): a bare host/path is read as https. */
function webAddress(cell: string): string {
  const t = cell.trim()
  if (t === '' || /^[a-z][a-z0-9+.-]*:/i.test(t)) return t
  return /^[\w.-]+\.[a-z]{2,}(\/|$)/i.test(t) ? `https://${t}` : t
}

interface ReadRow {
  row: number
  input: ParsedInput<'candidates.create'>
  /** The Job cell, when the file has one and it is filled: the role this row is for, by title. */
  job?: { title: string; column: string }
}

interface ReadFile {
  rows: ReadRow[]
  errors: CandidateImportProblem[]
  ignoredColumns: string[]
  rowsRead: number
}

/** Reads and checks every row, collecting each problem with its row and column; problems with the file itself throw. */
export function readCandidateCsv(fileName: string, text: string, requisitionId: number | undefined): ReadFile {
  // One newline convention before parsing: papaparse guesses line endings from the first chunk (PITFALLS §7).
  const body = text.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n')
  const parsed = Papa.parse<string[]>(body, { header: false, newline: '\n', skipEmptyLines: false, delimitersToGuess: [',', ';', '\t'] })
  const broken = parsed.errors.find((e) => e.type === 'Quotes')
  if (broken) refuse(fileName, `row ${(broken.row ?? 0) + 1}`, `a quoted cell is not closed (${broken.message}).`)
  const records = parsed.data
  const headerIndex = records.findIndex((r) => r.some((c) => c.trim() !== ''))
  if (headerIndex < 0) refuse(fileName, 'row 1', 'the file is empty; expected a header row with at least a Name column.')
  const header = records[headerIndex]!
  const at = new Map<Column, number>()
  const ignoredColumns: string[] = []
  header.forEach((h, i) => {
    const key = headerKey(h)
    const column = COLUMN_NAMES.find((c) => (COLUMNS[c].headers as readonly string[]).includes(key))
    if (!column) {
      if (key !== '') ignoredColumns.push(h.replace(/^\uFEFF/, '').trim())
      return
    }
    if (at.has(column)) {
      refuse(fileName, `row ${headerIndex + 1}`, `two columns are read as "${COLUMNS[column].label}" ("${header[at.get(column)!]!.trim()}" and "${h.trim()}").`)
    }
    at.set(column, i)
  })
  if (!at.has('name') && !at.has('firstName') && !at.has('lastName')) {
    refuse(
      fileName,
      `row ${headerIndex + 1}`,
      `no "Name" column, nor "First Name" and "Last Name" (headers found: ${header.map((h) => `"${h.replace(/^\uFEFF/, '').trim()}"`).join(', ')}).`
    )
  }
  // Without a Name column the name is built from its halves, and problems with it are reported on First name.
  const nameColumn: Column = at.has('name') ? 'name' : at.has('firstName') ? 'firstName' : 'lastName'

  const rows: ReadRow[] = []
  const errors: CandidateImportProblem[] = []
  let rowsRead = 0
  for (let i = headerIndex + 1; i < records.length; i++) {
    const cells = records[i]!
    if (cells.every((c) => c.trim() === '')) continue
    rowsRead++
    const row = i + 1
    const label = (c: Column) => {
      const index = at.get(c)
      return index === undefined ? COLUMNS[c].label : header[index]!.replace(/^\uFEFF/, '').trim()
    }
    const problem = (column: Column | null, message: string) => {
      if (errors.length < MAX_PROBLEMS) errors.push({ row, column: column === null ? null : label(column), message })
    }
    if (cells.length > header.length && cells.slice(header.length).some((c) => c.trim() !== '')) {
      problem(null, `has ${cells.length} cells but the header has ${header.length}; a comma inside a cell needs quotes around the cell.`)
      continue
    }
    const cell = (c: Column): string | undefined => {
      const index = at.get(c)
      const v = index === undefined ? '' : (cells[index] ?? '').trim()
      return v === '' ? undefined : v
    }
    const source = sourceOf(cell('source') ?? '')
    if (source === undefined) {
      problem('source', `"${cell('source')}" is not a source; use one of ${CANDIDATE_SOURCES.map((s) => RECRUITING_LABELS.source[s]).join(', ')}.`)
      continue
    }
    // LinkedIn links among the social ones fill the LinkedIn profile when its own column is blank; the rest are profile links.
    const links = [
      ...linksIn(cell('socialMedia')).map((url) => ({ url, column: 'socialMedia' as Column })),
      ...linksIn(cell('website')).map((url) => ({ url, column: 'website' as Column }))
    ]
    const ownLinkedin = cell('linkedinUrl') === undefined ? undefined : webAddress(cell('linkedinUrl')!)
    const linkedinFrom = ownLinkedin === undefined ? links.find((l) => isLinkedin(l.url)) : undefined
    const otherLinks = links.filter((l) => l !== linkedinFrom && l.url !== ownLinkedin)
    const candidate = {
      name: cell('name') ?? [cell('firstName'), cell('lastName')].filter(Boolean).join(' '),
      email: cell('email'),
      phone: cell('phone'),
      location: cell('location'),
      currentCompany: cell('currentCompany'),
      currentTitle: cell('currentTitle'),
      source,
      linkedinUrl: ownLinkedin ?? linkedinFrom?.url,
      otherLinks: [...new Set(otherLinks.map((l) => l.url))],
      researchNotes: cell('notes') ?? '',
      requisitionId
    }
    const checked = candidateInput.safeParse(candidate)
    if (!checked.success) {
      for (const issue of checked.error.issues) {
        const field = String(issue.path[0] ?? '')
        // The column a field came from: links name the cell they were found in, with the offending link.
        const link =
          field === 'otherLinks' && typeof issue.path[1] === 'number'
            ? otherLinks.find((l) => l.url === candidate.otherLinks[issue.path[1] as number])
            : field === 'linkedinUrl' && linkedinFrom
              ? linkedinFrom
              : undefined
        const column: Column | null = link
          ? link.column
          : field === 'name'
            ? nameColumn
            : field === 'researchNotes'
              ? 'notes'
              : field === 'otherLinks'
                ? (otherLinks[0]?.column ?? null)
                : (COLUMN_NAMES.find((c) => c === field) ?? null)
        const value = link ? link.url : column && column !== 'notes' ? cell(column) : undefined
        const message =
          field === 'name' && candidate.name === '' ? 'is empty; every candidate needs a name.' : `${issue.message}${value ? ` ("${value}")` : ''}.`
        problem(column, message)
      }
      continue
    }
    const job = cell('job')
    rows.push({ row, input: checked.data, ...(job ? { job: { title: job, column: label('job') } } : {}) })
  }
  if (rowsRead === 0) refuse(fileName, `row ${headerIndex + 2}`, 'the file has a header but no candidates.')
  return { rows, errors, ignoredColumns, rowsRead }
}

/**
 * A Job cell names the role a row is for, by its title (an open role first when titles repeat, then the newest); it
 * overrides the role chosen for the whole import. A title no role has is a problem on that row.
 */
async function placeOnJobs(db: Kysely<DB>, file: ReadFile): Promise<void> {
  const wanted = [...new Set(file.rows.flatMap((r) => (r.job ? [jobKey(r.job.title)] : [])))]
  if (wanted.length === 0) return
  const roles = await db
    .selectFrom('requisitions')
    .select(['id', 'title', 'status'])
    .orderBy((eb) => eb.case().when('status', '=', 'open').then(0).else(1).end())
    .orderBy('id', 'desc')
    .execute()
  const byKey = new Map<string, number>()
  for (const r of roles) if (!byKey.has(jobKey(r.title))) byKey.set(jobKey(r.title), r.id)
  const kept: ReadRow[] = []
  for (const r of file.rows) {
    if (!r.job) {
      kept.push(r)
      continue
    }
    const id = byKey.get(jobKey(r.job.title))
    if (id === undefined) {
      if (file.errors.length < MAX_PROBLEMS) {
        file.errors.push({ row: r.row, column: r.job.column, message: `"${r.job.title}" is not the title of any role; create the role first, or leave Job blank.` })
      }
      continue
    }
    kept.push({ ...r, input: { ...r.input, requisitionId: id } })
  }
  file.rows = kept
  file.errors.sort((a, b) => a.row - b.row)
}

/**
 * Imports a candidate CSV. Any row with a problem means nothing is written and every problem is listed. Otherwise,
 * in one transaction, each row is matched against existing candidates (email, LinkedIn profile, name at the same
 * company: the keys candidates.create uses) and against earlier rows of the file; a likely duplicate is skipped,
 * or created and flagged for merging when onDuplicate is 'create'.
 */
export async function importCandidateCsv(db: Kysely<DB>, input: ParsedInput<'candidates.importCsv'>, now: string): Promise<CandidateImportResult> {
  const file = readCandidateCsv(input.fileName, input.text, input.requisitionId)
  const base = { fileName: input.fileName, rowsRead: file.rowsRead, requisitionId: input.requisitionId ?? null, ignoredColumns: file.ignoredColumns }
  await placeOnJobs(db, file)
  if (file.errors.length > 0) return { ...base, applied: false, created: [], flagged: [], errors: file.errors }

  return db.transaction().execute(async (trx) => {
    if (input.requisitionId !== undefined) {
      const req = await trx.selectFrom('requisitions').where('id', '=', input.requisitionId).select('id').executeTakeFirst()
      if (!req) throw new TouchlineError('NOT_FOUND', `${METHOD}: input.requisitionId: there is no requisition with id ${input.requisitionId}.`)
    }
    const created: CandidateImportRow[] = []
    const flagged: CandidateImportRow[] = []
    // Keys of the rows already taken from this file, to catch the same person twice in one export.
    const seen = new Map<string, number>()
    for (const { row, input: c } of file.rows) {
      const keys = [
        emailKey(c.email) && `e:${emailKey(c.email)}`,
        linkedinKey(c.linkedinUrl) && `l:${linkedinKey(c.linkedinUrl)}`,
        hasCompany(nameCompanyKey(c.name, c.currentCompany)) && `n:${nameCompanyKey(c.name, c.currentCompany)}`
      ].filter((k): k is string => typeof k === 'string')
      const duplicateOfRow = keys.map((k) => seen.get(k)).find((r) => r !== undefined) ?? null
      // Only candidates that were there before the import count as existing; rows of this file are caught above.
      const matches: DuplicateMatch[] = (await findDuplicates(trx, c)).filter((m) => !created.some((x) => x.candidateId === m.id) && !flagged.some((x) => x.candidateId === m.id))
      const possibleDuplicate = matches.length > 0 || duplicateOfRow !== null
      let candidateId: number | null = null
      if (!possibleDuplicate || input.onDuplicate === 'create') {
        candidateId = await insertCandidate(trx, c, now)
        for (const k of keys) if (!seen.has(k)) seen.set(k, row)
      }
      const entry: CandidateImportRow = { row, candidateId, name: c.name, email: c.email ?? null, currentCompany: c.currentCompany ?? null, matches, duplicateOfRow }
      ;(possibleDuplicate ? flagged : created).push(entry)
    }
    return { ...base, applied: true, created, flagged, errors: [] }
  })
}
