// `npm run bench`: builds the large workspace once, runs every benchmark on it, writes bench/results.json.
import { printTable, record, type Measure } from './harness'
import { buildLargeWorkspace } from './large-workspace'
import { demoBench } from './demo'
import { pipelineBench } from './pipeline'
import { forecastBench } from './forecast'
import { searchBench } from './search'
import { importBench } from './import'

type Bench = {
  name: string
  run: (large: ReturnType<typeof buildLargeWorkspace>) => Promise<Record<string, Measure>> | Record<string, Measure>
  /** Makes its own files and workspace: `npm run bench -- import` does not build the large workspace. */
  ownWorld?: boolean
}

const BENCHES: Bench[] = [
  { name: 'demo', run: demoBench },
  { name: 'pipeline', run: pipelineBench },
  { name: 'forecast', run: forecastBench },
  { name: 'search', run: searchBench },
  { name: 'import', run: () => importBench(), ownWorld: true }
]

async function main(): Promise<void> {
  const only = process.argv.slice(2)
  const selected = BENCHES.filter((b) => !only.length || only.includes(b.name))
  let large: ReturnType<typeof buildLargeWorkspace> | null = null
  if (selected.some((b) => !b.ownWorld)) {
    console.log('Building the large demo workspace (200 reps, 20,000 accounts, 200,000 deals, 2,000,000 activities)…')
    large = buildLargeWorkspace()
    console.log(`Built in ${(large.buildMs / 1000).toFixed(1)} s`)
  }
  try {
    for (const bench of selected) {
      const measures = await bench.run(large as ReturnType<typeof buildLargeWorkspace>)
      record(bench.name, measures)
      printTable(bench.name, measures)
    }
  } finally {
    large?.dispose()
  }
}

void main().catch((err) => {
  console.error(err)
  process.exit(1)
})
