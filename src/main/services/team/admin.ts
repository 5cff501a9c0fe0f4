// Managing teams and reps: create, rename, edit, move between teams, mark as left and back, hand a leaver's open deals on.
import type Database from 'better-sqlite3'
import type { ParsedInput, ReassignResult, RepEvent, RepRow, TeamRow } from '@shared/contract'
import { TouchlineError } from '@shared/errors'
import { prepared, recomputeEvidence } from '../pipeline/evidence'
import type { InspectionStore } from '../pipeline/inspection'
import { toRepRow, type RepDbRow } from './list'

/**
 * The schema has no rep-team history table, so each rep's moves, leaving reasons and reinstatements are kept as a
 * small JSON list in settings under this prefix plus the rep's id. Turnover and attainment do not need it: turnover
 * reads reps.hire_date and reps.left_date, attainment follows the deals' owner, not the team.
 */
export const REP_HISTORY_KEY = 'team.rep_history.'

interface TeamDbRow {
  id: number
  name: string
  manager_name: string | null
  active_reps: number
}

const TEAM_SQL = `SELECT t.id, t.name, t.manager_name,
    (SELECT count(*) FROM reps r WHERE r.team_id = t.id AND r.status = 'active') AS active_reps
  FROM teams t WHERE t.id = ?`

const REP_SQL = `SELECT r.id, r.team_id, t.name AS team_name, r.name, r.email, r.role, r.hire_date, r.quota_minor, r.quota_currency,
    r.status, r.left_date,
    (SELECT count(*) FROM deals d WHERE d.owner_id = r.id AND d.status = 'open') AS open_deals,
    (SELECT coalesce(sum(d.amount_minor), 0) FROM deals d WHERE d.owner_id = r.id AND d.status = 'open') AS open_pipeline
  FROM reps r LEFT JOIN teams t ON t.id = r.team_id WHERE r.id = ?`

function readTeam(sqlite: Database.Database, id: number): TeamRow | null {
  const r = prepared(sqlite, TEAM_SQL).get(id) as TeamDbRow | undefined
  return r ? { id: r.id, name: r.name, managerName: r.manager_name, activeReps: r.active_reps } : null
}

function requireTeam(sqlite: Database.Database, method: string, id: number, field: string): TeamRow {
  const team = readTeam(sqlite, id)
  if (!team) throw new TouchlineError('NOT_FOUND', `${method}: input.${field}: there is no team with id ${id}.`)
  return team
}

function readRep(sqlite: Database.Database, id: number): RepRow | null {
  const r = prepared(sqlite, REP_SQL).get(id) as RepDbRow | undefined
  return r ? toRepRow(r) : null
}

function requireRep(sqlite: Database.Database, method: string, id: number, field = 'id'): RepRow {
  const rep = readRep(sqlite, id)
  if (!rep) throw new TouchlineError('NOT_FOUND', `${method}: input.${field}: there is no rep with id ${id}.`)
  return rep
}

/** Team names are unique whatever the case (the column's NOCASE only folds ASCII, so compare here too). */
function refuseDuplicateName(sqlite: Database.Database, method: string, name: string, exceptId: number | null): void {
  const key = name.toLocaleLowerCase('en')
  const rows = prepared(sqlite, 'SELECT id, name FROM teams').all() as { id: number; name: string }[]
  const clash = rows.find((t) => t.id !== exceptId && t.name.toLocaleLowerCase('en') === key)
  if (clash) throw new TouchlineError('CONFLICT', `${method}: input.name: there is already a team called "${clash.name}".`)
}

function refuseFuture(method: string, field: string, day: string, today: string): void {
  if (day > today) throw new TouchlineError('INVALID_INPUT', `${method}: input.${field}: ${day} is in the future (today is ${today}).`)
}

function readHistory(sqlite: Database.Database, repId: number): RepEvent[] {
  const row = prepared(sqlite, 'SELECT value FROM settings WHERE key = ?').get(`${REP_HISTORY_KEY}${repId}`) as { value: string } | undefined
  if (!row) return []
  try {
    const list = JSON.parse(row.value) as unknown
    return Array.isArray(list) ? (list as RepEvent[]) : []
  } catch {
    return []
  }
}

function appendHistory(sqlite: Database.Database, repId: number, event: RepEvent): void {
  const list = [...readHistory(sqlite, repId), event]
  prepared(sqlite, 'INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value').run(
    `${REP_HISTORY_KEY}${repId}`,
    JSON.stringify(list)
  )
}

/** Every deal of a rep, open or closed: their evidence rows copy the owner's team. */
function repDealIds(sqlite: Database.Database, repId: number): number[] {
  return (prepared(sqlite, 'SELECT id FROM deals WHERE owner_id = ? ORDER BY id').raw().all(repId) as [number][]).map((r) => r[0])
}

export function createTeam(store: InspectionStore, input: ParsedInput<'teams.create'>, now: string): TeamRow {
  const sqlite = store.sqlite
  return sqlite.transaction(() => {
    refuseDuplicateName(sqlite, 'teams.create', input.name, null)
    const id = Number(
      prepared(sqlite, 'INSERT INTO teams (name, manager_name, created_at) VALUES (?, ?, ?)').run(input.name, input.managerName ?? null, now)
        .lastInsertRowid
    )
    return readTeam(sqlite, id)!
  })()
}

export function renameTeam(store: InspectionStore, input: ParsedInput<'teams.rename'>): TeamRow {
  const sqlite = store.sqlite
  return sqlite.transaction(() => {
    requireTeam(sqlite, 'teams.rename', input.id, 'id')
    refuseDuplicateName(sqlite, 'teams.rename', input.name, input.id)
    prepared(sqlite, 'UPDATE teams SET name = ? WHERE id = ?').run(input.name, input.id)
    return readTeam(sqlite, input.id)!
  })()
}

export function getRep(store: InspectionStore, input: ParsedInput<'reps.get'>): RepRow {
  return requireRep(store.sqlite, 'reps.get', input.id)
}

export function createRep(store: InspectionStore, input: ParsedInput<'reps.create'>, today: string): RepRow {
  const sqlite = store.sqlite
  const method = 'reps.create'
  return sqlite.transaction(() => {
    requireTeam(sqlite, method, input.teamId, 'teamId')
    refuseFuture(method, 'hireDate', input.hireDate, today)
    const id = Number(
      prepared(
        sqlite,
        `INSERT INTO reps (team_id, name, email, role, hire_date, quota_minor, quota_currency, status, left_date)
         VALUES (?, ?, ?, ?, ?, ?, ?, 'active', NULL)`
      ).run(input.teamId, input.name, input.email ?? null, input.role, input.hireDate, input.quotaMinor, input.quotaCurrency).lastInsertRowid
    )
    return readRep(sqlite, id)!
  })()
}

export function updateRep(store: InspectionStore, input: ParsedInput<'reps.update'>, today: string): RepRow {
  const sqlite = store.sqlite
  const method = 'reps.update'
  return sqlite.transaction(() => {
    const rep = requireRep(sqlite, method, input.id)
    const { id, ...fields } = input
    const given = Object.entries(fields).filter(([, v]) => v !== undefined)
    if (given.length === 0) {
      throw new TouchlineError('INVALID_INPUT', `${method}: input: give at least one of name, email, role, hireDate, quotaMinor, quotaCurrency.`)
    }
    if (input.hireDate !== undefined) {
      refuseFuture(method, 'hireDate', input.hireDate, today)
      if (rep.leftDate !== null && input.hireDate > rep.leftDate) {
        throw new TouchlineError('INVALID_INPUT', `${method}: input.hireDate: ${input.hireDate} is after the day ${rep.name} left (${rep.leftDate}).`)
      }
    }
    const column: Record<string, string> = {
      name: 'name',
      email: 'email',
      role: 'role',
      hireDate: 'hire_date',
      quotaMinor: 'quota_minor',
      quotaCurrency: 'quota_currency'
    }
    const sets = given.map(([k]) => `${column[k]!} = @${k}`).join(', ')
    sqlite.prepare(`UPDATE reps SET ${sets} WHERE id = @id`).run({ ...Object.fromEntries(given), id })
    return readRep(sqlite, id)!
  })()
}

/** Moves an active rep to another team from a day on; their deals' evidence rows follow (they copy the team). */
export function moveRep(store: InspectionStore, input: ParsedInput<'reps.move'>, today: string, now: string): RepRow {
  const sqlite = store.sqlite
  const method = 'reps.move'
  return sqlite.transaction(() => {
    const rep = requireRep(sqlite, method, input.id)
    const team = requireTeam(sqlite, method, input.teamId, 'teamId')
    if (rep.status === 'left') throw new TouchlineError('INVALID_INPUT', `${method}: input.id: ${rep.name} left on ${rep.leftDate}; reinstate them first.`)
    if (rep.teamId === input.teamId) throw new TouchlineError('INVALID_INPUT', `${method}: input.teamId: ${rep.name} is already in ${team.name}.`)
    refuseFuture(method, 'on', input.on, today)
    if (rep.hireDate !== null && input.on < rep.hireDate) {
      throw new TouchlineError('INVALID_INPUT', `${method}: input.on: ${input.on} is before ${rep.name} started (${rep.hireDate}).`)
    }
    const lastMove = readHistory(sqlite, rep.id).filter((e) => e.kind === 'moved').at(-1)
    if (lastMove && input.on < lastMove.on) {
      throw new TouchlineError('INVALID_INPUT', `${method}: input.on: ${input.on} is before ${rep.name}'s last move (${lastMove.on}).`)
    }
    prepared(sqlite, 'UPDATE reps SET team_id = ? WHERE id = ?').run(input.teamId, rep.id)
    appendHistory(sqlite, rep.id, {
      kind: 'moved',
      on: input.on,
      fromTeamId: rep.teamId,
      fromTeamName: rep.teamName,
      toTeamId: team.id,
      toTeamName: team.name,
      recordedAt: now
    })
    recomputeEvidence(sqlite, repDealIds(sqlite, rep.id), today)
    return readRep(sqlite, rep.id)!
  })()
}

/** Marks a rep as left on a day: gone from the active lists, counted by turnover; deals and history stay. */
export function markRepLeft(store: InspectionStore, input: ParsedInput<'reps.markLeft'>, today: string, now: string): RepRow {
  const sqlite = store.sqlite
  const method = 'reps.markLeft'
  return sqlite.transaction(() => {
    const rep = requireRep(sqlite, method, input.id)
    if (rep.status === 'left') throw new TouchlineError('INVALID_INPUT', `${method}: input.id: ${rep.name} already left on ${rep.leftDate}.`)
    refuseFuture(method, 'leftOn', input.leftOn, today)
    if (rep.hireDate !== null && input.leftOn < rep.hireDate) {
      throw new TouchlineError('INVALID_INPUT', `${method}: input.leftOn: ${input.leftOn} is before ${rep.name} started (${rep.hireDate}).`)
    }
    prepared(sqlite, "UPDATE reps SET status = 'left', left_date = ? WHERE id = ?").run(input.leftOn, rep.id)
    appendHistory(sqlite, rep.id, { kind: 'left', on: input.leftOn, reason: input.reason ?? null, recordedAt: now })
    return readRep(sqlite, rep.id)!
  })()
}

/** Undoes a leaving (a mistake, or a rep who came back): active again, no left date, so turnover no longer counts it. */
export function reinstateRep(store: InspectionStore, input: ParsedInput<'reps.reinstate'>, now: string): RepRow {
  const sqlite = store.sqlite
  const method = 'reps.reinstate'
  return sqlite.transaction(() => {
    const rep = requireRep(sqlite, method, input.id)
    if (rep.status !== 'left') throw new TouchlineError('INVALID_INPUT', `${method}: input.id: ${rep.name} has not left.`)
    prepared(sqlite, "UPDATE reps SET status = 'active', left_date = NULL WHERE id = ?").run(rep.id)
    appendHistory(sqlite, rep.id, { kind: 'reinstated', leftOn: rep.leftDate!, recordedAt: now })
    return readRep(sqlite, rep.id)!
  })()
}

export function repHistory(store: InspectionStore, input: ParsedInput<'reps.history'>): RepEvent[] {
  requireRep(store.sqlite, 'reps.history', input.id)
  return readHistory(store.sqlite, input.id)
}

/**
 * Hands every open deal of one rep to another in one transaction, with their evidence rows recomputed (owner,
 * team and the owner's connections are part of the evidence). Won and lost deals keep the rep who closed them.
 */
export function reassignDeals(store: InspectionStore, input: ParsedInput<'deals.reassign'>, today: string, now: string): ReassignResult {
  const sqlite = store.sqlite
  const method = 'deals.reassign'
  return sqlite.transaction(() => {
    if (input.fromRepId === input.toRepId) throw new TouchlineError('INVALID_INPUT', `${method}: input.toRepId: choose a rep other than the current owner.`)
    requireRep(sqlite, method, input.fromRepId, 'fromRepId')
    const to = requireRep(sqlite, method, input.toRepId, 'toRepId')
    if (to.status === 'left') throw new TouchlineError('INVALID_INPUT', `${method}: input.toRepId: ${to.name} left on ${to.leftDate}; choose an active rep.`)
    const ids = (prepared(sqlite, "SELECT id FROM deals WHERE owner_id = ? AND status = 'open' ORDER BY id").raw().all(input.fromRepId) as [number][]).map(
      (r) => r[0]
    )
    if (ids.length > 0) {
      prepared(sqlite, "UPDATE deals SET owner_id = ?, updated_at = ? WHERE owner_id = ? AND status = 'open'").run(input.toRepId, now, input.fromRepId)
      recomputeEvidence(sqlite, ids, today)
    }
    return { fromRepId: input.fromRepId, toRepId: input.toRepId, dealIds: ids }
  })()
}
