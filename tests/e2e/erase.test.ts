// Erasing a candidate in Chromium, by keyboard: the dialog asks for the name, says what backups keep, then compacts; Settings compacts too.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { launchApp, type AppUnderTest } from '../support/browser'

describe('erasing a candidate and compacting the workspace', () => {
  let app: AppUnderTest
  beforeAll(async () => {
    app = await launchApp()
  })
  afterAll(async () => {
    await app?.close()
  })

  it('erases only after the name is typed, offers to compact, and the card leaves the board', async () => {
    const { page } = app
    await page.getByRole('button', { name: /Explore the demo workspace/ }).click()
    await page.getByRole('heading', { name: 'Pipeline', level: 1 }).waitFor()
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Recruiting' }).click()
    const column = page.getByRole('region', { name: 'Interviews', exact: true })
    const card = column.getByRole('article').first()
    await card.waitFor()
    const name = (await card.getAttribute('aria-label')) ?? ''
    expect(name.length).toBeGreaterThan(2)
    await card.getByRole('button').first().click()
    await page.getByRole('heading', { name, level: 2 }).waitFor()

    const open = page.getByRole('button', { name: 'Erase candidate…' })
    await open.focus()
    await page.keyboard.press('Enter')
    const dialog = page.getByRole('dialog', { name: `Erase ${name}?` })
    await dialog.waitFor()
    // The demo workspace was just made: no backup exists yet, and the dialog says so rather than warn about copies.
    await dialog.getByText('There are no backups of this workspace yet, so no other copy of this candidate remains.').waitFor()
    const confirm = dialog.getByLabel('Type the candidate’s name to confirm')
    await expect.poll(() => confirm.evaluate((el) => el === el.ownerDocument.activeElement)).toBe(true)
    const erase = dialog.getByRole('button', { name: 'Erase for good' })
    await page.keyboard.type(name.split(' ')[0]!)
    expect(await erase.isDisabled()).toBe(true)
    await app.screenshot('erase-candidate-dialog')

    // Escape closes without erasing, and focus returns to the button that opened the dialog.
    await page.keyboard.press('Escape')
    await dialog.waitFor({ state: 'detached' })
    await expect.poll(() => open.evaluate((el) => el === el.ownerDocument.activeElement)).toBe(true)
    await page.keyboard.press('Enter')
    await dialog.waitFor()
    await page.keyboard.type(name)
    expect(await erase.isDisabled()).toBe(false)
    await page.keyboard.press('Enter')

    await page.getByText(`${name} was erased:`).waitFor()
    const compact = page.getByRole('button', { name: 'Compact now' })
    await expect.poll(() => compact.evaluate((el) => el === el.ownerDocument.activeElement)).toBe(true)
    await page.keyboard.press('Enter')
    await page.getByText(/^Compacted: .+ → .+\. A clean backup was taken first/).waitFor()
    await app.screenshot('erase-candidate-done')
    await page.getByRole('button', { name: 'Close', exact: true }).click()
    await expect.poll(() => column.getByRole('article', { name, exact: true }).count()).toBe(0)

    // Now a backup exists (compacting took one): erasing the next candidate warns that it still holds them.
    await column.getByRole('article').first().getByRole('button').first().click()
    await page.getByRole('button', { name: 'Erase candidate…' }).click()
    const next = page.getByRole('dialog', { name: /^Erase / })
    await next.getByText('Backups still hold them.').waitFor()
    await next.getByText(/The 1 backup already in .+touchline-backups still holds this candidate/).waitFor()
    await app.screenshot('erase-candidate-backups-warning')
    await next.getByRole('button', { name: 'Cancel' }).click()
    await next.waitFor({ state: 'detached' })
    await page.getByRole('button', { name: 'Close the candidate profile' }).click()
    expect(app.problems).toEqual([])
  })

  it('compacts from Settings and shows the size before and after', async () => {
    const { page } = app
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Settings' }).click()
    const panel = page.getByRole('region', { name: 'Compact workspace' })
    await panel.getByRole('button', { name: 'Compact now' }).click()
    const status = panel.getByRole('status')
    await status.waitFor()
    expect(await status.textContent()).toMatch(/^Compacted: [\d.]+ (KB|MB) before, [\d.]+ (KB|MB) after.*Backup taken first: touchline-.+-manual(\.\d+)?\.sqlite$/)
    await panel.scrollIntoViewIfNeeded()
    await app.screenshot('settings-compact')
    expect(app.problems).toEqual([])
  })
})
