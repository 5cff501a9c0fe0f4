// E2E: the kickoff on the demo workspace — compare with a competitor, the relationship table, presentation mode by keyboard, the deck as a PDF.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { launchApp, type AppUnderTest } from '../support/browser'

const SLIDES = 5

describe('visibility and the kickoff deck in the browser shell', () => {
  let app: AppUnderTest
  beforeAll(async () => {
    app = await launchApp()
    await app.page.getByRole('button', { name: /Explore the demo workspace/ }).click()
    await app.page.getByRole('heading', { name: 'Pipeline', level: 1 }).waitFor()
  }, 120_000)
  afterAll(async () => {
    await app?.close()
  })

  it('compares the team with one competitor on each measure', async () => {
    const { page } = app
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Visibility' }).click()
    await page.getByRole('heading', { name: 'Visibility', level: 1 }).waitFor()
    await page.getByText('Our team · composite').waitFor()
    await page.getByLabel('Competitor').selectOption({ label: 'Altmark' })
    await page.getByRole('columnheader', { name: 'Altmark' }).waitFor()
    await expect(page.getByRole('columnheader', { name: 'Cadence Cloud' }).count()).resolves.toBe(0)
    await page.locator('.recharts-bar-rectangle').first().waitFor()
    await page.getByText('Lena Vogt').waitFor()
    await app.screenshot('visibility-compare')
  })

  it('shows each rep’s measures with their documentation and the invisible-days calendar', async () => {
    const { page } = app
    await page.getByRole('tab', { name: 'Measures & calendar' }).click()
    await page.getByRole('table', { name: 'Invisible-days calendar' }).waitFor()
    await page.getByText('Longest invisible stretch', { exact: true }).waitFor()
    expect(await page.locator('.vis-day.seen').count()).toBeGreaterThan(0)
    await app.screenshot('visibility-measures')
  })

  it('opens the tier-one relationship table with each competitor and the no-relationship list', async () => {
    const { page } = app
    await page.getByLabel('Competitor').selectOption({ label: 'All competitors' })
    await page.getByRole('tab', { name: 'Tier-one relationships' }).click()
    const table = page.getByRole('table', { name: /Relationships in tier-one accounts/ })
    await table.waitFor()
    await table.getByRole('columnheader', { name: 'Cadence Cloud' }).waitFor()
    expect(await table.locator('tbody tr').count()).toBe(25)
    await page.getByRole('heading', { name: 'Accounts where we have no relationship' }).waitFor()
    expect(await page.locator('.vis-norel li').count()).toBeGreaterThan(0)
    await app.screenshot('visibility-relationships')
    await page.getByRole('tab', { name: 'Social rules' }).click()
    await page.getByRole('rowheader', { name: 'Account executive' }).waitFor()
    await app.screenshot('visibility-rules')
  })

  it('presents full screen, moves through the slides by keyboard and clicker keys, anonymises, and leaves on Escape', async () => {
    const { page } = app
    await page.getByRole('button', { name: /Start presentation/ }).click()
    const deck = page.getByRole('dialog', { name: 'Presentation' })
    await deck.waitFor()
    const current = () => deck.locator('.deck-slide.current h2').textContent()
    await expect(current()).resolves.toBe('Visible or invisible?')
    await app.screenshot('visibility-deck-1-title')
    await page.keyboard.press('ArrowRight')
    await expect(current()).resolves.toBe('Our team vs the competition')
    await deck.locator('.deck-slide.current .recharts-bar-rectangle').first().waitFor()
    await app.screenshot('visibility-deck-2-compare')
    await page.keyboard.press('PageDown')
    await expect(current()).resolves.toBe('Relationships in our tier-one accounts')
    await app.screenshot('visibility-deck-3-relationships')
    await page.keyboard.press('ArrowRight')
    await expect(current()).resolves.toMatch(/invisible-days calendar/)
    const firstName = await deck.locator('.deck-slide.current .vis-cal-row:not(.vis-cal-head) .vis-cal-name').first().textContent()
    expect(firstName).toMatch(/^\S+ \S+/)
    await deck.getByLabel('Anonymise').check()
    await expect(deck.locator('.deck-slide.current .vis-cal-row:not(.vis-cal-head) .vis-cal-name').first().textContent()).resolves.toMatch(/^[A-Z]\. [A-Z]\.$/)
    await app.screenshot('visibility-deck-4-calendar-anonymised')
    await page.keyboard.press('ArrowRight')
    await expect(current()).resolves.toBe('Tier-one accounts where we have no relationship')
    await app.screenshot('visibility-deck-5-no-relationship')
    await page.keyboard.press('ArrowRight')
    await expect(current()).resolves.toBe('Tier-one accounts where we have no relationship')
    await page.keyboard.press('PageUp')
    await expect(current()).resolves.toMatch(/invisible-days calendar/)
    await page.keyboard.press('ArrowLeft')
    await expect(current()).resolves.toBe('Relationships in our tier-one accounts')
  })

  it('prints the deck one slide per landscape page, as the desktop shell’s printToPDF will', async () => {
    const { page } = app
    await page.emulateMedia({ media: 'print' })
    const pdf = await page.pdf({ preferCSSPageSize: true, printBackground: true })
    await page.emulateMedia({ media: 'screen' })
    const text = pdf.toString('latin1')
    const pages = text.match(/\/Type\s*\/Page(?!s)/g)?.length ?? 0
    expect(pages).toBe(SLIDES)
    // Landscape: the media box is wider than tall.
    const box = /\/MediaBox\s*\[\s*0\s+0\s+([\d.]+)\s+([\d.]+)\s*\]/.exec(text)
    expect(box && Number(box[1]) > Number(box[2])).toBe(true)

    // Printing takes the focus away from the deck; the presenter clicks back into it, then leaves.
    const deck = page.getByRole('dialog', { name: 'Presentation' })
    await deck.press('Escape')
    await deck.waitFor({ state: 'detached' })
    await page.getByRole('heading', { name: 'Visibility', level: 1 }).waitFor()
    expect(app.problems).toEqual([])
  })
})
