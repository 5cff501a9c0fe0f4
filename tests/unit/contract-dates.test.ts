// Dates at the contract boundary: only real calendar days and times get past validation.
import { describe, expect, it } from 'vitest'
import { isoDate, isoDateTime } from '../../src/shared/contract/common'

describe('isoDate', () => {
  it.each([['2026-11-23'], ['2028-02-29'], ['2026-12-31']])('accepts %s', (day) => {
    expect(isoDate.safeParse(day).success).toBe(true)
  })

  it.each([
    ['2026-02-30', 'a day February does not have'],
    ['2026-02-29', 'a leap day in a common year'],
    ['2026-13-01', 'month 13'],
    ['2026-11-23T09:00:00Z', 'a timestamp'],
    ['23/11/2026', 'a local format'],
    ['2026-1-5', 'unpadded parts']
  ])('rejects %s (%s)', (day) => {
    expect(isoDate.safeParse(day).success).toBe(false)
  })
})

describe('isoDateTime', () => {
  it.each([['2026-11-23T09:00:00Z'], ['2026-11-23T09:00Z'], ['2026-11-23T23:59:59.999Z'], ['2028-02-29T12:00:00Z']])(
    'accepts %s',
    (stamp) => {
      expect(isoDateTime.safeParse(stamp).success).toBe(true)
    }
  )

  it.each([
    ['2026-02-30T10:00:00Z', 'a day February does not have (JavaScript would roll it into March)'],
    ['2026-02-29T10:00:00Z', 'a leap day in a common year'],
    ['2026-04-31T10:00:00Z', 'the 31st of a 30-day month'],
    ['2026-11-23T24:00:00Z', 'hour 24 (JavaScript would roll it into the next day)'],
    ['2026-11-23T09:60:00Z', 'minute 60'],
    ['2026-11-23T09:00:60Z', 'second 60'],
    ['2026-11-23T09:00:00', 'no time zone'],
    ['2026-11-23T09:00:00+01:00', 'an offset instead of UTC'],
    ['2026-11-23', 'a date without a time']
  ])('rejects %s (%s)', (stamp) => {
    expect(isoDateTime.safeParse(stamp).success).toBe(false)
  })
})
