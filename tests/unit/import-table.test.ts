// The table reader: delimiter, the header row past a preamble, line numbers across quoted newlines, footers, source detection.
import { describe, expect, it } from 'vitest'
import { detectDelimiter, readTable } from '../../src/main/importers/table'
import { detectSource, KNOWN_HEADERS } from '../../src/main/importers/sources'
import { mapStage } from '../../src/main/importers/deals'

describe('delimiters', () => {
  it.each([
    ['a,b,c\n1,2,3\n', ','],
    ['a;b;c\n1;"2,5";3\n', ';'],
    ['a\tb\tc\n1\t2\t3\n', '\t'],
    ['Notes:\n"a long, wordy preamble, with commas"\n\nx;y;z\n1;2;3\n4;5;6\n', ';']
  ])('%j splits on %j', (text, d) => expect(detectDelimiter(text)).toBe(d))
})

describe('reading a table', () => {
  it('finds the header past a preamble, numbers records by their first line, drops blank and footer rows', () => {
    const text = 'Report\r\nrun today\r\nOpportunity Name,Stage,Close Date\r\n"two\nlines",Prospecting,2027-01-01\n\nSecond,Proposal,2027-02-01\r\nGrand Totals (2 records)\r\nConfidential Information - Do Not Distribute\r\n'
    const t = readTable(text, 'f.csv', KNOWN_HEADERS)
    expect(t.headerLine).toBe(3)
    expect(t.headers).toEqual(['Opportunity Name', 'Stage', 'Close Date'])
    expect(t.records).toEqual([
      { line: 4, cells: ['two\nlines', 'Prospecting', '2027-01-01'] },
      { line: 7, cells: ['Second', 'Proposal', '2027-02-01'] }
    ])
    expect(t.dropped.map((d) => d.row)).toEqual([8, 9])
  })

  it.each([
    ['', /row 1: the file is empty/],
    ['a\u0000b', /row 1: the file holds binary data/]
  ])('refuses %j with file and row', (text, message) => expect(() => readTable(text, 'f.csv', KNOWN_HEADERS)).toThrow(message))
})

describe('sources and stages', () => {
  it.each([
    [['Id', 'AccountId', 'Name', 'StageName', 'Amount', 'CloseDate', 'OwnerId', 'IsClosed', 'IsWon'], 'salesforce-api'],
    [['Opportunity Name', 'Account Name', 'Stage', 'Amount', 'Close Date', 'Opportunity Owner', 'Opportunity ID'], 'salesforce-report'],
    [['Record ID', 'Deal Name', 'Deal Stage', 'Close Date', 'Deal owner', 'Amount'], 'hubspot'],
    [['Deal - Title', 'Deal - Value', 'Deal - Organization', 'Deal - Stage', 'Deal - Expected close date'], 'pipedrive'],
    [['first name', 'LAST NAME', 'Company', 'Position', 'Connected On'], 'linkedin-connections'],
    [['Colour', 'Shape'], null]
  ])('%j is %s', (headers, source) => expect(detectSource(headers)?.source ?? null).toBe(source))
  it.each([
    ['Prospecting', 'prospecting'],
    ['Qualification', 'qualifying'],
    ['Needs Analysis', 'qualifying'],
    ['Id. Decision Makers', 'solution'],
    ['Proposal/Price Quote', 'proposal'],
    ['Negotiation/Review', 'negotiation'],
    ['Closed Won', 'won'],
    ['Closed Lost', 'lost'],
    ['Contract Sent', 'negotiation'],
    ['Lead In', 'prospecting'],
    ['Something else', null]
  ])('stage %s is %s', (raw, stage) => expect(mapStage(raw)).toBe(stage))
})
