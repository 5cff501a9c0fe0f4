// Activity rows as CRMs write them: type names to our kinds, timestamps with and without times, and the source detected.
import { describe, expect, it } from 'vitest'
import { mapActivityKind, parseOccurredAt } from '../../src/main/importers/activities'
import { detectSource } from '../../src/main/importers/sources'

describe('activity types', () => {
  it.each([
    ['Call', 'call'],
    ['Outbound phone call', 'call'],
    ['Left voicemail', 'call'],
    ['Email', 'email'],
    ['E-mail sent', 'email'],
    ['Meeting', 'meeting'],
    ['Demo', 'meeting'],
    ['On-site visit', 'meeting'],
    ['InMail', 'social_message'],
    ['LinkedIn Message', 'social_message'],
    ['LinkedIn post', 'social_post'],
    ['Comment', 'social_comment'],
    ['Share', 'social_share'],
    ['Like', 'social_reaction'],
    ['Note', 'note'],
    ['Task', 'note'],
    ['Carrier pigeon', null],
    ['', null]
  ])('%j is %s', (raw, kind) => expect(mapActivityKind(raw)).toBe(kind))
})

describe('when an activity happened', () => {
  it.each([
    ['2026-06-27 07:35:00', null, '2026-06-27T07:35:00Z'],
    ['2026-06-27T07:35:00Z', null, '2026-06-27T07:35:00Z'],
    ['2026-06-27', null, '2026-06-27T00:00:00Z'],
    ['6/27/26, 7:35 PM', null, '2026-06-27T19:35:00Z'],
    ['6/27/26, 12:10 AM', null, '2026-06-27T00:10:00Z'],
    ['27.06.2026 14:05', null, '2026-06-27T14:05:00Z'],
    ['03/04/2026 09:00', 'dmy', '2026-04-03T09:00:00Z'],
    ['03/04/2026 09:00', 'mdy', '2026-03-04T09:00:00Z'],
    ['27 Jun 2026', null, '2026-06-27T00:00:00Z']
  ] as const)('%j (%s) is %s', (raw, order, iso) => expect(parseOccurredAt(raw, order)).toEqual({ iso }))

  it.each([
    ['', 'the activity has no date'],
    ['03/04/2026', '"03/04/2026" could be day/month or month/day: answer the date question'],
    ['yesterday', '"yesterday" is not a date this importer reads'],
    ['2026-02-30 10:00', '"2026-02-30" is not a real date'],
    ['2026-06-27 25:00', '"2026-06-27 25:00" is not a real time']
  ])('%j is refused: %s', (raw, reason) => expect(parseOccurredAt(raw, null)).toEqual({ reason }))
})

describe('detecting an activities file', () => {
  it.each([
    [['Occurred At', 'Activity Type', 'Rep', 'Subject', 'Deal ID'], 'activities'],
    [['Activity Date', 'Type', 'Owner', 'Subject', 'Opportunity', 'Account'], 'activities'],
    // A deals file with a Type column stays a deals file.
    [['Opportunity Name', 'Account Name', 'Stage', 'Close Date', 'Type', 'Owner', 'Created Date'], 'salesforce-report'],
    [['Deal', 'Account', 'Stage', 'Close Date', 'Owner', 'Type'], 'generic-deals'],
    [['Date', 'Rep'], null]
  ])('%j is %s', (headers, source) => expect(detectSource(headers)?.source ?? null).toBe(source))
})
