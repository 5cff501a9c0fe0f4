// The chunked CSV reader gives the same header, records and line numbers as the whole-file reader, wherever the
// chunks are cut: inside a CRLF, a quoted newline, a multi-byte character or a UTF-16 code unit.
import { readFileSync, readdirSync } from 'node:fs'
import { join } from 'node:path'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { decodeBytes, detectEncoding } from '../../src/main/importers/encoding'
import { KNOWN_HEADERS } from '../../src/main/importers/sources'
import { streamTable, type ByteSource } from '../../src/main/importers/stream'
import { readTable, type TableRecord } from '../../src/main/importers/table'

const FIXTURES = join(__dirname, '..', 'fixtures', 'import')
// Every fixture CSV, the wild exports in their sub-folder included.
const CSVS = readdirSync(FIXTURES, { recursive: true }).map(String).filter((f) => f.endsWith('.csv'))

/** A source that hands out its bytes in pieces of the given sizes (cycled). */
function pieces(name: string, bytes: Uint8Array, sizes: number[]): ByteSource {
  return {
    name,
    size: bytes.length,
    isZip: false,
    async *chunks() {
      let at = 0
      for (let i = 0; at < bytes.length; i++) {
        const n = Math.max(1, sizes[i % sizes.length] ?? 1)
        yield bytes.subarray(at, at + n)
        at += n
      }
    }
  }
}

async function streamed(name: string, bytes: Uint8Array, sizes: number[]) {
  const table = await streamTable(pieces(name, bytes, sizes), name, KNOWN_HEADERS)
  const records: TableRecord[] = []
  for await (const batch of table.batches()) records.push(...batch)
  return { encoding: table.encoding, delimiter: table.delimiter, headerLine: table.headerLine, headers: table.headers, records, dropped: table.dropped.map((d) => d.row) }
}

function whole(name: string, bytes: Uint8Array) {
  const decoded = decodeBytes(bytes)
  const t = readTable(decoded.text, name, KNOWN_HEADERS)
  return { encoding: decoded.encoding, delimiter: t.delimiter, headerLine: t.headerLine, headers: t.headers, records: t.records, dropped: t.dropped.map((d) => d.row) }
}

describe('the chunked reader', () => {
  it.each(CSVS)('%s read in 1-, 2-, 3- and 7-byte chunks matches the whole-file reader', async (name) => {
    const bytes = new Uint8Array(readFileSync(join(FIXTURES, name)))
    const expected = whole(name, bytes)
    for (const size of [1, 2, 3, 7]) expect(await streamed(name, bytes, [size])).toEqual(expected)
  })

  it('any cut of a CRLF file with quoted newlines, accents and a footer reads the same records on the same lines', async () => {
    const text = '\uFEFFReport,,\r\n\r\nOpportunity Name,Stage,Close Date\r\n"Café, ""big""\r\nrenewal",Prospecting,2027-01-01\r\nNaïve,Proposal,2027-02-01\r\n\r\n"é\nè",Negotiation,2027-03-01\r\nGrand Totals (3 records),,\r\n'
    const bytes = new TextEncoder().encode(text)
    const expected = whole('f.csv', bytes)
    expect(expected.records.map((r) => r.line)).toEqual([4, 6, 8])
    await fc.assert(
      fc.asyncProperty(fc.array(fc.integer({ min: 1, max: 40 }), { minLength: 1, maxLength: 8 }), async (sizes) => {
        expect(await streamed('f.csv', bytes, sizes)).toEqual(expected)
      }),
      { numRuns: 150 }
    )
  })

  it('reads the head for the encoding: a UTF-8 character cut at the end of the head is not taken for a legacy encoding', () => {
    const bytes = new TextEncoder().encode('Name\nRenée\n')
    const cut = bytes.subarray(0, bytes.indexOf(0xc3) + 1)
    expect(detectEncoding(cut, false)).toBe('utf-8')
    // The same bytes as a whole file really are not UTF-8.
    expect(detectEncoding(cut, true)).not.toMatch(/^utf-8/)
  })

  it.each([
    ['', /row 1: the file is empty/],
    ['   \n\n', /row 1: the file is empty/],
    ['a,b\n1,\u00002\n', /row 2: the file holds binary data/]
  ])('refuses %j naming file and row', async (text, message) => {
    await expect(streamTable(pieces('f.csv', new TextEncoder().encode(text), [3]), 'f.csv', KNOWN_HEADERS)).rejects.toThrow(message)
  })
})
