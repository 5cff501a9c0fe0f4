import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { stampMaker } from '../../src/main/demo/stamps'
import { isoDay, isoSecond } from '../../src/shared/dates'

describe("the demo generator's fast date strings", () => {
  it('are exactly isoDay and isoSecond for any moment from 1970 to 2100, milliseconds and all', () => {
    const { day, stamp } = stampMaker()
    fc.assert(
      fc.property(fc.integer({ min: 0, max: Date.UTC(2100, 0, 1) }), (ms) => {
        expect(stamp(ms)).toBe(isoSecond(new Date(ms)))
        expect(day(ms)).toBe(isoDay(new Date(ms)))
      }),
      { numRuns: 5000, seed: 20261123 }
    )
  })

  it('get the edges of a day right: midnight, the last second, a leap day', () => {
    const { stamp } = stampMaker()
    expect(stamp(Date.UTC(2024, 1, 29, 0, 0, 0))).toBe('2024-02-29T00:00:00Z')
    expect(stamp(Date.UTC(2024, 1, 29, 23, 59, 59, 999))).toBe('2024-02-29T23:59:59Z')
    expect(stamp(Date.UTC(2026, 11, 31, 9, 5, 7))).toBe('2026-12-31T09:05:07Z')
  })
})
