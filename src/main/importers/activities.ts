// Maps activity rows (calls, meetings, emails, social touches) to Touchline activities; names are resolved when written.
import type { ActivityKind, Direction } from '@shared/domain'
import type { ImportProblem } from '@shared/contract/imports'
import type { Field, ResolvedColumns } from './sources'
import type { TableRecord } from './table'
import { canonicalId, parseDate, parseDateTime, text, type DayOrder } from './values'

export interface ImportedActivity {
  line: number
  rep: string
  kind: ActivityKind
  direction: Direction
  occurredAt: string
  subject: string | null
  outcome: string | null
  deal: string | null
  dealId: string | null
  account: string | null
}

// Ordered: the first pattern an activity type matches decides ("LinkedIn message" before "message", "Email" before "mail").
const KIND_PATTERNS: [RegExp, ActivityKind][] = [
  [/in-?mail|linkedin\s*message|social\s*message|direct\s*message|^dm$/i, 'social_message'],
  [/comment/i, 'social_comment'],
  [/re-?share|repost|^share|social\s*share/i, 'social_share'],
  [/reaction|^like|react/i, 'social_reaction'],
  [/post|article/i, 'social_post'],
  [/\be-?mail/i, 'email'],
  [/call|phone|dial|voicemail/i, 'call'],
  [/meet|demo|visit|presentation|lunch|workshop|video|zoom|teams/i, 'meeting'],
  [/note|task|to-?do/i, 'note']
]

export function mapActivityKind(raw: string): ActivityKind | null {
  for (const [pattern, kind] of KIND_PATTERNS) if (pattern.test(raw)) return kind
  return null
}

const SUBJECT_MAX = 280
/** Whitespace other than single spaces: only such text needs flattening. */
const UNFLAT = /[^\S ]| {2}/
function clip(raw: string | null): string | null {
  if (!raw) return null
  const flat = UNFLAT.test(raw) || raw.charCodeAt(0) === 32 || raw.charCodeAt(raw.length - 1) === 32 ? raw.replace(/\s+/g, ' ').trim() : raw
  return flat.length > SUBJECT_MAX ? `${flat.slice(0, SUBJECT_MAX - 1)}…` : flat || null
}

const TIME = /(?:,?\s+|T)(\d{1,2}):(\d{2})(?::(\d{2}))?\s*([AaPp][Mm])?$/

/** `2026-06-27 07:35`, ISO, or a date with an optional `7:35 AM` → UTC second; null with a reason otherwise. */
export function parseOccurredAt(raw: string | undefined, order: DayOrder | null): { iso: string } | { reason: string } {
  const direct = parseDateTime(raw)
  if (direct) return { iso: direct }
  const v = (raw ?? '').trim()
  const t = TIME.exec(v)
  const day = parseDate(t ? v.slice(0, t.index).replace(/,$/, '') : v, order)
  if (day.kind === 'missing') return { reason: 'the activity has no date' }
  if (day.kind === 'ambiguous') return { reason: `"${v}" could be day/month or month/day: answer the date question` }
  if (day.kind === 'invalid') return { reason: day.reason }
  let h = t ? Number(t[1]) : 0
  const min = t ? Number(t[2]) : 0
  const s = t?.[3] ? Number(t[3]) : 0
  const ampm = t?.[4]?.toLowerCase()
  if (ampm === 'pm' && h < 12) h += 12
  if (ampm === 'am' && h === 12) h = 0
  if (h > 23 || min > 59 || s > 59) return { reason: `"${v}" is not a real time` }
  const pad = (n: number) => String(n).padStart(2, '0')
  return { iso: `${day.iso}T${pad(h)}:${pad(min)}:${pad(s)}Z` }
}

export interface ActivityMapping {
  activities: ImportedActivity[]
  problems: ImportProblem[]
  skipped: number
}

export function mapActivityRecords(
  file: string,
  headers: readonly string[],
  columns: ResolvedColumns,
  records: readonly TableRecord[],
  order: DayOrder | null
): ActivityMapping {
  const activities: ImportedActivity[] = []
  const problems: ImportProblem[] = []
  let skipped = 0
  const idx = columns.index
  const header = (f: Field): string => headers[idx[f] ?? -1] ?? f
  // Column positions once per call, not a lookup per cell (-1: the file has no such column).
  const at = (f: Field): number => idx[f] ?? -1
  const [repAt, typeAt, whenAt, directionAt, subjectAt, outcomeAt, dealAt, dealIdAt, accountAt] = [
    at('rep'), at('activityType'), at('occurredAt'), at('direction'), at('subject'), at('outcome'), at('deal'), at('dealId'), at('account')
  ]
  // Activity types and directions repeat on every row: each distinct spelling is matched once.
  const kinds = new Map<string, ActivityKind | null>()
  const directions = new Map<string, Direction>()
  const fail = (line: number, f: Field, message: string) => {
    problems.push({ severity: 'error', file, row: line, column: header(f), message })
    skipped++
  }
  for (const r of records) {
    const cells = r.cells
    const rep = text(cells[repAt])
    if (!rep) {
      fail(r.line, 'rep', 'the activity names no rep')
      continue
    }
    const typeRaw = text(cells[typeAt]) ?? ''
    let kind = kinds.get(typeRaw)
    if (kind === undefined) kinds.set(typeRaw, (kind = mapActivityKind(typeRaw)))
    if (!kind) {
      fail(r.line, 'activityType', typeRaw ? `the activity type "${typeRaw}" matches none of ours (meeting, call, email, social post/comment/share/reaction/message, note)` : 'the activity has no type')
      continue
    }
    const when = parseOccurredAt(cells[whenAt], order)
    if ('reason' in when) {
      fail(r.line, 'occurredAt', when.reason)
      continue
    }
    const directionRaw = text(cells[directionAt]) ?? ''
    let direction = directions.get(directionRaw)
    if (direction === undefined) {
      const lower = directionRaw.toLowerCase()
      directions.set(directionRaw, (direction = /^in/.test(lower) || lower === 'received' ? 'inbound' : 'outbound'))
    }
    activities.push({
      line: r.line,
      rep,
      kind,
      direction,
      occurredAt: when.iso,
      subject: clip(text(cells[subjectAt])),
      outcome: clip(text(cells[outcomeAt])),
      deal: text(cells[dealAt]),
      dealId: dealIdAt < 0 ? null : canonicalId(text(cells[dealIdAt])),
      account: text(cells[accountAt])
    })
  }
  return { activities, problems, skipped }
}

/** The date cells of some records, for telling day/month order from the ones that can only be one way. */
export function activityDateCells(columns: ResolvedColumns, records: readonly TableRecord[]): string[] {
  const i = columns.index.occurredAt
  return i === undefined ? [] : records.map((r) => r.cells[i] ?? '')
}
