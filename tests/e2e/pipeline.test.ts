// E2E: on the demo workspace, filter Pipeline to "no evidence", read a flagged deal's reason, tick a missing criterion and see its flag go.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { launchApp, type AppUnderTest } from '../support/browser'

describe('pipeline inspection in the browser shell', () => {
  let app: AppUnderTest
  beforeAll(async () => {
    app = await launchApp()
  })
  afterAll(async () => {
    await app?.close()
  })

  it('shows why a deal has no evidence, and clears qualification zero when the missing criterion is ticked', async () => {
    const { page } = app
    await page.getByRole('button', { name: /Explore the demo workspace/ }).click()
    await page.getByRole('heading', { name: 'Pipeline', level: 1 }).waitFor()
    await page.getByRole('table').waitFor()
    await app.screenshot('pipeline-inspection')

    await page.getByLabel('Flag').selectOption('no_evidence')
    await page.waitForLoadState('networkidle')
    const first = page.locator('tbody tr').first()
    await expect(first.getByText('No evidence').count()).resolves.toBeGreaterThan(0)
    await first.click()
    const drawer = page.getByRole('dialog', { name: 'Deal details' })
    await drawer.getByText(/deal with no activity (in \d+ days|logged at all)/).first().waitFor()
    await app.screenshot('pipeline-no-evidence-drawer')
    await page.keyboard.press('Escape')
    await drawer.waitFor({ state: 'detached' })

    await page.getByLabel('Flag').selectOption('qualification_zero')
    await page.waitForLoadState('networkidle')
    await page.locator('tbody tr').first().press('Enter')
    const reason = drawer.getByText(/Qualification scores 0 .*: (.+) not met\./)
    await reason.waitFor()
    const text = (await reason.textContent()) ?? ''
    const missing = /: (.+?)(,| not met)/.exec(text)?.[1] ?? ''
    expect(missing).not.toBe('')
    await drawer.getByLabel(`Evidence for ${missing}`).fill('Confirmed with the buyer on a call')
    await drawer.getByRole('button', { name: `Mark ${missing} met` }).click()
    await drawer.getByRole('button', { name: `Mark ${missing} not met` }).waitFor()
    if (!text.includes(',')) await expect(drawer.getByText(/Qualification scores 0/).count()).resolves.toBe(0)
    await app.screenshot('pipeline-criterion-ticked')
    expect(app.problems).toEqual([])
  })
})
