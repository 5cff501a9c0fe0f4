// The demo's kickoff material: two competitors with their sales leaders and sellers, a year of monthly snapshots, their relationship counts in tier-one accounts, social rules per role.
import type Database from 'better-sqlite3'
import { DAY_MS, isoDay, isoSecond } from '@shared/dates'
import { Random } from './random'

interface Rival {
  name: string
  aliases: string[]
  people: { name: string; title: string; role: 'leader' | 'seller'; slug: string }[]
  /** Scales the rival's presence: Altmark's leaders are loud on social, Cadence Cloud's are quieter. */
  strength: number
  /** Share of tier-one accounts where the leader noted a count at all. */
  known: number
  maxCount: number
}

const RIVALS: Rival[] = [
  {
    name: 'Altmark',
    aliases: ['Altmark GmbH', 'Altmark Software'],
    strength: 1.4,
    known: 0.85,
    maxCount: 22,
    people: [
      { name: 'Lena Vogt', title: 'Chief Revenue Officer', role: 'leader', slug: 'lena-vogt' },
      { name: 'Henrik Sand', title: 'VP Sales, EMEA', role: 'leader', slug: 'henrik-sand' },
      { name: 'Jonas Brandt', title: 'Enterprise Account Executive', role: 'seller', slug: 'jonas-brandt' },
      { name: 'Mira Kovac', title: 'Account Executive', role: 'seller', slug: 'mira-kovac' },
      { name: 'Theo Lindqvist', title: 'Account Executive', role: 'seller', slug: 'theo-lindqvist' }
    ]
  },
  {
    name: 'Cadence Cloud',
    aliases: ['CadenceCloud', 'Cadence Cloud Inc.'],
    strength: 0.8,
    known: 0.6,
    maxCount: 12,
    people: [
      { name: 'Rachel Osei', title: 'SVP Sales', role: 'leader', slug: 'rachel-osei' },
      { name: 'Diego Marín', title: 'Regional Sales Director', role: 'leader', slug: 'diego-marin' },
      { name: 'Aisha Patel', title: 'Senior Account Executive', role: 'seller', slug: 'aisha-patel' },
      { name: 'Ben Carter', title: 'Account Executive', role: 'seller', slug: 'ben-carter' }
    ]
  }
]

const RULES = [
  { role: 'leader', platforms: ['linkedin', 'events'], cadence: 5, response: 24, conduct: 'Share the team’s wins and customers’ stories, never deal terms. Disagree with competitors’ ideas, never with their people.' },
  { role: 'manager', platforms: ['linkedin'], cadence: 4, response: 24, conduct: 'Comment on your reps’ posts in their first hour. No customer names without written permission.' },
  { role: 'ae', platforms: ['linkedin'], cadence: 3, response: 12, conduct: 'Post or comment with insight for your territory at least three days a week. Never discuss pricing, discounts or a live deal in public.' },
  { role: 'am', platforms: ['linkedin'], cadence: 3, response: 12, conduct: 'Congratulate customers’ milestones; keep support issues off public threads.' },
  { role: 'se', platforms: ['linkedin', 'youtube'], cadence: 2, response: 24, conduct: 'Short how-to posts and demos welcome; no roadmap dates or security details.' },
  { role: 'sdr', platforms: ['linkedin'], cadence: 5, response: 4, conduct: 'Comment before you connect; never pitch in a connection request.' }
] as const

/** Adds visibility to a demo workspace; called inside generateDemo's transaction, deterministic for a seed and a day. */
export function generateVisibilityDemo(sqlite: Database.Database, seed: number, today: Date): { competitors: number; people: number; snapshots: number; relationships: number } {
  // Its own random stream, so adding visibility never changes what was drawn before it.
  const rnd = new Random(seed ^ 0x0b5e7ab1)
  const todayMs = Date.parse(`${isoDay(today)}T00:00:00Z`)
  const day = (daysAgo: number) => isoDay(new Date(todayMs - daysAgo * DAY_MS))
  const created = isoSecond(new Date(todayMs - 400 * DAY_MS))
  const insCompetitor = sqlite.prepare('INSERT INTO competitors (name, name_key, aliases, created_at) VALUES (?, ?, ?, ?)')
  const insPerson = sqlite.prepare('INSERT INTO competitor_people (competitor_id, name, title, role, profile_url, created_at) VALUES (?, ?, ?, ?, ?, ?)')
  const insSnapshot = sqlite.prepare(
    `INSERT INTO presence_snapshots (rep_id, competitor_person_id, taken_on, period_days, followers, connections, posts, comments, active_days, engagement_per_post, source)
     VALUES (?, ?, ?, 30, ?, ?, ?, ?, ?, ?, ?)`
  )
  const insRelationship = sqlite.prepare('INSERT INTO competitor_account_relationships (competitor_id, account_id, count, source, noted_on) VALUES (?, ?, ?, ?, ?)')
  const insRule = sqlite.prepare('INSERT INTO social_rules (role, platforms, cadence_per_week, response_time_hours, conduct, updated_at) VALUES (?, ?, ?, ?, ?, ?)')
  const counts = { competitors: 0, people: 0, snapshots: 0, relationships: 0 }

  const tierOne = (sqlite.prepare('SELECT id FROM accounts WHERE tier = 1 ORDER BY id').all() as { id: number }[]).map((a) => a.id)
  for (const rival of RIVALS) {
    const competitorId = Number(insCompetitor.run(rival.name, rival.name.toLowerCase(), JSON.stringify(rival.aliases), created).lastInsertRowid)
    counts.competitors++
    for (const p of rival.people) {
      const personId = Number(insPerson.run(competitorId, p.name, p.title, p.role, `https://www.linkedin.com/in/${p.slug}`, created).lastInsertRowid)
      counts.people++
      // A year of monthly snapshots: followers grow, activity wobbles around the person's level.
      const base = (p.role === 'leader' ? 6_000 : 1_800) * rival.strength * (0.7 + rnd.next() * 0.6)
      const level = (p.role === 'leader' ? 14 : 9) * rival.strength
      for (let m = 11; m >= 0; m--) {
        const growth = 1 + (11 - m) * 0.025
        const posts = Math.max(0, Math.round(level * 0.4 * (0.7 + rnd.next() * 0.6)))
        const comments = Math.max(0, Math.round(level * (0.7 + rnd.next() * 0.6)))
        const active = Math.min(30, Math.round((posts + comments) * (0.55 + rnd.next() * 0.2)))
        insSnapshot.run(null, personId, day(m * 30), Math.round(base * growth), Math.round(base * 0.6), posts, comments, active, Math.round(rival.strength * rnd.int(8, 18) * 10) / 10, 'demo')
        counts.snapshots++
      }
    }
    // What the leader saw in Sales Navigator: counts in most tier-one accounts, not all.
    for (const accountId of tierOne) {
      if (!rnd.chance(rival.known)) continue
      insRelationship.run(competitorId, accountId, rnd.int(0, rival.maxCount), 'sales_navigator', day(rnd.int(3, 40)))
      counts.relationships++
    }
  }

  // Our reps' snapshots follow the generator's social cadence (some post most days, some once a fortnight).
  const reps = sqlite.prepare("SELECT id FROM reps WHERE status = 'active' ORDER BY id").all() as { id: number }[]
  for (const { id } of reps) {
    const weight = id % 5 === 0 ? 0.2 : id % 3 === 0 ? 3 : 1
    const base = rnd.int(250, 1_500) * (0.6 + weight * 0.4)
    for (let m = 11; m >= 0; m--) {
      const posts = Math.round(weight * rnd.int(5, 12))
      const comments = Math.round(weight * rnd.int(6, 14))
      insSnapshot.run(id, null, day(m * 30), Math.round(base * (1 + (11 - m) * 0.01)), Math.round(base * 0.9), posts, comments, Math.min(30, Math.round((posts + comments) * 0.6)), rnd.int(10, 60) / 10, 'demo')
      counts.snapshots++
    }
  }

  const stamp = isoSecond(new Date(todayMs - 60 * DAY_MS))
  for (const r of RULES) insRule.run(r.role, JSON.stringify(r.platforms), r.cadence, r.response, r.conduct, stamp)
  return counts
}
