// Binds the recruiting methods of the contract to their services; spread into the one handler table in handlers.ts.
import { isoDay, isoSecond } from '@shared/dates'
import { tmpdir } from 'node:os'
import { TouchlineError } from '@shared/errors'
import type { Context, Handlers } from './dispatch'
import { createRequisition, getRequisition, listRequisitions } from './services/recruiting/requisitions'
import { createCandidate, duplicatesOf, getCandidate, mergeCandidates } from './services/recruiting/candidates'
import { candidateBoard, moveCandidate } from './services/recruiting/board'
import { listScorecards, submitScorecard } from './services/recruiting/scorecards'
import { compareCandidates } from './services/recruiting/compare'
import { recruitingFunnel } from './services/recruiting/funnel'
import { eraseCandidate } from './services/recruiting/erase'
import { importCandidateCsv } from './services/recruiting/candidate-csv'
import { hireAsRep, hireOutcomes, linkRep } from './services/recruiting/hire-outcomes'
import {
  addAttachment,
  attachmentFolder,
  attachmentHashesOf,
  deleteUnreferenced,
  listAttachments,
  readStored,
  removeAttachment,
  storedAttachment,
  viewerCopy
} from './services/recruiting/attachments'

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
  | 'attachments.add'
  | 'attachments.list'
  | 'attachments.remove'
  | 'attachments.open'
  | 'candidates.importCsv'
  | 'candidates.linkRep'
  | 'candidates.hireAsRep'
  | 'recruiting.hireOutcomes'

/** The workspace's attachments folder, beside whichever workspace file the session has open. */
const filesOf = (ctx: Context) => attachmentFolder(ctx.session.workspacePath())

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
  'recruiting.eraseCandidate': async (ctx, input) => {
    const db = ctx.session.db()
    const files = await attachmentHashesOf(db, input.id)
    const erased = await eraseCandidate(db, input)
    // After the commit: a file another candidate also holds stays.
    await deleteUnreferenced(db, filesOf(ctx), files)
    return erased
  },
  'attachments.add': (ctx, input) => addAttachment(ctx.session.db(), filesOf(ctx), input, isoSecond(ctx.clock.now())),
  'attachments.list': (ctx, input) => listAttachments(ctx.session.db(), input),
  'attachments.remove': (ctx, input) => removeAttachment(ctx.session.db(), filesOf(ctx), input),
  /**
   * The desktop shell hands a read-only copy (named with the checked kind's extension) to the OS viewer. The browser
   * shell has no viewer it can start on the user's behalf, so it returns the bytes and the window offers a download.
   */
  'attachments.open': async (ctx, input) => {
    const stored = await storedAttachment(ctx.session.db(), filesOf(ctx), input.id)
    const name = stored.row.name
    const openPath = ctx.desktop?.openPath
    if (!openPath) return { via: 'download', name, mediaType: stored.row.mediaType, dataBase64: readStored(stored.path).toString('base64') }
    const problem = await openPath(viewerCopy(stored, tmpdir()))
    if (problem) throw new TouchlineError('UNSUPPORTED', `attachments.open: no application on this computer opened ${JSON.stringify(name)}: ${problem}`)
    return { via: 'viewer', name }
  },
  'candidates.importCsv': (ctx, input) => importCandidateCsv(ctx.session.db(), input, isoSecond(ctx.clock.now())),
  'candidates.linkRep': (ctx, input) => linkRep(ctx.session.db(), input, isoSecond(ctx.clock.now())),
  'candidates.hireAsRep': (ctx, input) => hireAsRep(ctx.session.db(), input, isoSecond(ctx.clock.now()), isoDay(ctx.clock.now())),
  'recruiting.hireOutcomes': (ctx, input) => hireOutcomes(ctx.session.db(), input, isoDay(ctx.clock.now()))
}
