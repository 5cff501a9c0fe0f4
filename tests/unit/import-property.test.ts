// Random and mutated CSVs thrown at the reading pipeline: it never crashes or hangs, and every rejection says file, row (and column).
import { readFileSync, readdirSync, statSync } from 'node:fs'
import { join } from 'node:path'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { readImport } from '../../src/main/importers/read'
import { ImportError } from '../../src/main/importers/errors'

const FIXTURES = join(__dirname, '..', 'fixtures', 'import')
// Every fixture, the wild exports in their sub-folder included.
const seeds = readdirSync(FIXTURES, { recursive: true })
  .map(String)
  .filter((f) => statSync(join(FIXTURES, f)).isFile())
  .map((f) => new Uint8Array(readFileSync(join(FIXTURES, f))))

/** Reads, and if it refuses, checks the refusal is the typed one naming the file and where in it. */
function readOrExplain(bytes: Uint8Array): void {
  try {
    const result = readImport('fuzz.csv', bytes)
    for (const p of result.problems) {
      expect(p.file).toMatch(/^fuzz\.csv/)
      expect(p.row).toBeGreaterThan(0)
    }
  } catch (err) {
    expect(err).toBeInstanceOf(ImportError)
    const e = err as ImportError
    expect(e.code).toBe('INVALID_INPUT')
    expect(e.message).toMatch(/^file "fuzz\.csv[^"]*"(, row \d+)?(, column "[^"]*")?: \S/)
    // Only archive-level refusals (a broken zip) may lack a row: every CSV refusal knows where it stopped.
    if (!(bytes[0] === 0x50 && bytes[1] === 0x4b)) expect(e.where.row).toBeGreaterThan(0)
  }
}

const cell = fc.oneof(
  fc.string({ maxLength: 12 }),
  fc.constantFrom('USD 485,000.00', '90%', '0.07', 'N/A', '-', '27 Jun 2026', '6/27/26, 7:35 AM', '16/10/2025', '"', '""', '\r\n', ';', '\t', 'Closed Won', 'Opportunity Name', 'Stage')
)
const header = fc.subarray(['Opportunity Name', 'Account Name', 'Stage', 'Amount', 'Close Date', 'Opportunity Owner', 'Opportunity ID', 'First Name', 'Last Name', 'Company', 'Connected On', 'Id', 'StageName', 'CloseDate', 'Name'], { minLength: 1 })

describe('the reading pipeline under random input', () => {
  it('random tables with known headers, any delimiter and line ending', () => {
    fc.assert(
      fc.property(header, fc.array(fc.array(cell, { maxLength: 10 }), { maxLength: 20 }), fc.constantFrom(',', ';', '\t'), fc.constantFrom('\n', '\r\n', '\r'), (head, rows, d, nl) => {
        const text = [head.join(d), ...rows.map((r) => r.join(d))].join(nl)
        readOrExplain(new TextEncoder().encode(text))
      }),
      { numRuns: 1500 }
    )
  })

  it('random bytes', () => {
    fc.assert(fc.property(fc.uint8Array({ maxLength: 400 }), (bytes) => readOrExplain(bytes)), { numRuns: 1500 })
  })

  it('fixtures with bytes flipped, cut or spliced', () => {
    fc.assert(
      fc.property(fc.nat(seeds.length - 1), fc.array(fc.tuple(fc.nat(), fc.integer({ min: 0, max: 255 })), { maxLength: 8 }), fc.nat(), (which, flips, cut) => {
        const seed = seeds[which] ?? new Uint8Array()
        const bytes = seed.slice(0, Math.max(1, cut % (seed.length + 1)))
        for (const [at, value] of flips) if (bytes.length) bytes[at % bytes.length] = value
        readOrExplain(bytes)
      }),
      { numRuns: 1500 }
    )
  })
})
