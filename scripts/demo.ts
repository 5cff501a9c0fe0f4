// Builds a demo workspace file: `npm run demo -- --scale large --out FILE`.
import { existsSync } from 'node:fs'
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
const store = createWorkspace(out, { now: isoSecond(today) })
const counts = generateDemo(store.sqlite, { scale, today, bulk: true })
store.close()
const seconds = ((performance.now() - started) / 1000).toFixed(1)
console.log(`Built ${out} (${scale}) in ${seconds} s:`, counts)
