// Recruiting test worlds: calls services through the contract's own schemas, so defaults and validation are the real ones.
import { contract, type MethodInput, type MethodName, type ParsedInput } from '../../src/shared/contract'
import type { Kysely } from 'kysely'
import type { DB } from '../../src/main/store/schema'
import { createRequisition, getRequisition, listRequisitions } from '../../src/main/services/recruiting/requisitions'
import { createCandidate, duplicatesOf, getCandidate, mergeCandidates } from '../../src/main/services/recruiting/candidates'
import { candidateBoard, moveCandidate } from '../../src/main/services/recruiting/board'
import { listScorecards, submitScorecard } from '../../src/main/services/recruiting/scorecards'
import { compareCandidates } from '../../src/main/services/recruiting/compare'
import { recruitingFunnel } from '../../src/main/services/recruiting/funnel'

export function parse<K extends MethodName>(method: K, input: MethodInput<K>): ParsedInput<K> {
  return contract[method].input.parse(input) as ParsedInput<K>
}

/** Day `n` of the test's calendar, at 09:00 UTC. */
export const day = (n: number) => new Date(Date.UTC(2026, 9, 1 + n, 9)).toISOString().slice(0, 19) + 'Z'

export function recruiting(db: Kysely<DB>) {
  return {
    createRequisition: (i: MethodInput<'requisitions.create'>, now = day(0)) => createRequisition(db, parse('requisitions.create', i), now),
    getRequisition: (id: number) => getRequisition(db, parse('requisitions.get', { id })),
    listRequisitions: (i: MethodInput<'requisitions.list'> = {}) => listRequisitions(db, parse('requisitions.list', i)),
    createCandidate: (i: MethodInput<'candidates.create'>, now = day(0)) => createCandidate(db, parse('candidates.create', i), now),
    duplicates: (i: MethodInput<'candidates.duplicates'>) => duplicatesOf(db, parse('candidates.duplicates', i)),
    get: (id: number, now = day(30), viewer?: string) => getCandidate(db, parse('candidates.get', { id, viewer }), now),
    merge: (keepId: number, mergeId: number, now = day(30)) => mergeCandidates(db, parse('candidates.merge', { keepId, mergeId }), now),
    move: (i: MethodInput<'candidates.move'>, now: string) => moveCandidate(db, parse('candidates.move', i), now),
    board: (requisitionId: number, now = day(30)) => candidateBoard(db, parse('candidates.board', { requisitionId }), now),
    submit: (i: MethodInput<'scorecards.submit'>, now = day(10)) => submitScorecard(db, parse('scorecards.submit', i), now),
    scorecards: (i: MethodInput<'scorecards.list'>) => listScorecards(db, parse('scorecards.list', i)),
    compare: (ids: number[], now = day(30)) => compareCandidates(db, parse('candidates.compare', { ids }), now),
    funnel: (requisitionId?: number, now = day(30)) => recruitingFunnel(db, parse('recruiting.funnel', { requisitionId }), now)
  }
}

/** Row counts of every recruiting table: an invalid write must leave all of them as they were. */
export function recruitingCounts(sqlite: { prepare(sql: string): { get(): unknown } }): Record<string, number> {
  const tables = ['requisitions', 'candidates', 'candidate_applications', 'candidate_stage_history', 'track_records', 'interview_questions', 'scorecards', 'scorecard_ratings']
  return Object.fromEntries(tables.map((t) => [t, (sqlite.prepare(`SELECT count(*) AS n FROM ${t}`).get() as { n: number }).n]))
}
