// The composite's weights, kept in the settings table so a leader's adjustment survives restarts.
import type { Kysely } from 'kysely'
import type { ParsedInput } from '@shared/contract'
import { DEFAULT_WEIGHTS, PILLARS, type CompositeWeights } from '@shared/visibility'
import type { DB } from '../../store/schema'

const KEY = 'visibility.weights'

/** A stored value that no longer parses (hand-edited, older build) falls back to the defaults rather than failing the page. */
function parseWeights(text: string | undefined): CompositeWeights {
  if (!text) return { ...DEFAULT_WEIGHTS }
  try {
    const raw = JSON.parse(text) as Record<string, unknown>
    const out = { ...DEFAULT_WEIGHTS }
    for (const p of PILLARS) {
      const v = raw[p]
      if (typeof v === 'number' && Number.isInteger(v) && v >= 0 && v <= 100) out[p] = v
    }
    return PILLARS.some((p) => out[p] > 0) ? out : { ...DEFAULT_WEIGHTS }
  } catch {
    return { ...DEFAULT_WEIGHTS }
  }
}

export async function getWeights(db: Kysely<DB>): Promise<CompositeWeights> {
  const row = await db.selectFrom('settings').where('key', '=', KEY).select('value').executeTakeFirst()
  return parseWeights(row?.value)
}

export async function setWeights(db: Kysely<DB>, input: ParsedInput<'visibility.weights.set'>): Promise<CompositeWeights> {
  const value: CompositeWeights = { brand: input.brand, people: input.people, insight: input.insight, relationships: input.relationships }
  await db
    .insertInto('settings')
    .values({ key: KEY, value: JSON.stringify(value) })
    .onConflict((oc) => oc.column('key').doUpdateSet({ value: JSON.stringify(value) }))
    .execute()
  return value
}
