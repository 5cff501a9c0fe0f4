// Bench `demo`: building the large workspace (200 reps, 200,000 deals, 2,000,000 activities) against the bare-insert baseline.
import Database from 'better-sqlite3'
import { join } from 'node:path'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import type { Measure } from './harness'
import type { LargeWorkspace } from './large-workspace'

/** The floor: 2,000,000 bare inserts of activity-shaped rows in one transaction, no indexes, same process. */
function bareInsertBaseline(rows: number): number {
  const dir = mkdtempSync(join(tmpdir(), 'touchline-bench-base-'))
  const db = new Database(join(dir, 'base.sqlite'))
  db.pragma('journal_mode = OFF')
  db.exec('CREATE TABLE t (id INTEGER PRIMARY KEY, rep_id INTEGER, kind TEXT, direction TEXT, occurred_at TEXT, subject TEXT, deal_id INTEGER, account_id INTEGER, contact_id INTEGER)')
  const ins = db.prepare('INSERT INTO t (rep_id, kind, direction, occurred_at, subject, deal_id, account_id, contact_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?)')
  const started = performance.now()
  db.transaction(() => {
    for (let i = 0; i < rows; i++) ins.run(i % 200, 'email', 'outbound', '2026-11-23T09:00:00Z', 'Re: next steps', i % 200_000, i % 20_000, i % 50_000)
  })()
  const ms = performance.now() - started
  db.close()
  rmSync(dir, { recursive: true, force: true })
  return ms
}

export function demoBench(large: LargeWorkspace): Record<string, Measure> {
  const baseline = bareInsertBaseline(large.counts.activities)
  return {
    large_build_s: { value: large.buildMs / 1000, unit: 's', target: 60, better: 'lower' },
    bare_insert_2m_activities_s: { value: baseline / 1000, unit: 's', better: 'lower' },
    build_vs_bare_insert_ratio: { value: large.buildMs / baseline, unit: 'x', better: 'lower' },
    ...Object.fromEntries(Object.entries(large.phases).map(([name, ms]) => [`phase_${name}_s`, { value: ms / 1000, unit: 's', better: 'lower' as const }]))
  }
}
