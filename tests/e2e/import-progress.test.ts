// E2E: a large generated activities file (250,000 rows) imports as a job: a progress bar with rows, rate and time left, a Cancel
// button reached from the keyboard that leaves the workspace as it was, then the same file run to the end.
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { launchApp, type AppUnderTest } from '../support/browser'
import { makeWorkspace, type TempWorkspace } from '../support/workspace'
import { seedImportWorld, writeActivitiesCsv } from '../fixtures/import/generate'
import { importJobs } from '../../src/main/handlers-import'

// About 21 MB: under the 25 MB a window may send, and several seconds of work on a fast machine.
const ROWS = 250_000

describe('a large import in the browser shell', () => {
  let ws: TempWorkspace
  let app: AppUnderTest
  let csv: Buffer
  beforeAll(async () => {
    ws = makeWorkspace()
    const world = seedImportWorld(ws.store.sqlite, { reps: 12, accounts: 300, deals: 2000 })
    // One activity already there, long before the file's: the import updates the table's indexes row by row (an
    // empty table would be bulk-loaded, too quickly to watch) and no row of the file is a duplicate of it.
    ws.store.sqlite.prepare("INSERT INTO activities (rep_id, kind, occurred_at, subject) VALUES (1, 'call', '2020-01-01T09:00:00Z', 'Old call')").run()
    const path = join(ws.dir, 'crm-activities.csv')
    writeActivitiesCsv(path, ROWS, world)
    csv = readFileSync(path)
    ws.store.close()
    app = await launchApp({ workspacePath: ws.path })
  })
  afterAll(async () => {
    await app?.close()
    ws?.dispose()
  })

  const activities = () => app.session.requireStore().sqlite.prepare('SELECT count(*) FROM activities').pluck().get() as number

  it('shows rows, rate and time left while it runs; Cancel from the keyboard rolls back; run again, it stores every row', async () => {
    const { page } = app
    // The rig drives Chromium from this process, which also runs the job: a short pause after each slice of rows
    // keeps the browser's 20 MB upload event from queueing behind the job, so the bar can be seen before the job ends.
    importJobs(app.session).pauseMs = 40
    await page.getByRole('link', { name: /Import/ }).click()
    await page.getByRole('heading', { name: 'Import', level: 1 }).waitFor()
    await page.getByLabel('Export file').setInputFiles({ name: 'crm-activities.csv', mimeType: 'text/csv', buffer: csv })
    await page.getByText('Activities (CSV)').waitFor({ timeout: 60_000 })
    // A file this big is previewed from its head: the button applies the whole file, its rows estimated.
    const apply = page.getByRole('button', { name: /^Apply the whole file \(about 2\d\d,000 rows\)$/ })
    await apply.focus()
    await page.keyboard.press('Enter')

    const bar = page.getByRole('group', { name: 'Import progress' })
    await bar.waitFor({ timeout: 30_000 })
    await bar.getByText(/of about 2\d\d,\d{3} rows · [\d,]+ rows\/s · about .* left/).waitFor({ timeout: 30_000 })
    const cancel = bar.getByRole('button', { name: 'Cancel import' })
    // The Cancel button takes the focus the Apply button had: Enter cancels without the mouse.
    await expect(cancel.evaluate((el) => el === el.ownerDocument.activeElement)).resolves.toBe(true)
    await app.screenshot('import-progress-running')
    const progress = page.getByRole('progressbar', { name: 'Rows imported' })
    const value = Number(await progress.getAttribute('value'))
    expect(value).toBeGreaterThan(0)
    expect(value).toBeLessThan(ROWS)
    await page.keyboard.press('Enter')
    await page.getByRole('status').filter({ hasText: /Import cancelled after [\d,]+ rows: nothing was written, the workspace is as it was\./ }).waitFor({ timeout: 30_000 })
    await app.screenshot('import-progress-cancelled')
    expect(activities()).toBe(1)
    await expect(page.getByRole('table', { name: 'Recent imports' }).count()).resolves.toBe(0)

    importJobs(app.session).pauseMs = 0
    await apply.click()
    await page.getByRole('status').filter({ hasText: `${ROWS.toLocaleString('en-US')} activities added.` }).waitFor({ timeout: 180_000 })
    await app.screenshot('import-progress-done')
    expect(activities()).toBe(ROWS + 1)
    await expect(page.getByRole('table', { name: 'Recent imports' }).locator('tbody tr').filter({ hasText: 'crm-activities.csv' }).count()).resolves.toBe(1)
    expect(app.problems).toEqual([])
  }, 300_000)
})
