// A mapped value is written into the cell in our words, and the deal mapper must read each back as what it stands for.
import { describe, expect, it } from 'vitest'
import { IMPORT_FORECAST_TARGETS, IMPORT_STAGE_TARGETS } from '../../src/shared/contract'
import { FORECAST_WORDS, STAGE_WORDS } from '../../src/main/importers/read'
import { mapForecastCategory, mapStage } from '../../src/main/importers/deals'
import { headerSignature } from '../../src/main/importers/saved-mappings'

describe('value mapping words', () => {
  it.each(IMPORT_STAGE_TARGETS)('the stage target %s is read back as itself', (target) => expect(mapStage(STAGE_WORDS[target])).toBe(target))
  it.each(IMPORT_FORECAST_TARGETS)('the forecast target %s is read back as itself on an open deal of any probability', (target) => {
    for (const p of [0, 50, 95]) expect(mapForecastCategory(FORECAST_WORDS[target], 'open', p)).toBe(target)
  })
})

describe('header signature', () => {
  it('ignores column order, case, spacing and blank headers, and tells different column sets apart', () => {
    expect(headerSignature(['Stage', 'Close  Date', ''])).toBe(headerSignature(['close date', ' STAGE ']))
    expect(headerSignature(['Stage', 'Close Date'])).not.toBe(headerSignature(['Stage', 'Close Date', 'Amount']))
  })
})
