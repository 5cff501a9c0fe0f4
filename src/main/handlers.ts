// Binds every contract method to its service: the one table from method name to code.
import { LATEST_VERSION } from './store/migrations'
import type { Handlers } from './dispatch'
import { TouchlineError } from '@shared/errors'
import { workspaceSummary } from './services/workspace/summary'
import { listReps, listTeams } from './services/team/list'
import { getDeal, listDeals } from './services/pipeline/deals'
import { listAccounts } from './services/pipeline/accounts'
import { createActivity, listActivities } from './services/pipeline/activities'
import { recruitingHandlers } from './handlers-recruiting'
import { inspectionHandlers } from './handlers-inspection'
import { teamHandlers } from './handlers-team'
import { visibilityHandlers } from './handlers-visibility'
import { forecastHandlers } from './handlers-forecast'
import { importHandlers } from './handlers-import'
import { compactWorkspace, writeCompactBackup } from './store/compact'

export const APP_VERSION = '0.1.0'

export const handlers: Handlers = {
  'app.info': (ctx) => ({ version: APP_VERSION, schemaVersion: LATEST_VERSION, shell: ctx.shell }),
  'workspace.status': (ctx) => ctx.session.settled(),
  'workspace.create': (ctx, input) => ctx.session.create(input.kind, ctx.clock),
  'workspace.summary': (ctx) => workspaceSummary(ctx.session.db()),
  'workspace.compact': (ctx) => {
    const store = ctx.session.requireStore()
    // Not session.createBackup: its page copy could keep fragments of erased rows (see writeCompactBackup).
    const backup = writeCompactBackup(store.sqlite, store.path, ctx.clock.now())
    ctx.session.backUpFiles()
    return { ...compactWorkspace(store.sqlite, store.path), backup }
  },
  'app.exportPdf': (ctx, input) => {
    if (!ctx.desktop) {
      throw new TouchlineError('UNSUPPORTED', "app.exportPdf: the browser shell cannot save PDFs itself; use the browser's Print → Save as PDF.")
    }
    return ctx.desktop.exportPdf(input)
  },
  'teams.list': (ctx) => listTeams(ctx.session.db()),
  'reps.list': (ctx, input) => listReps(ctx.session.db(), input),
  'deals.list': (ctx, input) => listDeals(ctx.session.db(), input),
  'deals.get': (ctx, input) => getDeal(ctx.session.db(), input),
  'accounts.list': (ctx, input) => listAccounts(ctx.session.db(), input),
  'activities.list': (ctx, input) => listActivities(ctx.session.db(), input),
  'activities.create': (ctx, input) => createActivity(ctx.session.requireStore(), input, ctx.clock),
  'backups.list': (ctx) => ctx.session.backups(),
  'backups.create': (ctx) => ctx.session.createBackup(ctx.clock),
  'backups.restore': (ctx, input) => ctx.session.restore(input.name, ctx.clock),
  ...recruitingHandlers,
  ...inspectionHandlers,
  ...visibilityHandlers,
  ...teamHandlers,
  ...importHandlers,
  ...forecastHandlers
}
