// Action items: agreed in a 1:1 (or between), owned by the rep or the manager, open until done, carried over by rep.
import type { ActionItemRow, Page, ParsedInput } from '@shared/contract'
import { TouchlineError } from '@shared/errors'
import { prepared } from '../pipeline/evidence'
import type { InspectionStore } from '../pipeline/inspection'
import { requireRep } from './cards'
import { ACTION_ITEM_SQL, requireOneOnOne, toActionItem, type ActionItemDbRow } from './records'

function readItem(store: InspectionStore, id: number): ActionItemRow | null {
  const row = prepared(store.sqlite, `${ACTION_ITEM_SQL} WHERE a.id = ?`).get(id) as ActionItemDbRow | undefined
  return row ? toActionItem(row) : null
}

export function addActionItem(store: InspectionStore, input: ParsedInput<'actionItems.add'>, now: string): ActionItemRow {
  const sqlite = store.sqlite
  const id = sqlite.transaction(() => {
    requireRep(sqlite, 'actionItems.add', input.repId)
    if (input.oneOnOneId !== undefined) {
      const meeting = requireOneOnOne(sqlite, 'actionItems.add', input.oneOnOneId)
      if (meeting.repId !== input.repId) {
        throw new TouchlineError('INVALID_INPUT', `actionItems.add: input.oneOnOneId: 1:1 ${input.oneOnOneId} is with another rep, not rep ${input.repId}.`)
      }
    }
    if (input.dealId !== undefined && !prepared(sqlite, 'SELECT 1 FROM deals WHERE id = ?').get(input.dealId)) {
      throw new TouchlineError('NOT_FOUND', `actionItems.add: input.dealId: there is no deal with id ${input.dealId}.`)
    }
    const res = prepared(
      sqlite,
      'INSERT INTO action_items (rep_id, one_on_one_id, text, owner, due, deal_id, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)'
    ).run(input.repId, input.oneOnOneId ?? null, input.text, input.owner, input.due ?? null, input.dealId ?? null, now)
    return Number(res.lastInsertRowid)
  })()
  return readItem(store, id) as ActionItemRow
}

/** Done keeps the first completion time (a second tick changes nothing); undone reopens the item. */
export function completeActionItem(store: InspectionStore, input: ParsedInput<'actionItems.complete'>, now: string): ActionItemRow {
  const current = readItem(store, input.id)
  if (!current) throw new TouchlineError('NOT_FOUND', `actionItems.complete: input.id: there is no action item with id ${input.id}.`)
  const doneAt = input.done ? (current.doneAt ?? now) : null
  prepared(store.sqlite, 'UPDATE action_items SET done_at = ? WHERE id = ?').run(doneAt, input.id)
  return readItem(store, input.id) as ActionItemRow
}

export function listActionItems(store: InspectionStore, input: ParsedInput<'actionItems.list'>): Page<ActionItemRow> {
  requireRep(store.sqlite, 'actionItems.list', input.repId)
  const state = input.state === 'open' ? 'AND a.done_at IS NULL' : input.state === 'done' ? 'AND a.done_at IS NOT NULL' : ''
  const rows = prepared(store.sqlite, `${ACTION_ITEM_SQL} WHERE a.rep_id = ? ${state} ORDER BY a.created_at DESC, a.id DESC LIMIT ? OFFSET ?`).all(
    input.repId,
    input.limit,
    input.offset
  ) as ActionItemDbRow[]
  const total = (prepared(store.sqlite, `SELECT count(*) AS n FROM action_items a WHERE a.rep_id = ? ${state}`).get(input.repId) as { n: number }).n
  return { rows: rows.map(toActionItem), total, offset: input.offset, limit: input.limit }
}
