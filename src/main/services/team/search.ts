// Full-text search over coaching notes and action items (FTS5, diacritics folded), ranked (broad queries newest first), paged, with marked passages.
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

const MARKS = new RegExp(`[${OPEN}${CLOSE}]`)
const MARKDOWN = /[*_`#>]/
/** Whitespace to fold: any but a plain space, or two spaces in a row. */
const SPACES = /[^\S ]| {2}/

/** Splits a highlighted snippet into plain segments, and drops Markdown markers so "**pricing**" reads as "pricing". */
export function snippetSegments(snippet: string): { text: string; hit: boolean }[] {
  const out: { text: string; hit: boolean }[] = []
  // Most passages are plain prose: each rewrite runs only when its marker is there (a search page has 20 passages).
  const clean = (s: string) => {
    let t = MARKDOWN.test(s) ? s.replace(/[*_`#>]+/g, '') : s
    if (t.includes('](')) t = t.replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
    return SPACES.test(t) ? t.replace(/\s+/g, ' ') : t
  }
  for (const [i, part] of snippet.split(MARKS).entries()) {
    const text = clean(part)
    if (text) out.push({ text, hit: i % 2 === 1 })
  }
  return out
}

/** Above this many matches a query is broad ("buyer", "the"): newest first serves better than relevance, and costs a third. */
export const BROAD_MATCHES = 2_000

/** How many notes and items match: the count decides the order, and the pager shows it. */
export const COUNT_SQL = (byRep: boolean) =>
  byRep
    ? `SELECT
    (SELECT count(*) FROM notes_fts JOIN coaching_notes n ON n.id = notes_fts.rowid WHERE notes_fts MATCH @q AND n.rep_id = @rep) +
    (SELECT count(*) FROM action_items_fts JOIN action_items a ON a.id = action_items_fts.rowid WHERE action_items_fts MATCH @q AND a.rep_id = @rep) AS n`
    : `SELECT (SELECT count(*) FROM notes_fts WHERE notes_fts MATCH @q) + (SELECT count(*) FROM action_items_fts WHERE action_items_fts MATCH @q) AS n`

/**
 * Both indexes in one ordered page, without passages: bm25 is comparable enough across two small-document indexes for
 * a search box, but it is the dearest part of a query (microseconds a match), so a broad query lists the most recently
 * written first instead. Ties go to the more recent.
 */
export const PAGE_SQL = (byRep: boolean, order: 'rank' | 'date') => `SELECT kind, id FROM (
    SELECT 'note' AS kind, n.id, n.updated_at AS at, ${order === 'rank' ? 'bm25(notes_fts)' : '0'} AS rank
    FROM notes_fts JOIN coaching_notes n ON n.id = notes_fts.rowid
    WHERE notes_fts MATCH @q ${byRep ? 'AND n.rep_id = @rep' : ''}
    UNION ALL
    SELECT 'action_item', a.id, a.created_at, ${order === 'rank' ? 'bm25(action_items_fts)' : '0'}
    FROM action_items_fts JOIN action_items a ON a.id = action_items_fts.rowid
    WHERE action_items_fts MATCH @q ${byRep ? 'AND a.rep_id = @rep' : ''}
  ) ORDER BY ${order === 'rank' ? 'rank, ' : ''}at DESC, id DESC, kind LIMIT @limit OFFSET @offset`

/**
 * The page's rows with their rep, date and marked passage: snippets only for the page, never for every match. One walk
 * of the matches per index: a prefix term ("champ*") costs a merge of every word it starts on each time the query
 * is entered, so entering it once per row of the page by rowid would cost more.
 */
export const NOTE_HITS_SQL = `SELECT n.id, n.rep_id, r.name AS rep_name, n.one_on_one_id, coalesce(substr(o.held_at, 1, 10), o.scheduled_for) AS date,
    snippet(notes_fts, 0, '${OPEN}', '${CLOSE}', '…', 16) AS snippet
  FROM notes_fts JOIN coaching_notes n ON n.id = notes_fts.rowid JOIN reps r ON r.id = n.rep_id JOIN one_on_ones o ON o.id = n.one_on_one_id
  WHERE notes_fts MATCH @q AND notes_fts.rowid IN (SELECT value FROM json_each(@ids))`
export const ITEM_HITS_SQL = `SELECT a.id, a.rep_id, r.name AS rep_name, a.one_on_one_id, substr(a.created_at, 1, 10) AS date,
    snippet(action_items_fts, 0, '${OPEN}', '${CLOSE}', '…', 16) AS snippet
  FROM action_items_fts JOIN action_items a ON a.id = action_items_fts.rowid JOIN reps r ON r.id = a.rep_id
  WHERE action_items_fts MATCH @q AND action_items_fts.rowid IN (SELECT value FROM json_each(@ids))`

interface HitDetail {
  id: number
  rep_id: number
  rep_name: string
  one_on_one_id: number | null
  date: string
  snippet: string
}

const COUNT_TEXT = [COUNT_SQL(false), COUNT_SQL(true)] as const
const PAGE_TEXT = { rank: [PAGE_SQL(false, 'rank'), PAGE_SQL(true, 'rank')], date: [PAGE_SQL(false, 'date'), PAGE_SQL(true, 'date')] } as const

export function searchNotes(store: InspectionStore, input: ParsedInput<'search.notes'>): Page<SearchHit> {
  const q = ftsQuery(input.query)
  if (q === null) throw new TouchlineError('INVALID_INPUT', 'search.notes: input.query: type at least one letter or digit to search for.')
  const sqlite = store.sqlite
  const byRep = input.repId !== undefined ? 1 : 0
  const params = byRep ? { q, rep: input.repId } : { q }
  const total = (prepared(sqlite, COUNT_TEXT[byRep]).get(params) as { n: number }).n
  if (total === 0 || input.offset >= total) return { rows: [], total, offset: input.offset, limit: input.limit }
  const order = total > BROAD_MATCHES ? 'date' : 'rank'
  const page = prepared(sqlite, PAGE_TEXT[order][byRep]).all({ ...params, limit: input.limit, offset: input.offset }) as {
    kind: 'note' | 'action_item'
    id: number
  }[]
  const ids = (kind: SearchHit['kind']) => JSON.stringify(page.filter((r) => r.kind === kind).map((r) => r.id))
  const details = new Map<string, HitDetail>()
  for (const [kind, text] of [['note', NOTE_HITS_SQL], ['action_item', ITEM_HITS_SQL]] as const) {
    if (!page.some((r) => r.kind === kind)) continue
    for (const d of prepared(sqlite, text).all({ q, ids: ids(kind) }) as HitDetail[]) details.set(`${kind}:${d.id}`, d)
  }
  const rows: SearchHit[] = []
  for (const r of page) {
    const d = details.get(`${r.kind}:${r.id}`)
    if (!d) continue
    rows.push({ kind: r.kind, id: r.id, repId: d.rep_id, repName: d.rep_name, oneOnOneId: d.one_on_one_id, date: d.date, snippet: snippetSegments(d.snippet) })
  }
  return { rows, total, offset: input.offset, limit: input.limit }
}
