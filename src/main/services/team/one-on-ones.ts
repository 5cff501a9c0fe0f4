// 1:1 records: start one (agenda from the prep sheet's talking points), read one with its note and items, list, change status.
import type { OneOnOneDetail, OneOnOneRow, Page, ParsedInput } from '@shared/contract'
import { TouchlineError } from '@shared/errors'
import { prepared } from '../pipeline/evidence'
import type { InspectionStore } from '../pipeline/inspection'
import { requireRep } from './cards'
import { ACTION_ITEM_SQL, ONE_ON_ONE_SQL, readNote, requireOneOnOne, toActionItem, toOneOnOne, type ActionItemDbRow, type OneOnOneDbRow } from './records'

export function oneOnOneDetail(store: InspectionStore, id: number, method = 'oneOnOnes.get', field = 'id'): OneOnOneDetail {
  const oneOnOne = requireOneOnOne(store.sqlite, method, id, field)
  const items = prepared(store.sqlite, `${ACTION_ITEM_SQL} WHERE a.one_on_one_id = ? ORDER BY a.id`).all(id) as ActionItemDbRow[]
  return { oneOnOne, note: readNote(store.sqlite, id), actionItems: items.map(toActionItem) }
}

/**
 * Starts a 1:1 now: a planned one for today or earlier is taken over (so a postponed meeting is not counted twice),
 * otherwise a new record. The agenda is what the caller passes, usually the prep sheet's talking points.
 */
export function startOneOnOne(store: InspectionStore, input: ParsedInput<'oneOnOnes.start'>, now: string): OneOnOneDetail {
  const sqlite = store.sqlite
  const today = now.slice(0, 10)
  const id = sqlite.transaction(() => {
    requireRep(sqlite, 'oneOnOnes.start', input.repId)
    const planned = prepared(
      sqlite,
      `SELECT id, agenda FROM one_on_ones WHERE rep_id = ? AND status IN ('planned','postponed') AND scheduled_for <= ? ORDER BY scheduled_for DESC, id DESC LIMIT 1`
    ).get(input.repId, today) as { id: number; agenda: string } | undefined
    if (planned) {
      prepared(sqlite, `UPDATE one_on_ones SET status = 'held', held_at = ?, scheduled_for = ?, agenda = ? WHERE id = ?`).run(
        now,
        today,
        input.agenda ?? planned.agenda,
        planned.id
      )
      return planned.id
    }
    const res = prepared(
      sqlite,
      `INSERT INTO one_on_ones (rep_id, scheduled_for, held_at, status, agenda, created_at) VALUES (?, ?, ?, 'held', ?, ?)`
    ).run(input.repId, today, now, input.agenda ?? '', now)
    return Number(res.lastInsertRowid)
  })()
  return oneOnOneDetail(store, id)
}

export function listOneOnOnes(store: InspectionStore, input: ParsedInput<'oneOnOnes.list'>): Page<OneOnOneRow> {
  requireRep(store.sqlite, 'oneOnOnes.list', input.repId)
  const rows = prepared(
    store.sqlite,
    `${ONE_ON_ONE_SQL} WHERE o.rep_id = ? ORDER BY o.scheduled_for DESC, o.id DESC LIMIT ? OFFSET ?`
  ).all(input.repId, input.limit, input.offset) as OneOnOneDbRow[]
  const total = (prepared(store.sqlite, 'SELECT count(*) AS n FROM one_on_ones WHERE rep_id = ?').get(input.repId) as { n: number }).n
  return { rows: rows.map(toOneOnOne), total, offset: input.offset, limit: input.limit }
}

/** Held records the time; postponed may move the date; open action items are untouched (they carry over by rep). */
export function setOneOnOneStatus(store: InspectionStore, input: ParsedInput<'oneOnOnes.setStatus'>, now: string): OneOnOneRow {
  const sqlite = store.sqlite
  sqlite.transaction(() => {
    const current = requireOneOnOne(sqlite, 'oneOnOnes.setStatus', input.id, 'id')
    if (input.scheduledFor !== undefined && input.status !== 'postponed' && input.status !== 'planned') {
      throw new TouchlineError('INVALID_INPUT', `oneOnOnes.setStatus: input.scheduledFor: only a planned or postponed 1:1 takes a new date.`)
    }
    const heldAt = input.status === 'held' ? (current.heldAt ?? now) : null
    prepared(sqlite, 'UPDATE one_on_ones SET status = ?, held_at = ?, scheduled_for = ? WHERE id = ?').run(
      input.status,
      heldAt,
      input.scheduledFor ?? current.scheduledFor,
      input.id
    )
  })()
  return requireOneOnOne(sqlite, 'oneOnOnes.setStatus', input.id, 'id')
}
