// Kill -9 in the middle of real writes: a few seeded trials per workload here; `npm run crash` runs fifty each.
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { buildTemplates, KILL_WINDOW_MS, runTrials, summarise } from '../crash/harness'

describe('a workspace killed mid-write', () => {
  const dir = mkdtempSync(join(tmpdir(), 'touchline-crash-templates-'))
  let templates: ReturnType<typeof buildTemplates>
  beforeAll(() => {
    templates = buildTemplates(dir)
  }, 120_000)
  afterAll(() => rmSync(dir, { recursive: true, force: true }))

  it.each(['edits', 'notes', 'migration', 'import'] as const)(
    'the %s workload always reopens sound, with nothing half-applied and nothing acknowledged lost',
    async (workload) => {
      const results = await runTrials(workload, 3, 20261123, templates, KILL_WINDOW_MS[workload])
      const [row] = summarise(results)
      expect(row!.problems).toEqual([])
      expect({ corrupt: row!.corrupt, partial: row!.partial, lost: row!.lost }).toEqual({ corrupt: 0, partial: 0, lost: 0 })
      // The kills must land in the work, not only before it: at least one trial acknowledged writes first.
      if (workload !== 'migration') expect(results.some((r) => r.acknowledged > 0)).toBe(true)
    },
    120_000
  )
})
