// E2E in Chromium: open a rep, start a 1:1 from the prep sheet, take notes, add an item, leave and come back, search, print the brief.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { launchApp, type AppUnderTest } from '../support/browser'

describe('a one-on-one in the browser shell', () => {
  let app: AppUnderTest
  beforeAll(async () => {
    app = await launchApp()
    await app.page.getByRole('button', { name: /Explore the demo workspace/ }).click()
    await app.page.getByRole('heading', { name: 'Pipeline', level: 1 }).waitFor()
  }, 120_000)
  afterAll(async () => {
    await app?.close()
  })

  it('shows a card per rep and opens a rep’s prep sheet built from the data', async () => {
    const { page } = app
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Team & 1:1s' }).click()
    await page.getByRole('heading', { name: 'Team & 1:1s', level: 1 }).waitFor()
    const first = page.getByRole('button', { name: /^Open / }).first()
    await first.waitFor()
    await app.screenshot('team-cards')
    await first.click()
    await page.getByRole('heading', { name: 'Talking points' }).waitFor()
    await page.getByRole('heading', { name: 'What changed since the last 1:1' }).waitFor()
    await page.locator('.recharts-bar-rectangle').first().waitFor()
    await app.screenshot('team-prep-sheet')
  })

  it('starts a 1:1, autosaves notes, adds an action item, and finds both after leaving and coming back', async () => {
    const { page } = app
    await page.getByRole('button', { name: 'Start 1:1 now' }).click()
    const notes = page.getByRole('textbox', { name: '1:1 notes' })
    await notes.waitFor()
    await notes.fill('# Acme\n- **Pricing** pushback from Zoë in procurement\n- Ask for the economic buyer before Friday')
    await page.getByText(/^Saved \d\d:\d\d$/).waitFor()
    await page.getByRole('textbox', { name: 'New action item' }).fill('Book the Zoë pricing workshop')
    await page.getByRole('button', { name: 'Add', exact: true }).click()
    await page.locator('.action-items').getByText('Book the Zoë pricing workshop').waitFor()
    await app.screenshot('team-one-on-one')

    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Pipeline' }).click()
    await page.getByRole('heading', { name: 'Pipeline', level: 1 }).waitFor()
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Team & 1:1s' }).click()
    await page.getByRole('heading', { name: 'Team & 1:1s', level: 1 }).waitFor()

    // Accents fold: "zoe" finds what was typed as "Zoë".
    await page.getByRole('searchbox', { name: 'Search notes' }).fill('zoe pricing')
    const hits = page.getByRole('region', { name: 'Search results' }).or(page.locator('.search-results'))
    await hits.getByText(/2 matches/).waitFor()
    await app.screenshot('team-search')
    await page.locator('.search-hit').first().click()
    await expect(page.getByRole('textbox', { name: '1:1 notes' }).inputValue()).resolves.toContain('Pricing** pushback from Zoë')
    await page.locator('.action-items').getByText('Book the Zoë pricing workshop').waitFor()
  })

  it('restores an earlier version of the note from its history', async () => {
    const { page } = app
    const notes = page.getByRole('textbox', { name: '1:1 notes' })
    // The test clock stands still, so the new version comes from the rule that a big deletion is always kept apart.
    await notes.fill('Replaced by mistake')
    await page.getByText(/^Saved \d\d:\d\d$/).waitFor()
    await page.getByRole('button', { name: 'History' }).click()
    await page.getByRole('button', { name: 'Restore v1' }).click()
    await expect.poll(() => notes.inputValue()).toContain('Pricing** pushback')
    await app.screenshot('team-versions')
  })

  it('prints the brief to a PDF with the prep sheet and no app chrome, with no console errors on the way', async () => {
    const { page } = app
    await page.emulateMedia({ media: 'print' })
    await app.screenshot('team-brief-print')
    const pdf = await page.pdf({ format: 'A4', printBackground: true })
    await page.emulateMedia({ media: 'screen' })
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-')
    const pages = (pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g) ?? []).length
    expect(pages).toBeGreaterThanOrEqual(1)
    expect(app.problems).toEqual([])
  })
})
