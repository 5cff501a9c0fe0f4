// Binds the forecast and productivity methods of the contract to their services; spread into the one handler table in handlers.ts.
import { isoDay, isoSecond } from '@shared/dates'
import type { Context, Handlers } from './dispatch'
import { accuracyHistory, closePeriod, forecastGrid, listCalls, recordCall } from './services/forecast/calls'
import { drillDeals } from './services/forecast/drill'
import { createPeriod, listPeriods, readForecastSettings, setForecastSettings } from './services/forecast/periods'
import { productivityDashboard } from './services/forecast/productivity'
import { forecastWalk, walkDeals } from './services/forecast/walk'

type ForecastMethod =
  | 'forecast.settings'
  | 'forecast.setSettings'
  | 'forecast.periods'
  | 'forecast.createPeriod'
  | 'forecast.grid'
  | 'forecast.recordCall'
  | 'forecast.calls'
  | 'forecast.close'
  | 'forecast.accuracyHistory'
  | 'forecast.drill'
  | 'forecast.walk'
  | 'forecast.walkDeals'
  | 'productivity.dashboard'

const today = (ctx: Context) => isoDay(ctx.clock.now())
const now = (ctx: Context) => isoSecond(ctx.clock.now())
const store = (ctx: Context) => ctx.session.requireStore()

export const forecastHandlers: Pick<Handlers, ForecastMethod> = {
  'forecast.settings': (ctx) => readForecastSettings(store(ctx).sqlite),
  'forecast.setSettings': (ctx, input) => setForecastSettings(store(ctx).sqlite, input),
  'forecast.periods': (ctx) => listPeriods(store(ctx).sqlite),
  'forecast.createPeriod': (ctx, input) => createPeriod(store(ctx).sqlite, input, now(ctx)),
  'forecast.grid': (ctx, input) => forecastGrid(store(ctx), input, today(ctx)),
  'forecast.recordCall': (ctx, input) => recordCall(store(ctx), input, today(ctx), now(ctx)),
  'forecast.calls': (ctx, input) => listCalls(store(ctx), input),
  'forecast.close': (ctx, input) => closePeriod(store(ctx), input, today(ctx), now(ctx)),
  'forecast.accuracyHistory': (ctx, input) => accuracyHistory(store(ctx), input),
  'forecast.drill': (ctx, input) => drillDeals(store(ctx), input, today(ctx)),
  'forecast.walk': (ctx, input) => forecastWalk(store(ctx), input, today(ctx)),
  'forecast.walkDeals': (ctx, input) => walkDeals(store(ctx), input, today(ctx)),
  'productivity.dashboard': (ctx, input) => productivityDashboard(store(ctx), input, today(ctx))
}
