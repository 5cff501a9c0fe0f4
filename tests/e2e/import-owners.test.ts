// E2E: two reps named Alex Kim. A Salesforce report owned by "Alex Kim" is shown as ambiguous in the wizard (which reps
// it could be, import held back); choosing one by keyboard lets it through, and the deals land on the chosen rep.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { launchApp, type AppUnderTest } from '../support/browser'
import { makeWorkspace, type TempWorkspace } from '../support/workspace'

const REPORT = [
  '"Opportunity Name","Account Name","Stage","Amount","Close Date","Opportunity Owner","Probability (%)","Opportunity ID"',
  '"Northwind renewal","Northwind Traders","Negotiation/Review","USD 48,500.00","2027-03-31","Alex Kim","80%","006A000001"',
  '"Globex expansion","Globex","Proposal/Price Quote","USD 120,000.00","2027-04-30","alex kim","60%","006A000002"',
  '"Initech pilot","Initech","Prospecting","USD 9,900.00","2027-05-15","Priya Nair","10%","006A000003"'
].join('\r\n')

describe('an owner name two reps share, in the import wizard', () => {
  let ws: TempWorkspace
  let app: AppUnderTest
  let west: number
  beforeAll(async () => {
    ws = makeWorkspace()
    const sqlite = ws.store.sqlite
    sqlite.prepare("INSERT INTO teams (name, created_at) VALUES ('East', '2026-01-01T00:00:00Z'), ('West', '2026-01-01T00:00:00Z')").run()
    const add = sqlite.prepare("INSERT INTO reps (name, role, team_id, email) VALUES (?, 'ae', (SELECT id FROM teams WHERE name = ?), ?)")
    add.run('Alex Kim', 'East', 'alex.kim@example.com')
    add.run('Priya Nair', 'East', 'priya@example.com')
    west = Number(add.run('Alex Kim', 'West', 'akim@example.com').lastInsertRowid)
    ws.store.close()
    app = await launchApp({ workspacePath: ws.path })
  })
  afterAll(async () => {
    await app?.close()
    ws?.dispose()
  })

  it('is shown as ambiguous, holds the import back until a rep is chosen by keyboard, then lands on that rep', async () => {
    const { page } = app
    await page.getByRole('link', { name: /Import/ }).click()
    await page.getByRole('heading', { name: 'Import', level: 1 }).waitFor()
    await page.getByLabel('Export file').setInputFiles({ name: 'Opportunities.csv', mimeType: 'text/csv', buffer: Buffer.from(REPORT) })

    const owners = page.getByRole('table', { name: 'Owners' })
    const kim = page.getByLabel('Rep for Alex Kim', { exact: true })
    await kim.waitFor()
    await expect(kim.inputValue()).resolves.toBe('')
    await expect(kim.locator('option:checked').textContent()).resolves.toBe('2 reps are named Alex Kim: choose one')
    await expect(kim.locator('optgroup[label="Reps named Alex Kim"] option').allTextContents()).resolves.toEqual([
      'Alex Kim (team East, alex.kim@example.com)',
      'Alex Kim (team West, akim@example.com)'
    ])
    await expect(owners.getByText('choose one', { exact: true }).count()).resolves.toBe(1)
    const note = page.getByRole('note', { name: 'Owners to choose' })
    await expect(note.textContent()).resolves.toBe('2 reps are named Alex Kim: choose which one in Owners above before importing.')
    await expect(page.getByRole('button', { name: 'Dry run' }).isDisabled()).resolves.toBe(true)
    await expect(page.getByRole('button', { name: 'Apply 3 rows' }).isDisabled()).resolves.toBe(true)
    // Neither is it a new rep: the name is taken, twice.
    await expect(page.getByLabel('New reps').count()).resolves.toBe(0)
    await kim.scrollIntoViewIfNeeded()
    await app.screenshot('import-owners-ambiguous')

    // By keyboard: focus the list and type the start of the rep's label.
    await kim.focus()
    await page.keyboard.type('Alex Kim (team West')
    await expect.poll(() => kim.inputValue()).toBe(String(west))
    await note.waitFor({ state: 'detached' })
    await expect(owners.getByText('choose one', { exact: true }).count()).resolves.toBe(0)
    await app.screenshot('import-owners-chosen')

    await page.getByRole('button', { name: 'Dry run' }).focus()
    await page.keyboard.press('Enter')
    await page.getByRole('region', { name: 'Dry run result' }).getByText('3 would be created').waitFor()
    await page.getByRole('button', { name: 'Apply 3 rows' }).focus()
    await page.keyboard.press('Enter')
    await page.getByRole('status').filter({ hasText: '3 deals created, 0 updated.' }).waitFor()

    const sqlite = app.session.requireStore().sqlite
    const ownerOf = sqlite.prepare('SELECT r.name, r.id FROM deals d JOIN reps r ON r.id = d.owner_id WHERE d.external_id = ?')
    expect(ownerOf.get('salesforce:006A000001')).toEqual({ name: 'Alex Kim', id: west })
    expect(ownerOf.get('salesforce:006A000002')).toEqual({ name: 'Alex Kim', id: west })
    expect(sqlite.prepare('SELECT count(*) FROM reps').pluck().get()).toBe(3)

    // The same file chosen again opens with the saved choice: nothing left to choose.
    await page.getByLabel('Export file').setInputFiles({ name: 'Opportunities.csv', mimeType: 'text/csv', buffer: Buffer.from(REPORT) })
    await page.getByLabel('Saved mapping').waitFor()
    await expect(kim.inputValue()).resolves.toBe(String(west))
    await expect(page.getByRole('note', { name: 'Owners to choose' }).count()).resolves.toBe(0)
    await expect(page.getByRole('button', { name: 'Apply 3 rows' }).isDisabled()).resolves.toBe(false)
    expect(app.problems).toEqual([])
  })
})
