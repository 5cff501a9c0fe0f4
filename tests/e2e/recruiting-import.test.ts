// E2E: import candidates from a CSV on the Recruiting page — a file with bad rows is refused row by row, the quirky export is added with its in-file duplicate flagged.
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { launchApp, type AppUnderTest } from '../support/browser'

const FIXTURES = join(__dirname, '../fixtures/recruiting')

describe('candidate CSV import in the browser shell', () => {
  let app: AppUnderTest
  beforeAll(async () => {
    app = await launchApp()
  })
  afterAll(async () => {
    await app?.close()
  })

  it('lists bad rows and imports nothing, then adds a quirky export and flags the duplicate row', async () => {
    const { page } = app
    await page.getByRole('button', { name: /Explore the demo workspace/ }).click()
    await page.getByRole('heading', { name: 'Pipeline', level: 1 }).waitFor()
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Recruiting' }).click()
    await page.getByRole('heading', { name: 'Recruiting', level: 1 }).waitFor()
    await page.getByRole('button', { name: 'Import candidates (CSV)' }).click()
    const panel = page.getByRole('region', { name: 'Import candidates (CSV)' })
    const role = (await page.getByLabel(/^Role/).locator('option:checked').textContent()) ?? ''

    await panel.getByLabel('Candidate CSV').setInputFiles(join(FIXTURES, 'candidates-bad-rows-email-source-link-extra-cell.csv'))
    await panel.getByRole('alert').getByText(/Nothing was imported/).waitFor()
    const problems = panel.getByRole('table', { name: /Problems in/ }).locator('tbody tr')
    await expect(problems.count()).resolves.toBe(5)
    await expect(problems.nth(2).textContent()).resolves.toContain('"Carrier pigeon" is not a source')
    await app.screenshot('recruiting-import-bad-rows')

    await panel.getByLabel('Candidate CSV').setInputFiles(join(FIXTURES, 'candidates-bom-crlf-semicolons-quoted-multiline-title.csv'))
    const status = panel.getByRole('status')
    await status.getByText(/added from candidates-bom-crlf/).waitFor()
    await expect(status.textContent()).resolves.toMatch(/7 rows read/)
    // Its Notes column is read as research notes, so no column is ignored.
    await expect(status.textContent()).resolves.not.toContain('Ignored columns')
    const flagged = panel.getByRole('table', { name: 'Possible duplicates' })
    await flagged.getByText('row 8 of this file').waitFor()
    // The names arrive as text: the escaped quotes in the file are shown, never interpreted.
    await panel.getByRole('table', { name: 'Added' }).getByText('Jane "JJ" Doe', { exact: true }).waitFor()
    await app.screenshot('recruiting-import-added')

    // The new candidates sit on the chosen role's board, sourced; a profile opens from the result.
    await page.getByRole('region', { name: 'Sourced', exact: true }).getByRole('article', { name: 'Ada Okafor' }).waitFor()
    await panel.getByRole('button', { name: 'Open Ada Okafor' }).click()
    await page.getByRole('dialog').getByText('Acme; Holdings').first().waitFor()
    await app.screenshot('recruiting-import-profile')
    await page.getByRole('button', { name: 'Close the candidate profile' }).click()

    // The same file again with "also add" on: every row is created and flagged, and one is merged back into the profile it repeats.
    await panel.getByLabel(/Also add rows that look like existing candidates/).check()
    await panel.getByLabel('Candidate CSV').setInputFiles(join(FIXTURES, 'candidates-bom-crlf-semicolons-quoted-multiline-title.csv'))
    await status.getByText(/7 possible duplicates/).waitFor()
    const ada = panel.getByRole('table', { name: 'Possible duplicates' }).locator('tbody tr').filter({ hasText: 'Ada Okafor' })
    await ada.getByRole('button', { name: /^Merge into #\d+ Ada Okafor$/ }).click()
    await ada.getByRole('button', { name: /^Merged: open #\d+$/ }).waitFor()
    // Two Ada cards on the role until the merge; one after (the board refetches once the merge is in).
    await expect.poll(() => page.getByRole('region', { name: 'Sourced', exact: true }).getByRole('article', { name: 'Ada Okafor' }).count()).toBe(1)
    // The flagged table, with its stacked actions, stays inside the panel and the page never scrolls sideways.
    await expect(panel.evaluate((el) => el.scrollWidth <= el.clientWidth + 1)).resolves.toBe(true)
    await expect(page.evaluate('document.documentElement.scrollWidth <= window.innerWidth')).resolves.toBe(true)
    await app.screenshot('recruiting-import-merged')
    expect(role).not.toBe('')
    expect(app.problems).toEqual([])
  }, 90_000)
})
