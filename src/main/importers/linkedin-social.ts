// A LinkedIn archive's dated public activity — Shares.csv, Comments.csv, Reactions.csv — as the rep's social activities.
import Papa from 'papaparse'
import type { ActivityKind } from '@shared/domain'
import type { ImportProblem } from '@shared/contract/imports'
import { decodeBytes } from './encoding'
import { headerKey, readTable } from './table'
import { parseDateTime, text } from './values'
import { parseOccurredAt } from './activities'

export interface ImportedSocial {
  file: string
  line: number
  kind: ActivityKind
  occurredAt: string
  subject: string | null
}

export interface SocialFiles {
  shares?: { name: string; bytes: Uint8Array }
  comments?: { name: string; bytes: Uint8Array }
  reactions?: { name: string; bytes: Uint8Array }
  invitations?: { name: string; bytes: Uint8Array }
}

const SUBJECT_MAX = 280

function subject(raw: string | null): string | null {
  if (!raw) return null
  const flat = raw.replace(/\s+/g, ' ').trim()
  return flat.length > SUBJECT_MAX ? `${flat.slice(0, SUBJECT_MAX - 1)}…` : flat || null
}

interface Out {
  activities: ImportedSocial[]
  problems: ImportProblem[]
  skipped: number
}

function fromTable(file: string, bytes: Uint8Array, headers: string[], toActivity: (cell: (h: string) => string | undefined) => Omit<ImportedSocial, 'file' | 'line' | 'occurredAt'> | null, out: Out): void {
  const table = readTable(decodeBytes(bytes).text, file, new Set(headers))
  // Header casing varies between archive years (ShareLink / Sharelink): compare keys, not spellings.
  const at = new Map(table.headers.map((h, i) => [headerKey(h), i] as const))
  const dateCol = at.get('date')
  if (dateCol === undefined) {
    out.problems.push({ severity: 'warning', file, row: table.headerLine, column: 'Date', message: 'no Date column: the file was not read' })
    return
  }
  for (const r of table.records) {
    const when = parseDateTime(r.cells[dateCol])
    if (!when) {
      out.problems.push({ severity: 'warning', file, row: r.line, column: table.headers[dateCol] ?? 'Date', message: `"${r.cells[dateCol] ?? ''}" is not a date: skipped` })
      out.skipped++
      continue
    }
    const made = toActivity((h) => {
      const i = at.get(h)
      return i === undefined ? undefined : r.cells[i]
    })
    if (made) out.activities.push({ ...made, file, line: r.line, occurredAt: when })
  }
}

// Archives write `2026-11-18 09:00:00`, some with ` UTC` after it.
const TIMESTAMP_LINE = /^"?\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}(?: ?UTC)?"?,/

/** Where a record's text stands after a line: inside a quoted field or not, and whether a new field starts next. */
interface QuoteState {
  quoted: boolean
  fieldStart: boolean
}

/**
 * Follows CSV quoting through one line: a quote opens a field only at its start; inside one, `""` and the archives'
 * `\"` are escaped quotes and a lone quote closes it. A quote in the middle of an unquoted message is just a character.
 */
function scanLine(line: string, state: QuoteState): void {
  for (let i = 0; i < line.length; i++) {
    const c = line[i]
    if (state.quoted) {
      if ((c === '\\' || c === '"') && line[i + 1] === '"') i++
      else if (c === '"') state.quoted = false
      state.fieldStart = false
    } else if (c === '"' && state.fieldStart) {
      state.quoted = true
      state.fieldStart = false
    } else state.fieldStart = c === ','
  }
  // A line break outside quotes inside a record continues an unquoted message: no new field starts there.
  if (!state.quoted) state.fieldStart = false
}

/**
 * Comments.csv: messages span lines without quotes and some archives escape quotes with backslashes, so a record
 * is recognised by the timestamp that starts it — unless that line is still inside the quoted message before it
 * (a message can quote a timeline); each record's text is then parsed by papaparse.
 */
function comments(file: string, bytes: Uint8Array, out: Out): void {
  const lines = decodeBytes(bytes).text.replace(/^\uFEFF/, '').split(/\r\n?|\n/)
  const records: { line: number; text: string }[] = []
  const state: QuoteState = { quoted: false, fieldStart: true }
  lines.forEach((l, i) => {
    if (i === 0) return
    const last = records[records.length - 1]
    if (!last || (!state.quoted && TIMESTAMP_LINE.test(l))) {
      records.push({ line: i + 1, text: l })
      state.quoted = false
      state.fieldStart = true
    } else last.text += `\n${l}`
    scanLine(l, state)
  })
  for (const r of records) {
    // Blank lines after the last record (the file's final newline among them) are not part of its message.
    const recordText = r.text.replace(/\n+$/, '')
    if (recordText.trim() === '') continue
    const parsed = Papa.parse<string[]>(recordText.replace(/\\"/g, '""'), { delimiter: ',', newline: '\n' })
    const cells = parsed.data[0] ?? []
    let date = cells[0]
    let message = cells.slice(2).join(',')
    if (parsed.errors.length > 0 || parsed.data.length > 1) {
      // Unquoted commas and newlines: the date and link are the first two fields, the message is all the rest.
      const m = /^"?([^,"]*)"?,"?([^,"]*)"?,([\s\S]*)$/.exec(recordText)
      date = m?.[1]
      message = (m?.[3] ?? '').replace(/^"|"$/g, '')
    }
    const when = parseDateTime(date)
    if (!when) {
      out.problems.push({ severity: 'warning', file, row: r.line, column: 'Date', message: `"${date ?? ''}" is not a date: skipped` })
      out.skipped++
      continue
    }
    out.activities.push({ file, line: r.line, kind: 'social_comment', occurredAt: when, subject: subject(message.replace(/""/g, '"')) })
  }
}

/**
 * Invitations.csv: an invitation the rep sent is outreach, a search for the right people, kept as an outbound
 * social message to that person. Invitations the rep received are someone else's activity: skipped, counted once per file.
 */
function invitations(file: string, bytes: Uint8Array, out: Out): void {
  const table = readTable(decodeBytes(bytes).text, file, new Set(['from', 'to', 'sent at', 'message', 'direction']))
  const at = new Map(table.headers.map((h, i) => [headerKey(h), i] as const))
  const missing = ['to', 'sent at', 'direction'].filter((h) => !at.has(h))
  if (missing.length > 0) {
    out.problems.push({ severity: 'warning', file, row: table.headerLine, column: missing[0] ?? null, message: `no ${missing.join(', ')} column: the file was not read` })
    return
  }
  const cell = (cells: string[], h: string) => {
    const i = at.get(h)
    return i === undefined ? undefined : cells[i]
  }
  let incoming = 0
  for (const r of table.records) {
    const direction = (text(cell(r.cells, 'direction')) ?? '').toLowerCase()
    if (direction !== 'outgoing') {
      incoming++
      out.skipped++
      continue
    }
    // LinkedIn writes these US-style (`11/20/26, 4:05 PM`), never day first.
    const when = parseOccurredAt(cell(r.cells, 'sent at'), 'mdy')
    if ('reason' in when) {
      out.problems.push({ severity: 'warning', file, row: r.line, column: table.headers[at.get('sent at') ?? 0] ?? 'Sent At', message: `${when.reason}: skipped` })
      out.skipped++
      continue
    }
    const to = text(cell(r.cells, 'to')) ?? 'someone'
    const message = text(cell(r.cells, 'message'))
    out.activities.push({ file, line: r.line, kind: 'social_message', occurredAt: when.iso, subject: subject(`Invitation to ${to}${message ? `: ${message}` : ''}`) })
  }
  if (incoming > 0) {
    out.problems.push({ severity: 'warning', file, row: null, column: table.headers[at.get('direction') ?? 0] ?? 'Direction', message: `${incoming} invitation(s) the rep received were skipped: they are other people's activity, not the rep's` })
  }
}

export function readSocial(archive: string, files: SocialFiles): Out {
  const out: Out = { activities: [], problems: [], skipped: 0 }
  if (files.shares) {
    fromTable(`${archive}/${files.shares.name}`, files.shares.bytes, ['date', 'sharelink', 'sharecommentary', 'sharedurl', 'mediaurl', 'visibility'], (cell) => {
      const commentary = text(cell('sharecommentary'))
      // A share with someone else's link is a share; one with only our words is a post.
      const kind: ActivityKind = text(cell('sharedurl')) && !commentary ? 'social_share' : 'social_post'
      return { kind, subject: subject(commentary ?? text(cell('sharedurl'))) }
    }, out)
  }
  if (files.comments) comments(`${archive}/${files.comments.name}`, files.comments.bytes, out)
  if (files.reactions) {
    fromTable(`${archive}/${files.reactions.name}`, files.reactions.bytes, ['date', 'type', 'link'], (cell) => ({
      kind: 'social_reaction',
      subject: subject([text(cell('type')), text(cell('link'))].filter(Boolean).join(' '))
    }), out)
  }
  if (files.invitations) invitations(`${archive}/${files.invitations.name}`, files.invitations.bytes, out)
  return out
}
