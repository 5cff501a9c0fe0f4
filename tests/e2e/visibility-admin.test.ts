// E2E: visibility's data entry on the demo workspace — a competitor with an alias, a person, two snapshots and their trend, a CSV import, a relationship count, a social rule.
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { launchApp, type AppUnderTest } from '../support/browser'

const FIXTURES = join(__dirname, '../fixtures/visibility')
const QUIRKS = 'snapshots-bom-crlf-thousands-extra-column.csv'
const BAD_DATE = 'snapshots-bad-date-row-7.csv'

describe('entering the competition and the social rules in the browser shell', () => {
  let app: AppUnderTest
  beforeAll(async () => {
    app = await launchApp()
    // A step that fails names its locator well inside the test's own timeout.
    app.page.setDefaultTimeout(10_000)
    await app.page.getByRole('button', { name: /Explore the demo workspace/ }).click()
    await app.page.getByRole('heading', { name: 'Pipeline', level: 1 }).waitFor()
    await app.page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Visibility' }).click()
    await app.page.getByRole('heading', { name: 'Visibility', level: 1 }).waitFor()
  }, 120_000)
  afterAll(async () => {
    await app?.close()
  })

  it('adds a competitor with aliases by keyboard, and refuses a name another competitor already has', async () => {
    const { page } = app
    await page.getByRole('tab', { name: 'Competitors' }).click()
    const form = page.getByRole('form', { name: 'Add a competitor' })
    await form.waitFor()
    // Empty name: an inline message, and the focus goes to the field.
    await form.getByRole('button', { name: 'Add competitor' }).click()
    await form.getByText('A competitor needs a name.').waitFor()
    await expect.poll(() => form.getByLabel('Name').evaluate((el) => el === el.ownerDocument.activeElement)).toBe(true)

    await form.getByLabel('Name').fill('altmark gmbh')
    await page.keyboard.press('Enter')
    await form.getByText(/"altmark gmbh" is an alias of "Altmark"/).waitFor()

    await form.getByLabel('Name').fill('Northwind Sales')
    await page.keyboard.press('Tab')
    await page.keyboard.type('Northwind Inc, NWS')
    await page.keyboard.press('Enter')
    await form.getByRole('status').getByText('Added Northwind Sales.').waitFor()
    const card = page.getByRole('article', { name: 'Northwind Sales' })
    await card.waitFor()
    await card.getByText('Northwind Inc', { exact: true }).waitFor()
    await card.getByText('NWS', { exact: true }).waitFor()
    await card.getByText(/No people yet/).waitFor()
  })

  it('adds a person, refusing a profile address that is not http(s)', async () => {
    const { page } = app
    const card = page.getByRole('article', { name: 'Northwind Sales' })
    const form = card.getByRole('form', { name: 'Add a person to Northwind Sales' })
    await form.getByLabel('Name').fill('Greta Lind')
    await form.getByLabel('Title').fill('VP Sales Nordics')
    await form.getByLabel('Role').selectOption('leader')
    await form.getByLabel('Profile URL').fill('javascript:alert(1)')
    await form.getByRole('button', { name: 'Add person' }).click()
    await form.getByText(/An http\(s\) address/).waitFor()
    await expect(form.getByLabel('Profile URL').getAttribute('aria-invalid')).resolves.toBe('true')
    await form.getByLabel('Profile URL').fill('https://www.linkedin.com/in/greta-lind')
    await form.getByRole('button', { name: 'Add person' }).click()
    await card.getByRole('rowheader', { name: /Greta Lind/ }).waitFor()
    await card.getByRole('cell', { name: 'https://www.linkedin.com/in/greta-lind' }).waitFor()
    // Shown, never a link.
    expect(await card.locator('a').count()).toBe(0)
  })

  it('adds two snapshots by hand and shows followers over time with the table behind it', async () => {
    const { page } = app
    const card = page.getByRole('article', { name: 'Northwind Sales' })
    await card.getByRole('button', { name: 'Snapshots of Greta Lind' }).click()
    const panel = card.getByRole('region', { name: /Greta Lind · Northwind Sales · snapshots/ })
    await panel.getByText(/No snapshots of Greta Lind yet/).waitFor()
    const form = panel.getByRole('form', { name: 'Add a snapshot of Greta Lind' })

    // A date in the future and a negative count are refused inline, before anything is sent.
    await form.getByLabel('Date').fill('2030-01-01')
    await form.getByLabel('Followers').fill('-5')
    await form.getByRole('button', { name: 'Save snapshot' }).click()
    await form.getByText(/Not in the future/).waitFor()
    await form.getByText('Cannot be negative.').waitFor()
    await form.getByText('Required; write 0 if none.').first().waitFor()

    const enter = async (date: string, followers: string, connections: string, posts: string, comments: string, engagement: string, activeDays = '') => {
      await form.getByLabel('Date').fill(date)
      await form.getByLabel('Followers').fill(followers)
      await form.getByLabel('Connections').fill(connections)
      await form.getByLabel('Posts in the period').fill(posts)
      await form.getByLabel('Comments in the period').fill(comments)
      await form.getByLabel('Days seen in public').fill(activeDays)
      await form.getByLabel('Engagement per post').fill(engagement)
      await form.getByRole('button', { name: 'Save snapshot' }).click()
      await form.getByRole('status').getByText(`Saved Greta Lind’s snapshot of ${date}.`).waitFor()
    }
    // Days seen in public cannot exceed the period.
    await form.getByLabel('Days seen in public').fill('31')
    await form.getByRole('button', { name: 'Save snapshot' }).click()
    await form.getByText('Cannot exceed the period.').waitFor()
    await enter('2026-09-15', '1200', '800', '4', '6', '7.5', '5')
    await enter('2026-11-02', '1650', '905', '9', '12', '')
    const table = panel.getByRole('table', { name: 'Snapshots of Greta Lind, oldest first' })
    await expect(table.locator('tbody tr td:first-child').allTextContents()).resolves.toEqual(['2026-09-15', '2026-11-02'])
    await table.getByRole('cell', { name: '1,650' }).waitFor()
    await panel.locator('.recharts-line-curve').waitFor()
    expect(await panel.locator('.recharts-line-dot').count()).toBe(2)
    await card.getByRole('row', { name: /Greta Lind/ }).getByRole('cell', { name: '2026-11-02' }).waitFor()
    const overflow = await table.evaluate((t) => t.parentElement!.scrollWidth - t.parentElement!.clientWidth)
    expect(overflow).toBeLessThanOrEqual(1)
    await panel.evaluate((el) => el.scrollIntoView({ block: 'start' }))
    await app.screenshot('visibility-admin-1-snapshots')
    await expect(table.locator('tbody tr').first().locator('td').allTextContents()).resolves.toEqual(['2026-09-15', '1,200', '800', '4', '6', '7.5', '5', '30 d', 'by hand'])
    await panel.getByRole('button', { name: 'Close' }).click()
    await panel.waitFor({ state: 'detached' })
    await expect.poll(() => card.getByRole('button', { name: 'Snapshots of Greta Lind' }).evaluate((el) => el === el.ownerDocument.activeElement)).toBe(true)
  })

  it('imports a snapshot CSV through the file input, and refuses a file with a bad date on row 7 as a whole', async () => {
    const { page } = app
    const card = page.getByRole('article', { name: 'Northwind Sales' })
    const file = card.getByLabel('Snapshot CSV for Northwind Sales')
    await file.setInputFiles({ name: BAD_DATE, mimeType: 'text/csv', buffer: readFileSync(join(FIXTURES, BAD_DATE)) })
    await card.getByRole('alert').getByText(`${BAD_DATE}, row 7, column "Date": "15/11/2026" is not a date as YYYY-MM-DD.`).waitFor()
    expect(await card.getByRole('rowheader', { name: /Ola Nord/ }).count()).toBe(0)

    await file.setInputFiles({ name: QUIRKS, mimeType: 'text/csv', buffer: readFileSync(join(FIXTURES, QUIRKS)) })
    await card
      .getByRole('status')
      .getByText(`${QUIRKS}: 7 rows read, 4 people added, 7 snapshots added, 0 updated, 0 unchanged. Columns not read: Notes.`)
      .waitFor()
    // People are created as the file first spells them: row 2 writes "LENA VOGT".
    for (const name of ['LENA VOGT', 'Jonas Brandt', 'Mara Quist', 'Ola Nord']) await card.getByRole('rowheader', { name: new RegExp(name) }).waitFor()
    expect(await card.getByRole('alert').count()).toBe(0)

    // The same file again: nothing new.
    await file.setInputFiles({ name: QUIRKS, mimeType: 'text/csv', buffer: readFileSync(join(FIXTURES, QUIRKS)) })
    await card.getByRole('status').getByText(/0 people added, 0 snapshots added, 0 updated, 7 unchanged/).waitFor()
    await card.getByRole('button', { name: 'Snapshots of LENA VOGT' }).click()
    const lena = card.getByRole('table', { name: 'Snapshots of LENA VOGT, oldest first' })
    await lena.getByRole('cell', { name: '12,400' }).waitFor()
    await lena.getByRole('cell', { name: 'CSV import' }).first().waitFor()
    await card.getByRole('region', { name: 'Import snapshots for Northwind Sales' }).scrollIntoViewIfNeeded()
    await app.screenshot('visibility-admin-2-import')
  })

  it('sets a competitor’s relationship count in a tier-one account in place: Enter saves, Escape cancels, empty is unknown', async () => {
    const { page } = app
    await page.getByRole('tab', { name: 'Tier-one relationships' }).click()
    const table = page.getByRole('table', { name: /Relationships in tier-one accounts/ })
    await table.getByRole('columnheader', { name: 'Northwind Sales' }).waitFor()
    const firstAccount = (await table.locator('tbody tr').first().locator('th').textContent())!
    const cellButton = table.getByRole('button', { name: `Northwind Sales in ${firstAccount}: not known. Edit` })
    await cellButton.click()
    const input = table.getByRole('spinbutton', { name: `Northwind Sales in ${firstAccount}: relationships (empty = not known)` })
    await expect.poll(() => input.evaluate((el) => el === el.ownerDocument.activeElement)).toBe(true)
    await page.keyboard.type('-2')
    await page.keyboard.press('Enter')
    await table.getByRole('alert').getByText(/A whole number of 0 or more/).waitFor()
    await input.fill('7')
    await page.keyboard.press('Enter')
    const saved = table.getByRole('button', { name: `Northwind Sales in ${firstAccount}: 7 relationships. Edit` })
    await saved.waitFor()
    await expect.poll(() => saved.evaluate((el) => el === el.ownerDocument.activeElement)).toBe(true)

    // Escape leaves it as it was.
    await page.keyboard.press('Enter')
    await input.fill('9')
    await page.keyboard.press('Escape')
    await saved.waitFor()

    // Empty means not known again; then back to 7 for the picture.
    await saved.click()
    await input.fill('')
    await page.keyboard.press('Enter')
    await cellButton.waitFor()
    await cellButton.click()
    await input.fill('7')
    await page.keyboard.press('Enter')
    await saved.waitFor()
    const stored = app.session
      .db()
      .selectFrom('competitor_account_relationships as r')
      .innerJoin('competitors as c', 'c.id', 'r.competitor_id')
      .where('c.name', '=', 'Northwind Sales')
      .select(['r.count'])
      .execute()
    await expect(stored).resolves.toEqual([{ count: 7 }])
    await app.screenshot('visibility-admin-3-relationship-count')
  })

  it('edits the social rule of a role, shows its conduct as plain text, and each rep’s cadence against it', async () => {
    const { page } = app
    await page.getByRole('tab', { name: 'Social rules' }).click()
    await page.getByRole('button', { name: 'Edit the social rule for Account executive' }).click()
    const form = page.getByRole('form', { name: 'Social rule for Account executive' })
    await expect.poll(() => form.getByLabel('LinkedIn').evaluate((el) => el === el.ownerDocument.activeElement)).toBe(true)
    await form.getByLabel('Expected cadence (public activities per week)').fill('')
    await form.getByRole('button', { name: 'Save rule' }).click()
    await form.getByText(/Required: activities per week/).waitFor()
    await form.getByLabel('Expected cadence (public activities per week)').fill('4.5')
    await form.getByLabel('Expected response time (hours)').fill('8')
    await form.getByLabel('YouTube').check()
    const conduct = 'Share customer wins only with written consent.\n<b>Never</b> discuss pricing or a competitor’s customers in public.'
    await form.getByLabel(/Rules of conduct/).fill(conduct)
    await form.getByRole('button', { name: 'Save rule' }).click()
    await form.waitFor({ state: 'detached' })
    const row = page.getByRole('table', { name: /Social rules per role/ }).getByRole('row', { name: /Account executive/ })
    await row.getByRole('cell', { name: '4.5', exact: true }).waitFor()
    await row.getByRole('cell', { name: '8 h' }).waitFor()
    await row.getByText(/YouTube/).waitFor()
    // The conduct is shown as written: the markup is text, not a bold element.
    await expect(row.locator('.vis-conduct').textContent()).resolves.toBe(conduct)
    expect(await row.locator('.vis-conduct b').count()).toBe(0)
    await expect.poll(() => page.getByRole('button', { name: 'Edit the social rule for Account executive' }).evaluate((el) => el === el.ownerDocument.activeElement)).toBe(true)

    const reps = page.getByRole('table', { name: /Each rep’s actual cadence/ })
    await reps.locator('tbody tr').first().waitFor()
    const aeRows = reps.locator('tbody tr', { hasText: 'Account executive' })
    expect(await aeRows.count()).toBeGreaterThan(0)
    await expect(aeRows.first().locator('td').nth(1).textContent()).resolves.toBe('4.5')
    await app.screenshot('visibility-admin-4-social-rules')
    // The rules fit the window: no sideways scrolling hides the role.
    const overflow = await page.getByRole('table', { name: /Social rules per role/ }).evaluate((t) => t.parentElement!.scrollWidth - t.parentElement!.clientWidth)
    expect(overflow).toBeLessThanOrEqual(1)
    await page.getByRole('heading', { name: /Each rep against their role’s cadence/ }).evaluate((el) => el.scrollIntoView({ block: 'start' }))
    await app.screenshot('visibility-admin-5-rep-cadence')
    expect(app.problems).toEqual([])
  })
})

describe('visibility’s data entry on an empty workspace', () => {
  let app: AppUnderTest
  beforeAll(async () => {
    app = await launchApp()
    app.page.setDefaultTimeout(10_000)
    await app.page.getByRole('button', { name: /Start an empty workspace/ }).click()
    await app.page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Visibility' }).click()
    await app.page.getByRole('heading', { name: 'Visibility', level: 1 }).waitFor()
  }, 120_000)
  afterAll(async () => {
    await app?.close()
  })

  it('says what to do when there are no competitors and no rules, and removes a competitor only after confirmation', async () => {
    const { page } = app
    // The comparison on a workspace without competitors is an empty state, not an error.
    await page.getByRole('heading', { name: 'No competitors yet' }).waitFor()
    expect(await page.getByRole('alert').count()).toBe(0)
    await page.getByRole('tab', { name: 'Competitors' }).click()
    await page.getByRole('form', { name: 'Add a competitor' }).waitFor()
    await page.getByRole('heading', { name: 'No competitors yet' }).waitFor()
    await app.screenshot('visibility-admin-6-empty-competitors')

    const form = page.getByRole('form', { name: 'Add a competitor' })
    await form.getByLabel('Name').fill('Altmark')
    await form.getByLabel('Aliases').fill('Altmark GmbH, , altmark gmbh')
    await form.getByRole('button', { name: 'Add competitor' }).click()
    const card = page.getByRole('article', { name: 'Altmark' })
    await card.waitFor()
    // Blank and repeated aliases are dropped.
    expect(await card.locator('.chip').allTextContents()).toEqual(['Altmark GmbH'])

    // Rename by keyboard; Escape leaves the form without saving.
    await card.getByRole('button', { name: 'Rename Altmark or edit its aliases' }).click()
    const edit = card.getByRole('form', { name: 'Edit Altmark' })
    await expect.poll(() => edit.getByLabel('Name').evaluate((el) => el === el.ownerDocument.activeElement)).toBe(true)
    await page.keyboard.press('Escape')
    await edit.waitFor({ state: 'detached' })
    await card.getByRole('button', { name: 'Rename Altmark or edit its aliases' }).click()
    await edit.getByLabel('Name').fill('Altmark Software')
    await page.keyboard.press('Enter')
    const renamed = page.getByRole('article', { name: 'Altmark Software' })
    await renamed.waitFor()

    await renamed.getByRole('button', { name: 'Remove Altmark Software' }).click()
    const keep = renamed.getByRole('button', { name: 'Keep it' })
    await expect.poll(() => keep.evaluate((el) => el === el.ownerDocument.activeElement)).toBe(true)
    await renamed.getByText(/with its 0 people, 0 snapshots and every relationship count/).waitFor()
    await keep.click()
    await renamed.getByRole('button', { name: 'Remove Altmark Software' }).click()
    await renamed.getByRole('button', { name: 'Remove Altmark Software' }).last().click()
    await renamed.waitFor({ state: 'detached' })
    await page.getByRole('heading', { name: 'No competitors yet' }).waitFor()

    await page.getByRole('tab', { name: 'Social rules' }).click()
    await page.getByText(/No rules yet/).waitFor()
    expect(await page.getByRole('button', { name: /^Set the social rule for/ }).count()).toBe(6)
    await page.getByText('No active reps.').waitFor()
    await page.getByRole('button', { name: 'Set the social rule for SDR' }).click()
    const rule = page.getByRole('form', { name: 'Social rule for SDR' })
    await rule.getByLabel('Expected cadence (public activities per week)').fill('6')
    await rule.getByRole('button', { name: 'Save rule' }).click()
    await page.getByRole('button', { name: 'Edit the social rule for SDR' }).waitFor()
    await app.screenshot('visibility-admin-7-empty-rules')
    expect(app.problems).toEqual([])
  })
})
