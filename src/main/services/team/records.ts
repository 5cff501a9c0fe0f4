// Reading 1:1 records and action items into contract rows: the shapes every team service returns.
import type Database from 'better-sqlite3'
import type { ActionItemRow, NoteState, OneOnOneRow } from '@shared/contract'
import { TouchlineError } from '@shared/errors'
import type { ActionOwner, OneOnOneStatus } from '@shared/team'
import { prepared } from '../pipeline/evidence'

export interface OneOnOneDbRow {
  id: number
  rep_id: number
  scheduled_for: string
  held_at: string | null
  status: OneOnOneStatus
  agenda: string
  note_version: number | null
  note_body: string | null
}

export const ONE_ON_ONE_SQL = `SELECT o.id, o.rep_id, o.scheduled_for, o.held_at, o.status, o.agenda,
    n.version AS note_version, substr(n.body, 1, 400) AS note_body
  FROM one_on_ones o LEFT JOIN coaching_notes n ON n.one_on_one_id = o.id`

/** The first line of text with Markdown markers dropped: enough to recognise a note in a list. */
export function excerpt(body: string | null): string | null {
  if (!body) return null
  const line = body
    .split('\n')
    .map((l) => l.replace(/^\s*([#>*-]+|\d+\.)\s*/, '').replace(/[*_`[\]]/g, '').trim())
    .find((l) => l.length > 0)
  return line ? line.slice(0, 160) : null
}

export function toOneOnOne(r: OneOnOneDbRow): OneOnOneRow {
  return {
    id: r.id,
    repId: r.rep_id,
    scheduledFor: r.scheduled_for,
    heldAt: r.held_at,
    status: r.status,
    agenda: r.agenda,
    noteVersion: r.note_version ?? 0,
    noteExcerpt: excerpt(r.note_body)
  }
}

export function readOneOnOne(sqlite: Database.Database, id: number): OneOnOneRow | null {
  const row = prepared(sqlite, `${ONE_ON_ONE_SQL} WHERE o.id = ?`).get(id) as OneOnOneDbRow | undefined
  return row ? toOneOnOne(row) : null
}

export function requireOneOnOne(sqlite: Database.Database, method: string, id: number, field = 'oneOnOneId'): OneOnOneRow {
  const row = readOneOnOne(sqlite, id)
  if (!row) throw new TouchlineError('NOT_FOUND', `${method}: input.${field}: there is no 1:1 with id ${id}.`)
  return row
}

export interface ActionItemDbRow {
  id: number
  rep_id: number
  one_on_one_id: number | null
  agreed_on: string | null
  text: string
  owner: ActionOwner
  due: string | null
  deal_id: number | null
  created_at: string
  done_at: string | null
}

export const ACTION_ITEM_SQL = `SELECT a.id, a.rep_id, a.one_on_one_id, coalesce(substr(o.held_at, 1, 10), o.scheduled_for) AS agreed_on,
    a.text, a.owner, a.due, a.deal_id, a.created_at, a.done_at
  FROM action_items a LEFT JOIN one_on_ones o ON o.id = a.one_on_one_id`

export function toActionItem(r: ActionItemDbRow): ActionItemRow {
  return {
    id: r.id,
    repId: r.rep_id,
    oneOnOneId: r.one_on_one_id,
    agreedOn: r.agreed_on,
    text: r.text,
    owner: r.owner,
    due: r.due,
    dealId: r.deal_id,
    createdAt: r.created_at,
    doneAt: r.done_at
  }
}

/** A rep's open items, oldest agreed first: what carries over into the next 1:1 whatever became of the ones between. */
export function openActionItems(sqlite: Database.Database, repId: number): ActionItemRow[] {
  const rows = prepared(sqlite, `${ACTION_ITEM_SQL} WHERE a.rep_id = ? AND a.done_at IS NULL ORDER BY a.created_at, a.id LIMIT 200`).all(
    repId
  ) as ActionItemDbRow[]
  return rows.map(toActionItem)
}

export function readNote(sqlite: Database.Database, oneOnOneId: number): NoteState | null {
  const r = prepared(sqlite, 'SELECT id, one_on_one_id, body, version, updated_at, shared_with_rep FROM coaching_notes WHERE one_on_one_id = ?').get(
    oneOnOneId
  ) as { id: number; one_on_one_id: number; body: string; version: number; updated_at: string; shared_with_rep: 0 | 1 } | undefined
  if (!r) return null
  return { noteId: r.id, oneOnOneId: r.one_on_one_id, body: r.body, version: r.version, savedAt: r.updated_at, sharedWithRep: r.shared_with_rep === 1 }
}
