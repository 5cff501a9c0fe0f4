// Cell parsers: money, percentages, booleans, missing markers and the date formats real exports use.
import { describe, expect, it } from 'vitest'
import { detectDayOrder, fractionColumn, isMissing, parseBoolean, parseDate, parseMoney, parsePercent, splitValues } from '../../src/main/importers/values'
import { decodeBytes } from '../../src/main/importers/encoding'
import { companyKey } from '../../src/main/importers/apply'
import { neutralise } from '../../src/main/exporters/deals-csv'

describe('money', () => {
  it.each([
    ['USD 485,000.00', 48_500_000, 'USD'],
    ['$1,250', 125_000, 'USD'],
    ['12.500,00', 1_250_000, null],
    ['1.200,50 €', 120_050, 'EUR'],
    ['€5.000', 500_000, 'EUR'],
    ['485000', 48_500_000, null],
    ['GBP 99.9', 9_990, 'GBP'],
    ['0.07', 7, null],
    // Locales in the wild: Swiss typographic apostrophes, Indian grouping, French narrow no-break spaces, symbols.
    ['CHF 1\u2019234\u2019567.50', 123_456_750, 'CHF'],
    ['₹1,23,456.00', 12_345_600, 'INR'],
    ['1\u202f234,50 zł', 123_450, 'PLN'],
    ['R$ 1.234,56', 123_456, 'BRL'],
    ['A$1,000', 100_000, 'AUD'],
    ['HK$900', 90_000, 'HKD'],
    ['\\1,200,000', 120_000_000, 'JPY'],
    ['￥480,000', 48_000_000, 'JPY']
  ])('%s is %i minor units in %s', (raw, minor, currency) => {
    expect(parseMoney(raw)).toEqual({ ok: true, value: { minor, currency } })
  })
  it.each(['-', 'NA', 'N/A', '', '  '])('"%s" is missing', (raw) => {
    expect(parseMoney(raw)).toEqual({ ok: true, value: null })
    expect(isMissing(raw)).toBe(true)
  })
  it.each(['USD', 'twelve', '1,2,3x'])('"%s" is rejected with a reason', (raw) => {
    expect(parseMoney(raw).ok).toBe(false)
  })
})

describe('percentages and booleans', () => {
  it.each([
    ['90%', 90],
    ['90', 90],
    ['0.07', 7],
    ['1', 1],
    ['12,5 %', 13]
  ])('%s is %i %%', (raw, pct) => expect(parsePercent(raw)).toEqual({ ok: true, value: pct }))
  it('refuses a percentage over 100', () => expect(parsePercent('150%').ok).toBe(false))
  it('reads a decimal-comma fraction as one, and a whole column of fractions with 1 as 100 %', () => {
    expect(parsePercent('0,07')).toEqual({ ok: true, value: 7 })
    expect(parsePercent('1', true)).toEqual({ ok: true, value: 100 })
    expect(parsePercent('90%', true)).toEqual({ ok: true, value: 90 })
    expect(fractionColumn(['0,2', '', '1', '0.9'])).toBe(true)
    expect(fractionColumn(['0', '1'])).toBe(false)
    expect(fractionColumn(['0.5', '20'])).toBe(false)
    expect(fractionColumn(['0.5', '50%'])).toBe(false)
  })
  it.each([
    ['1', true],
    ['', false],
    ['TRUE', true],
    ['false', false],
    ['Yes', true],
    ['No', false]
  ])('%s reads as %s', (raw, value) => expect(parseBoolean(raw)).toEqual({ ok: true, value }))
  it('splits multi-value cells on semicolons', () => expect(splitValues('Econ buyer; Coach ;; N/A')).toEqual(['Econ buyer', 'Coach']))
})

describe('dates', () => {
  it.each([
    ['2026-06-27', null, '2026-06-27'],
    ['2026-06-27T07:35:00Z', null, '2026-06-27'],
    ['2026-06-27 07:35:00', null, '2026-06-27'],
    ['27 Jun 2026', null, '2026-06-27'],
    ['6/27/26, 7:35 AM', null, '2026-06-27'],
    ['16/10/2025', null, '2025-10-16'],
    ['9-Sep-22', null, '2022-09-09'],
    ['Aug 2022', null, '2022-08-01'],
    ['Jun 27, 2026', null, '2026-06-27'],
    ['03/04/2027', 'dmy', '2027-04-03'],
    ['03/04/2027', 'mdy', '2027-03-04'],
    ['16.10.2025', null, '2025-10-16']
  ] as const)('%s (%s) is %s', (raw, order, iso) => expect(parseDate(raw, order)).toEqual({ kind: 'date', iso }))
  it('reports 03/04/2027 as ambiguous when the order is unknown', () => expect(parseDate('03/04/2027').kind).toBe('ambiguous'))
  it.each(['31/02/2026', '2026-13-01', 'soon', '32 Jun 2026'])('rejects %s', (raw) => expect(parseDate(raw).kind).toBe('invalid'))
  it.each([
    [['16/10/2025', '03/04/2027'], { kind: 'known', order: 'dmy' }],
    [['10/16/2025', '03/04/2027'], { kind: 'known', order: 'mdy' }],
    [['03/04/2027', '05/06/2027'], { kind: 'ambiguous' }],
    [['16/10/2025', '10/16/2025'], { kind: 'conflict', at: 1 }],
    [['2026-01-01', '27 Jun 2026'], { kind: 'none' }]
  ] as const)('a file with %j is %j', (values, verdict) => expect(detectDayOrder(values)).toEqual(verdict))
})

describe('encodings', () => {
  const word = 'Société Générale'
  it.each([
    ['utf-8', Buffer.from(word, 'utf8'), 'utf-8'],
    ['utf-8 with BOM', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(word, 'utf8')]), 'utf-8-bom'],
    ['utf-16le with BOM', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(word, 'utf16le')]), 'utf-16le'],
    ['windows-1252', Buffer.from(word, 'latin1'), 'windows-1252'],
    ['mac roman', Buffer.from(Array.from(word, (c) => (c === 'é' ? 0x8e : c.charCodeAt(0)))), 'mac-roman']
  ])('%s decodes to the same words', (_name, bytes, encoding) => {
    expect(decodeBytes(new Uint8Array(bytes))).toEqual({ encoding, text: word })
  })
})

describe('company names and exported cells', () => {
  it.each([
    ['Northwind Traders Inc.', 'northwind traders'],
    ['ACME, Inc.', 'acme'],
    ['Globex GmbH', 'globex'],
    ['Banco Exemplo S.A.', 'banco exemplo'],
    ['Group', 'group']
  ])('%s compares as "%s"', (name, key) => expect(companyKey(name)).toBe(key))
  it.each([
    ['=SUM(A1)', "'=SUM(A1)"],
    ['+1', "'+1"],
    ['-2', "'-2"],
    ['@cmd', "'@cmd"],
    ['plain', 'plain']
  ])('export neutralises %s', (raw, out) => expect(neutralise(raw)).toBe(out))
})
