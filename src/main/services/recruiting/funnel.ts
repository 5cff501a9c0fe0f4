// Funnel figures per role or overall: pass-through, time in stage, time to hire, exit reasons, source effectiveness.
import type { Kysely } from 'kysely'
import type { Funnel, ParsedInput } from '@shared/contract'
import { TouchlineError } from '@shared/errors'
import { CANDIDATE_SOURCES, CANDIDATE_STAGES, type CandidateSource, type CandidateStage } from '@shared/recruiting'
import type { DB } from '../../store/schema'
import { funnelSteps, furthestStage, mean, median, stageDurations } from './scorecard-rules'

const DAY = 86_400_000

export async function recruitingFunnel(db: Kysely<DB>, input: ParsedInput<'recruiting.funnel'>, now: string): Promise<Funnel> {
  if (input.requisitionId !== undefined) {
    const req = await db.selectFrom('requisitions').where('id', '=', input.requisitionId).select('id').executeTakeFirst()
    if (!req) throw new TouchlineError('NOT_FOUND', `recruiting.funnel: input.requisitionId: there is no requisition with id ${input.requisitionId}.`)
  }
  const apps = await db
    .selectFrom('candidate_applications as a')
    .innerJoin('candidates as c', 'c.id', 'a.candidate_id')
    .where('c.merged_into', 'is', null)
    .$if(input.requisitionId !== undefined, (q) => q.where('a.requisition_id', '=', input.requisitionId!))
    .select(['a.id', 'a.stage', 'a.exit_reason', 'c.source'])
    .execute()
  const history = await db
    .selectFrom('candidate_stage_history as h')
    .innerJoin('candidate_applications as a', 'a.id', 'h.application_id')
    .innerJoin('candidates as c', 'c.id', 'a.candidate_id')
    .where('c.merged_into', 'is', null)
    .$if(input.requisitionId !== undefined, (q) => q.where('a.requisition_id', '=', input.requisitionId!))
    .select(['h.application_id', 'h.stage', 'h.entered_at'])
    .orderBy('h.application_id')
    .orderBy('h.entered_at')
    .orderBy('h.id')
    .execute()
  const byApp = new Map<number, { stage: CandidateStage; enteredAt: string }[]>()
  for (const h of history) {
    const list = byApp.get(h.application_id) ?? []
    list.push({ stage: h.stage, enteredAt: h.entered_at })
    byApp.set(h.application_id, list)
  }

  const furthest: number[] = []
  const spent = new Map<CandidateStage, number[]>()
  const hireDays: number[] = []
  const sources = new Map<CandidateSource, { candidates: number; interviewed: number; offers: number; hired: number }>()
  const exits = new Map<string, { stage: 'rejected' | 'withdrawn'; reason: string; count: number }>()
  for (const a of apps) {
    const moves = byApp.get(a.id) ?? [{ stage: a.stage, enteredAt: now }]
    const f = furthestStage([...moves.map((m) => m.stage), a.stage])
    furthest.push(f)
    // Only finished stays count toward time in stage; a running stay is shown on the board as time so far.
    for (const d of stageDurations(moves, now)) if (!d.current) spent.set(d.stage, [...(spent.get(d.stage) ?? []), d.days])
    const hired = moves.find((m) => m.stage === 'hired')
    if (hired && moves[0]) hireDays.push((Date.parse(hired.enteredAt) - Date.parse(moves[0].enteredAt)) / DAY)
    const source = (CANDIDATE_SOURCES as readonly string[]).includes(a.source) ? (a.source as CandidateSource) : 'other'
    const s = sources.get(source) ?? { candidates: 0, interviewed: 0, offers: 0, hired: 0 }
    s.candidates++
    if (f >= 2) s.interviewed++
    if (f >= 4) s.offers++
    if (f >= 5) s.hired++
    sources.set(source, s)
    if ((a.stage === 'rejected' || a.stage === 'withdrawn') && a.exit_reason) {
      const key = `${a.stage}\u0000${a.exit_reason.toLowerCase()}`
      const e = exits.get(key) ?? { stage: a.stage, reason: a.exit_reason, count: 0 }
      e.count++
      exits.set(key, e)
    }
  }
  return {
    requisitionId: input.requisitionId ?? null,
    applications: apps.length,
    steps: funnelSteps(furthest),
    timeInStage: CANDIDATE_STAGES.filter((s) => s !== 'hired' && s !== 'rejected' && s !== 'withdrawn').map((stage) => {
      const days = spent.get(stage) ?? []
      return { stage, medianDays: median(days), meanDays: mean(days), samples: days.length }
    }),
    timeToHire: { medianDays: median(hireDays), meanDays: mean(hireDays), hires: hireDays.length },
    exitReasons: [...exits.values()].sort((a, b) => b.count - a.count || a.reason.localeCompare(b.reason)),
    sources: [...sources.entries()]
      .map(([source, s]) => ({ source, ...s, hireRate: s.candidates ? Math.round((s.hired / s.candidates) * 1000) / 1000 : null }))
      .sort((a, b) => b.candidates - a.candidates || a.source.localeCompare(b.source))
  }
}
