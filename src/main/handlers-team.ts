// Binds the Team (including team and rep management) and one-on-one methods of the contract to their services; spread into the one handler table in handlers.ts.
import { isoDay, isoSecond } from '@shared/dates'
import type { Context, Handlers } from './dispatch'
import { repCard, repCards } from './services/team/cards'
import { prepSheet } from './services/team/prep'
import { listOneOnOnes, oneOnOneDetail, setOneOnOneStatus, startOneOnOne } from './services/team/one-on-ones'
import { noteVersions, restoreNote, saveNote } from './services/team/notes'
import { addActionItem, completeActionItem, listActionItems } from './services/team/action-items'
import { rateFocus } from './services/team/focus'
import { searchNotes } from './services/team/search'
import { createRep, createTeam, getRep, markRepLeft, moveRep, reassignDeals, reinstateRep, renameTeam, repHistory, updateRep } from './services/team/admin'

type TeamMethod =
  | 'reps.cards'
  | 'reps.card'
  | 'oneOnOnes.prep'
  | 'oneOnOnes.start'
  | 'oneOnOnes.get'
  | 'oneOnOnes.list'
  | 'oneOnOnes.setStatus'
  | 'notes.save'
  | 'notes.versions'
  | 'notes.restore'
  | 'actionItems.add'
  | 'actionItems.complete'
  | 'actionItems.list'
  | 'focus.rate'
  | 'search.notes'
  | 'teams.create'
  | 'teams.rename'
  | 'reps.get'
  | 'reps.create'
  | 'reps.update'
  | 'reps.move'
  | 'reps.markLeft'
  | 'reps.reinstate'
  | 'reps.history'
  | 'deals.reassign'

const today = (ctx: Context) => isoDay(ctx.clock.now())
const now = (ctx: Context) => isoSecond(ctx.clock.now())
const store = (ctx: Context) => ctx.session.requireStore()

export const teamHandlers: Pick<Handlers, TeamMethod> = {
  'reps.cards': (ctx, input) => repCards(store(ctx), input, today(ctx)),
  'reps.card': (ctx, input) => repCard(store(ctx), input, today(ctx)),
  'oneOnOnes.prep': (ctx, input) => prepSheet(store(ctx), input, now(ctx)),
  'oneOnOnes.start': (ctx, input) => startOneOnOne(store(ctx), input, now(ctx)),
  'oneOnOnes.get': (ctx, input) => oneOnOneDetail(store(ctx), input.id),
  'oneOnOnes.list': (ctx, input) => listOneOnOnes(store(ctx), input),
  'oneOnOnes.setStatus': (ctx, input) => setOneOnOneStatus(store(ctx), input, now(ctx)),
  'notes.save': (ctx, input) => saveNote(store(ctx), input, now(ctx)),
  'notes.versions': (ctx, input) => noteVersions(store(ctx), input),
  'notes.restore': (ctx, input) => restoreNote(store(ctx), input, now(ctx)),
  'actionItems.add': (ctx, input) => addActionItem(store(ctx), input, now(ctx)),
  'actionItems.complete': (ctx, input) => completeActionItem(store(ctx), input, now(ctx)),
  'actionItems.list': (ctx, input) => listActionItems(store(ctx), input),
  'focus.rate': (ctx, input) => rateFocus(store(ctx), input, now(ctx)),
  'search.notes': (ctx, input) => searchNotes(store(ctx), input),
  'teams.create': (ctx, input) => createTeam(store(ctx), input, now(ctx)),
  'teams.rename': (ctx, input) => renameTeam(store(ctx), input),
  'reps.get': (ctx, input) => getRep(store(ctx), input),
  'reps.create': (ctx, input) => createRep(store(ctx), input, today(ctx)),
  'reps.update': (ctx, input) => updateRep(store(ctx), input, today(ctx)),
  'reps.move': (ctx, input) => moveRep(store(ctx), input, today(ctx), now(ctx)),
  'reps.markLeft': (ctx, input) => markRepLeft(store(ctx), input, today(ctx), now(ctx)),
  'reps.reinstate': (ctx, input) => reinstateRep(store(ctx), input, now(ctx)),
  'reps.history': (ctx, input) => repHistory(store(ctx), input),
  'deals.reassign': (ctx, input) => reassignDeals(store(ctx), input, today(ctx), now(ctx))
}
