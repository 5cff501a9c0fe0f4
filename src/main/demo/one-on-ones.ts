// The demo's coaching history: fortnightly 1:1s for every active rep with notes, versions, action items and focus ratings.
import type Database from 'better-sqlite3'
import { DAY_MS, isoDay, isoSecond } from '@shared/dates'
import { COACHING_SKILLS, type CoachingSkill } from '@shared/team'
import { Random } from './random'

const MEETINGS_PER_REP = 6
const CADENCE_DAYS = 14
/**
 * An organisation of this many reps stands for an established one: three years of fortnightly 1:1s (about 14,000
 * notes and 20,000 action items at large scale), so search and the history lists run at a realistic volume.
 */
const ESTABLISHED_ORG_REPS = 100
const ESTABLISHED_MEETINGS_PER_REP = 78

const OPENERS = [
  'Good energy today; {rep} came in with a clear list.',
  'Short one: {rep} was travelling and joined from the airport.',
  'We started with the forecast and stayed there most of the hour.',
  'Walked the top deals one by one, buying roles first.'
]
const DEAL_LINES = [
  '**{deal}**: the champion is keen but we have not met the economic buyer. Ask for an intro before the proposal.',
  '**{deal}**: procurement wants a second pricing option; agreed to lead with value, not discount.',
  '**{deal}**: legal review is the real blocker. Next step owned by the customer, date not set yet.',
  '**{deal}**: mapped the decision roles on the whiteboard; technical buyer is neutral, the real influencer sits in finance.',
  '**{deal}**: no activity for two weeks. {rep} thinks it is fine; I asked for evidence before it stays in commit.'
]
const CLOSERS = [
  '- Practise the discovery questions on the next first call',
  '- Post twice a week: share the customer story from last month',
  '- Keep the close dates honest; move them when the buyer moves them',
  '- Bring the mutual action plan next time'
]
const ITEMS = [
  'Get a meeting with the economic buyer at {account}',
  'Send the ROI model to {account}',
  'Update close date and next step on {deal}',
  'Ask {account} what happens if they do nothing',
  'Share one customer story on social this week',
  'Book a technical workshop with {account}'
]
const EVIDENCE: Record<CoachingSkill, string[]> = {
  discovery: ['Asked about impact before features', 'Jumped to the demo too early'],
  decision_roles: ['Named the real influencer in finance', 'Only one contact on the top deal'],
  value_messaging: ['Led with the customer’s metric', 'Talked about features, not outcomes'],
  pricing: ['Held the price and traded scope', 'Offered a discount unprompted'],
  forecasting: ['Commit backed by a signed plan', 'Commit deal with no activity in weeks'],
  social_presence: ['Posting weekly now', 'Nothing public this month']
}

const fill = (text: string, vars: Record<string, string>) => text.replace(/\{(\w+)\}/g, (_, k: string) => vars[k] ?? '')

/** Adds 1:1 history to a demo workspace; called inside generateDemo's transaction, deterministic for a seed and a day. */
export function generateOneOnOneDemo(sqlite: Database.Database, seed: number, today: Date): { oneOnOnes: number; notes: number; actionItems: number } {
  // Its own random stream, so adding 1:1s never changes anything drawn before.
  const rnd = new Random(seed ^ 0x1a1e0)
  const todayMs = Date.parse(`${isoDay(today)}T00:00:00Z`)
  const reps = sqlite.prepare("SELECT id, name FROM reps WHERE status = 'active' ORDER BY id").all() as { id: number; name: string }[]
  // One pass over the deals: inside the demo load their indexes are dropped, so a query per rep would scan them all each time.
  const topDeals = new Map<number, { id: number; name: string; account: string }[]>()
  const ranked = sqlite
    .prepare(
      `SELECT t.owner_id, t.id, t.name, a.name AS account FROM (
         SELECT owner_id, id, name, account_id, row_number() OVER (PARTITION BY owner_id ORDER BY amount_minor DESC, id) AS n
         FROM deals WHERE status = 'open') t JOIN accounts a ON a.id = t.account_id
       WHERE t.n <= 3 ORDER BY t.owner_id, t.n`
    )
    .all() as { owner_id: number; id: number; name: string; account: string }[]
  for (const r of ranked) {
    let list = topDeals.get(r.owner_id)
    if (!list) topDeals.set(r.owner_id, (list = []))
    list.push({ id: r.id, name: r.name, account: r.account })
  }
  const insMeeting = sqlite.prepare(
    'INSERT INTO one_on_ones (rep_id, scheduled_for, held_at, status, agenda, created_at) VALUES (?, ?, ?, ?, ?, ?)'
  )
  const insNote = sqlite.prepare(
    'INSERT INTO coaching_notes (one_on_one_id, rep_id, body, shared_with_rep, version, updated_at) VALUES (?, ?, ?, ?, ?, ?)'
  )
  const insVersion = sqlite.prepare('INSERT INTO note_versions (note_id, version, body, opened_at, saved_at) VALUES (?, ?, ?, ?, ?)')
  const insItem = sqlite.prepare(
    'INSERT INTO action_items (rep_id, one_on_one_id, text, owner, due, deal_id, created_at, done_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)'
  )
  const insRating = sqlite.prepare('INSERT INTO focus_ratings (rep_id, skill, rating, evidence, one_on_one_id, rated_at) VALUES (?, ?, ?, ?, ?, ?)')
  const counts = { oneOnOnes: 0, notes: 0, actionItems: 0 }
  // Indexing each note and item for search as it is inserted costs seconds at large scale; one rebuild of both indexes
  // after the load costs a tenth of a second. The insert triggers are set aside meanwhile (inside the caller's transaction).
  const indexTriggers = sqlite
    .prepare("SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND name IN ('coaching_notes_ai', 'action_items_ai') ORDER BY name")
    .all() as { name: string; sql: string }[]
  for (const t of indexTriggers) sqlite.exec(`DROP TRIGGER "${t.name}"`)
  const meetingsPerRep = reps.length >= ESTABLISHED_ORG_REPS ? ESTABLISHED_MEETINGS_PER_REP : MEETINGS_PER_REP

  for (const rep of reps) {
    const deals = topDeals.get(rep.id) ?? []
    const first = rep.name.split(' ')[0] ?? rep.name
    const offset = rnd.int(1, 6)
    const level = new Map<CoachingSkill, number>(COACHING_SKILLS.map((s) => [s, rnd.int(2, 4)]))
    for (let k = meetingsPerRep; k >= 1; k--) {
      const dayMs = todayMs - (k * CADENCE_DAYS - offset) * DAY_MS
      const status = k === 1 || !rnd.chance(0.12) ? 'held' : rnd.chance(0.5) ? 'postponed' : 'skipped'
      const heldMs = dayMs + (9 + rnd.int(0, 7)) * 3_600_000
      const heldAt = status === 'held' ? isoSecond(new Date(heldMs)) : null
      const deal = deals.length ? rnd.pick(deals) : null
      const vars = { rep: first, deal: deal?.name ?? 'the new pipeline', account: deal?.account ?? 'the new accounts' }
      const meeting = Number(
        insMeeting.run(rep.id, isoDay(new Date(dayMs)), heldAt, status, deal ? `Top deals: ${deal.name}` : 'Pipeline review', isoSecond(new Date(dayMs - 3 * DAY_MS))).lastInsertRowid
      )
      counts.oneOnOnes++
      if (!heldAt) continue
      const draft = `${fill(rnd.pick(OPENERS), vars)}\n\n${fill(rnd.pick(DEAL_LINES), vars)}`
      const body = `${draft}\n\n${rnd.pick(CLOSERS)}\n${rnd.pick(CLOSERS)}`
      const savedAt = isoSecond(new Date(heldMs + 40 * 60_000))
      const note = Number(insNote.run(meeting, rep.id, body, rnd.chance(0.4) ? 1 : 0, 2, savedAt).lastInsertRowid)
      insVersion.run(note, 1, draft, isoSecond(new Date(heldMs + 5 * 60_000)), isoSecond(new Date(heldMs + 20 * 60_000)))
      insVersion.run(note, 2, body, isoSecond(new Date(heldMs + 30 * 60_000)), savedAt)
      counts.notes++
      for (let i = rnd.int(1, 2); i > 0; i--) {
        const dueMs = heldMs + rnd.int(4, 12) * DAY_MS
        // Older items are mostly done; the latest ones are still open, and a few old ones linger (they carry over).
        // Items from before the last six 1:1s are all done (no draw, so a short history draws exactly as before).
        const done = k > MEETINGS_PER_REP ? true : k > 2 ? rnd.chance(0.8) : k === 2 ? rnd.chance(0.3) : false
        const doneAt = done ? isoSecond(new Date(Math.min(dueMs, todayMs - DAY_MS))) : null
        insItem.run(rep.id, meeting, fill(rnd.pick(ITEMS), vars), rnd.chance(0.8) ? 'rep' : 'manager', isoDay(new Date(dueMs)), deal?.id ?? null, heldAt, doneAt)
        counts.actionItems++
      }
      for (const skill of [rnd.pick(COACHING_SKILLS), rnd.pick(COACHING_SKILLS)]) {
        const next = Math.max(1, Math.min(5, (level.get(skill) ?? 3) + rnd.int(-1, 1)))
        level.set(skill, next)
        insRating.run(rep.id, skill, next, rnd.pick(EVIDENCE[skill]), meeting, heldAt)
      }
    }
  }
  sqlite.exec("INSERT INTO notes_fts (notes_fts) VALUES ('rebuild'); INSERT INTO action_items_fts (action_items_fts) VALUES ('rebuild');")
  for (const t of indexTriggers) sqlite.exec(t.sql)
  return counts
}
