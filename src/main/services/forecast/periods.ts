// Forecast periods and settings: the accuracy KPI target, the fiscal-year start, listing and creating months and quarters.
import type Database from 'better-sqlite3'
import type { ForecastPeriod, ForecastSettings, ParsedInput, PeriodKind } from '@shared/contract'
import { TouchlineError } from '@shared/errors'
import { prepared } from '../pipeline/evidence'
import { periodContaining } from './rules'

export const ACCURACY_TARGET_KEY = 'forecast.accuracy_target'
export const FISCAL_START_KEY = 'forecast.fiscal_year_start_month'
export const DEFAULT_ACCURACY_TARGET = 0.98

function readNumber(sqlite: Database.Database, key: string, fallback: number, ok: (n: number) => boolean): number {
  const row = prepared(sqlite, 'SELECT value FROM settings WHERE key = ?').get(key) as { value: string } | undefined
  const n = row ? Number(row.value) : NaN
  return Number.isFinite(n) && ok(n) ? n : fallback
}

export function readForecastSettings(sqlite: Database.Database): ForecastSettings {
  return {
    accuracyTarget: readNumber(sqlite, ACCURACY_TARGET_KEY, DEFAULT_ACCURACY_TARGET, (n) => n > 0 && n <= 1),
    fiscalYearStartMonth: readNumber(sqlite, FISCAL_START_KEY, 1, (n) => Number.isInteger(n) && n >= 1 && n <= 12)
  }
}

export function setForecastSettings(sqlite: Database.Database, input: ParsedInput<'forecast.setSettings'>): ForecastSettings {
  const upsert = prepared(sqlite, 'INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value')
  sqlite.transaction(() => {
    upsert.run(ACCURACY_TARGET_KEY, String(input.accuracyTarget))
    upsert.run(FISCAL_START_KEY, String(input.fiscalYearStartMonth))
  })()
  return readForecastSettings(sqlite)
}

interface PeriodRow {
  id: number
  kind: PeriodKind
  label: string
  start_date: string
  end_date: string
  closed_at: string | null
  closed_won_minor: number | null
  calls: number
}

const PERIOD_COLUMNS = `p.id, p.kind, p.label, p.start_date, p.end_date, p.closed_at, p.closed_won_minor,
  (SELECT count(*) FROM forecast_calls c WHERE c.period_id = p.id) AS calls`

function toPeriod(r: PeriodRow): ForecastPeriod {
  return {
    id: r.id,
    kind: r.kind,
    label: r.label,
    start: r.start_date,
    end: r.end_date,
    closedAt: r.closed_at,
    closedWonMinor: r.closed_won_minor,
    calls: r.calls
  }
}

/** Every period, newest first (a handful per year, so the whole list is small). */
export function listPeriods(sqlite: Database.Database): ForecastPeriod[] {
  const rows = prepared(sqlite, `SELECT ${PERIOD_COLUMNS} FROM forecast_periods p ORDER BY p.start_date DESC, p.kind`).all() as PeriodRow[]
  return rows.map(toPeriod)
}

export function requirePeriod(sqlite: Database.Database, method: string, periodId: number): ForecastPeriod {
  const row = prepared(sqlite, `SELECT ${PERIOD_COLUMNS} FROM forecast_periods p WHERE p.id = ?`).get(periodId) as PeriodRow | undefined
  if (!row) throw new TouchlineError('NOT_FOUND', `${method}: input.periodId: there is no forecast period with id ${periodId}.`)
  return toPeriod(row)
}

/** The month or fiscal quarter containing a day; an existing one is refused so a period's calls stay in one place. */
export function createPeriod(sqlite: Database.Database, input: ParsedInput<'forecast.createPeriod'>, now: string): ForecastPeriod {
  const { fiscalYearStartMonth } = readForecastSettings(sqlite)
  const b = periodContaining(input.containing, input.kind, fiscalYearStartMonth)
  return sqlite.transaction(() => {
    const clash = prepared(
      sqlite,
      'SELECT id, label FROM forecast_periods WHERE kind = ? AND start_date <= ? AND end_date >= ?'
    ).get(b.kind, b.end, b.start) as { id: number; label: string } | undefined
    if (clash) {
      throw new TouchlineError('CONFLICT', `forecast.createPeriod: input.containing: ${input.containing} already falls in ${input.kind} ${clash.label}.`)
    }
    const info = prepared(
      sqlite,
      'INSERT INTO forecast_periods (kind, label, start_date, end_date, created_at) VALUES (?, ?, ?, ?, ?)'
    ).run(b.kind, b.label, b.start, b.end, now)
    return requirePeriod(sqlite, 'forecast.createPeriod', Number(info.lastInsertRowid))
  })()
}
