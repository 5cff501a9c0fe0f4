// E2E: on the demo workspace, the forecast walk from the last snapshot to today: the waterfall, its table by keyboard, a bar's deals, the from/to picker.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { launchApp, type AppUnderTest } from '../support/browser'

describe('the forecast walk in the browser shell', () => {
  let app: AppUnderTest
  beforeAll(async () => {
    app = await launchApp()
  })
  afterAll(async () => {
    await app?.close()
  })

  it('walks from the latest snapshot to today, drills into a bar and a table row, and re-walks from the period start', async () => {
    const { page } = app
    await page.getByRole('button', { name: /Explore the demo workspace/ }).click()
    await page.getByRole('heading', { name: 'Pipeline', level: 1 }).waitFor()
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Forecast' }).click()
    await page.getByRole('heading', { name: 'Forecast', level: 1 }).waitFor()
    await page.getByRole('tab', { name: 'Walk' }).click()

    // The demo's open quarter has weekly snapshots: the walk starts at the latest one before today.
    const chart = page.getByRole('figure', { name: /^Walk from .* — Whole org$/ })
    await chart.locator('.recharts-bar-rectangle').first().waitFor()
    const from = page.getByLabel('Walk from', { exact: true })
    const fromLabel = (await from.locator('option:checked').textContent()) ?? ''
    expect(fromLabel).toContain('snapshot')
    await expect(page.getByLabel('Walk to', { exact: true }).locator('option:checked').textContent()).resolves.toContain('today')
    // Start and end totals are labelled over their bars.
    await expect(chart.locator('text', { hasText: /^\$/ }).count()).resolves.toBeGreaterThanOrEqual(2)
    await app.screenshot('forecast-walk')

    // A bar of the chart: the first visible "down" bar (pushed out or lost) opens its deals.
    const downBars = chart.locator('.recharts-bar').nth(4).locator('.recharts-bar-rectangle path')
    await downBars.first().click()
    const drill = page.getByRole('region', { name: 'Deals behind the number' })
    await drill.getByRole('heading', { name: /^(Pushed out|Lost) — Whole org/ }).waitFor()
    await drill.locator('tbody tr').first().waitFor()
    await expect(drill.getByText(/^−\$/).count()).resolves.toBeGreaterThan(0)
    await app.screenshot('forecast-walk-drill')
    await drill.getByRole('button', { name: 'Close' }).click()

    // The table behind the chart, by keyboard: every movement is a row; Enter on one with deals opens them.
    await chart.getByRole('button', { name: 'Show table' }).click()
    const table = chart.getByRole('table')
    await expect(table.locator('tbody tr').count()).resolves.toBe(7)
    const won = table.getByRole('row', { name: /^Won/ })
    await won.focus()
    await page.keyboard.press('Enter')
    await drill.getByRole('heading', { name: /^Won — Whole org/ }).waitFor()
    await drill.locator('tbody tr').first().waitFor()
    await expect(drill.locator('tbody tr').first().getByText('won', { exact: true }).count()).resolves.toBe(1)

    // From the period's start instead: the walk covers more, and the heading says so.
    const startOption = from.locator('option', { hasText: 'period start' })
    await from.selectOption((await startOption.getAttribute('value'))!)
    await page.getByRole('figure', { name: new RegExp(`^Walk from ${(await startOption.textContent())!.replace(/ \(.*$/, '').replace(/[.*+?^${}()|[\]\\]/g, '\\$&')} to`) }).waitFor()
    // The open drill follows the new walk: its title names the new first day.
    await drill.getByRole('heading', { name: new RegExp(`^Won — Whole org, ${(await startOption.textContent())!.replace(/ \(.*$/, '')} to`) }).waitFor()
    await app.screenshot('forecast-walk-from-start')

    // A period with no snapshots yet: an empty state that says why, and a keyboard-reachable way to walk anyway.
    await page.getByLabel('Period kind').selectOption('month')
    await page.getByLabel('A day in the period').fill('2026-12-10')
    await page.getByRole('button', { name: 'Create', exact: true }).click()
    const december = page.getByLabel('Period', { exact: true }).locator('option', { hasText: '2026-12 (' })
    await december.waitFor({ state: 'attached' })
    await page.getByLabel('Period', { exact: true }).selectOption((await december.getAttribute('value'))!)
    const empty = page.getByRole('status').filter({ has: page.getByRole('heading', { name: 'No snapshots in 2026-12 yet' }) })
    await empty.waitFor()
    await app.screenshot('forecast-walk-no-snapshots')
    const anyway = empty.getByRole('button', { name: /^Show the pipeline on 23 Nov 2026 instead$/ })
    await anyway.focus()
    await page.keyboard.press('Enter')
    await page.getByLabel('Walk from', { exact: true }).waitFor()
    expect(app.problems).toEqual([])
  })
})
