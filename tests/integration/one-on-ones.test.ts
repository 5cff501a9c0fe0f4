// One-on-ones on real workspace files: the prep sheet section by section, carry-over, notes that survive a kill, versions, search.
import { afterEach, describe, expect, it } from 'vitest'
import { handlers } from '../../src/main/handlers'
import { dispatch, type Context } from '../../src/main/dispatch'
import { openWorkspace } from '../../src/main/store/open'
import { prepSheet } from '../../src/main/services/team/prep'
import { repCards } from '../../src/main/services/team/cards'
import { setOneOnOneStatus, startOneOnOne, listOneOnOnes } from '../../src/main/services/team/one-on-ones'
import { noteVersions, restoreNote, saveNote } from '../../src/main/services/team/notes'
import { addActionItem, completeActionItem } from '../../src/main/services/team/action-items'
import { rateFocus } from '../../src/main/services/team/focus'
import { BROAD_MATCHES, ftsQuery, searchNotes } from '../../src/main/services/team/search'
import { fixedClock } from '../../src/main/clock'
import type { WorkspaceSession } from '../../src/main/session'
import { NOW, TODAY, type TempWorkspace } from '../support/workspace'
import { LAST_1ON1, OTHER_REP, REP, oneOnOneWorld } from './one-on-ones-world'

let ws: TempWorkspace | null = null
afterEach(() => {
  ws?.dispose()
  ws = null
})

const at = (hhmmss: string) => `${TODAY}T${hhmmss}Z`
const count = (w: TempWorkspace, table: string) => (w.store.sqlite.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n

describe('the prep sheet', () => {
  it('lists every change to the rep’s deals since the last held 1:1, in order, and nothing of other reps', () => {
    ws = oneOnOneWorld()
    const sheet = prepSheet(ws.store, { repId: REP }, NOW)
    expect(sheet.since).toBe(LAST_1ON1)
    expect(sheet.lastOneOnOne?.id).toBe(2)
    expect(sheet.changes.map((c) => [c.type, c.dealId, c.from, c.to, c.sentence])).toEqual([
      ['stage', 1, 'proposal', 'negotiation', 'Moved from Proposal to Negotiation.'],
      ['close_date', 1, '2026-11-30', '2026-12-15', 'Close date slipped from 2026-11-30 to 2026-12-15.'],
      ['lost', 3, null, '1500000', 'Lost, $15,000: Pricing.'],
      ['forecast_category', 2, 'pipeline', 'best_case', 'Forecast category from Pipeline to Best case.'],
      ['amount', 2, '3000000', '2000000', 'Amount lowered from $30,000 to $20,000.'],
      ['created', 4, null, 'prospecting', 'New deal, in Prospecting.']
    ])
    expect(sheet.changes.find((c) => c.type === 'lost')?.lossReason).toBe('pricing')
  })

  it('shows the deals inspection flags, with inspection’s own sentences, and the call against the evidence', () => {
    ws = oneOnOneWorld()
    const sheet = prepSheet(ws.store, { repId: REP }, NOW)
    expect(sheet.flagged.map((d) => [d.dealId, d.flags.map((f) => f.flag)])).toEqual([
      [1, ['no_evidence', 'no_relationships', 'single_threaded', 'no_decision_maker']],
      [2, ['single_threaded', 'no_decision_maker', 'stalled']],
      [4, ['no_relationships', 'single_threaded', 'no_decision_maker']]
    ])
    expect(sheet.flagged[0]!.flags[0]!.sentence).toBe('Commit deal with no activity in 34 days (last on 2026-10-20; the limit is 14).')
    expect(sheet.forecast).toEqual({ currency: 'USD', commitMinor: 5_000_000, evidenceCommitMinor: 0, bestCaseMinor: 2_000_000, unbackedMinor: 5_000_000 })
  })

  it('counts meetings, calls, emails and public or private social touches per week, the current week last', () => {
    ws = oneOnOneWorld()
    const { activity } = prepSheet(ws.store, { repId: REP }, NOW)
    expect(activity).toHaveLength(12)
    expect(activity.at(-1)!.weekStart).toBe('2026-11-23')
    const busy = activity.filter((w) => w.meetings + w.calls + w.emails + w.social > 0)
    expect(busy).toEqual([
      { weekStart: '2026-10-19', meetings: 1, calls: 1, emails: 0, social: 0 },
      { weekStart: '2026-11-02', meetings: 0, calls: 0, emails: 0, social: 1 },
      { weekStart: '2026-11-16', meetings: 1, calls: 0, emails: 1, social: 3 }
    ])
  })

  it('maps decision roles across the top deals, carries over open items past a skipped 1:1, and derives talking points that link to deals', () => {
    ws = oneOnOneWorld()
    const sheet = prepSheet(ws.store, { repId: REP }, NOW)
    expect(sheet.decisionRoles.map((d) => [d.dealId, d.covered, d.missing])).toEqual([
      [1, ['economic_buyer', 'technical_buyer'], ['user_buyer', 'coach']],
      [2, ['user_buyer'], ['economic_buyer', 'technical_buyer', 'coach']],
      [4, [], ['economic_buyer', 'technical_buyer', 'user_buyer', 'coach']]
    ])
    // Item 1 was agreed on 26 Oct; the 9 Nov 1:1 was held and the 16 Nov one skipped: it is still on the sheet. Item 2 is done.
    expect(sheet.actionItems.map((a) => [a.id, a.agreedOn, a.text])).toEqual([
      [1, '2026-10-26', 'Send the ROI model to Acme'],
      [3, '2026-11-09', 'Map the buying committee at Globex']
    ])
    expect(sheet.talkingPoints).toEqual([
      { kind: 'no_evidence', dealId: 1, text: '1 commit deal has no activity in 14 days — ask what happened at Acme.' },
      {
        kind: 'evidence_gap',
        dealId: 1,
        text: 'None of the $50.0K commit has evidence behind it — which deals would you stand behind, starting with Acme — Platform?'
      },
      { kind: 'lost', dealId: 3, text: 'Lost Initech — Pilot (pricing) — what would we do differently next time?' },
      { kind: 'slipped', dealId: 1, text: 'Acme — Platform slipped from 2026-11-30 to 2026-12-15 — what changed at Acme?' },
      { kind: 'amount_lowered', dealId: 2, text: 'Globex — Expansion dropped from $30.0K to $20.0K — what did the buyer push back on?' },
      { kind: 'no_decision_maker', dealId: 2, text: 'No economic buyer on Globex — Expansion ($20.0K) — who signs, and who really influences them?' },
      { kind: 'overdue_item', dealId: null, text: 'Overdue since 2026-11-13: “Send the ROI model to Acme” — done, or what is in the way?' },
      { kind: 'visibility', dealId: null, text: 'Public on social 2 of the last 30 days — invisible to buyers the rest of the month.' }
    ])
  })

  it('has the rep card: quarter quota and attainment, coverage of what is left, flagged deals, days since the 1:1, visibility', () => {
    ws = oneOnOneWorld()
    const card = repCards(ws.store, { offset: 0, limit: 50 }, TODAY).rows.find((c) => c.repId === REP)!
    expect(card).toMatchObject({
      periodStart: '2026-10-01',
      periodEnd: '2026-12-31',
      quotaMinor: 10_000_000,
      wonMinor: 2_500_000,
      attainment: 0.25,
      openPipelineMinor: 7_000_000,
      remainingQuotaMinor: 7_500_000,
      openDeals: 3,
      flaggedDeals: 3,
      daysSinceLastOneOnOne: 14,
      publicDays: 2,
      openActionItems: 2
    })
    expect(card.coverage).toBeCloseTo(7 / 7.5)
    expect(card.visibilityShare).toBeCloseTo(2 / 30)
  })

  it('once done, an item leaves the next sheet; a 1:1 started today does not reset "since", and focus ratings keep their history', () => {
    ws = oneOnOneWorld()
    completeActionItem(ws.store, { id: 1, done: true }, NOW)
    const started = startOneOnOne(ws.store, { repId: REP, agenda: 'Acme' }, NOW)
    expect(started.oneOnOne).toMatchObject({ status: 'held', heldAt: NOW, scheduledFor: TODAY, agenda: 'Acme' })
    rateFocus(ws.store, { repId: REP, skill: 'forecasting', rating: 2, evidence: 'Commit without activity' }, '2026-11-09T10:30:00Z')
    rateFocus(ws.store, { repId: REP, skill: 'forecasting', rating: 3, oneOnOneId: started.oneOnOne.id }, NOW)
    const sheet = prepSheet(ws.store, { repId: REP }, NOW)
    expect(sheet.since).toBe(LAST_1ON1)
    expect(sheet.actionItems.map((a) => a.id)).toEqual([3])
    const forecasting = sheet.focus.find((f) => f.skill === 'forecasting')!
    expect(forecasting.rating).toBe(3)
    expect(forecasting.history.map((h) => h.rating)).toEqual([3, 2])
  })
})

describe('1:1 records', () => {
  it('starting takes over a planned or postponed 1:1 due today instead of adding a second one', () => {
    ws = oneOnOneWorld()
    ws.store.sqlite.prepare("INSERT INTO one_on_ones (id, rep_id, scheduled_for, status, created_at) VALUES (9, 1, '2026-11-20', 'planned', ?)").run(NOW)
    setOneOnOneStatus(ws.store, { id: 9, status: 'postponed', scheduledFor: '2026-11-23' }, NOW)
    const started = startOneOnOne(ws.store, { repId: REP }, NOW)
    expect(started.oneOnOne.id).toBe(9)
    expect(listOneOnOnes(ws.store, { repId: REP, offset: 0, limit: 10 }).total).toBe(4)
  })

  it('refuses a new date on a held 1:1 and changes nothing', () => {
    ws = oneOnOneWorld()
    expect(() => setOneOnOneStatus(ws!.store, { id: 2, status: 'held', scheduledFor: '2026-12-01' }, NOW)).toThrow(/input\.scheduledFor/)
    expect(ws.store.sqlite.prepare('SELECT scheduled_for FROM one_on_ones WHERE id = 2').get()).toEqual({ scheduled_for: '2026-11-09' })
  })
})

describe('notes', () => {
  it('autosaves every edit, opens a new version only every few seconds, and after a kill the note is intact up to the last save', async () => {
    ws = oneOnOneWorld()
    const { oneOnOne } = startOneOnOne(ws.store, { repId: REP }, at('09:00:00'))
    saveNote(ws.store, { oneOnOneId: oneOnOne.id, body: '# Acme' }, at('09:00:01'))
    saveNote(ws.store, { oneOnOneId: oneOnOne.id, body: '# Acme\nAsk about' }, at('09:00:03'))
    const last = saveNote(ws.store, { oneOnOneId: oneOnOne.id, body: '# Acme\nAsk about the **legal** review' }, at('09:00:09'))
    expect(last.version).toBe(2)
    // The process dies with "…review by Friday" typed but never sent: the handle goes away without another save.
    ws.store.sqlite.close()
    const reopened = await openWorkspace(ws.path, { now: NOW })
    try {
      const body = reopened.sqlite.prepare('SELECT body, version FROM coaching_notes WHERE one_on_one_id = ?').get(oneOnOne.id)
      expect(body).toEqual({ body: '# Acme\nAsk about the **legal** review', version: 2 })
      const versions = noteVersions(reopened, { oneOnOneId: oneOnOne.id })
      expect(versions.map((v) => [v.version, v.body])).toEqual([
        [2, '# Acme\nAsk about the **legal** review'],
        [1, '# Acme\nAsk about']
      ])
    } finally {
      reopened.close()
    }
  })

  it('restores an earlier version as a new version, so the restore can itself be undone', () => {
    ws = oneOnOneWorld()
    const { oneOnOne } = startOneOnOne(ws.store, { repId: REP }, at('09:00:00'))
    saveNote(ws.store, { oneOnOneId: oneOnOne.id, body: 'First thoughts' }, at('09:00:00'))
    saveNote(ws.store, { oneOnOneId: oneOnOne.id, body: 'Rewritten completely' }, at('09:01:00'))
    const restored = restoreNote(ws.store, { oneOnOneId: oneOnOne.id, version: 1 }, at('09:01:01'))
    expect(restored).toMatchObject({ body: 'First thoughts', version: 3 })
    expect(noteVersions(ws.store, { oneOnOneId: oneOnOne.id }).map((v) => v.body)).toEqual(['First thoughts', 'Rewritten completely', 'First thoughts'])
    expect(() => restoreNote(ws!.store, { oneOnOneId: oneOnOne.id, version: 7 }, NOW)).toThrow(/input\.version/)
  })

  it('keeps the text before a save that deletes most of it as its own version, however quickly it came', () => {
    ws = oneOnOneWorld()
    const { oneOnOne } = startOneOnOne(ws.store, { repId: REP }, at('09:00:00'))
    saveNote(ws.store, { oneOnOneId: oneOnOne.id, body: 'A long paragraph about the Acme negotiation' }, at('09:00:01'))
    saveNote(ws.store, { oneOnOneId: oneOnOne.id, body: 'Oops' }, at('09:00:02'))
    expect(noteVersions(ws.store, { oneOnOneId: oneOnOne.id }).map((v) => v.body)).toEqual(['Oops', 'A long paragraph about the Acme negotiation'])
  })

  it('refuses a note for a 1:1 that does not exist, and an item tied to another rep’s 1:1, leaving the tables as they were', async () => {
    ws = oneOnOneWorld()
    const session = { requireStore: () => ws!.store } as unknown as WorkspaceSession
    const ctx: Context = { session, clock: fixedClock(NOW), shell: 'browser' }
    const before = [count(ws, 'coaching_notes'), count(ws, 'action_items'), count(ws, 'note_versions')]
    const missing = await dispatch(handlers, ctx, 'notes.save', { oneOnOneId: 99, body: 'x' })
    expect(missing).toEqual({ ok: false, error: { code: 'NOT_FOUND', message: 'notes.save: input.oneOnOneId: there is no 1:1 with id 99.' } })
    const wrongRep = await dispatch(handlers, ctx, 'actionItems.add', { repId: OTHER_REP, oneOnOneId: 1, text: 'Call back' })
    expect(wrongRep.ok ? null : wrongRep.error.code).toBe('INVALID_INPUT')
    const blank = await dispatch(handlers, ctx, 'actionItems.add', { repId: REP, text: '   ' })
    expect(blank.ok ? null : blank.error.message).toMatch(/input\.text/)
    const noDeal = await dispatch(handlers, ctx, 'actionItems.add', { repId: REP, text: 'Chase', dealId: 404 })
    expect(noDeal.ok ? null : noDeal.error.message).toMatch(/input\.dealId/)
    expect([count(ws, 'coaching_notes'), count(ws, 'action_items'), count(ws, 'note_versions')]).toEqual(before)
  })
})

describe('search', () => {
  function searchWorld(): TempWorkspace {
    const w = oneOnOneWorld()
    saveNote(w.store, { oneOnOneId: 1, body: '## Acme\n- **Pricing** objection from [Zoë](https://example.test) in procurement\n- Champion: `Tom`' }, FIRST)
    saveNote(w.store, { oneOnOneId: 2, body: 'Globex wants a pricing workshop; budget frozen until January' }, LAST_1ON1)
    addActionItem(w.store, { repId: REP, text: 'Réunion avec le directeur financier', owner: 'rep' }, NOW)
    return w
  }
  const FIRST = '2026-10-26T10:05:00Z'
  const hits = (query: string) => searchNotes(ws!.store, { query, offset: 0, limit: 20 })

  it('finds words inside Markdown and shows the passage without the markers, the match marked', () => {
    ws = searchWorld()
    const page = hits('objection')
    expect(page.total).toBe(1)
    expect(page.rows[0]).toMatchObject({ kind: 'note', oneOnOneId: 1, repName: 'Ana Souza', date: '2026-10-26' })
    const text = page.rows[0]!.snippet.map((s) => s.text).join('')
    expect(text).toContain('Pricing objection from Zoë in procurement')
    expect(text).not.toMatch(/\*\*|\]\(|https/)
    expect(page.rows[0]!.snippet.filter((s) => s.hit).map((s) => s.text)).toEqual(['objection'])
  })

  it('folds accents both ways: "zoe" finds Zoë, "reunion" and "réunion" find Réunion', () => {
    ws = searchWorld()
    expect(hits('zoe').rows.map((r) => r.oneOnOneId)).toEqual([1])
    expect(hits('ZOË').rows.map((r) => r.oneOnOneId)).toEqual([1])
    expect(hits('reunion').rows.map((r) => r.kind)).toEqual(['action_item'])
    expect(hits('réunion financier').rows.map((r) => r.kind)).toEqual(['action_item'])
  })

  it('finds "Müller" by muller and "café" by cafe, in items and in Markdown notes, and the unaccented text by the accented query', () => {
    ws = searchWorld()
    addActionItem(ws.store, { repId: REP, text: 'Call Müller about the café chain rollout', owner: 'manager' }, NOW)
    saveNote(ws.store, { oneOnOneId: 2, body: '# Globex\n- *Muller* (CFO) asked for the cafe pilot numbers' }, NOW)
    const kinds = (query: string) => hits(query).rows.map((r) => r.kind).sort()
    expect(kinds('muller')).toEqual(['action_item', 'note'])
    expect(kinds('Müller')).toEqual(['action_item', 'note'])
    expect(kinds('cafe')).toEqual(['action_item', 'note'])
    expect(kinds('CAFÉ')).toEqual(['action_item', 'note'])
    expect(kinds('muller cafe chain')).toEqual(['action_item'])
    expect(kinds('müller pilot')).toEqual(['note'])
    const note = hits('cafe pilot').rows[0]!
    expect(note.snippet.map((s) => s.text).join('')).toContain('Muller (CFO) asked for the cafe pilot numbers')
    expect(note.snippet.filter((s) => s.hit).map((s) => s.text)).toEqual(['cafe', 'pilot'])
  })

  it('needs every word of a multi-word query, the last one as a prefix, and takes FTS syntax as plain words', () => {
    ws = searchWorld()
    expect(hits('pricing').total).toBe(2)
    expect(hits('pricing budget').rows.map((r) => r.oneOnOneId)).toEqual([2])
    expect(hits('pricing champ').rows.map((r) => r.oneOnOneId)).toEqual([1])
    expect(hits('pricing nowhere').total).toBe(0)
    expect(hits('(pricing*').total).toBe(2)
    expect(hits('"pricing').total).toBe(2)
    expect(hits('NEAR(pricing, budget)').total).toBe(0)
    expect(ftsQuery('a "b" c*')).toBe('"a" "b" "c"*')
    expect(() => hits('*** ---')).toThrow(/input\.query/)
  })

  it('lists a broad query (over 2,000 matches) most recently written first, with passages for the page only and the full count', () => {
    ws = searchWorld()
    const insert = ws.store.sqlite.prepare("INSERT INTO action_items (rep_id, text, owner, created_at) VALUES (?, ?, 'rep', ?)")
    ws.store.sqlite.transaction(() => {
      for (let i = 0; i < BROAD_MATCHES; i++) {
        const day = new Date(Date.UTC(2020, 0, 1) + i * 3_600_000).toISOString().slice(0, 19) + 'Z'
        insert.run(REP, `Pricing follow-up number ${i}`, day)
      }
    })()
    // 2,000 items plus the two notes that say "pricing": broad, so newest first rather than by bm25.
    const page = searchNotes(ws.store, { query: 'pricing', offset: 0, limit: 5 })
    expect(page.total).toBe(BROAD_MATCHES + 2)
    expect(page.rows.map((r) => [r.kind, r.date])).toEqual([
      ['note', '2026-11-09'],
      ['note', '2026-10-26'],
      ['action_item', '2020-03-24'],
      ['action_item', '2020-03-24'],
      ['action_item', '2020-03-24']
    ])
    expect(page.rows[2]!.snippet.map((s) => s.text).join('')).toBe(`Pricing follow-up number ${BROAD_MATCHES - 1}`)
    expect(page.rows[2]!.snippet.filter((s) => s.hit).map((s) => s.text)).toEqual(['Pricing'])
    const last = searchNotes(ws.store, { query: 'pricing', offset: BROAD_MATCHES + 1, limit: 5 })
    expect(last.rows.map((r) => r.snippet.map((s) => s.text).join(''))).toEqual(['Pricing follow-up number 0'])
    expect(searchNotes(ws.store, { query: 'pricing', offset: BROAD_MATCHES + 2, limit: 5 }).rows).toEqual([])
    // A narrow query in the same workspace is still ranked by relevance.
    expect(hits('pricing workshop').rows.map((r) => r.oneOnOneId)).toEqual([2])
  })

  it('follows edits: a rewritten note is found by its new words only, and pages are ranked and counted', () => {
    ws = searchWorld()
    saveNote(ws.store, { oneOnOneId: 2, body: 'Globex: renewal risk' }, '2026-11-23T09:00:00Z')
    expect(hits('workshop').total).toBe(0)
    expect(hits('renewal risk').rows.map((r) => r.oneOnOneId)).toEqual([2])
    expect(searchNotes(ws.store, { query: 'pricing', repId: OTHER_REP, offset: 0, limit: 20 }).total).toBe(0)
  })
})
