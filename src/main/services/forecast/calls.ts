// The forecast grid, call snapshots (never overwritten), closing a period with accuracy per snapshot, and accuracy history.
import type Database from 'better-sqlite3'
import type {
  AccuracyHistory,
  AccuracyPoint,
  CloseResult,
  ForecastCall,
  ForecastGrid,
  ForecastGridRow,
  ForecastPeriod,
  Page,
  ParsedInput
} from '@shared/contract'
import { TouchlineError } from '@shared/errors'
import { ensureEvidenceFresh, prepared } from '../pipeline/evidence'
import { repFigures, type RepFigures } from './figures'
import { readForecastSettings, requirePeriod } from './periods'
import { forecastAccuracy, weekLabel } from './rules'

export interface ForecastStore {
  sqlite: Database.Database
}

function requireRep(sqlite: Database.Database, method: string, repId: number): { id: number; name: string; team_id: number | null } {
  const rep = prepared(sqlite, 'SELECT id, name, team_id FROM reps WHERE id = ?').get(repId) as { id: number; name: string; team_id: number | null } | undefined
  if (!rep) throw new TouchlineError('NOT_FOUND', `${method}: input.repId: there is no rep with id ${repId}.`)
  return rep
}

function requireTeam(sqlite: Database.Database, method: string, teamId: number): { id: number; name: string } {
  const team = prepared(sqlite, 'SELECT id, name FROM teams WHERE id = ?').get(teamId) as { id: number; name: string } | undefined
  if (!team) throw new TouchlineError('NOT_FOUND', `${method}: input.teamId: there is no team with id ${teamId}.`)
  return team
}

interface CallRow {
  id: number
  period_id: number
  subject_kind: 'rep' | 'team'
  rep_id: number | null
  team_id: number | null
  name: string
  taken_on: string
  label: string
  rep_commit_minor: number
  rep_best_case_minor: number
  manager_call_minor: number
  evidence_based_minor: number
  system_minor: number
  actual_minor: number | null
  rep_accuracy: number | null
  manager_accuracy: number | null
  evidence_accuracy: number | null
  system_accuracy: number | null
}

const CALL_COLUMNS = `c.id, c.period_id, c.subject_kind, c.rep_id, c.team_id, coalesce(r.name, t.name) AS name, c.taken_on, c.label,
  c.rep_commit_minor, c.rep_best_case_minor, c.manager_call_minor, c.evidence_based_minor, c.system_minor, c.actual_minor,
  c.rep_accuracy, c.manager_accuracy, c.evidence_accuracy, c.system_accuracy`

function toCall(r: CallRow): ForecastCall {
  return {
    id: r.id,
    periodId: r.period_id,
    subject: r.subject_kind,
    repId: r.rep_id,
    teamId: r.team_id,
    name: r.name,
    takenOn: r.taken_on,
    label: r.label,
    repCommitMinor: r.rep_commit_minor,
    repBestCaseMinor: r.rep_best_case_minor,
    managerCallMinor: r.manager_call_minor,
    evidenceBasedMinor: r.evidence_based_minor,
    systemMinor: r.system_minor,
    actualMinor: r.actual_minor,
    repAccuracy: r.rep_accuracy,
    managerAccuracy: r.manager_accuracy,
    evidenceAccuracy: r.evidence_accuracy,
    systemAccuracy: r.system_accuracy
  }
}

/** Each subject's latest snapshot in a period (latest day, then latest entry that day). */
const LATEST_CALLS_SQL = `SELECT * FROM (
  SELECT ${CALL_COLUMNS}, row_number() OVER (PARTITION BY c.subject_kind, coalesce(c.rep_id, c.team_id) ORDER BY c.taken_on DESC, c.id DESC) AS rn
  FROM forecast_calls c LEFT JOIN reps r ON r.id = c.rep_id LEFT JOIN teams t ON t.id = c.team_id
  WHERE c.period_id = ?) WHERE rn = 1`

function latestCalls(sqlite: Database.Database, periodId: number): CallRow[] {
  return prepared(sqlite, LATEST_CALLS_SQL).all(periodId) as CallRow[]
}

const MONTHS = { month: 1, quarter: 3 } as const

/** Reps × figures for a period with a roll-up per team and for the org; the calls are each subject's latest snapshot. */
export function forecastGrid(store: ForecastStore, input: ParsedInput<'forecast.grid'>, today: string): ForecastGrid {
  const sqlite = store.sqlite
  const period = requirePeriod(sqlite, 'forecast.grid', input.periodId)
  if (input.teamId !== undefined) requireTeam(sqlite, 'forecast.grid', input.teamId)
  ensureEvidenceFresh(sqlite, today)
  const figures = repFigures(sqlite, period, input.teamId !== undefined ? { teamId: input.teamId } : {})
  const calls = latestCalls(sqlite, period.id)
  const repCall = new Map(calls.filter((c) => c.subject_kind === 'rep').map((c) => [c.rep_id!, c]))
  const teamCall = new Map(calls.filter((c) => c.subject_kind === 'team').map((c) => [c.team_id!, c]))
  const share = MONTHS[period.kind] / 12

  const repRow = (f: RepFigures): ForecastGridRow => {
    const c = repCall.get(f.repId)
    return {
      id: f.repId,
      level: 'rep',
      repId: f.repId,
      teamId: f.teamId,
      name: f.repName,
      quotaMinor: Math.round(f.annualQuotaMinor * share),
      closedWonMinor: f.closedWonMinor,
      commitMinor: f.commitMinor,
      bestCaseMinor: f.bestCaseMinor,
      pipelineMinor: f.pipelineMinor,
      repCallMinor: c?.rep_commit_minor ?? null,
      repBestCaseCallMinor: c?.rep_best_case_minor ?? null,
      managerCallMinor: c?.manager_call_minor ?? null,
      lastCallOn: c?.taken_on ?? null,
      evidenceBasedMinor: f.evidenceBasedMinor,
      systemMinor: f.systemMinor
    }
  }
  const sumOrNull = (rows: ForecastGridRow[], pick: (r: ForecastGridRow) => number | null): number | null => {
    const present = rows.map(pick).filter((v): v is number => v !== null)
    return present.length ? present.reduce((s, v) => s + v, 0) : null
  }
  /** A roll-up sums its reps; a team's own snapshot, when there is one, is its manager's call. */
  const rollUp = (level: 'team' | 'org', idValue: number, teamId: number | null, name: string, rows: ForecastGridRow[]): ForecastGridRow => {
    const own = teamId !== null ? teamCall.get(teamId) : undefined
    const sum = (pick: (r: ForecastGridRow) => number) => rows.reduce((s, r) => s + pick(r), 0)
    return {
      id: idValue,
      level,
      repId: null,
      teamId,
      name,
      quotaMinor: sum((r) => r.quotaMinor),
      closedWonMinor: sum((r) => r.closedWonMinor),
      commitMinor: sum((r) => r.commitMinor),
      bestCaseMinor: sum((r) => r.bestCaseMinor),
      pipelineMinor: sum((r) => r.pipelineMinor),
      repCallMinor: sumOrNull(rows, (r) => r.repCallMinor),
      repBestCaseCallMinor: sumOrNull(rows, (r) => r.repBestCaseCallMinor),
      managerCallMinor: own ? own.manager_call_minor : sumOrNull(rows, (r) => r.managerCallMinor),
      lastCallOn: own?.taken_on ?? rows.reduce<string | null>((m, r) => (r.lastCallOn && (!m || r.lastCallOn > m) ? r.lastCallOn : m), null),
      evidenceBasedMinor: sum((r) => r.evidenceBasedMinor),
      systemMinor: sum((r) => r.systemMinor)
    }
  }

  const reps = figures.map(repRow)
  const out: ForecastGridRow[] = []
  const teams = new Map<number | null, { name: string; rows: ForecastGridRow[] }>()
  figures.forEach((f, i) => {
    let t = teams.get(f.teamId)
    if (!t) teams.set(f.teamId, (t = { name: f.teamName ?? 'No team', rows: [] }))
    t.rows.push(reps[i]!)
  })
  for (const [teamId, t] of teams) {
    out.push(rollUp('team', teamId === null ? -1_000_000 : -teamId, teamId, t.name, t.rows), ...t.rows)
  }
  out.push(rollUp('org', 0, null, input.teamId !== undefined ? 'Total' : 'Whole org', reps))
  return { period, currency: figures[0]?.currency ?? 'USD', rows: out }
}

/** A new snapshot of one rep's or one team's call; the evidence-based and system figures are captured beside it. */
export function recordCall(store: ForecastStore, input: ParsedInput<'forecast.recordCall'>, today: string, now: string): ForecastCall {
  const sqlite = store.sqlite
  const method = 'forecast.recordCall'
  ensureEvidenceFresh(sqlite, today)
  return sqlite.transaction(() => {
    const period = requirePeriod(sqlite, method, input.periodId)
    if (period.closedAt) throw new TouchlineError('CONFLICT', `${method}: input.periodId: ${period.label} closed on ${period.closedAt.slice(0, 10)}; its calls are final.`)
    const takenOn = input.takenOn ?? today
    if (takenOn > today) throw new TouchlineError('INVALID_INPUT', `${method}: input.takenOn: ${takenOn} is in the future; a call is recorded on or before today.`)
    if (takenOn > period.end) throw new TouchlineError('INVALID_INPUT', `${method}: input.takenOn: ${takenOn} is after ${period.label} ends (${period.end}).`)
    if (input.repBestCaseMinor < input.repCommitMinor) {
      throw new TouchlineError('INVALID_INPUT', `${method}: input.repBestCaseMinor: best case cannot be below the commit.`)
    }
    let figures: RepFigures[]
    if (input.repId !== undefined) {
      requireRep(sqlite, method, input.repId)
      figures = repFigures(sqlite, period, { repId: input.repId })
    } else {
      requireTeam(sqlite, method, input.teamId!)
      figures = repFigures(sqlite, period, { teamId: input.teamId! })
    }
    const evidence = figures.reduce((s, f) => s + f.evidenceBasedMinor, 0)
    const system = figures.reduce((s, f) => s + f.systemMinor, 0)
    const info = prepared(
      sqlite,
      `INSERT INTO forecast_calls (period_id, subject_kind, rep_id, team_id, taken_on, label, rep_commit_minor, rep_best_case_minor,
         manager_call_minor, evidence_based_minor, system_minor, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`
    ).run(
      period.id,
      input.repId !== undefined ? 'rep' : 'team',
      input.repId ?? null,
      input.teamId ?? null,
      takenOn,
      input.label ?? weekLabel(period.start, takenOn),
      input.repCommitMinor,
      input.repBestCaseMinor,
      input.managerCallMinor,
      evidence,
      system,
      now
    )
    return toCall(
      prepared(sqlite, `SELECT ${CALL_COLUMNS} FROM forecast_calls c LEFT JOIN reps r ON r.id = c.rep_id LEFT JOIN teams t ON t.id = c.team_id WHERE c.id = ?`).get(
        Number(info.lastInsertRowid)
      ) as CallRow
    )
  })()
}

/** One page of a period's snapshots, oldest first: the history of a call. */
export function listCalls(store: ForecastStore, input: ParsedInput<'forecast.calls'>): Page<ForecastCall> {
  const sqlite = store.sqlite
  requirePeriod(sqlite, 'forecast.calls', input.periodId)
  const where = `c.period_id = @periodId${input.repId !== undefined ? ' AND c.rep_id = @repId' : ''}${input.teamId !== undefined ? ' AND c.team_id = @teamId' : ''}`
  const params = { periodId: input.periodId, ...(input.repId !== undefined ? { repId: input.repId } : {}), ...(input.teamId !== undefined ? { teamId: input.teamId } : {}) }
  const rows = prepared(
    sqlite,
    `SELECT ${CALL_COLUMNS} FROM forecast_calls c LEFT JOIN reps r ON r.id = c.rep_id LEFT JOIN teams t ON t.id = c.team_id
     WHERE ${where} ORDER BY c.taken_on, c.id LIMIT @limit OFFSET @offset`
  ).all({ ...params, limit: input.limit, offset: input.offset }) as CallRow[]
  const total = (prepared(sqlite, `SELECT count(*) AS n FROM forecast_calls c WHERE ${where}`).get(params) as { n: number }).n
  return { rows: rows.map(toCall), total, offset: input.offset, limit: input.limit }
}

/** Closed won per rep and per team (by the owner's current team) in a period. */
function wonBySubject(sqlite: Database.Database, period: ForecastPeriod): { byRep: Map<number, number>; byTeam: Map<number, number>; total: number } {
  const rows = prepared(
    sqlite,
    `SELECT d.owner_id AS rep_id, r.team_id, total(d.amount_minor) AS won FROM deals d JOIN reps r ON r.id = d.owner_id
     WHERE d.status = 'won' AND d.closed_date BETWEEN ? AND ? GROUP BY d.owner_id`
  ).all(period.start, period.end) as { rep_id: number; team_id: number | null; won: number }[]
  const byRep = new Map<number, number>()
  const byTeam = new Map<number, number>()
  let total = 0
  for (const r of rows) {
    byRep.set(r.rep_id, r.won)
    if (r.team_id !== null) byTeam.set(r.team_id, (byTeam.get(r.team_id) ?? 0) + r.won)
    total += r.won
  }
  return { byRep, byTeam, total }
}

/** Scores every snapshot of the period against what closed won, then freezes it. */
export function scorePeriod(sqlite: Database.Database, period: ForecastPeriod, now: string): void {
  const won = wonBySubject(sqlite, period)
  const calls = prepared(
    sqlite,
    'SELECT id, subject_kind, rep_id, team_id, rep_commit_minor, manager_call_minor, evidence_based_minor, system_minor FROM forecast_calls WHERE period_id = ?'
  ).all(period.id) as { id: number; subject_kind: 'rep' | 'team'; rep_id: number | null; team_id: number | null; rep_commit_minor: number; manager_call_minor: number; evidence_based_minor: number; system_minor: number }[]
  const update = prepared(
    sqlite,
    'UPDATE forecast_calls SET actual_minor = ?, rep_accuracy = ?, manager_accuracy = ?, evidence_accuracy = ?, system_accuracy = ? WHERE id = ?'
  )
  for (const c of calls) {
    const actual = c.subject_kind === 'rep' ? (won.byRep.get(c.rep_id!) ?? 0) : (won.byTeam.get(c.team_id!) ?? 0)
    update.run(
      actual,
      forecastAccuracy(c.rep_commit_minor, actual),
      forecastAccuracy(c.manager_call_minor, actual),
      forecastAccuracy(c.evidence_based_minor, actual),
      forecastAccuracy(c.system_minor, actual),
      c.id
    )
  }
  prepared(sqlite, 'UPDATE forecast_periods SET closed_at = ?, closed_won_minor = ? WHERE id = ?').run(now, won.total, period.id)
}

/** The org line: the sum of each rep's last call against the sum of what those reps closed. */
function orgRollUp(reps: CallRow[], periodId: number): ForecastCall | null {
  if (reps.length === 0) return null
  const sum = (pick: (r: CallRow) => number) => reps.reduce((s, r) => s + pick(r), 0)
  const actual = sum((r) => r.actual_minor ?? 0)
  const repCommit = sum((r) => r.rep_commit_minor)
  const manager = sum((r) => r.manager_call_minor)
  const evidence = sum((r) => r.evidence_based_minor)
  const system = sum((r) => r.system_minor)
  return {
    id: 0,
    periodId,
    subject: 'team',
    repId: null,
    teamId: null,
    name: 'All reps',
    takenOn: reps.reduce((m, r) => (r.taken_on > m ? r.taken_on : m), ''),
    label: 'last calls',
    repCommitMinor: repCommit,
    repBestCaseMinor: sum((r) => r.rep_best_case_minor),
    managerCallMinor: manager,
    evidenceBasedMinor: evidence,
    systemMinor: system,
    actualMinor: actual,
    repAccuracy: forecastAccuracy(repCommit, actual),
    managerAccuracy: forecastAccuracy(manager, actual),
    evidenceAccuracy: forecastAccuracy(evidence, actual),
    systemAccuracy: forecastAccuracy(system, actual)
  }
}

/** Closes a period that has ended: accuracy of every snapshot against closed won; closing twice is refused. */
export function closePeriod(store: ForecastStore, input: ParsedInput<'forecast.close'>, today: string, now: string): CloseResult {
  const sqlite = store.sqlite
  const method = 'forecast.close'
  return sqlite.transaction(() => {
    const period = requirePeriod(sqlite, method, input.periodId)
    if (period.closedAt) throw new TouchlineError('CONFLICT', `${method}: input.periodId: ${period.label} already closed on ${period.closedAt.slice(0, 10)}.`)
    if (period.end >= today) {
      throw new TouchlineError('INVALID_INPUT', `${method}: input.periodId: ${period.label} runs until ${period.end}; it can close from the day after.`)
    }
    scorePeriod(sqlite, period, now)
    const closed = requirePeriod(sqlite, method, period.id)
    const target = readForecastSettings(sqlite).accuracyTarget
    const latest = latestCalls(sqlite, period.id)
    const org = orgRollUp(latest.filter((c) => c.subject_kind === 'rep'), period.id)
    const rows = [...latest.map(toCall), ...(org ? [org] : [])].map((c) => ({ ...c, onTarget: (c.managerAccuracy ?? 0) >= target }))
    return { period: closed, accuracyTarget: target, snapshots: closed.calls, rows }
  })()
}

/** Accuracy of the last call per closed period of one kind (months and quarters are not one series), for a rep, a team (its reps' last calls summed) or the org. */
export function accuracyHistory(store: ForecastStore, input: ParsedInput<'forecast.accuracyHistory'>): AccuracyHistory {
  const sqlite = store.sqlite
  const method = 'forecast.accuracyHistory'
  let subject = 'Whole org'
  if (input.repId !== undefined) subject = requireRep(sqlite, method, input.repId).name
  else if (input.teamId !== undefined) subject = requireTeam(sqlite, method, input.teamId).name
  const scope = input.repId !== undefined ? 'AND c.rep_id = @repId' : input.teamId !== undefined ? 'AND r.team_id = @teamId' : ''
  const rows = prepared(
    sqlite,
    `SELECT p.id AS period_id, p.label, p.start_date, total(x.actual_minor) AS actual, total(x.rep_commit_minor) AS rep,
       total(x.manager_call_minor) AS manager, total(x.evidence_based_minor) AS evidence, total(x.system_minor) AS system, count(x.id) AS n
     FROM forecast_periods p LEFT JOIN (
       SELECT c.*, row_number() OVER (PARTITION BY c.period_id, c.rep_id ORDER BY c.taken_on DESC, c.id DESC) AS rn
       FROM forecast_calls c JOIN reps r ON r.id = c.rep_id WHERE c.subject_kind = 'rep' ${scope}
     ) x ON x.period_id = p.id AND x.rn = 1
     WHERE p.closed_at IS NOT NULL AND p.kind = @kind GROUP BY p.id ORDER BY p.start_date`
  ).all({ kind: input.kind, ...(input.repId !== undefined ? { repId: input.repId } : {}), ...(input.teamId !== undefined ? { teamId: input.teamId } : {}) }) as {
    period_id: number
    label: string
    start_date: string
    actual: number
    rep: number
    manager: number
    evidence: number
    system: number
    n: number
  }[]
  const points: AccuracyPoint[] = rows.map((r) => ({
    periodId: r.period_id,
    label: r.label,
    start: r.start_date,
    actualMinor: r.actual,
    repAccuracy: r.n ? forecastAccuracy(r.rep, r.actual) : null,
    managerAccuracy: r.n ? forecastAccuracy(r.manager, r.actual) : null,
    evidenceAccuracy: r.n ? forecastAccuracy(r.evidence, r.actual) : null,
    systemAccuracy: r.n ? forecastAccuracy(r.system, r.actual) : null
  }))
  return { accuracyTarget: readForecastSettings(sqlite).accuracyTarget, subject, points }
}
