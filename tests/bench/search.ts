// Bench `search`: note and action-item search on the large workspace for five kinds of query, service vs the same FTS5 SQL run bare.
import { openWorkspace } from '../../src/main/store/open'
import { BROAD_MATCHES, COUNT_SQL, ITEM_HITS_SQL, NOTE_HITS_SQL, PAGE_SQL, ftsQuery, searchNotes } from '../../src/main/services/team/search'
import { generateOneOnOneDemo } from '../../src/main/demo/one-on-ones'
import { DEMO_SEED } from '../../src/main/demo/generate'
import { timePair, type Measure } from './harness'
import { BENCH_TODAY, type LargeWorkspace } from './large-workspace'

/** What a manager types: a word in most notes, a word in a handful, several words, accents the notes lack, half a word. */
function queries(rare: string): Record<string, string> {
  return {
    common: 'buyer',
    rare,
    multi_word: 'economic buyer intro',
    accented: 'décision rôles',
    prefix: 'champ'
  }
}

export async function searchBench(large: LargeWorkspace): Promise<Record<string, Measure>> {
  const store = await openWorkspace(large.path, { now: `${BENCH_TODAY}T09:00:00Z` })
  try {
    const sqlite = store.sqlite
    const count = (sql: string) => (sqlite.prepare(sql).get() as { n: number }).n
    const notes = count('SELECT count(*) AS n FROM coaching_notes')
    const items = count('SELECT count(*) AS n FROM action_items')
    // The rare word: the word of five letters or more in the fewest notes (at least two), read from the index itself.
    sqlite.exec('CREATE VIRTUAL TABLE IF NOT EXISTS temp.notes_vocab USING fts5vocab(main, notes_fts, row)')
    const rare = (
      sqlite.prepare("SELECT term FROM temp.notes_vocab WHERE doc >= 2 AND length(term) >= 5 AND term GLOB '[a-z]*' ORDER BY doc, term LIMIT 1").get() as
        | { term: string }
        | undefined
    )?.term
    if (!rare) throw new Error('search bench: no rare word in the notes; is the large demo missing its 1:1 history?')

    const total = sqlite.prepare(COUNT_SQL(false))
    const page = { rank: sqlite.prepare(PAGE_SQL(false, 'rank')), date: sqlite.prepare(PAGE_SQL(false, 'date')) }
    const details = { note: sqlite.prepare(NOTE_HITS_SQL), action_item: sqlite.prepare(ITEM_HITS_SQL) }
    const ms = (value: number, target?: number): Measure => ({ value, unit: 'ms', target, better: 'lower' })
    const ratio = (value: number, target?: number): Measure => ({ value, unit: 'x', target, better: 'lower' })
    const out: Record<string, Measure> = {
      notes: { value: notes, unit: 'notes', better: 'higher' },
      action_items: { value: items, unit: 'items', better: 'higher' }
    }
    for (const [name, text] of Object.entries(queries(rare))) {
      const q = ftsQuery(text)!
      // Against the same statements the service runs, prepared once and run directly on better-sqlite3: the count
      // (which picks the order), the page, then the passages of the page's notes and items. Timed in turns.
      const { service, bare } = await timePair(
        () => searchNotes(store, { query: text, offset: 0, limit: 20 }),
        () => {
          const n = (total.get({ q }) as { n: number }).n
          const rows = page[n > BROAD_MATCHES ? 'date' : 'rank'].all({ q, limit: 20, offset: 0 }) as { kind: 'note' | 'action_item'; id: number }[]
          for (const kind of ['note', 'action_item'] as const) {
            const ids = rows.filter((r) => r.kind === kind).map((r) => r.id)
            if (ids.length) details[kind].all({ q, ids: JSON.stringify(ids) })
          }
        },
        60
      )
      const found = searchNotes(store, { query: text, offset: 0, limit: 20 }).total
      if (found === 0) throw new Error(`search bench: "${text}" finds nothing on the large workspace`)
      out[`${name}_hits`] = { value: found, unit: 'hits', better: 'higher' }
      out[`${name}_p50_ms`] = ms(service.p50)
      out[`${name}_p95_ms`] = ms(service.p95, 50)
      out[`${name}_bare_p50_ms`] = ms(bare.p50)
      out[`${name}_bare_p95_ms`] = ms(bare.p95)
      out[`${name}_service_vs_bare_p50`] = ratio(service.p50 / bare.p50, 1.3)
    }

    // The demo's 1:1 history alone, rebuilt inside a transaction that is rolled back: its share of building the demo.
    sqlite.exec('BEGIN')
    sqlite.exec('DELETE FROM focus_ratings; DELETE FROM action_items; DELETE FROM note_versions; DELETE FROM coaching_notes; DELETE FROM one_on_ones;')
    const started = performance.now()
    generateOneOnOneDemo(sqlite, DEMO_SEED, new Date(`${BENCH_TODAY}T09:00:00Z`))
    const demoMs = performance.now() - started
    sqlite.exec('ROLLBACK')
    out.demo_one_on_ones_ms = ms(demoMs, 5000)
    return out
  } finally {
    store.close()
  }
}
