// Two to four candidates side by side: track record, behaviour scores, recommendations, visibility, time in process.
import type { Kysely } from 'kysely'
import type { CompareRow, ParsedInput } from '@shared/contract'
import { TouchlineError } from '@shared/errors'
import { getCandidate } from './candidates'
import { latestAttainment, mean } from './scorecard-rules'
import type { DB } from '../../store/schema'

export async function compareCandidates(db: Kysely<DB>, input: ParsedInput<'candidates.compare'>, now: string): Promise<CompareRow[]> {
  const found = await db.selectFrom('candidates').where('id', 'in', input.ids).select('id').execute()
  const missing = input.ids.filter((id) => !found.some((f) => f.id === id))
  if (missing.length) throw new TouchlineError('NOT_FOUND', `candidates.compare: input.ids: there is no candidate with id ${missing.join(', ')}.`)
  const rows: CompareRow[] = []
  for (const id of input.ids) {
    const c = await getCandidate(db, { id }, now)
    // The most recent application is the one being decided on.
    const app = c.applications[0] ?? null
    const attainments = c.trackRecord.map((t) => t.attainmentPct).filter((v): v is number => v !== null)
    rows.push({
      id: c.id,
      name: c.name,
      currentTitle: c.currentTitle,
      currentCompany: c.currentCompany,
      stage: app?.stage ?? null,
      requisitionTitle: app?.requisitionTitle ?? null,
      daysInProcess: app?.daysInProcess ?? null,
      trackRecord: c.trackRecord,
      latestAttainmentPct: latestAttainment(c.trackRecord)?.attainmentPct ?? null,
      averageAttainmentPct: mean(attainments),
      topics: c.summary.topics,
      recommendations: c.summary.recommendations,
      visibilityShare: c.social.visibilityShare,
      followers: c.social.followers,
      warning: c.summary.warning
    })
  }
  return rows
}
