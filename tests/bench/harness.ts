// Benchmark plumbing: timing with percentiles, the results file, and a readable table.
import { existsSync, readFileSync, writeFileSync, mkdirSync } from 'node:fs'
import { dirname, resolve } from 'node:path'

export const RESULTS_PATH = resolve(__dirname, '../../bench/results.json')

export interface Measure {
  value: number
  unit: string
  target?: number
  better: 'lower' | 'higher'
}
export type BenchResults = Record<string, Record<string, Measure>>

export interface Timing {
  p50: number
  p95: number
  mean: number
  runs: number
}

export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return Number.NaN
  const i = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))
  return sorted[i]!
}

/** Runs `fn` `warmup` times untimed, then `runs` times timed (ms). `fn` gets the run index so inputs can vary. */
export async function time(fn: (i: number) => unknown, runs = 50, warmup = 5): Promise<Timing> {
  for (let i = 0; i < warmup; i++) await fn(i)
  const samples: number[] = []
  for (let i = 0; i < runs; i++) {
    const t = performance.now()
    await fn(i)
    samples.push(performance.now() - t)
  }
  return timing(samples)
}

function timing(samples: number[]): Timing {
  samples.sort((a, b) => a - b)
  return { p50: percentile(samples, 50), p95: percentile(samples, 95), mean: samples.reduce((s, x) => s + x, 0) / samples.length, runs: samples.length }
}

/**
 * A service and its bare baseline timed in turns rather than one batch after the other: both see the same machine, so
 * a slow spell on this shared host moves both and not their ratio. Which goes first alternates, so neither always
 * finds the pages the other just read.
 */
export async function timePair(service: (i: number) => unknown, bare: (i: number) => unknown, runs = 50, warmup = 5): Promise<{ service: Timing; bare: Timing }> {
  for (let i = 0; i < warmup; i++) {
    await service(i)
    await bare(i)
  }
  const a: number[] = []
  const b: number[] = []
  const timed = async (fn: (i: number) => unknown, i: number, into: number[]) => {
    const t = performance.now()
    await fn(i)
    into.push(performance.now() - t)
  }
  for (let i = 0; i < runs; i++) {
    if (i % 2 === 0) {
      await timed(service, i, a)
      await timed(bare, i, b)
    } else {
      await timed(bare, i, b)
      await timed(service, i, a)
    }
  }
  return { service: timing(a), bare: timing(b) }
}

const round = (n: number) => Math.round(n * 100) / 100

/** Merges one bench's measures into bench/results.json (other benches' figures are kept). */
export function record(bench: string, measures: Record<string, Measure>): void {
  const all: BenchResults = existsSync(RESULTS_PATH) ? (JSON.parse(readFileSync(RESULTS_PATH, 'utf8')) as BenchResults) : {}
  all[bench] = Object.fromEntries(Object.entries(measures).map(([k, m]) => [k, { ...m, value: round(m.value) }]))
  mkdirSync(dirname(RESULTS_PATH), { recursive: true })
  writeFileSync(RESULTS_PATH, `${JSON.stringify(all, null, 2)}\n`)
}

export function printTable(bench: string, measures: Record<string, Measure>): void {
  const rows = Object.entries(measures).map(([name, m]) => {
    const met = m.target === undefined ? '' : (m.better === 'lower' ? m.value <= m.target : m.value >= m.target) ? 'ok' : 'MISSED'
    return [name, `${round(m.value)} ${m.unit}`, m.target === undefined ? '' : `${m.better === 'lower' ? '≤' : '≥'} ${m.target} ${m.unit}`, met]
  })
  const header = ['measure', 'value', 'target', '']
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)))
  const line = (cells: string[]) => cells.map((c, i) => c.padEnd(widths[i]!)).join('  ')
  console.log(`\n${bench}`)
  console.log(line(header))
  console.log(widths.map((w) => '-'.repeat(w)).join('  '))
  for (const r of rows) console.log(line(r))
}
