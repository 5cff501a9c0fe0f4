// Builds a demo workspace file: `npm run demo -- --scale large --out FILE`.
import { existsSync, renameSync, rmSync } from 'node:fs'
import { parseArgs } from 'node:util'
import { createWorkspace } from '../src/main/store/open'
import { DEMO_SCALES, generateDemo, type DemoScale } from '../src/main/demo/generate'
import { isoSecond } from '../src/shared/dates'

const { values } = parseArgs({
  options: { scale: { type: 'string', default: 'standard' }, out: { type: 'string' }, today: { type: 'string' } }
})
const scale = values.scale as DemoScale
if (!Object.hasOwn(DEMO_SCALES, scale)) {
  console.error(`--scale must be one of ${Object.keys(DEMO_SCALES).join(', ')}; got "${values.scale}"`)
  process.exit(2)
}
const out = values.out ?? `touchline-demo-${scale}.sqlite`
if (existsSync(out)) {
  console.error(`${out} already exists; Touchline never overwrites a file. Remove it or pick another --out.`)
  process.exit(2)
}
const today = values.today ? new Date(`${values.today}T09:00:00Z`) : new Date()
const started = performance.now()
// The bulk build writes without a journal, so a build that fails part-way leaves a broken file: it is built under a
// temporary name and only renamed to --out once complete and closed; a failure removes what it wrote.
const building = `${out}.building-${process.pid}`
const leftovers = [building, `${building}-wal`, `${building}-shm`, `${building}.lock`]
let counts: ReturnType<typeof generateDemo>
try {
  const store = createWorkspace(building, { now: isoSecond(today) })
  try {
    counts = generateDemo(store.sqlite, { scale, today, bulk: true })
  } finally {
    store.close()
  }
  renameSync(building, out)
} catch (error) {
  for (const file of leftovers) rmSync(file, { force: true })
  console.error(`Could not build ${out}: ${error instanceof Error ? error.message : String(error)}; nothing was left behind.`)
  process.exit(1)
}
const seconds = ((performance.now() - started) / 1000).toFixed(1)
console.log(`Built ${out} (${scale}) in ${seconds} s:`, counts)
