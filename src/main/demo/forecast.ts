// Demo forecast history: the last four quarters closed and scored, the current one open, weekly call snapshots per rep.
import type Database from 'better-sqlite3'
import { DAY_MS, addDays, isoDay, isoSecond } from '@shared/dates'
import { repFigures } from '../services/forecast/figures'
import { listPeriods, readForecastSettings, requirePeriod } from '../services/forecast/periods'
import { periodContaining } from '../services/forecast/rules'
import { scorePeriod } from '../services/forecast/calls'
import { Random } from './random'

/**
 * How a rep calls: accurate reps land near what closes, sandbaggers call low, optimists call high. The error
 * shrinks as the quarter goes on (week 13 is nearer the truth than week 1), and the manager, who inspects the
 * evidence, lands nearer still.
 */
const TEMPERAMENTS = [
  { name: 'accurate', bias: 1, early: 0.25 },
  { name: 'sandbagging', bias: 0.72, early: 0.35 },
  { name: 'optimistic', bias: 1.45, early: 0.5 }
] as const

export function generateForecastDemo(sqlite: Database.Database, seed: number, today: Date): void {
  const rnd = new Random(seed ^ 0x5f0c)
  const todayDay = isoDay(today)
  const now = isoSecond(today)
  const { fiscalYearStartMonth } = readForecastSettings(sqlite)
  const current = periodContaining(todayDay, 'quarter', fiscalYearStartMonth)
  const quarters = [current]
  for (let i = 0; i < 4; i++) {
    const before = isoDay(new Date(Date.parse(`${quarters[0]!.start}T00:00:00Z`) - DAY_MS))
    quarters.unshift(periodContaining(before, 'quarter', fiscalYearStartMonth))
  }
  const existing = new Set(listPeriods(sqlite).map((p) => `${p.kind}:${p.start}`))
  const insPeriod = sqlite.prepare('INSERT INTO forecast_periods (kind, label, start_date, end_date, created_at) VALUES (?, ?, ?, ?, ?)')
  const insCall = sqlite.prepare(
    `INSERT INTO forecast_calls (period_id, subject_kind, rep_id, team_id, taken_on, label, rep_commit_minor, rep_best_case_minor,
       manager_call_minor, evidence_based_minor, system_minor, created_at) VALUES (?, 'rep', ?, NULL, ?, ?, ?, ?, ?, ?, ?, ?)`
  )
  const round = (n: number) => Math.max(0, Math.round(n / 100_000) * 100_000)

  sqlite.transaction(() => {
    for (const q of quarters) {
      if (existing.has(`quarter:${q.start}`)) continue
      const periodId = Number(insPeriod.run('quarter', q.label, q.start, q.end, `${q.start}T08:00:00Z`).lastInsertRowid)
      const past = q.end < todayDay
      for (const f of repFigures(sqlite, q)) {
        if (f.annualQuotaMinor === 0) continue
        const temperament = TEMPERAMENTS[f.repId % TEMPERAMENTS.length]!
        // A past quarter is called against what did close; the open one against what is committed now.
        const target = past ? f.closedWonMinor : f.closedWonMinor + f.commitMinor
        const evidenceTarget = past ? f.closedWonMinor * (0.92 + rnd.next() * 0.12) : f.evidenceBasedMinor
        const systemTarget = past ? f.closedWonMinor * (0.85 + rnd.next() * 0.3) : f.systemMinor
        for (let week = 1; week <= 13; week++) {
          const takenOn = isoDay(new Date(Date.parse(`${q.start}T00:00:00Z`) + (week - 1) * 7 * DAY_MS))
          if (takenOn > todayDay || takenOn > q.end) break
          const settle = (13 - week) / 12
          const noise = (rnd.next() * 2 - 1) * temperament.early * settle
          const repCall = target * (temperament.bias + noise)
          const managerCall = target * (1 + (temperament.bias - 1) * 0.3 + noise * 0.3)
          insCall.run(
            periodId,
            f.repId,
            takenOn,
            `week ${week}`,
            round(repCall),
            round(repCall * (1.15 + rnd.next() * 0.2)),
            round(managerCall),
            round(evidenceTarget * (1 + noise * 0.2)),
            round(systemTarget * (1 + noise * 0.4)),
            now
          )
        }
      }
      if (past) scorePeriod(sqlite, requirePeriod(sqlite, 'demo', periodId), `${addDays(q.end, 1)}T09:00:00Z`)
    }
  })()
}
