// Candidates: create with duplicate detection, the full profile, and merging a duplicate without losing history.
import type { Kysely } from 'kysely'
import type { ApplicationView, CandidateDetail, DuplicateMatch, ParsedInput } from '@shared/contract'
import { TouchlineError } from '@shared/errors'
import { daysBetween } from '@shared/dates'
import { CLOSED_STAGES, STALL_DAYS, type CandidateSource } from '@shared/recruiting'
import type { DB } from '../../store/schema'
import { emailKey, hasCompany, linkedinKey, nameCompanyKey } from './keys'
import { scoresFor } from './scorecards'

/** Live candidates sharing an email, a LinkedIn profile, or a name at the same company; merged-away profiles never match. */
export async function findDuplicates(
  db: Kysely<DB>,
  probe: { name: string; email?: string | null; linkedinUrl?: string | null; currentCompany?: string | null; excludeId?: number }
): Promise<DuplicateMatch[]> {
  const e = emailKey(probe.email)
  const l = linkedinKey(probe.linkedinUrl)
  const n = nameCompanyKey(probe.name, probe.currentCompany)
  const rows = await db
    .selectFrom('candidates')
    .where('merged_into', 'is', null)
    .where((eb) =>
      eb.or([
        ...(e ? [eb('email_key', '=', e)] : []),
        ...(l ? [eb('linkedin_key', '=', l)] : []),
        ...(hasCompany(n) ? [eb('name_company_key', '=', n)] : [])
      ])
    )
    .$if(probe.excludeId !== undefined, (q) => q.where('id', '!=', probe.excludeId!))
    .select(['id', 'name', 'current_company', 'email_key', 'linkedin_key', 'name_company_key'])
    .orderBy('id')
    .limit(20)
    .execute()
  if (!e && !l && !hasCompany(n)) return []
  return rows.map((r) => ({
    id: r.id,
    name: r.name,
    currentCompany: r.current_company,
    matchedOn: [
      ...(e && r.email_key === e ? (['email'] as const) : []),
      ...(l && r.linkedin_key === l ? (['linkedin'] as const) : []),
      ...(hasCompany(n) && r.name_company_key === n ? (['name_company'] as const) : [])
    ]
  }))
}

export async function duplicatesOf(db: Kysely<DB>, input: ParsedInput<'candidates.duplicates'>): Promise<DuplicateMatch[]> {
  return findDuplicates(db, input)
}

export function describeDuplicates(matches: DuplicateMatch[]): string {
  const label = { email: 'same email', linkedin: 'same LinkedIn profile', name_company: 'same name and company' } as const
  return matches.map((m) => `#${m.id} ${m.name} (${m.matchedOn.map((k) => label[k]).join(', ')})`).join('; ')
}

/** Adds a candidate (and optionally their place on a requisition). A likely duplicate is refused unless the caller says otherwise. */
export async function createCandidate(db: Kysely<DB>, input: ParsedInput<'candidates.create'>, now: string): Promise<CandidateDetail> {
  const id = await db.transaction().execute(async (trx) => {
    if (!input.allowDuplicate) {
      const dupes = await findDuplicates(trx, input)
      if (dupes.length) {
        throw new TouchlineError(
          'CONFLICT',
          `candidates.create: input.${dupes[0]!.matchedOn[0] === 'email' ? 'email' : dupes[0]!.matchedOn[0] === 'linkedin' ? 'linkedinUrl' : 'name'}: this looks like an existing candidate: ${describeDuplicates(dupes)}. Merge them, or create anyway with allowDuplicate.`
        )
      }
    }
    if (input.requisitionId !== undefined) {
      const req = await trx.selectFrom('requisitions').where('id', '=', input.requisitionId).select('id').executeTakeFirst()
      if (!req) throw new TouchlineError('NOT_FOUND', `candidates.create: input.requisitionId: there is no requisition with id ${input.requisitionId}.`)
    }
    return insertCandidate(trx, input, now)
  })
  return getCandidate(db, { id }, now)
}

/**
 * Writes one checked candidate: the profile, the track record and, with a requisition, their place on it and its
 * first stage. Inside the caller's transaction, after the caller's duplicate and requisition checks.
 */
export async function insertCandidate(trx: Kysely<DB>, input: ParsedInput<'candidates.create'>, now: string): Promise<number> {
  const inserted = await trx
    .insertInto('candidates')
    .values({
      name: input.name,
      email: input.email ?? null,
      phone: input.phone ?? null,
      location: input.location ?? null,
      current_company: input.currentCompany ?? null,
      current_title: input.currentTitle ?? null,
      source: input.source,
      linkedin_url: input.linkedinUrl ?? null,
      other_links: JSON.stringify(input.otherLinks),
      research_notes: input.researchNotes,
      connections: input.social.connections ?? null,
      followers: input.social.followers ?? null,
      posts_90d: input.social.posts90d ?? null,
      visibility_share: input.social.visibilityShare ?? null,
      email_key: emailKey(input.email),
      linkedin_key: linkedinKey(input.linkedinUrl),
      name_company_key: nameCompanyKey(input.name, input.currentCompany),
      merged_into: null,
      rep_id: null,
      created_at: now,
      updated_at: now
    })
    .returning('id')
    .executeTakeFirstOrThrow()
  if (input.trackRecord.length) {
    await trx
      .insertInto('track_records')
      .values(
        input.trackRecord.map((t) => ({
          candidate_id: inserted.id,
          year: t.year,
          quota_minor: t.quotaMinor ?? null,
          currency: t.currency,
          attainment_pct: t.attainmentPct ?? null,
          rank_in_team: t.rankInTeam ?? null,
          team_size: t.teamSize ?? null,
          avg_deal_minor: t.avgDealMinor ?? null,
          segment: t.segment ?? null
        }))
      )
      .execute()
  }
  if (input.requisitionId !== undefined) {
    const app = await trx
      .insertInto('candidate_applications')
      .values({
        candidate_id: inserted.id,
        requisition_id: input.requisitionId,
        stage: input.stage,
        exit_reason: input.stage === 'rejected' || input.stage === 'withdrawn' ? input.reason! : null,
        stage_entered_at: now,
        created_at: now
      })
      .returning('id')
      .executeTakeFirstOrThrow()
    await trx
      .insertInto('candidate_stage_history')
      .values({ application_id: app.id, from_stage: null, stage: input.stage, reason: input.reason ?? null, entered_at: now })
      .execute()
  }
  return inserted.id
}

function parseLinks(json: string): string[] {
  try {
    const v: unknown = JSON.parse(json)
    return Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : []
  } catch {
    return []
  }
}

export async function getCandidate(db: Kysely<DB>, input: ParsedInput<'candidates.get'>, now: string): Promise<CandidateDetail> {
  const c = await db.selectFrom('candidates').where('id', '=', input.id).selectAll().executeTakeFirst()
  if (!c) throw new TouchlineError('NOT_FOUND', `candidates.get: input.id: there is no candidate with id ${input.id}.`)
  const [record, apps, history, cards, scores] = await Promise.all([
    db.selectFrom('track_records').where('candidate_id', '=', c.id).selectAll().orderBy('year', 'desc').orderBy('id').execute(),
    db
      .selectFrom('candidate_applications as a')
      .innerJoin('requisitions as q', 'q.id', 'a.requisition_id')
      .leftJoin('hire_links as l', 'l.application_id', 'a.id')
      .leftJoin('reps as r', 'r.id', 'l.rep_id')
      .leftJoin('teams as t', 't.id', 'r.team_id')
      .where('a.candidate_id', '=', c.id)
      .select(['a.id', 'a.requisition_id', 'q.title', 'a.stage', 'a.exit_reason', 'a.stage_entered_at', 'a.created_at', 'r.id as rep_id', 'r.name as rep_name', 't.name as team_name'])
      .orderBy('a.created_at', 'desc')
      .execute(),
    db
      .selectFrom('candidate_stage_history as h')
      .innerJoin('candidate_applications as a', 'a.id', 'h.application_id')
      .where('a.candidate_id', '=', c.id)
      .select(['h.application_id', 'h.from_stage', 'h.stage', 'h.reason', 'h.entered_at'])
      .orderBy('h.entered_at')
      .orderBy('h.id')
      .execute(),
    db.selectFrom('scorecards').where('candidate_id', '=', c.id).selectAll().orderBy('submitted_at').orderBy('id').execute(),
    scoresFor(db, [c.id], input.viewer)
  ])
  const summary = scores.get(c.id)!.summary
  const applications: ApplicationView[] = apps.map((a) => {
    const moves = history.filter((h) => h.application_id === a.id)
    const daysInStage = Math.max(0, daysBetween(a.stage_entered_at, now))
    const limit = STALL_DAYS[a.stage]
    const first = moves[0]?.entered_at ?? a.created_at
    const end = CLOSED_STAGES.includes(a.stage) ? a.stage_entered_at : now
    return {
      id: a.id,
      requisitionId: a.requisition_id,
      requisitionTitle: a.title,
      stage: a.stage,
      exitReason: a.exit_reason,
      stageEnteredAt: a.stage_entered_at,
      daysInStage,
      stalled: limit !== null && daysInStage > limit,
      daysInProcess: Math.max(0, daysBetween(first, end)),
      history: moves.map((h) => ({ fromStage: h.from_stage, stage: h.stage, reason: h.reason, enteredAt: h.entered_at })),
      linkedRep: a.rep_id !== null && a.rep_name !== null ? { id: a.rep_id, name: a.rep_name, teamName: a.team_name } : null
    }
  })
  return {
    id: c.id,
    name: c.name,
    email: c.email,
    phone: c.phone,
    location: c.location,
    currentCompany: c.current_company,
    currentTitle: c.current_title,
    source: c.source as CandidateSource,
    linkedinUrl: c.linkedin_url,
    otherLinks: parseLinks(c.other_links),
    researchNotes: c.research_notes,
    social: { connections: c.connections, followers: c.followers, posts90d: c.posts_90d, visibilityShare: c.visibility_share },
    mergedInto: c.merged_into,
    createdAt: c.created_at,
    trackRecord: record.map((t) => ({
      id: t.id,
      year: t.year,
      quotaMinor: t.quota_minor,
      currency: t.currency,
      attainmentPct: t.attainment_pct,
      rankInTeam: t.rank_in_team,
      teamSize: t.team_size,
      avgDealMinor: t.avg_deal_minor,
      segment: t.segment
    })),
    applications,
    interviews: cards.map((s) => ({
      scorecardId: s.id,
      requisitionId: s.requisition_id,
      interviewer: s.interviewer,
      submittedAt: s.submitted_at,
      recommendation: summary.withheld ? null : s.recommendation
    })),
    summary
  }
}

/**
 * Folds a duplicate into the profile kept: its track record, applications, stage history and scorecards all move over,
 * blanks in the kept profile are filled from it, and the merged profile stays as a pointer (merged_into) rather than vanishing.
 */
export async function mergeCandidates(db: Kysely<DB>, input: ParsedInput<'candidates.merge'>, now: string): Promise<CandidateDetail> {
  await db.transaction().execute(async (trx) => {
    const [keep, merge] = await Promise.all([
      trx.selectFrom('candidates').where('id', '=', input.keepId).selectAll().executeTakeFirst(),
      trx.selectFrom('candidates').where('id', '=', input.mergeId).selectAll().executeTakeFirst()
    ])
    if (!keep) throw new TouchlineError('NOT_FOUND', `candidates.merge: input.keepId: there is no candidate with id ${input.keepId}.`)
    if (!merge) throw new TouchlineError('NOT_FOUND', `candidates.merge: input.mergeId: there is no candidate with id ${input.mergeId}.`)
    if (keep.merged_into !== null) throw new TouchlineError('INVALID_INPUT', `candidates.merge: input.keepId: candidate ${keep.id} was itself merged into ${keep.merged_into}.`)
    if (merge.merged_into !== null) throw new TouchlineError('CONFLICT', `candidates.merge: input.mergeId: candidate ${merge.id} was already merged into ${merge.merged_into}.`)

    await trx.updateTable('track_records').set({ candidate_id: keep.id }).where('candidate_id', '=', merge.id).execute()
    await trx.updateTable('scorecards').set({ candidate_id: keep.id }).where('candidate_id', '=', merge.id).execute()

    const keepApps = await trx.selectFrom('candidate_applications').where('candidate_id', '=', keep.id).selectAll().execute()
    const mergeApps = await trx.selectFrom('candidate_applications').where('candidate_id', '=', merge.id).selectAll().execute()
    for (const m of mergeApps) {
      const same = keepApps.find((k) => k.requisition_id === m.requisition_id)
      if (!same) {
        await trx.updateTable('candidate_applications').set({ candidate_id: keep.id }).where('id', '=', m.id).execute()
        continue
      }
      // Both were on the same role: one application survives (the one moved most recently) and carries both histories.
      const survivor = m.stage_entered_at > same.stage_entered_at ? m : same
      const other = survivor === m ? same : m
      await trx.updateTable('candidate_stage_history').set({ application_id: survivor.id }).where('application_id', '=', other.id).execute()
      await trx.deleteFrom('candidate_applications').where('id', '=', other.id).execute()
      const created = other.created_at < survivor.created_at ? other.created_at : survivor.created_at
      await trx.updateTable('candidate_applications').set({ candidate_id: keep.id, created_at: created }).where('id', '=', survivor.id).execute()
    }

    const notes = [keep.research_notes, merge.research_notes ? `_Merged from ${merge.name} (#${merge.id}):_\n\n${merge.research_notes}` : '']
      .filter((s) => s.trim())
      .join('\n\n')
    const links = [...new Set([...parseLinks(keep.other_links), ...parseLinks(merge.other_links)])]
    await trx
      .updateTable('candidates')
      .set({
        email: keep.email ?? merge.email,
        email_key: keep.email_key ?? merge.email_key,
        phone: keep.phone ?? merge.phone,
        location: keep.location ?? merge.location,
        current_company: keep.current_company ?? merge.current_company,
        current_title: keep.current_title ?? merge.current_title,
        linkedin_url: keep.linkedin_url ?? merge.linkedin_url,
        linkedin_key: keep.linkedin_key ?? merge.linkedin_key,
        name_company_key: nameCompanyKey(keep.name, keep.current_company ?? merge.current_company),
        other_links: JSON.stringify(links),
        research_notes: notes,
        connections: keep.connections ?? merge.connections,
        followers: keep.followers ?? merge.followers,
        posts_90d: keep.posts_90d ?? merge.posts_90d,
        visibility_share: keep.visibility_share ?? merge.visibility_share,
        rep_id: keep.rep_id ?? merge.rep_id,
        updated_at: now
      })
      .where('id', '=', keep.id)
      .execute()
    await trx.updateTable('candidates').set({ merged_into: keep.id, updated_at: now }).where('id', '=', merge.id).execute()
    // Profiles merged into the one going away now point at the survivor.
    await trx.updateTable('candidates').set({ merged_into: keep.id }).where('merged_into', '=', merge.id).execute()
  })
  return getCandidate(db, { id: input.keepId }, now)
}
