// Binds the recruiting methods of the contract to their services; spread into the one handler table in handlers.ts.
import { isoSecond } from '@shared/dates'
import type { Handlers } from './dispatch'
import { createRequisition, getRequisition, listRequisitions } from './services/recruiting/requisitions'
import { createCandidate, duplicatesOf, getCandidate, mergeCandidates } from './services/recruiting/candidates'
import { candidateBoard, moveCandidate } from './services/recruiting/board'
import { listScorecards, submitScorecard } from './services/recruiting/scorecards'
import { compareCandidates } from './services/recruiting/compare'
import { recruitingFunnel } from './services/recruiting/funnel'
import { eraseCandidate } from './services/recruiting/erase'
import { importCandidateCsv } from './services/recruiting/candidate-csv'

type RecruitingMethod =
  | 'requisitions.list'
  | 'requisitions.get'
  | 'requisitions.create'
  | 'candidates.board'
  | 'candidates.duplicates'
  | 'candidates.create'
  | 'candidates.get'
  | 'candidates.merge'
  | 'candidates.move'
  | 'candidates.compare'
  | 'scorecards.submit'
  | 'scorecards.list'
  | 'recruiting.funnel'
  | 'recruiting.eraseCandidate'
  | 'candidates.importCsv'

export const recruitingHandlers: Pick<Handlers, RecruitingMethod> = {
  'requisitions.list': (ctx, input) => listRequisitions(ctx.session.db(), input),
  'requisitions.get': (ctx, input) => getRequisition(ctx.session.db(), input),
  'requisitions.create': (ctx, input) => createRequisition(ctx.session.db(), input, isoSecond(ctx.clock.now())),
  'candidates.board': (ctx, input) => candidateBoard(ctx.session.db(), input, isoSecond(ctx.clock.now())),
  'candidates.duplicates': (ctx, input) => duplicatesOf(ctx.session.db(), input),
  'candidates.create': (ctx, input) => createCandidate(ctx.session.db(), input, isoSecond(ctx.clock.now())),
  'candidates.get': (ctx, input) => getCandidate(ctx.session.db(), input, isoSecond(ctx.clock.now())),
  'candidates.merge': (ctx, input) => mergeCandidates(ctx.session.db(), input, isoSecond(ctx.clock.now())),
  'candidates.move': (ctx, input) => moveCandidate(ctx.session.db(), input, isoSecond(ctx.clock.now())),
  'candidates.compare': (ctx, input) => compareCandidates(ctx.session.db(), input, isoSecond(ctx.clock.now())),
  'scorecards.submit': (ctx, input) => submitScorecard(ctx.session.db(), input, isoSecond(ctx.clock.now())),
  'scorecards.list': (ctx, input) => listScorecards(ctx.session.db(), input),
  'recruiting.funnel': (ctx, input) => recruitingFunnel(ctx.session.db(), input, isoSecond(ctx.clock.now())),
  'recruiting.eraseCandidate': (ctx, input) => eraseCandidate(ctx.session.db(), input),
  'candidates.importCsv': (ctx, input) => importCandidateCsv(ctx.session.db(), input, isoSecond(ctx.clock.now()))
}
