// Hiring outcomes in Chromium: the demo's past hires judge each interview question; a hire is linked to a rep by keyboard,
// then added to a team as a new rep.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { launchApp, type AppUnderTest } from '../support/browser'

describe('hiring outcomes in the browser shell', () => {
  let app: AppUnderTest
  beforeAll(async () => {
    app = await launchApp()
  })
  afterAll(async () => {
    await app?.close()
  })

  it('shows per question how well its ratings ranked later performers, and links a hire to a rep', async () => {
    const { page } = app
    await page.getByRole('button', { name: /Explore the demo workspace/ }).click()
    await page.getByRole('heading', { name: 'Pipeline', level: 1 }).waitFor()
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Recruiting' }).click()
    await page.getByRole('heading', { name: 'Recruiting', level: 1 }).waitFor()
    await page.getByRole('tab', { name: 'Hiring outcomes' }).click()

    const questions = page.getByRole('table', { name: 'How each interview question ranked later performers' })
    await questions.waitFor()
    // Five built-in topics and the filled role's own question, each with its count, correlation and reading.
    await expect(questions.locator('tbody tr').count()).resolves.toBe(6)
    await expect(questions.textContent()).resolves.toMatch(/Team selling/)
    await expect(questions.getByText('Ranked later performers well').count()).resolves.toBeGreaterThan(0)
    await expect(page.getByRole('note').textContent()).resolves.toMatch(/Based on 8 hires\..*one\s+person can swing a figure/s)
    await expect(page.getByText('Rank correlation with later attainment, per question').isVisible()).resolves.toBe(true)
    expect(await page.locator('.outcomes .recharts-bar-rectangle').count()).toBeGreaterThanOrEqual(5)
    const hires = page.getByRole('table', { name: 'Hires and their first quarters' })
    await expect(hires.locator('tbody tr').count()).resolves.toBe(9)
    await expect(hires.textContent()).resolves.toMatch(/No full quarter since the hire date; counted after 2/)
    const linkedReps = (await hires.locator('tbody tr td:nth-child(3)').allTextContents()).map((s) => s.trim())
    await app.screenshot('hire-outcomes')
    await hires.scrollIntoViewIfNeeded()
    await app.screenshot('hire-outcomes-hires')

    // The open roles' hire: link to a rep already taken (refused, by name), then to a free one, all by keyboard.
    await page.getByRole('tab', { name: 'Board' }).click()
    const hired = page.getByRole('region', { name: 'Hired', exact: true }).getByRole('article').first()
    await hired.waitFor()
    await hired.getByRole('button').first().click()
    const drawer = page.getByRole('dialog')
    await drawer.getByRole('button', { name: 'Link to rep' }).focus()
    await page.keyboard.press('Enter')
    const select = drawer.getByLabel('Rep this hire became')
    await expect(select.locator('option').nth(1).textContent()).resolves.toBeTruthy()
    const options = (await select.locator('option').allTextContents()).slice(1)
    const taken = options.find((o) => linkedReps.some((name) => o.startsWith(`${name} ·`)))!
    const free = options.find((o) => !linkedReps.some((name) => o.startsWith(`${name} ·`)))!
    expect(taken).toBeTruthy()
    expect(free).toBeTruthy()
    await select.selectOption({ label: taken })
    await drawer.getByRole('button', { name: 'Link', exact: true }).focus()
    await page.keyboard.press('Enter')
    await drawer.getByRole('alert').filter({ hasText: /is already linked to/ }).waitFor()
    await select.selectOption({ label: free })
    await drawer.getByRole('button', { name: 'Link', exact: true }).focus()
    await page.keyboard.press('Enter')
    await drawer.getByText(`Became rep ${free.split(' · ')[0]}`).waitFor()
    await app.screenshot('hire-outcomes-linked')

    // Unlinked again, the hire joins a team as a new rep under their own name, in one step.
    await drawer.getByRole('button', { name: 'Unlink' }).click()
    await drawer.getByRole('button', { name: 'Add as a new rep' }).click()
    const form = drawer.getByRole('form', { name: 'Add the hire as a new rep' })
    await form.getByLabel('Team').selectOption({ index: 1 })
    await form.getByLabel('Annual quota (USD)').fill('600000')
    await form.getByLabel('First day').fill('2026-11-16')
    await form.scrollIntoViewIfNeeded()
    await app.screenshot('hire-outcomes-new-rep-form')
    await form.getByRole('button', { name: 'Add and link' }).click()
    const name = (await drawer.getByRole('heading', { level: 2 }).first().textContent())!.trim()
    await drawer.getByText(`Became rep ${name}`).waitFor()
    await app.screenshot('hire-outcomes-new-rep')

    await page.getByRole('button', { name: 'Close the candidate profile' }).click()
    await page.getByRole('tab', { name: 'Hiring outcomes' }).click()
    await expect(page.getByRole('table', { name: 'Hires and their first quarters' }).locator('tbody tr').count()).resolves.toBe(10)

    // Narrowed to the open role picked above: only its own hire, too few to judge its questions.
    const scope = page.getByRole('group', { name: 'Hires from' })
    await expect(scope.getByRole('button', { name: 'All roles' }).getAttribute('aria-pressed')).resolves.toBe('true')
    await scope.getByRole('button', { name: /^Only / }).focus()
    await page.keyboard.press('Enter')
    await page.getByRole('heading', { name: 'Not enough hires with outcomes yet' }).waitFor()
    await expect(page.getByText(/^Hires for .+ only\.$/).isVisible()).resolves.toBe(true)
    await expect(page.getByRole('table', { name: 'Hires and their first quarters' }).locator('tbody tr').count()).resolves.toBe(1)
    await app.screenshot('hire-outcomes-one-role')
    await scope.getByRole('button', { name: 'All roles' }).click()
    await expect(page.getByRole('table', { name: 'How each interview question ranked later performers' }).locator('tbody tr').count()).resolves.toBe(6)
    expect(app.problems).toEqual([])
  })
})
