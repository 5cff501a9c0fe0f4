// The `large` demo workspace every benchmark reads, built once per run into a temp folder and timed.
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createWorkspace } from '../../src/main/store/open'
import { generateDemo, type DemoCounts } from '../../src/main/demo/generate'

export const BENCH_TODAY = '2026-11-23'

export interface LargeWorkspace {
  path: string
  buildMs: number
  /** Build time by phase (ms): load, triggers, indexes, evidence, forecast, commit, optimize. */
  phases: Record<string, number>
  counts: DemoCounts
  dispose(): void
}

export function buildLargeWorkspace(): LargeWorkspace {
  const dir = mkdtempSync(join(tmpdir(), 'touchline-bench-'))
  const path = join(dir, 'large.sqlite')
  const today = new Date(`${BENCH_TODAY}T09:00:00Z`)
  const started = performance.now()
  const store = createWorkspace(path, { now: `${BENCH_TODAY}T09:00:00Z` })
  const phases: Record<string, number> = {}
  const onPhase = (name: string, ms: number) => {
    const group = name.startsWith('load') ? 'load' : name.startsWith('index') ? 'indexes' : name
    phases[group] = (phases[group] ?? 0) + ms
  }
  const counts = generateDemo(store.sqlite, { scale: 'large', today, bulk: true, onPhase })
  store.close()
  return { path, buildMs: performance.now() - started, phases, counts, dispose: () => rmSync(dir, { recursive: true, force: true }) }
}
