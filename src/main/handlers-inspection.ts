// Binds the pipeline-inspection methods of the contract to their services; spread into the one handler table in handlers.ts.
import { isoDay, isoSecond } from '@shared/dates'
import type { Context, Handlers } from './dispatch'
import {
  acknowledgeFlag,
  deleteView,
  getThresholds,
  inspectDealById,
  listPipeline,
  listViews,
  pipelineForecast,
  pipelineFunnel,
  pipelineTotals,
  saveView,
  setCriterion,
  setManagerCall,
  setThresholds
} from './services/pipeline/inspection'
import { pipelineBoard } from './services/pipeline/board'

type InspectionMethod =
  | 'pipeline.list'
  | 'pipeline.totals'
  | 'deals.board'
  | 'pipeline.forecast'
  | 'pipeline.funnel'
  | 'deals.inspect'
  | 'flags.acknowledge'
  | 'deals.setManagerCall'
  | 'criteria.set'
  | 'settings.getThresholds'
  | 'settings.setThresholds'
  | 'pipelineViews.list'
  | 'pipelineViews.save'
  | 'pipelineViews.delete'

const today = (ctx: Context) => isoDay(ctx.clock.now())
const now = (ctx: Context) => isoSecond(ctx.clock.now())
const store = (ctx: Context) => ctx.session.requireStore()

export const inspectionHandlers: Pick<Handlers, InspectionMethod> = {
  'pipeline.list': (ctx, input) => listPipeline(store(ctx), input, today(ctx)),
  'deals.board': (ctx, input) => pipelineBoard(store(ctx), input, today(ctx)),
  'pipeline.totals': (ctx, input) => pipelineTotals(store(ctx), input, today(ctx)),
  'pipeline.forecast': (ctx, input) => pipelineForecast(store(ctx), input, today(ctx)),
  'pipeline.funnel': (ctx, input) => pipelineFunnel(store(ctx), input, today(ctx)),
  'deals.inspect': (ctx, input) => inspectDealById(store(ctx), input.id, today(ctx)),
  'flags.acknowledge': (ctx, input) => acknowledgeFlag(store(ctx), input, today(ctx), now(ctx)),
  'deals.setManagerCall': (ctx, input) => setManagerCall(store(ctx), input),
  'criteria.set': (ctx, input) => setCriterion(store(ctx), input, today(ctx), now(ctx)),
  'settings.getThresholds': (ctx) => getThresholds(store(ctx)),
  'settings.setThresholds': (ctx, input) => setThresholds(store(ctx), input, today(ctx)),
  'pipelineViews.list': (ctx) => listViews(store(ctx)),
  'pipelineViews.save': (ctx, input) => saveView(store(ctx), input),
  'pipelineViews.delete': (ctx, input) => deleteView(store(ctx), input)
}
