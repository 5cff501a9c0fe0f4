// `npm run crash`: fifty seeded SIGKILL trials per write workload; prints the table and fails on any non-zero.
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { parseArgs } from 'node:util'
import { buildTemplates, KILL_WINDOW_MS, runTrials, summarise, WORKLOADS, type TrialResult } from '../tests/crash/harness'
import { printTable, record, type Measure } from '../tests/bench/harness'

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { trials: { type: 'string', default: '50' }, seed: { type: 'string', default: '20261123' } } })
  const trials = Number(values.trials)
  const dir = mkdtempSync(join(tmpdir(), 'touchline-crash-templates-'))
  try {
    const templates = buildTemplates(dir)
    const results: TrialResult[] = []
    for (const workload of WORKLOADS) {
      process.stdout.write(`${workload}: ${trials} trials… `)
      const started = performance.now()
      results.push(...(await runTrials(workload, trials, Number(values.seed), templates, KILL_WINDOW_MS[workload])))
      console.log(`${((performance.now() - started) / 1000).toFixed(0)} s`)
    }
    const rows = summarise(results)
    console.log('\nworkload   trials  corrupt  partial  lost (rows or characters)  acknowledged writes before the kill (median)')
    for (const r of rows) {
      const acks = results.filter((x) => x.workload === r.workload).map((x) => x.acknowledged).sort((a, b) => a - b)
      const median = acks[Math.floor(acks.length / 2)] ?? 0
      console.log(`${r.workload.padEnd(10)} ${String(r.trials).padStart(6)}  ${String(r.corrupt).padStart(7)}  ${String(r.partial).padStart(7)}  ${String(r.lost).padStart(25)}  ${median}`)
      for (const p of r.problems) console.log(`  problem: ${p}`)
    }
    const measures: Record<string, Measure> = {}
    for (const r of rows) {
      measures[`${r.workload}_trials`] = { value: r.trials, unit: 'trials', target: 50, better: 'higher' }
      measures[`${r.workload}_corrupt_partial_lost`] = { value: r.corrupt + r.partial + r.lost + r.problems.length, unit: 'count', target: 0, better: 'lower' }
    }
    record('crash', measures)
    printTable('crash', measures)
    if (rows.some((r) => r.corrupt || r.partial || r.lost || r.problems.length)) process.exit(1)
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}

void main().catch((err) => {
  console.error(err)
  process.exit(1)
})
