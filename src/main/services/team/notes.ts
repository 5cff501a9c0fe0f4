// Coaching notes: autosave into the current body, a new version at most every few seconds, restore an earlier one.
import type Database from 'better-sqlite3'
import type { NoteState, NoteVersion, ParsedInput } from '@shared/contract'
import { TouchlineError } from '@shared/errors'
import { NOTE_VERSION_WINDOW_SECONDS } from '@shared/team'
import { prepared } from '../pipeline/evidence'
import type { InspectionStore } from '../pipeline/inspection'
import { readNote, requireOneOnOne } from './records'

/**
 * Writes the body, in one transaction with its version row. Every call stores the text, so a kill loses only what
 * had not reached this call; versions are opened at most every NOTE_VERSION_WINDOW_SECONDS so history stays readable.
 */
function writeBody(sqlite: Database.Database, oneOnOneId: number, repId: number, body: string, now: string, shared: boolean | undefined, forceNewVersion: boolean): void {
  let note = prepared(sqlite, 'SELECT id, version, body FROM coaching_notes WHERE one_on_one_id = ?').get(oneOnOneId) as
    | { id: number; version: number; body: string }
    | undefined
  if (!note) {
    const res = prepared(
      sqlite,
      'INSERT INTO coaching_notes (one_on_one_id, rep_id, body, shared_with_rep, version, updated_at) VALUES (?, ?, ?, ?, 0, ?)'
    ).run(oneOnOneId, repId, '', shared ? 1 : 0, now)
    note = { id: Number(res.lastInsertRowid), version: 0, body: '' }
  }
  const open = prepared(sqlite, 'SELECT version, opened_at FROM note_versions WHERE note_id = ? ORDER BY version DESC LIMIT 1').get(note.id) as
    | { version: number; opened_at: string }
    | undefined
  // Losing most of the text in one save (select all and type, a bad paste) always keeps the text before it as a version.
  const bigDeletion = body.length < note.body.length / 2
  const fresh =
    open !== undefined && !forceNewVersion && !bigDeletion && (Date.parse(now) - Date.parse(open.opened_at)) / 1000 < NOTE_VERSION_WINDOW_SECONDS
  let version: number
  if (open && fresh) {
    version = open.version
    prepared(sqlite, 'UPDATE note_versions SET body = ?, saved_at = ? WHERE note_id = ? AND version = ?').run(body, now, note.id, version)
  } else if (open && body === note.body && !forceNewVersion) {
    // Nothing typed since the last version (a flush on close, a repeated save): no empty version in the history.
    version = open.version
  } else {
    version = (open?.version ?? 0) + 1
    prepared(sqlite, 'INSERT INTO note_versions (note_id, version, body, opened_at, saved_at) VALUES (?, ?, ?, ?, ?)').run(note.id, version, body, now, now)
  }
  prepared(
    sqlite,
    'UPDATE coaching_notes SET body = ?, version = ?, updated_at = ?, shared_with_rep = coalesce(?, shared_with_rep) WHERE id = ?'
  ).run(body, version, now, shared === undefined ? null : shared ? 1 : 0, note.id)
}

export function saveNote(store: InspectionStore, input: ParsedInput<'notes.save'>, now: string): NoteState {
  const sqlite = store.sqlite
  sqlite.transaction(() => {
    const meeting = requireOneOnOne(sqlite, 'notes.save', input.oneOnOneId)
    writeBody(sqlite, meeting.id, meeting.repId, input.body, now, input.sharedWithRep, false)
  })()
  return readNote(sqlite, input.oneOnOneId) as NoteState
}

export function noteVersions(store: InspectionStore, input: ParsedInput<'notes.versions'>): NoteVersion[] {
  requireOneOnOne(store.sqlite, 'notes.versions', input.oneOnOneId)
  const rows = prepared(
    store.sqlite,
    `SELECT v.version, v.opened_at, v.saved_at, v.body FROM note_versions v JOIN coaching_notes n ON n.id = v.note_id
     WHERE n.one_on_one_id = ? ORDER BY v.version DESC LIMIT 200`
  ).all(input.oneOnOneId) as { version: number; opened_at: string; saved_at: string; body: string }[]
  return rows.map((r) => ({ version: r.version, openedAt: r.opened_at, savedAt: r.saved_at, body: r.body }))
}

/** Restoring writes the old text as a new version, so the restore itself can be undone. */
export function restoreNote(store: InspectionStore, input: ParsedInput<'notes.restore'>, now: string): NoteState {
  const sqlite = store.sqlite
  sqlite.transaction(() => {
    const meeting = requireOneOnOne(sqlite, 'notes.restore', input.oneOnOneId)
    const old = prepared(
      sqlite,
      'SELECT v.body FROM note_versions v JOIN coaching_notes n ON n.id = v.note_id WHERE n.one_on_one_id = ? AND v.version = ?'
    ).get(input.oneOnOneId, input.version) as { body: string } | undefined
    if (!old) throw new TouchlineError('NOT_FOUND', `notes.restore: input.version: the note of 1:1 ${input.oneOnOneId} has no version ${input.version}.`)
    writeBody(sqlite, meeting.id, meeting.repId, old.body, now, undefined, true)
  })()
  return readNote(sqlite, input.oneOnOneId) as NoteState
}
