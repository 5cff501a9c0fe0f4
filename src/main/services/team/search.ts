// Full-text search over coaching notes and action items (FTS5, diacritics folded), ranked, paged, with marked passages.
import type { Page, ParsedInput, SearchHit } from '@shared/contract'
import { TouchlineError } from '@shared/errors'
import { prepared } from '../pipeline/evidence'
import type { InspectionStore } from '../pipeline/inspection'

const OPEN = '\u0002'
const CLOSE = '\u0003'

/**
 * Turns what a person types into an FTS5 query: every word must appear (AND), the last one also as a prefix so
 * results come while typing. Words are quoted, so FTS syntax (AND, NEAR, *, ", :) typed by a user is plain text.
 */
export function ftsQuery(text: string): string | null {
  const words = text.match(/[\p{L}\p{N}]+/gu)
  if (!words || words.length === 0) return null
  return words
    .slice(0, 12)
    .map((w, i, all) => `"${w}"${i === all.length - 1 ? '*' : ''}`)
    .join(' ')
}

/** Splits a highlighted snippet into plain segments, and drops Markdown markers so "**pricing**" reads as "pricing". */
export function snippetSegments(snippet: string): { text: string; hit: boolean }[] {
  const out: { text: string; hit: boolean }[] = []
  const clean = (s: string) => s.replace(/[*_`#>]+/g, '').replace(/\[([^\]]*)\]\([^)]*\)/g, '$1').replace(/\s+/g, ' ')
  for (const [i, part] of snippet.split(new RegExp(`[${OPEN}${CLOSE}]`)).entries()) {
    const text = clean(part)
    if (text) out.push({ text, hit: i % 2 === 1 })
  }
  return out
}

// Both indexes in one ranked list: bm25 is comparable enough across two small-document indexes for a search box.
const HITS_SQL = (byRep: boolean) => `SELECT kind, id, rep_id, rep_name, one_on_one_id, date, snippet, rank FROM (
    SELECT 'note' AS kind, n.id, n.rep_id, r.name AS rep_name, n.one_on_one_id, coalesce(substr(o.held_at, 1, 10), o.scheduled_for) AS date,
      snippet(notes_fts, 0, '${OPEN}', '${CLOSE}', '…', 16) AS snippet, bm25(notes_fts) AS rank
    FROM notes_fts JOIN coaching_notes n ON n.id = notes_fts.rowid JOIN reps r ON r.id = n.rep_id JOIN one_on_ones o ON o.id = n.one_on_one_id
    WHERE notes_fts MATCH @q ${byRep ? 'AND n.rep_id = @rep' : ''}
    UNION ALL
    SELECT 'action_item', a.id, a.rep_id, r.name, a.one_on_one_id, substr(a.created_at, 1, 10),
      snippet(action_items_fts, 0, '${OPEN}', '${CLOSE}', '…', 16), bm25(action_items_fts)
    FROM action_items_fts JOIN action_items a ON a.id = action_items_fts.rowid JOIN reps r ON r.id = a.rep_id
    WHERE action_items_fts MATCH @q ${byRep ? 'AND a.rep_id = @rep' : ''}
  ) ORDER BY rank, date DESC, id LIMIT @limit OFFSET @offset`

const COUNT_SQL = (byRep: boolean) => `SELECT
    (SELECT count(*) FROM notes_fts JOIN coaching_notes n ON n.id = notes_fts.rowid WHERE notes_fts MATCH @q ${byRep ? 'AND n.rep_id = @rep' : ''}) +
    (SELECT count(*) FROM action_items_fts JOIN action_items a ON a.id = action_items_fts.rowid WHERE action_items_fts MATCH @q ${byRep ? 'AND a.rep_id = @rep' : ''}) AS n`

export function searchNotes(store: InspectionStore, input: ParsedInput<'search.notes'>): Page<SearchHit> {
  const q = ftsQuery(input.query)
  if (q === null) throw new TouchlineError('INVALID_INPUT', 'search.notes: input.query: type at least one letter or digit to search for.')
  const byRep = input.repId !== undefined
  const params = byRep ? { q, rep: input.repId } : { q }
  const rows = prepared(store.sqlite, HITS_SQL(byRep)).all({ ...params, limit: input.limit, offset: input.offset }) as {
    kind: 'note' | 'action_item'
    id: number
    rep_id: number
    rep_name: string
    one_on_one_id: number | null
    date: string
    snippet: string
  }[]
  const total = (prepared(store.sqlite, COUNT_SQL(byRep)).get(params) as { n: number }).n
  return {
    rows: rows.map((r) => ({
      kind: r.kind,
      id: r.id,
      repId: r.rep_id,
      repName: r.rep_name,
      oneOnOneId: r.one_on_one_id,
      date: r.date,
      snippet: snippetSegments(r.snippet)
    })),
    total,
    offset: input.offset,
    limit: input.limit
  }
}
