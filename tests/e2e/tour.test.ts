// The first e2e: the first-run screen, the demo workspace, and every page, with zero console errors.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { launchApp, type AppUnderTest } from '../support/browser'

const PAGES = [
  { nav: 'Pipeline', heading: 'Pipeline', file: 'pipeline' },
  { nav: 'Team & 1:1s', heading: 'Team & 1:1s', file: 'team' },
  { nav: 'Recruiting', heading: 'Recruiting', file: 'recruiting' },
  { nav: 'Visibility', heading: 'Visibility', file: 'visibility' },
  { nav: 'Forecast', heading: 'Forecast', file: 'forecast' },
  { nav: 'Import', heading: 'Import', file: 'import' },
  { nav: 'Settings', heading: 'Settings', file: 'settings' }
] as const

describe('a first run in the browser shell', () => {
  let app: AppUnderTest
  beforeAll(async () => {
    app = await launchApp()
  })
  afterAll(async () => {
    await app?.close()
  })

  it('offers the demo workspace or an empty one, and keeps the token out of the address bar', async () => {
    const { page } = app
    await page.getByRole('button', { name: /Explore the demo workspace/ }).waitFor()
    await expect(page.getByRole('button', { name: /Start an empty workspace/ }).isVisible()).resolves.toBe(true)
    expect(new URL(page.url()).searchParams.has('token')).toBe(false)
    await app.screenshot('first-run')
  })

  it('opens the demo workspace and shows every page with real content and no console errors', async () => {
    const { page } = app
    await page.getByRole('button', { name: /Explore the demo workspace/ }).click()
    await page.getByRole('heading', { name: 'Pipeline', level: 1 }).waitFor()
    await page.getByRole('table').waitFor()
    for (const p of PAGES) {
      await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: p.nav }).click()
      await page.getByRole('heading', { name: p.heading, level: 1 }).waitFor()
      await page.waitForLoadState('networkidle')
      await app.screenshot(p.file)
    }
    // The demo's 1,500 deals arrive a page at a time, never all at once.
    await page.getByRole('link', { name: 'Pipeline' }).click()
    await page.getByText(/1–50 of/).waitFor()
    expect(await page.locator('tbody tr').count()).toBe(50)
    expect(app.problems).toEqual([])
  })
})
