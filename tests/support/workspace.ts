// Test worlds: a fresh workspace file in its own temp folder, optionally filled by the demo generator.
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createWorkspace, type Store } from '../../src/main/store/open'
import { generateDemo, type DemoScale } from '../../src/main/demo/generate'
import { fixedClock, type Clock } from '../../src/main/clock'

export const TODAY = '2026-11-23'
export const NOW = `${TODAY}T09:00:00Z`
export const clock: Clock = fixedClock(NOW)

export interface TempWorkspace {
  dir: string
  path: string
  store: Store
  dispose(): void
}

export function tempDir(prefix = 'touchline-'): { dir: string; dispose(): void } {
  const dir = mkdtempSync(join(tmpdir(), prefix))
  return { dir, dispose: () => rmSync(dir, { recursive: true, force: true }) }
}

/** A migrated workspace in a temp folder; `demo` fills it with the seeded generator. */
export function makeWorkspace(options: { demo?: DemoScale } = {}): TempWorkspace {
  const { dir, dispose } = tempDir()
  const path = join(dir, 'touchline.sqlite')
  const store = createWorkspace(path, { now: NOW })
  if (options.demo) generateDemo(store.sqlite, { scale: options.demo, today: clock.now() })
  return {
    dir,
    path,
    store,
    dispose: () => {
      store.close()
      dispose()
    }
  }
}
