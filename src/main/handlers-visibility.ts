// Binds the visibility methods of the contract to their services; spread into the one handler table in handlers.ts.
import { isoDay, isoSecond } from '@shared/dates'
import type { Handlers } from './dispatch'
import { compareVisibility, repCalendar, teamVisibility } from './services/visibility/team'
import { tierOneRelationships } from './services/visibility/relationships'
import {
  addCompetitorPerson,
  addSnapshot,
  createCompetitor,
  listCompetitors,
  listSnapshots,
  removeCompetitor,
  removeCompetitorPerson,
  setCompetitorRelationship,
  updateCompetitor
} from './services/visibility/competitors'
import { importSnapshotCsv } from './services/visibility/snapshot-csv'
import { listSocialRules, setSocialRule } from './services/visibility/social-rules'
import { getWeights, setWeights } from './services/visibility/weights'

type VisibilityMethod =
  | 'visibility.team'
  | 'visibility.compare'
  | 'visibility.calendar'
  | 'visibility.weights.get'
  | 'visibility.weights.set'
  | 'relationships.tierOne'
  | 'competitors.list'
  | 'competitors.create'
  | 'competitors.addPerson'
  | 'competitors.update'
  | 'competitors.remove'
  | 'competitors.removePerson'
  | 'snapshots.list'
  | 'snapshots.importCsv'
  | 'snapshots.add'
  | 'competitorRelationships.set'
  | 'socialRules.list'
  | 'socialRules.set'

export const visibilityHandlers: Pick<Handlers, VisibilityMethod> = {
  'visibility.team': (ctx, input) => teamVisibility(ctx.session.db(), input, isoDay(ctx.clock.now())),
  'visibility.compare': (ctx, input) => compareVisibility(ctx.session.db(), input, isoDay(ctx.clock.now())),
  'visibility.calendar': (ctx, input) => repCalendar(ctx.session.db(), input, isoDay(ctx.clock.now())),
  'visibility.weights.get': (ctx) => getWeights(ctx.session.db()),
  'visibility.weights.set': (ctx, input) => setWeights(ctx.session.db(), input),
  'relationships.tierOne': (ctx, input) => tierOneRelationships(ctx.session.db(), input, isoDay(ctx.clock.now())),
  'competitors.list': (ctx) => listCompetitors(ctx.session.db()),
  'competitors.create': (ctx, input) => createCompetitor(ctx.session.db(), input, isoSecond(ctx.clock.now())),
  'competitors.addPerson': (ctx, input) => addCompetitorPerson(ctx.session.db(), input, isoSecond(ctx.clock.now())),
  'competitors.update': (ctx, input) => updateCompetitor(ctx.session.db(), input),
  'competitors.remove': (ctx, input) => removeCompetitor(ctx.session.db(), input),
  'competitors.removePerson': (ctx, input) => removeCompetitorPerson(ctx.session.db(), input),
  'snapshots.list': (ctx, input) => listSnapshots(ctx.session.db(), input, isoDay(ctx.clock.now())),
  'snapshots.importCsv': (ctx, input) => importSnapshotCsv(ctx.session.requireStore().sqlite, input, isoDay(ctx.clock.now()), isoSecond(ctx.clock.now())),
  'snapshots.add': (ctx, input) => addSnapshot(ctx.session.db(), input, isoDay(ctx.clock.now())),
  'competitorRelationships.set': (ctx, input) => setCompetitorRelationship(ctx.session.db(), input),
  'socialRules.list': (ctx) => listSocialRules(ctx.session.db(), isoDay(ctx.clock.now())),
  'socialRules.set': (ctx, input) => setSocialRule(ctx.session.db(), input, isoSecond(ctx.clock.now()))
}
