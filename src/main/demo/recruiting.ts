// The demo's recruiting: two open roles with about forty candidates in every stage, panel scorecards, and past hires
// linked to the reps they became, whose interview ratings predicted their first quarters on some questions and not others.
import type Database from 'better-sqlite3'
import { DAY_MS, isoDay, isoSecond } from '@shared/dates'
import { BEHAVIOUR_QUESTIONS, PROGRESS_STAGES, type CandidateSource, type CandidateStage, type Recommendation } from '@shared/recruiting'
import { emailKey, linkedinKey, nameCompanyKey } from '../services/recruiting/keys'
import { fullQuartersAfter } from '../services/recruiting/hire-outcome-rules'
import { Random } from './random'
import { COMPANY_KINDS, COMPANY_STEMS, FIRST_NAMES, LAST_NAMES } from './names'

const PANEL = ['Dana Whitfield', 'Marco Bellini', 'Priya Raman', 'Tomas Eklund']
const LOCATIONS = ['Amsterdam', 'Berlin', 'Dublin', 'London', 'Madrid', 'Stockholm', 'Remote (EU)']
const EXITS: Record<'rejected' | 'withdrawn', string[]> = {
  rejected: ['Weak discovery in the role play', 'No examples of team selling', 'Compensation gap', 'Not enough enterprise experience'],
  withdrawn: ['Accepted another offer', 'Counter-offer from current employer', 'Relocation fell through']
}
const ROLE_QUESTIONS = [
  { prompt: 'Walk us through the biggest deal you lost and what you changed afterwards.', anchorLow: 'Blames price or the buyer; nothing changed.', anchorHigh: 'Owns the loss, names the moment it was lost and the habit they changed.' },
  { prompt: 'How would you open a tier-one account where we have no relationships?', anchorLow: 'Cold email blast; no plan for who to reach.', anchorHigh: 'Maps the buying roles, uses social and warm paths, names a first 30-day plan.' }
]

interface Plan {
  stage: CandidateStage
  /** Latent behaviour quality 1–4 that the panel's ratings scatter around. */
  behaviour: number
  attainment: number
  /** A past hire: the rep they became, and per question of the kit the latent quality their ratings scatter around. */
  hire?: { repId: number; name: string; hireDaysAgo: number; perQuestion: number[] }
}

/**
 * How far each kit question (by position: the five topics, then the role's own) foretold a hire's first quarters in the
 * demo: team selling, methodology and knowledge sharing did; best practices a little; sales technology and the role
 * question not at all.
 */
const PREDICTIVE = [1, 0, 1, 0.4, 1, 0]
/** Past hires: up to eight with two to four full quarters on a team, and one hired too recently to count. */
const PAST_HIRES = 8
const HIRE_DAYS_AGO = (i: number) => 280 + i * 30
const RECENT_HIRE_DAYS_AGO = 100

/**
 * Picks active account executives to have been hired through the filled role, and reads their first full quarters'
 * attainment from the demo's own won deals (one pass over the won deals: the deal indexes are set aside mid-load).
 */
function pastHires(sqlite: Database.Database, today: string, todayMs: number): { repId: number; name: string; hireDaysAgo: number; attainment: number | null }[] {
  const reps = sqlite.prepare(`SELECT id, name, quota_minor FROM reps WHERE status = 'active' AND role = 'ae' ORDER BY id`).all() as {
    id: number
    name: string
    quota_minor: number
  }[]
  const total = Math.min(reps.length, PAST_HIRES + 1)
  const stride = Math.max(1, Math.floor(reps.length / Math.max(1, total)))
  const chosen = Array.from({ length: total }, (_, i) => reps[i * stride]!).map((rep, i) => ({
    ...rep,
    // The last one chosen joined only weeks ago: linked, not yet counted.
    hireDaysAgo: i === total - 1 ? RECENT_HIRE_DAYS_AGO : HIRE_DAYS_AGO(i)
  }))
  const ids = new Set(chosen.map((r) => r.id))
  const won = new Map<number, { closed: string; amount: number }[]>()
  for (const d of sqlite.prepare(`SELECT owner_id, closed_date, amount_minor FROM deals WHERE status = 'won'`).iterate() as Iterable<{ owner_id: number; closed_date: string; amount_minor: number }>) {
    if (!ids.has(d.owner_id)) continue
    won.set(d.owner_id, [...(won.get(d.owner_id) ?? []), { closed: d.closed_date, amount: d.amount_minor }])
  }
  return chosen.map((rep) => {
    const quarters = fullQuartersAfter(isoDay(new Date(todayMs - rep.hireDaysAgo * DAY_MS)), today)
    const shares = quarters.map((q) => {
      const quota = Math.round(rep.quota_minor * q.quotaShare)
      const sum = (won.get(rep.id) ?? []).filter((d) => d.closed >= q.start && d.closed <= q.end).reduce((s, d) => s + d.amount, 0)
      return quota > 0 ? sum / quota : 0
    })
    return { repId: rep.id, name: rep.name, hireDaysAgo: rep.hireDaysAgo, attainment: shares.length >= 2 ? shares.reduce((s, v) => s + v, 0) / shares.length : null }
  })
}

/** Adds recruiting to a demo workspace; called inside generateDemo's transaction, deterministic for a seed and a day. */
export function generateRecruitingDemo(
  sqlite: Database.Database,
  seed: number,
  today: Date
): { requisitions: number; candidates: number; scorecards: number; linkedHires: number } {
  // Its own random stream, so adding recruiting never changes the deals and activities drawn before it.
  const rnd = new Random(seed ^ 0x5eed7ec)
  const todayMs = Date.parse(`${isoDay(today)}T09:00:00Z`)
  const at = (daysAgo: number, hour = 0) => isoSecond(new Date(todayMs - daysAgo * DAY_MS + hour * 3_600_000))
  const teams = sqlite.prepare('SELECT id, manager_name FROM teams ORDER BY id LIMIT 2').all() as { id: number; manager_name: string | null }[]

  const insReq = sqlite.prepare(
    'INSERT INTO requisitions (title, team_id, hiring_manager, target_start, headcount, status, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)'
  )
  const insQuestion = sqlite.prepare(
    'INSERT INTO interview_questions (requisition_id, topic, position, prompt, anchor_low, anchor_high) VALUES (?, ?, ?, ?, ?, ?)'
  )
  const insCandidate = sqlite.prepare(
    `INSERT INTO candidates (name, email, phone, location, current_company, current_title, source, linkedin_url, other_links, research_notes,
       connections, followers, posts_90d, visibility_share, email_key, linkedin_key, name_company_key, created_at, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`
  )
  const insRecord = sqlite.prepare(
    `INSERT INTO track_records (candidate_id, year, quota_minor, currency, attainment_pct, rank_in_team, team_size, avg_deal_minor, segment)
     VALUES (?, ?, ?, 'USD', ?, ?, ?, ?, ?)`
  )
  const insApp = sqlite.prepare(
    'INSERT INTO candidate_applications (candidate_id, requisition_id, stage, exit_reason, stage_entered_at, created_at) VALUES (?, ?, ?, ?, ?, ?)'
  )
  const insMove = sqlite.prepare('INSERT INTO candidate_stage_history (application_id, from_stage, stage, reason, entered_at) VALUES (?, ?, ?, ?, ?)')
  const insCard = sqlite.prepare(
    'INSERT INTO scorecards (candidate_id, requisition_id, interviewer, interviewer_key, recommendation, summary, submitted_at) VALUES (?, ?, ?, ?, ?, ?, ?)'
  )
  const insRating = sqlite.prepare('INSERT INTO scorecard_ratings (scorecard_id, question_id, rating, notes) VALUES (?, ?, ?, ?)')

  const counts = { requisitions: 0, candidates: 0, scorecards: 0, linkedHires: 0 }
  const kit = (reqId: number, own: typeof ROLE_QUESTIONS): number[] => {
    const all = [...BEHAVIOUR_QUESTIONS.map((q) => ({ ...q })), ...own.map((q) => ({ topic: 'role' as const, ...q }))]
    return all.map((q, i) => Number(insQuestion.run(reqId, q.topic, i + 1, q.prompt, q.anchorLow, q.anchorHigh).lastInsertRowid))
  }
  const requisition = (title: string, teamIndex: number, headcount: number, status: string, createdDaysAgo: number, startInDays: number) => {
    const team = teams[teamIndex % Math.max(1, teams.length)]
    const id = Number(
      insReq.run(title, team?.id ?? null, team?.manager_name ?? 'Hiring manager', isoDay(new Date(todayMs + startInDays * DAY_MS)), headcount, status, at(createdDaysAgo)).lastInsertRowid
    )
    counts.requisitions++
    return id
  }

  const open = [
    { id: requisition('Account Executive, Mid-market', 0, 2, 'open', 75, 45), questions: [] as number[] },
    { id: requisition('Enterprise Account Executive', 1, 1, 'open', 60, 75), questions: [] as number[] }
  ]
  open[0]!.questions = kit(open[0]!.id, [ROLE_QUESTIONS[0]!])
  open[1]!.questions = kit(open[1]!.id, ROLE_QUESTIONS)
  const past = { id: requisition('Account Executive (spring hiring)', 0, 3, 'filled', 640, -520), questions: [] as number[] }
  past.questions = kit(past.id, [ROLE_QUESTIONS[0]!])

  // About forty candidates spread over every stage, more at the top of the funnel as in life.
  const spread: [CandidateStage, number][] = [
    ['sourced', 9], ['screening', 8], ['interviews', 7], ['reference_check', 3], ['offer', 2], ['hired', 1], ['rejected', 7], ['withdrawn', 3]
  ]
  const plans: (Plan & { req: (typeof open)[number] | typeof past; ageDays: number })[] = []
  let n = 0
  for (const [stage, count] of spread) {
    for (let i = 0; i < count; i++) {
      const req = open[n++ % 2]!
      plans.push({ stage, req, behaviour: 1.2 + rnd.next() * 2.8, attainment: rnd.int(70, 135), ageDays: rnd.int(8, 55) })
    }
  }
  // The seeds' warning, made concrete: a 160 % record with blank behaviour answers, waiting in interviews.
  plans.push({ stage: 'interviews', req: open[0]!, behaviour: 1.3, attainment: 162, ageDays: 30 })
  // Past hires on a filled role, now reps on a team. Their ratings on the predictive questions follow the rank of the
  // attainment they went on to reach; on the others they scatter regardless of it.
  const hires = pastHires(sqlite, isoDay(today), todayMs)
  const ranked = hires.filter((h) => h.attainment !== null).sort((a, b) => a.attainment! - b.attainment!)
  for (const h of hires) {
    const signal = h.attainment === null ? rnd.next() : ranked.length > 1 ? ranked.indexOf(h) / (ranked.length - 1) : 0.5
    const perQuestion = past.questions.map((_, qi) => {
      const w = PREDICTIVE[qi] ?? 0
      return 1.4 + w * signal * 2.4 + (1 - w) * rnd.next() * 2.4
    })
    const behaviour = perQuestion.reduce((s, v) => s + v, 0) / Math.max(1, perQuestion.length)
    // The application closed three weeks before the rep's first day: ageDays puts the hire at hireDaysAgo + 21.
    plans.push({ stage: 'hired', req: past, behaviour, attainment: rnd.int(95, 140), ageDays: h.hireDaysAgo + 41, hire: { repId: h.repId, name: h.name, hireDaysAgo: h.hireDaysAgo, perQuestion } })
  }
  const updateHireDate = sqlite.prepare('UPDATE reps SET hire_date = ? WHERE id = ?')
  const insLink = sqlite.prepare('INSERT INTO hire_links (application_id, rep_id, linked_at) VALUES (?, ?, ?)')
  const setCandidateRep = sqlite.prepare('UPDATE candidates SET rep_id = ? WHERE id = ?')

  const sources: [CandidateSource, number][] = [['referral', 4], ['linkedin', 5], ['job_board', 3], ['agency', 2], ['inbound', 2], ['event', 1]]
  plans.forEach((plan, idx) => {
    // Strides coprime with the list lengths, so forty-odd people get forty-odd different names.
    // A past hire carries the name of the rep they became.
    const [first, last] = plan.hire
      ? [plan.hire.name.split(' ')[0]!, plan.hire.name.split(' ').slice(1).join(' ')]
      : [FIRST_NAMES[(idx * 5 + 3) % FIRST_NAMES.length]!, LAST_NAMES[(idx * 11 + 5) % LAST_NAMES.length]!]
    const name = plan.hire ? plan.hire.name : `${first} ${last}`
    const company = `${COMPANY_STEMS[(idx * 3 + 1) % COMPANY_STEMS.length]} ${COMPANY_KINDS[(idx * 5) % COMPANY_KINDS.length]}`
    const title = rnd.pick(['Account Executive', 'Senior Account Executive', 'Enterprise AE', 'Sales Development Lead', 'Regional Sales Manager'])
    const slug = `${first}-${last}-${idx}`.toLowerCase()
    const visibility = Math.round(rnd.next() * 0.6 * 100) / 100
    const notes = [
      `## Research`,
      `- ${rnd.pick(['Posts weekly about discovery calls', 'Spoke at a regional SaaS meetup', 'Quiet online; strong referrals', 'Writes long posts on MEDDICC'])}.`,
      `- Current book: ${rnd.pick(['mid-market logistics', 'healthcare providers', 'retail chains', 'regional banks'])}.`,
      plan.attainment >= 150 ? `- **Top of the leaderboard** two years running; ask how much came from one inherited account.` : `- Ask about ${rnd.pick(['ramp time', 'deal cycle length', 'territory changes'])}.`
    ].join('\n')
    // Someone only sourced was found recently; others have been in process for weeks.
    const created = plan.stage === 'sourced' ? rnd.int(2, 18) : plan.ageDays + (plan.req === past ? 40 : 0)
    const candidateId = Number(
      insCandidate.run(
        name,
        `${slug}@mail.example`,
        `+31 6 ${rnd.int(1000, 9999)} ${rnd.int(1000, 9999)}`,
        rnd.pick(LOCATIONS),
        company,
        title,
        rnd.weighted(sources),
        `https://www.linkedin.com/in/${slug}`,
        JSON.stringify(rnd.chance(0.3) ? [`https://${slug}.example/blog`] : []),
        notes,
        rnd.int(200, 4000),
        rnd.int(100, 9000),
        Math.round(visibility * 90 * rnd.next()),
        visibility,
        emailKey(`${slug}@mail.example`),
        linkedinKey(`https://www.linkedin.com/in/${slug}`),
        nameCompanyKey(name, company),
        at(created),
        at(created)
      ).lastInsertRowid
    )
    counts.candidates++
    const year = today.getUTCFullYear()
    for (let y = 3; y >= 1; y--) {
      const pct = y === 1 ? plan.attainment : Math.max(50, plan.attainment + rnd.int(-25, 20))
      const size = rnd.int(6, 14)
      // Rank follows attainment, give or take a place (60 % or less near the bottom, 130 % and up first): same draws as before.
      const quota = rnd.int(6, 14) * 10_000_000
      const standing = Math.min(1, Math.max(0, (pct - 60) / 70))
      const rank = pct >= 130 ? 1 : Math.min(size, Math.max(2, 1 + Math.round((1 - standing) * (size - 1)) + rnd.int(-1, 1)))
      insRecord.run(candidateId, year - y, quota, pct, rank, size, rnd.int(3, 12) * 500_000, rnd.pick(['SMB', 'Mid-market', 'Enterprise']))
    }

    // Walk the forward path to the stage (exits leave from a random point), spacing moves over the candidate's age.
    const exit = plan.stage === 'rejected' || plan.stage === 'withdrawn'
    const target = exit ? rnd.int(0, 2) : PROGRESS_STAGES.indexOf(plan.stage as (typeof PROGRESS_STAGES)[number])
    const path: CandidateStage[] = [...PROGRESS_STAGES.slice(0, target + 1), ...(exit ? [plan.stage] : [])]
    const steps = path.length
    // Past hires went through in about two months; an open candidate entered the current stage days ago (a few are stalled),
    // with earlier moves spread between first look and then.
    const closed = exit || plan.stage === 'hired'
    const lastAgo = plan.req === past ? created - 60 : closed ? rnd.int(1, Math.max(1, created - steps)) : Math.min(created, rnd.int(1, 17))
    const times = path.map((_, i) => (i === 0 ? created : Math.round(created - ((created - lastAgo) * i) / (steps - 1))))
    const moveAt = (i: number) => at(times[i]!, i === 0 ? 0 : 2)
    const reason = exit ? rnd.pick(EXITS[plan.stage as 'rejected' | 'withdrawn']) : null
    const appId = Number(insApp.run(candidateId, plan.req.id, plan.stage, reason, moveAt(steps - 1), at(created)).lastInsertRowid)
    path.forEach((stage, i) => insMove.run(appId, i === 0 ? null : path[i - 1], stage, i === steps - 1 ? reason : null, moveAt(i)))
    if (plan.hire) {
      updateHireDate.run(isoDay(new Date(todayMs - plan.hire.hireDaysAgo * DAY_MS)), plan.hire.repId)
      insLink.run(appId, plan.hire.repId, at(plan.hire.hireDaysAgo - 7, 3))
      setCandidateRep.run(plan.hire.repId, candidateId)
      counts.linkedHires++
    }

    // Scorecards once a candidate reached interviews: two to four interviewers, scattered around the latent quality.
    if (path.includes('interviews')) {
      const interviewIndex = path.indexOf('interviews')
      const when = times[interviewIndex]!
      const panelSize = plan.attainment >= 150 ? 2 : rnd.int(2, 4)
      const warningCase = plan.attainment >= 150
      for (let p = 0; p < panelSize; p++) {
        const interviewer = PANEL[(idx + p) % PANEL.length]!
        const ratings = plan.req.questions.map((qid, qi) => {
          // The strong-record candidate draws a blank on knowledge sharing and is weak elsewhere.
          if (warningCase && qi === 4) return [qid, null] as const
          if (!warningCase && rnd.chance(0.08)) return [qid, null] as const
          // Some panels disagree sharply: one interviewer reads the same answer two points apart.
          const tilt = p === 1 && idx % 4 === 0 ? (plan.behaviour > 2.5 ? -1.6 : 1.6) : 0
          const latent = plan.hire?.perQuestion[qi] ?? plan.behaviour
          return [qid, Math.min(4, Math.max(1, Math.round(latent + tilt + (rnd.next() - 0.5) * 1.2)))] as const
        })
        const rated = ratings.map(([, r]) => r).filter((r): r is number => r !== null)
        const avg = rated.reduce((s, r) => s + r, 0) / Math.max(1, rated.length)
        const recommendation: Recommendation = warningCase ? (p === 0 ? 'yes' : 'no') : avg >= 3.3 ? 'strong_yes' : avg >= 2.5 ? 'yes' : avg >= 1.8 ? 'no' : 'strong_no'
        const cardId = Number(
          insCard.run(candidateId, plan.req.id, interviewer, interviewer.toLowerCase(), recommendation, warningCase ? 'Numbers are superb; could not give one example of sharing what works.' : null, at(Math.max(0, when - 1 - p), 14))
            .lastInsertRowid
        )
        ratings.forEach(([qid, r]) => insRating.run(cardId, qid, r, r === 1 ? 'No concrete example.' : null))
        counts.scorecards++
      }
    }
  })
  return counts
}
