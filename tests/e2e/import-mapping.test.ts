// E2E: a Salesforce report with a column no built-in name matches and a stage of its own: mapped by keyboard in the
// wizard, the preview follows, a dry run counts, the import stores, and the next file of the source opens with the mapping.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { launchApp, type AppUnderTest } from '../support/browser'

const HEADERS = '"Opportunity Name","Account Name","Stage","Total Contract Value","Close Date","Opportunity Owner","Probability (%)","Opportunity ID"'
const FIRST = [
  HEADERS,
  '"Northwind renewal","Northwind Traders","Negotiation/Review","USD 48,500.00","2027-03-31","Dana Reyes","80%","006A000001"',
  '"Globex expansion","Globex","Verbal Agreement","USD 120,000.00","2027-04-30","Sam Okafor","70%","006A000002"'
].join('\r\n')
const SECOND = [HEADERS, '"Initech pilot","Initech","Verbal Agreement","USD 9,900.00","2027-05-15","Dana Reyes","60%","006A000003"'].join('\r\n')

describe('import mapping wizard in the browser shell', () => {
  let app: AppUnderTest
  beforeAll(async () => {
    app = await launchApp()
  })
  afterAll(async () => {
    await app?.close()
  })

  it('maps a column and a stage by keyboard, previews, dry-runs, imports, and reuses the mapping for the next file', async () => {
    const { page } = app
    await page.getByRole('button', { name: /Start an empty workspace/ }).click()
    await page.getByRole('link', { name: /Import/ }).click()
    await page.getByRole('heading', { name: 'Import', level: 1 }).waitFor()

    await page.getByLabel('Export file').setInputFiles({ name: 'Opportunities Q1.csv', mimeType: 'text/csv', buffer: Buffer.from(FIRST) })
    const rows = page.getByRole('table', { name: 'Preview rows' })
    await rows.getByText('Northwind renewal').waitFor()
    const amountSelect = page.getByLabel('Stored as for column Total Contract Value', { exact: true })
    await expect(amountSelect.inputValue()).resolves.toBe('')
    await expect(page.getByLabel('Unmapped columns').textContent()).resolves.toBe('Columns not used: Total Contract Value')
    await expect(rows.getByText('USD 0').count()).resolves.toBe(1)
    // The stage of theirs no rule knows: its row is skipped until it is mapped.
    await expect(rows.getByText('Globex expansion').count()).resolves.toBe(0)
    await app.screenshot('import-mapping-detected')

    // By keyboard: focus the column's list and type the field's name.
    await amountSelect.focus()
    await page.keyboard.type('Amount')
    await rows.getByText('USD 48,500').waitFor()
    await expect(amountSelect.inputValue()).resolves.toBe('amount')
    await expect(page.getByLabel('Unmapped columns').textContent()).resolves.toBe('Every column is used.')
    await expect(page.getByRole('table', { name: 'Column mapping' }).getByText('changed').count()).resolves.toBe(1)

    const stageSelect = page.getByLabel('Our stage for Verbal Agreement', { exact: true })
    await stageSelect.focus()
    await page.keyboard.type('Negotiation')
    await rows.getByText('Globex expansion').waitFor()
    await expect(rows.getByText('USD 120,000').count()).resolves.toBe(1)
    await app.screenshot('import-mapping-edited')

    await page.getByRole('button', { name: 'Dry run' }).focus()
    await page.keyboard.press('Enter')
    const dry = page.getByRole('region', { name: 'Dry run result' })
    await dry.getByText('2 would be created').waitFor()
    await expect(dry.getByText('nothing was written', { exact: false }).count()).resolves.toBe(1)
    await app.screenshot('import-mapping-dry-run')

    await page.getByRole('button', { name: 'Apply 2 rows' }).focus()
    await page.keyboard.press('Enter')
    await page.getByRole('status').filter({ hasText: '2 deals created, 0 updated.' }).waitFor()

    // The next export of the same report opens with the saved mapping.
    await page.getByLabel('Export file').setInputFiles({ name: 'Opportunities Q2.csv', mimeType: 'text/csv', buffer: Buffer.from(SECOND) })
    await rows.getByText('Initech pilot').waitFor()
    await page.getByLabel('Saved mapping').getByText('Using the mapping you saved for files of this source with these columns.').waitFor()
    await expect(page.getByLabel('Stored as for column Total Contract Value', { exact: true }).inputValue()).resolves.toBe('amount')
    await expect(page.getByLabel('Our stage for Verbal Agreement', { exact: true }).inputValue()).resolves.toBe('negotiation')
    await expect(rows.getByText('USD 9,900').count()).resolves.toBe(1)
    await app.screenshot('import-mapping-reused')
    await page.getByRole('button', { name: 'Apply 1 rows' }).click()
    await page.getByRole('status').filter({ hasText: '1 deals created, 0 updated.' }).waitFor()

    // A required column under a name of its own: the wizard asks for it instead of refusing the file.
    const renamed = SECOND.replace('"Close Date"', '"Expected Close"').replace('006A000003', '006A000004')
    await page.getByLabel('Export file').setInputFiles({ name: 'Opportunities Q3.csv', mimeType: 'text/csv', buffer: Buffer.from(renamed) })
    const needs = page.getByRole('note', { name: 'Required fields missing' })
    await needs.getByText('No column is read as Close date yet', { exact: false }).waitFor()
    await expect(page.getByRole('button', { name: 'Apply 0 rows' }).isDisabled()).resolves.toBe(true)
    await app.screenshot('import-mapping-required-missing')
    await page.getByLabel('Stored as for column Expected Close', { exact: true }).focus()
    await page.keyboard.type('Close date')
    await rows.getByText('2027-05-15').waitFor()
    await expect(needs.count()).resolves.toBe(0)
    await page.getByRole('button', { name: 'Apply 1 rows' }).click()
    await page.getByRole('status').filter({ hasText: '1 deals created, 0 updated.' }).waitFor()
    expect(app.problems).toEqual([])
  })
})
