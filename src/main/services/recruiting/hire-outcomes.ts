// Hires linked to the reps they became, and how each interview question's ratings ranked their later attainment.
import type { Kysely } from 'kysely'
import type { HireLink, HireOutcomeRow, HireOutcomes, ParsedInput, QuestionOutcomeRow } from '@shared/contract'
import { TouchlineError } from '@shared/errors'
import { BEHAVIOUR_QUESTIONS, BEHAVIOUR_TOPICS, type QuestionTopic } from '@shared/recruiting'
import type { DB } from '../../store/schema'
import { fullQuartersAfter, MIN_HIRES_WITH_OUTCOME, MIN_QUARTERS, readingOf, spearman } from './hire-outcome-rules'
import { FIRST_BY_INTERVIEWER } from './scorecards'

type Trx = Kysely<DB>

/** The application behind a hire: refused when it does not exist or the profile was merged away. */
async function requireApplication(trx: Trx, method: string, candidateId: number, requisitionId: number) {
  const app = await trx
    .selectFrom('candidate_applications as a')
    .innerJoin('candidates as c', 'c.id', 'a.candidate_id')
    .innerJoin('requisitions as q', 'q.id', 'a.requisition_id')
    .leftJoin('hire_links as l', 'l.application_id', 'a.id')
    .leftJoin('reps as lr', 'lr.id', 'l.rep_id')
    .where('a.candidate_id', '=', candidateId)
    .where('a.requisition_id', '=', requisitionId)
    .select(['a.id', 'a.stage', 'c.name', 'c.email', 'c.merged_into', 'c.rep_id', 'q.title', 'l.rep_id as linked_rep_id', 'lr.name as linked_rep_name'])
    .executeTakeFirst()
  if (!app) throw new TouchlineError('NOT_FOUND', `${method}: input.candidateId: candidate ${candidateId} is not a candidate for requisition ${requisitionId}.`)
  if (app.merged_into !== null) {
    throw new TouchlineError('INVALID_INPUT', `${method}: input.candidateId: candidate ${candidateId} was merged into ${app.merged_into}; link that profile.`)
  }
  return app
}

function requireHired(method: string, app: { stage: string; name: string; title: string }): void {
  if (app.stage !== 'hired') {
    throw new TouchlineError('INVALID_INPUT', `${method}: input.candidateId: ${app.name} is at stage '${app.stage}' for ${app.title}; only a hired candidate can be linked to a rep.`)
  }
}

async function writeLink(trx: Trx, applicationId: number, candidateId: number, repId: number, now: string): Promise<void> {
  await trx
    .insertInto('hire_links')
    .values({ application_id: applicationId, rep_id: repId, linked_at: now })
    .onConflict((oc) => oc.column('application_id').doUpdateSet({ rep_id: repId, linked_at: now }))
    .execute()
  await trx.updateTable('candidates').set({ rep_id: repId }).where('id', '=', candidateId).execute()
}

/** Links (or with repId null unlinks) a hire's application and a rep; refuses anyone not hired and a rep already linked. */
export async function linkRep(db: Kysely<DB>, input: ParsedInput<'candidates.linkRep'>, now: string): Promise<HireLink> {
  const method = 'candidates.linkRep'
  return db.transaction().execute(async (trx) => {
    const app = await requireApplication(trx, method, input.candidateId, input.requisitionId)
    const base = { applicationId: app.id, candidateId: input.candidateId, requisitionId: input.requisitionId }
    if (input.repId === null) {
      await trx.deleteFrom('hire_links').where('application_id', '=', app.id).execute()
      if (app.linked_rep_id !== null && app.rep_id === app.linked_rep_id) {
        await trx.updateTable('candidates').set({ rep_id: null }).where('id', '=', input.candidateId).execute()
      }
      return { ...base, rep: null }
    }
    requireHired(method, app)
    const rep = await trx
      .selectFrom('reps as r')
      .leftJoin('teams as t', 't.id', 'r.team_id')
      .where('r.id', '=', input.repId)
      .select(['r.id', 'r.name', 't.name as team_name'])
      .executeTakeFirst()
    if (!rep) throw new TouchlineError('NOT_FOUND', `${method}: input.repId: there is no rep with id ${input.repId}.`)
    const taken = await trx
      .selectFrom('hire_links as l')
      .innerJoin('candidate_applications as a', 'a.id', 'l.application_id')
      .innerJoin('candidates as c', 'c.id', 'a.candidate_id')
      .where('l.rep_id', '=', rep.id)
      .where('l.application_id', '!=', app.id)
      .select(['c.name'])
      .executeTakeFirst()
    if (taken) throw new TouchlineError('CONFLICT', `${method}: input.repId: ${rep.name} is already linked to ${taken.name}; a rep is one hire.`)
    await writeLink(trx, app.id, input.candidateId, rep.id, now)
    return { ...base, rep: { id: rep.id, name: rep.name, teamName: rep.team_name } }
  })
}

/** Adds a hire to a team as a new rep (their name and email from the profile) and links the two, in one transaction. */
export async function hireAsRep(db: Kysely<DB>, input: ParsedInput<'candidates.hireAsRep'>, now: string, today: string): Promise<HireLink> {
  const method = 'candidates.hireAsRep'
  return db.transaction().execute(async (trx) => {
    const app = await requireApplication(trx, method, input.candidateId, input.requisitionId)
    requireHired(method, app)
    if (app.linked_rep_id !== null) {
      throw new TouchlineError('CONFLICT', `${method}: input.candidateId: ${app.name} is already linked to rep ${app.linked_rep_name ?? app.linked_rep_id}; unlink first.`)
    }
    const team = await trx.selectFrom('teams').where('id', '=', input.teamId).select(['id', 'name']).executeTakeFirst()
    if (!team) throw new TouchlineError('NOT_FOUND', `${method}: input.teamId: there is no team with id ${input.teamId}.`)
    if (input.hireDate > today) throw new TouchlineError('INVALID_INPUT', `${method}: input.hireDate: ${input.hireDate} is in the future.`)
    const rep = await trx
      .insertInto('reps')
      .values({
        team_id: team.id,
        name: app.name,
        email: app.email,
        role: input.role,
        hire_date: input.hireDate,
        quota_minor: input.quotaMinor,
        quota_currency: input.quotaCurrency,
        status: 'active',
        left_date: null
      })
      .returning(['id', 'name'])
      .executeTakeFirstOrThrow()
    await writeLink(trx, app.id, input.candidateId, rep.id, now)
    return { applicationId: app.id, candidateId: input.candidateId, requisitionId: input.requisitionId, rep: { id: rep.id, name: rep.name, teamName: team.name } }
  })
}

const BUILT_IN_PROMPT = new Map<QuestionTopic, string>(BEHAVIOUR_QUESTIONS.map((q) => [q.topic, q.prompt]))

/** The five topics are asked in every kit, so they pool across roles; a role's own question pools by its wording. */
function questionKey(topic: QuestionTopic, prompt: string): string {
  return topic === 'role' ? `role:${prompt.trim().replace(/\s+/g, ' ').toLowerCase()}` : topic
}

const mean = (xs: readonly number[]) => xs.reduce((s, v) => s + v, 0) / xs.length

export async function hireOutcomes(db: Kysely<DB>, input: ParsedInput<'recruiting.hireOutcomes'>, today: string): Promise<HireOutcomes> {
  if (input.requisitionId !== undefined) {
    const req = await db.selectFrom('requisitions').where('id', '=', input.requisitionId).select('id').executeTakeFirst()
    if (!req) throw new TouchlineError('NOT_FOUND', `recruiting.hireOutcomes: input.requisitionId: there is no requisition with id ${input.requisitionId}.`)
  }
  // A rep is one hire (UNIQUE), so this is at most one row per rep: small, and read by primary keys from hire_links.
  const links = await db
    .selectFrom('hire_links as l')
    .innerJoin('candidate_applications as a', 'a.id', 'l.application_id')
    .innerJoin('candidates as c', 'c.id', 'a.candidate_id')
    .innerJoin('requisitions as q', 'q.id', 'a.requisition_id')
    .innerJoin('reps as r', 'r.id', 'l.rep_id')
    .where('a.stage', '=', 'hired')
    .$if(input.requisitionId !== undefined, (qb) => qb.where('a.requisition_id', '=', input.requisitionId!))
    .select([
      'l.application_id',
      'a.candidate_id',
      'c.name',
      'a.requisition_id',
      'q.title',
      'l.rep_id',
      'r.name as rep_name',
      'r.hire_date',
      'r.quota_minor',
      'r.quota_currency'
    ])
    .orderBy('c.name')
    .orderBy('l.application_id')
    .execute()

  const plans = links.map((l) => ({ link: l, quarters: l.hire_date ? fullQuartersAfter(l.hire_date, today) : [] }))
  // Won deals of the linked reps over the span their quarters cover: one read through deals_owner (owner, status).
  const won = new Map<number, { closed: string; amount: number }[]>()
  const spans = plans.flatMap((p) => p.quarters)
  if (spans.length > 0) {
    const from = spans.reduce((m, q) => (q.start < m ? q.start : m), spans[0]!.start)
    const to = spans.reduce((m, q) => (q.end > m ? q.end : m), spans[0]!.end)
    const reps = [...new Set(plans.filter((p) => p.quarters.length > 0).map((p) => p.link.rep_id))]
    for (let i = 0; i < reps.length; i += 500) {
      const rows = await db
        .selectFrom('deals')
        .where('owner_id', 'in', reps.slice(i, i + 500))
        .where('status', '=', 'won')
        .where('closed_date', '>=', from)
        .where('closed_date', '<=', to)
        .select(['owner_id', 'closed_date', 'amount_minor'])
        .execute()
      for (const d of rows) {
        if (d.closed_date === null) continue
        won.set(d.owner_id, [...(won.get(d.owner_id) ?? []), { closed: d.closed_date, amount: d.amount_minor }])
      }
    }
  }

  const hires: HireOutcomeRow[] = plans.map(({ link: l, quarters }) => {
    const deals = won.get(l.rep_id) ?? []
    // The Team page's definition: won amount closed in the quarter over the quarter's share of the annual quota.
    const rows = quarters.map((q) => {
      const quota = Math.round(l.quota_minor * q.quotaShare)
      const wonMinor = deals.filter((d) => d.closed >= q.start && d.closed <= q.end).reduce((s, d) => s + d.amount, 0)
      return { start: q.start, end: q.end, quotaMinor: quota, wonMinor, attainment: quota > 0 ? wonMinor / quota : null }
    })
    const note =
      l.hire_date === null
        ? 'The rep has no hire date.'
        : l.quota_minor <= 0
          ? 'The rep has no quota, so there is no attainment to read.'
          : quarters.length < MIN_QUARTERS
            ? `${quarters.length === 0 ? 'No' : 'One'} full quarter since the hire date; counted after ${MIN_QUARTERS}.`
            : null
    const counted = note === null
    return {
      applicationId: l.application_id,
      candidateId: l.candidate_id,
      candidateName: l.name,
      requisitionId: l.requisition_id,
      requisitionTitle: l.title,
      repId: l.rep_id,
      repName: l.rep_name,
      hireDate: l.hire_date,
      currency: l.quota_currency,
      quarters: rows,
      attainment: counted ? mean(rows.map((r) => r.attainment ?? 0)) : null,
      counted,
      note
    }
  })
  hires.sort((a, b) => (b.attainment ?? -1) - (a.attainment ?? -1) || a.candidateName.localeCompare(b.candidateName))
  const counted = hires.filter((h) => h.counted)
  const enough = counted.length >= MIN_HIRES_WITH_OUTCOME
  const base = { requisitionId: input.requisitionId ?? null, linked: hires.length, withOutcome: counted.length, threshold: MIN_HIRES_WITH_OUTCOME, enough }
  if (!enough) return { ...base, questions: [], hires }

  // Each counted hire's ratings from their own role's panel; "no rating" rows are left out here, never read as zero.
  const ratings: { candidate_id: number; requisition_id: number; topic: QuestionTopic; prompt: string; rating: number | null }[] = []
  const ids = [...new Set(counted.map((h) => h.candidateId))]
  for (let i = 0; i < ids.length; i += 500) {
    ratings.push(
      ...(await db
        .selectFrom('scorecards as s')
        .innerJoin('scorecard_ratings as r', 'r.scorecard_id', 's.id')
        .innerJoin('interview_questions as q', 'q.id', 'r.question_id')
        .where('s.candidate_id', 'in', ids.slice(i, i + 500))
        .where('r.rating', 'is not', null)
        .where(FIRST_BY_INTERVIEWER)
        .select(['s.candidate_id', 's.requisition_id', 'q.topic', 'q.prompt', 'r.rating'])
        .execute())
    )
  }
  const roles = [...new Set(counted.map((h) => h.requisitionId))]
  const kits = await db
    .selectFrom('interview_questions')
    .where('requisition_id', 'in', roles)
    .where('topic', '=', 'role')
    .select(['topic', 'prompt', 'requisition_id', 'position'])
    .orderBy('requisition_id')
    .orderBy('position')
    .execute()

  const rows = new Map<string, { topic: QuestionTopic; prompt: string }>()
  for (const topic of BEHAVIOUR_TOPICS) rows.set(topic, { topic, prompt: BUILT_IN_PROMPT.get(topic) ?? topic })
  for (const q of kits) if (!rows.has(questionKey(q.topic, q.prompt))) rows.set(questionKey(q.topic, q.prompt), { topic: q.topic, prompt: q.prompt })

  const hireOf = new Map(counted.map((h) => [`${h.candidateId}:${h.requisitionId}`, h]))
  const byQuestion = new Map<string, Map<number, number[]>>()
  for (const r of ratings) {
    const hire = hireOf.get(`${r.candidate_id}:${r.requisition_id}`)
    if (!hire || r.rating === null) continue
    const key = questionKey(r.topic, r.prompt)
    const perHire = byQuestion.get(key) ?? new Map<number, number[]>()
    perHire.set(hire.applicationId, [...(perHire.get(hire.applicationId) ?? []), r.rating])
    byQuestion.set(key, perHire)
  }
  const attainmentOf = new Map(counted.map((h) => [h.applicationId, h.attainment!]))
  const questions: QuestionOutcomeRow[] = [...rows.entries()].map(([key, q]) => {
    const perHire = [...(byQuestion.get(key) ?? new Map<number, number[]>()).entries()]
    const rho = spearman(
      perHire.map(([, values]) => mean(values)),
      perHire.map(([app]) => attainmentOf.get(app)!)
    )
    return { key, topic: q.topic, prompt: q.prompt, n: perHire.length, rho: rho === null ? null : Math.round(rho * 1000) / 1000, reading: readingOf(perHire.length, rho) }
  })
  return { ...base, questions, hires }
}
