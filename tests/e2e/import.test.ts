// E2E: into an empty workspace, import a Salesforce report and a LinkedIn archive through the wizard, then see the deals and relationships in Pipeline.
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { zipSync, strToU8 } from 'fflate'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { launchApp, type AppUnderTest } from '../support/browser'

const FIXTURES = join(__dirname, '..', 'fixtures', 'import')

describe('import wizard in the browser shell', () => {
  let app: AppUnderTest
  beforeAll(async () => {
    app = await launchApp()
  })
  afterAll(async () => {
    await app?.close()
  })

  it('imports a Salesforce report and a LinkedIn archive, then shows the deals and the relationship in Pipeline', async () => {
    const { page } = app
    await page.getByRole('button', { name: /Start an empty workspace/ }).click()
    await page.getByRole('link', { name: /Import/ }).click()
    await page.getByRole('heading', { name: 'Import', level: 1 }).waitFor()
    await app.screenshot('import-empty')

    await page.getByLabel('Export file').setInputFiles({
      name: 'Pipeline by Owner.csv',
      mimeType: 'text/csv',
      buffer: readFileSync(join(FIXTURES, 'salesforce-report-preamble-footer.csv'))
    })
    await page.getByText('Salesforce opportunity report').waitFor()
    await expect(page.getByRole('table', { name: 'Preview rows' }).getByText('Northwind renewal').count()).resolves.toBe(1)
    await expect(page.getByRole('table', { name: 'Column mapping' }).locator('tbody tr').count()).resolves.toBe(13)
    await app.screenshot('import-salesforce-preview')
    // Reading it as the wrong export is refused with the file, header row and the missing column named.
    await page.getByLabel('Read as').selectOption({ label: 'LinkedIn archive' })
    await page.getByRole('alert').filter({ hasText: /file "Pipeline by Owner.csv", row 4, column "First Name": a LinkedIn connections file needs the column\(s\) First Name/ }).waitFor()
    await app.screenshot('import-wrong-source')
    await page.getByLabel('Read as').selectOption({ label: 'Detect from the headers' })
    await page.getByRole('button', { name: 'Apply 3 rows' }).click()
    await page.getByRole('status').filter({ hasText: '3 deals created, 0 updated.' }).waitFor()
    await app.screenshot('import-salesforce-done')

    // An ambiguous-date file asks the day/month question before it can be applied.
    await page.getByLabel('Export file').setInputFiles({
      name: 'opportunities.csv',
      mimeType: 'text/csv',
      buffer: readFileSync(join(FIXTURES, 'salesforce-api-semicolon-ambiguous-dates.csv'))
    })
    await page.getByText(/could be read two ways/).waitFor()
    await expect(page.getByRole('button', { name: /^Apply/ }).isDisabled()).resolves.toBe(true)
    await app.screenshot('import-date-question')
    await page.getByLabel(/Day first/).check()
    await page.getByRole('button', { name: 'Apply 3 rows' }).waitFor()
    await expect(page.getByRole('table', { name: 'Preview rows' }).getByText('2027-04-03').count()).resolves.toBe(1)
    await page.getByRole('button', { name: 'Apply 3 rows' }).click()
    await page.getByRole('status').filter({ hasText: '3 deals created, 0 updated.' }).waitFor()

    const archive = zipSync({
      'Basic_LinkedInDataExport/Connections.csv': new Uint8Array(readFileSync(join(FIXTURES, 'linkedin-connections-notes-preamble.csv'))),
      'Basic_LinkedInDataExport/Profile.csv': strToU8('First Name,Last Name\nDana,Reyes\n')
    })
    await page.getByLabel('Export file').setInputFiles({ name: 'Basic_LinkedInDataExport.zip', mimeType: 'application/zip', buffer: Buffer.from(archive) })
    await page.getByText('LinkedIn connections').first().waitFor()
    await page.getByLabel('Rep').selectOption({ label: 'Dana Reyes' })
    const matches = page.getByRole('table', { name: 'Account matches' })
    await expect(matches.locator('tr').filter({ hasText: 'Northwind Traders' }).filter({ hasText: 'Northwind Traders Inc.' }).count()).resolves.toBe(1)
    await app.screenshot('import-linkedin-preview')
    await matches.scrollIntoViewIfNeeded()
    await app.screenshot('import-linkedin-account-matches')
    await page.getByRole('button', { name: 'Apply 3 rows' }).click()
    await page.getByRole('status').filter({ hasText: '3 connections added, 0 updated.' }).waitFor()

    await page.getByRole('link', { name: 'Open the pipeline' }).click()
    await page.getByRole('heading', { name: 'Pipeline', level: 1 }).waitFor()
    const row = page.locator('tbody tr').filter({ hasText: 'Northwind renewal' })
    await row.waitFor()
    await expect(page.locator('tbody tr').filter({ hasText: 'Globex expansion' }).count()).resolves.toBe(1)
    await app.screenshot('import-pipeline')
    await row.click()
    const drawer = page.getByRole('dialog', { name: 'Deal details' })
    await drawer.getByText(/Dana Reyes knows Ada Quill/).waitFor()
    await app.screenshot('import-relationship')

    // Deals back out: the CSV downloads through a Blob link, with every imported deal in it.
    await page.keyboard.press('Escape')
    await drawer.waitFor({ state: 'detached' })
    await page.getByRole('link', { name: /Import/ }).click()
    await expect(page.getByRole('table', { name: 'Recent imports' }).locator('tbody tr').count()).resolves.toBe(3)
    await app.screenshot('import-history')
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export deals as CSV' }).click()])
    expect(download.suggestedFilename()).toMatch(/^touchline-deals-\d{4}-\d{2}-\d{2}\.csv$/)
    const csv = readFileSync((await download.path()) ?? '', 'utf8')
    expect(csv.split('\r\n').filter((l) => l.includes('Northwind renewal') || l.includes('Umbrella upgrade'))).toHaveLength(2)
    expect(app.problems).toEqual([])
  })
})
