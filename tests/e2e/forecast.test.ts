// E2E: on the demo workspace, drill from the grid, record calls for a period, close it and see the accuracy; drill from the dashboard.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { launchApp, type AppUnderTest } from '../support/browser'

describe('forecast calls, accuracy and the productivity dashboard in the browser shell', () => {
  let app: AppUnderTest
  beforeAll(async () => {
    app = await launchApp()
  })
  afterAll(async () => {
    await app?.close()
  })

  it('records two calls for October, closes it, shows accuracy against the 98 % target, and drills into deals from grid and dashboard', async () => {
    const { page } = app
    await page.getByRole('button', { name: /Explore the demo workspace/ }).click()
    await page.getByRole('heading', { name: 'Pipeline', level: 1 }).waitFor()
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Forecast' }).click()
    await page.getByRole('heading', { name: 'Forecast', level: 1 }).waitFor()
    const grid = page.getByRole('table', { name: /Forecast grid for/ })
    await grid.waitFor()
    // The demo's four closed quarters fill the accuracy history on first run.
    await page.getByRole('figure', { name: /Accuracy history — Whole org/ }).locator('.recharts-line').first().waitFor()
    await app.screenshot('forecast-grid')

    // Drill from the grid: the deals behind one rep's commit.
    await grid.getByRole('button', { name: /^\$/ }).nth(6).click()
    const drill = page.getByRole('region', { name: 'Deals behind the number' })
    await drill.getByRole('table').waitFor()
    await app.screenshot('forecast-grid-drill')
    await drill.getByRole('button', { name: 'Close' }).click()

    // Clicking a rep shows that rep's accuracy quarter by quarter and the history of their calls.
    const firstRep = grid.locator('tbody tr .fc-rep').first()
    const firstRepName = ((await firstRep.textContent()) ?? '').trim()
    await firstRep.click()
    const repHistory = page.getByRole('figure', { name: `Accuracy history — ${firstRepName}, by quarter` })
    await repHistory.locator('.recharts-line').first().waitFor()
    await repHistory.scrollIntoViewIfNeeded()
    await app.screenshot('forecast-rep-accuracy')

    // A month that has ended: create it, record two snapshots for one rep, close it.
    await page.getByLabel('Period kind').selectOption('month')
    await page.getByLabel('A day in the period').fill('2026-10-15')
    await page.getByRole('button', { name: 'Create', exact: true }).click()
    const option = page.getByLabel('Period', { exact: true }).locator('option', { hasText: '2026-10 (' })
    await option.waitFor({ state: 'attached' })
    await page.getByLabel('Period', { exact: true }).selectOption((await option.getAttribute('value'))!)
    await page.getByRole('table', { name: 'Forecast grid for 2026-10' }).waitFor()

    const form = page.getByRole('form', { name: 'Record a call' })
    const subject = form.getByLabel('Rep or team')
    const repValue = await subject.locator('option').nth(2).getAttribute('value')
    const repName = ((await subject.locator('option').nth(2).textContent()) ?? '').trim()
    for (const [day, commit, manager] of [
      ['2026-10-06', '300000', '250000'],
      ['2026-10-27', '200000', '180000']
    ] as const) {
      await subject.selectOption(repValue!)
      await form.getByLabel(/Rep's commit/).fill(commit)
      await form.getByLabel(/Rep's best case/).fill(String(Number(commit) + 50000))
      await form.getByLabel(/Manager's call/).fill(manager)
      await form.getByLabel(/Taken on/).fill(day)
      await form.getByRole('button', { name: 'Record call' }).click()
      await form.getByRole('status').filter({ hasText: `for ${repName}: commit` }).filter({ hasText: day === '2026-10-06' ? 'week 1' : 'week 4' }).waitFor()
    }
    const history = page.getByRole('region', { name: 'Call history' })
    await expect(history.locator('tbody tr').count()).resolves.toBe(2)

    await page.getByRole('button', { name: 'Close 2026-10' }).click()
    const accuracy = page.getByRole('region', { name: 'Accuracy at close' })
    await accuracy.getByRole('heading', { name: /target 98 %/ }).waitFor()
    await expect(accuracy.getByText(repName, { exact: true }).count()).resolves.toBeGreaterThan(0)
    await expect(accuracy.getByText(/on target|below target/).count()).resolves.toBeGreaterThan(0)
    // Both snapshots are scored: each row of the call history now has an accuracy.
    await history.locator('tbody tr').first().getByText(/\d+\.\d %/).first().waitFor()
    await app.screenshot('forecast-closed-accuracy')

    // The dashboard for the last closed quarter; drill from the loss-reason chart's table into its deals.
    const q3 = page.getByLabel('Period', { exact: true }).locator('option', { hasText: 'FY26 Q3' })
    await page.getByLabel('Period', { exact: true }).selectOption((await q3.getAttribute('value'))!)
    await page.getByRole('tab', { name: 'Productivity dashboard' }).click()
    const losses = page.getByRole('figure', { name: 'Loss reasons' })
    await losses.locator('.recharts-bar-rectangle').first().waitFor()
    await app.screenshot('forecast-dashboard')
    await losses.getByRole('button', { name: 'Show table' }).click()
    await losses.getByRole('row', { name: /Pricing/ }).click()
    await drill.getByRole('heading', { name: /Lost to pricing/ }).waitFor()
    await drill.locator('tbody tr').first().waitFor()
    await expect(drill.getByText('Pricing').count()).resolves.toBeGreaterThan(0)
    await app.screenshot('forecast-dashboard-drill')

    // And from a chart itself: a bar of pipeline created opens that week's deals.
    await page.getByRole('figure', { name: 'Pipeline created per week' }).locator('.recharts-bar-rectangle').nth(3).click()
    await drill.getByRole('heading', { name: /Pipeline created in the week of/ }).waitFor()
    await drill.locator('tbody tr').first().waitFor()
    expect(app.problems).toEqual([])
  })
})
