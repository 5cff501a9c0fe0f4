// E2E in Chromium: add a rep through the form (inline errors, Enter, Escape), a new team, move, mark as left, the leavers' list and reassigning deals.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { launchApp, type AppUnderTest } from '../support/browser'
import { TODAY } from '../support/workspace'

describe('managing the team in the browser shell', () => {
  let app: AppUnderTest
  beforeAll(async () => {
    app = await launchApp()
    await app.page.getByRole('button', { name: /Explore the demo workspace/ }).click()
    await app.page.getByRole('heading', { name: 'Pipeline', level: 1 }).waitFor()
    await app.page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Team & 1:1s' }).click()
    await app.page.getByRole('heading', { name: 'Team & 1:1s', level: 1 }).waitFor()
    await app.page.getByRole('button', { name: /^Open / }).first().waitFor()
  }, 120_000)
  afterAll(async () => {
    await app?.close()
  })

  it('adds a rep through the form: errors show under their fields, Enter submits, the card appears', async () => {
    const { page } = app
    await page.getByRole('button', { name: 'Add rep', exact: true }).click()
    const dialog = page.getByRole('dialog', { name: 'Add a rep' })
    await dialog.waitFor()
    const name = dialog.getByLabel('Name', { exact: true })
    expect(await name.evaluate((el) => el === el.ownerDocument.activeElement)).toBe(true)

    // Enter on an empty form: every problem at once, each under its field, nothing sent.
    await page.keyboard.press('Enter')
    await dialog.getByText('Give the rep’s name.').waitFor()
    await dialog.getByText('Give the annual quota as a number (0 if none).').waitFor()
    expect(await name.getAttribute('aria-invalid')).toBe('true')
    await name.fill('Jonas Müller')
    await dialog.getByLabel('Email (optional)').fill('jonas at example')
    await dialog.getByLabel('Annual quota').fill('480000')
    await page.keyboard.press('Enter')
    await dialog.getByText('That does not look like an email address (name@company.com).').waitFor()
    await app.screenshot('team-admin-add-rep-errors')

    await dialog.getByLabel('Email (optional)').fill('jonas@example.test')
    await dialog.getByLabel('Started on').fill('2026-09-01')
    await dialog.getByLabel('Email (optional)').press('Enter')
    await dialog.waitFor({ state: 'detached' })
    await page.getByRole('button', { name: 'Open Jonas Müller' }).waitFor()
    const row = app.session.requireStore().sqlite.prepare("SELECT email, hire_date, quota_minor, status FROM reps WHERE name = 'Jonas Müller'").get()
    expect(row).toEqual({ email: 'jonas@example.test', hire_date: '2026-09-01', quota_minor: 48_000_000, status: 'active' })

    // Edit: the form opens filled in from main; clearing the email and raising the quota saves both.
    await page.getByRole('button', { name: 'Edit Jonas Müller' }).click()
    const edit = page.getByRole('dialog', { name: 'Edit Jonas Müller' })
    await expect(edit.getByLabel('Annual quota').inputValue()).resolves.toBe('480000')
    await edit.getByLabel('Email (optional)').fill('')
    await edit.getByLabel('Annual quota').fill('520000')
    await edit.getByRole('button', { name: 'Save' }).click()
    await edit.waitFor({ state: 'detached' })
    const edited = app.session.requireStore().sqlite.prepare("SELECT email, quota_minor FROM reps WHERE name = 'Jonas Müller'").get()
    expect(edited).toEqual({ email: null, quota_minor: 52_000_000 })
  })

  it('creates a team from the keyboard, shows main’s refusal of a duplicate name under the field, and Escape closes without saving', async () => {
    const { page } = app
    const firstTeam = (await page.getByRole('tablist', { name: 'Teams' }).getByRole('tab').nth(1).innerText()).split(' · ')[0]!.trim()
    const newTeam = page.getByRole('button', { name: 'New team' })
    await newTeam.click()
    const dialog = page.getByRole('dialog', { name: 'New team' })
    await page.keyboard.type(firstTeam.toUpperCase())
    await page.keyboard.press('Enter')
    await dialog.getByText(`There is already a team called "${firstTeam}".`).waitFor()
    await app.screenshot('team-admin-duplicate-team')

    await page.keyboard.press('Escape')
    await dialog.waitFor({ state: 'detached' })
    expect(await newTeam.evaluate((el) => el === el.ownerDocument.activeElement)).toBe(true)

    await page.keyboard.press('Enter')
    await page.getByRole('dialog', { name: 'New team' }).waitFor()
    await page.keyboard.type('Enterprise')
    await page.keyboard.press('Enter')
    await page.getByRole('tab', { name: /^Enterprise · 0$/ }).waitFor()
  })

  it('moves the rep to the new team, marks them as left, and the toggle shows and hides them', async () => {
    const { page } = app
    await page.getByRole('button', { name: 'Move Jonas Müller to team…' }).click()
    const move = page.getByRole('dialog', { name: 'Move Jonas Müller to another team' })
    await move.getByLabel('New team').selectOption({ label: 'Enterprise' })
    await move.getByLabel('Moved on').fill(TODAY)
    await move.getByRole('button', { name: 'Move' }).click()
    await move.waitFor({ state: 'detached' })
    await page.getByRole('tab', { name: /^Enterprise · 1$/ }).click()
    await page.getByRole('button', { name: 'Open Jonas Müller' }).waitFor()
    expect(await page.getByRole('button', { name: /^Open / }).count()).toBe(1)

    await page.getByRole('button', { name: 'Mark Jonas Müller as left…' }).click()
    const leave = page.getByRole('dialog', { name: 'Mark Jonas Müller as left' })
    await leave.getByLabel('Left on').fill(TODAY)
    await leave.getByLabel('Reason (optional)').fill('Moved abroad')
    await app.screenshot('team-admin-mark-left')
    await leave.getByRole('button', { name: 'Mark as left' }).click()
    await leave.waitFor({ state: 'detached' })
    await page.getByText('No active reps in Enterprise').waitFor()
    await page.getByRole('tab', { name: /^Enterprise · 0$/ }).waitFor()

    const toggle = page.getByRole('checkbox', { name: 'Show people who left' })
    await toggle.check()
    const leavers = page.getByRole('list', { name: 'People who left' })
    await leavers.getByText('Jonas Müller').waitFor()
    await leavers.getByText('No open deals').waitFor()
    await leavers.getByText('“Moved abroad”').waitFor()
    await app.screenshot('team-admin-people-who-left')
    await toggle.uncheck()
    await page.getByRole('heading', { name: 'People who left' }).waitFor({ state: 'detached' })
    expect(await page.getByText('Jonas Müller').count()).toBe(0)

    // Back with the toggle, then reinstated: a card again, and gone from the leavers.
    await toggle.check()
    await leavers.getByRole('button', { name: 'Reinstate Jonas Müller' }).click()
    await page.getByRole('button', { name: 'Open Jonas Müller' }).waitFor()
    await leavers.getByText('Jonas Müller').waitFor({ state: 'detached' })
    await page.getByRole('button', { name: 'Mark Jonas Müller as left…' }).click()
    await page.getByRole('dialog', { name: 'Mark Jonas Müller as left' }).getByLabel('Left on').fill(TODAY)
    await page.keyboard.press('Enter')
    await leavers.getByText('Jonas Müller').waitFor()
    await toggle.uncheck()
  })

  it('flags a leaver’s open deals as needing a new owner and reassigns them in one go', async () => {
    const { page } = app
    await page.getByRole('tab', { name: 'All teams' }).click()
    const sqlite = app.session.requireStore().sqlite
    const leaver = sqlite
      .prepare("SELECT r.id, r.name, count(*) AS n FROM reps r JOIN deals d ON d.owner_id = r.id AND d.status = 'open' WHERE r.status = 'active' GROUP BY r.id ORDER BY r.name LIMIT 1")
      .get() as { id: number; name: string; n: number }
    await page.getByRole('button', { name: `Mark ${leaver.name} as left…` }).click()
    const leave = page.getByRole('dialog', { name: `Mark ${leaver.name} as left` })
    await leave.getByLabel('Left on').fill(TODAY)
    await leave.getByLabel('Left on').press('Enter')
    await leave.waitFor({ state: 'detached' })
    await page.getByRole('button', { name: `Open ${leaver.name}` }).waitFor({ state: 'detached' })
    await page.getByRole('status').filter({ hasText: `${leaver.name} has left but still owns ${leaver.n} open deals that need a new owner.` }).waitFor()
    await app.screenshot('team-admin-orphaned-deals')

    await page.getByRole('status').getByRole('button', { name: 'Show people who left' }).click()
    const item = page.getByRole('list', { name: 'People who left' }).getByRole('listitem').filter({ hasText: leaver.name })
    await item.getByText(`${leaver.n} open deals need a new owner`).waitFor()
    await item.getByRole('button', { name: 'Reassign deals…' }).click()
    const reassign = page.getByRole('dialog', { name: `Reassign ${leaver.name}’s open deals` })
    const newOwner = await reassign.getByLabel('New owner').locator('option:checked').innerText()
    await app.screenshot('team-admin-reassign')
    await reassign.getByRole('button', { name: 'Reassign deals' }).click()
    await reassign.waitFor({ state: 'detached' })
    await item.getByText('No open deals').waitFor()
    const toId = (sqlite.prepare('SELECT id FROM reps WHERE name = ?').get(newOwner.split(' · ')[0]) as { id: number }).id
    expect((sqlite.prepare("SELECT count(*) AS n FROM deals WHERE owner_id = ? AND status = 'open'").get(leaver.id) as { n: number }).n).toBe(0)
    expect((sqlite.prepare("SELECT count(*) AS n FROM deal_evidence WHERE owner_id = ? AND is_open = 1").get(toId) as { n: number }).n).toBeGreaterThanOrEqual(leaver.n)
  })

  it('saw no console errors', () => {
    expect(app.problems).toEqual([])
  })
})
