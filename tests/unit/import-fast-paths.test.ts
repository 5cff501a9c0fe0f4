// The import's fast paths for the common cell (a plain timestamp, text with nothing to trim, a kept row) give exactly
// what the general parsers give.
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { isMissing, parseDateTime, text } from '../../src/main/importers/values'
import { bodyRecord, trailingCandidate } from '../../src/main/importers/table'

const two = (n: number) => String(n).padStart(2, '0')

describe('timestamps as exports write them (YYYY-MM-DD HH:MM:SS)', () => {
  it('read the same on the fast path as on the general one, real or not', () => {
    fc.assert(
      fc.property(
        fc.record({
          y: fc.integer({ min: 1890, max: 2210 }),
          mo: fc.integer({ min: 0, max: 13 }),
          d: fc.integer({ min: 0, max: 32 }),
          h: fc.integer({ min: 0, max: 25 }),
          mi: fc.integer({ min: 0, max: 61 }),
          s: fc.integer({ min: 0, max: 61 }),
          sep: fc.constantFrom(' ', 'T')
        }),
        ({ y, mo, d, h, mi, s, sep }) => {
          const stamp = `${y}-${two(mo)}-${two(d)}${sep}${two(h)}:${two(mi)}:${two(s)}`
          // A leading space keeps the cell off the fast path: the general parser trims it and reads the same text.
          expect(parseDateTime(stamp)).toBe(parseDateTime(` ${stamp}`))
          const real = new Date(Date.UTC(y, mo - 1, d))
          const valid = y >= 1900 && y <= 2200 && mo >= 1 && mo <= 12 && real.getUTCDate() === d && h <= 23 && mi <= 59 && s <= 59
          expect(parseDateTime(stamp)).toBe(valid ? `${y}-${two(mo)}-${two(d)}T${two(h)}:${two(mi)}:${two(s)}Z` : null)
        }
      ),
      { numRuns: 5000 }
    )
  })

  it.each([
    ['2024-02-29 23:59:59', '2024-02-29T23:59:59Z'],
    ['2000-02-29T00:00:00', '2000-02-29T00:00:00Z'],
    ['1900-02-29 00:00:00', null],
    ['2026-1x-01 00:00:00', null],
    ['2026/01/01 00:00:00', null]
  ])('%s is %s', (raw, iso) => expect(parseDateTime(raw)).toBe(iso))
})

describe('text cells', () => {
  it('are the trimmed cell, or null for a missing marker, whatever the characters', () => {
    const cell = fc.oneof(
      fc.string({ maxLength: 12 }),
      fc.constantFrom('', ' ', '-', 'NA', 'n/a', 'NULL', '#N/A', '\u00a0Acme\u00a0', '\ufeffAcme', 'Acme ', ' Acme', 'Acme'),
      fc.tuple(fc.constantFrom('', ' ', '\t', '\u00a0', '\u2028'), fc.string({ maxLength: 8 }), fc.constantFrom('', ' ', '\n', '\u00a0')).map((p) => p.join(''))
    )
    fc.assert(
      fc.property(cell, (raw) => {
        expect(text(raw)).toBe(isMissing(raw) ? null : raw.trim())
      }),
      { numRuns: 5000 }
    )
  })
})

describe('body rows', () => {
  it('are kept, skipped as blank or dropped as a footer the same way with or without filled cells to spare', () => {
    expect(bodyRecord(['a', 'b', 'c'])).toBe('keep')
    expect(bodyRecord(['\u00a0', '\u00a0', '\u00a0', ''])).toBe('blank')
    expect(bodyRecord(['Grand Total', '', '\u00a0'])).toEqual({ footer: 'report footer "Grand Total"' })
    // A total label with sums beside it is a report's aggregate row however many cells it fills; a deal named so is not.
    expect(bodyRecord(['Grand Total', '12', '3'])).toEqual({ footer: 'report total row "Grand Total"' })
    expect(bodyRecord(['Grand Totals (5 records)', '', '', '$150,500.00', '36%'])).toEqual({ footer: 'report total row "Grand Totals (5 records)"' })
    expect(bodyRecord(['Total Gym renewal', 'Total Gym', 'Proposal'])).toBe('keep')
  })

  it('are held back as possible closing lines only when no record could be them', () => {
    expect(trailingCandidate(['Touchline Demo Org', '', '', ''], 4)).toBe(true)
    expect(trailingCandidate(['', '', '', '$20,000.00', '70%'], 5)).toBe(true)
    expect(trailingCandidate(['Acme', '', '', '$20,000.00'], 4)).toBe(false)
    // A LinkedIn connection with a hidden name, or with only a first name and a date, is a record.
    expect(trailingCandidate(['', '', '', '', '', '', '12 Mar 2025'], 7)).toBe(false)
    expect(trailingCandidate(['Ada', '', '', '', '', '', '27 Jun 2026'], 7)).toBe(false)
    expect(trailingCandidate(['Touchline Demo Org'], 2)).toBe(false)
    expect(bodyRecord(['Total', ' ', '485,000'])).toEqual({ footer: 'report footer "Total"' })
  })
})
