// E2E: the Pipeline board on the demo workspace — open a card, log a meeting on a no-evidence deal and see the flag go, page a column, save and re-open a view, tighten the rules.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Locator, Page } from 'playwright-core'
import { launchApp, type AppUnderTest } from '../support/browser'
import { TODAY } from '../support/workspace'

/** Each column is labelled "<Stage>: <n> deals"; the board's deals are their sum. */
async function columnCounts(page: Page): Promise<Record<string, number>> {
  const labels = await page.locator('.stage-column').evaluateAll((els) => els.map((e) => e.getAttribute('aria-label') ?? ''))
  return Object.fromEntries(labels.map((l) => [l.split(':')[0]!, Number(/: (\d+) deals/.exec(l)?.[1] ?? NaN)]))
}
const sum = (counts: Record<string, number>) => Object.values(counts).reduce((a, b) => a + b, 0)

async function waitForCount(page: Page, predicate: (total: number) => boolean): Promise<number> {
  for (let i = 0; i < 50; i++) {
    const total = sum(await columnCounts(page))
    if (predicate(total)) return total
    await page.waitForTimeout(100)
  }
  throw new Error('the board never reached the expected count')
}

const cardsIn = (column: Locator) => column.locator('.deal-card')
const filter = (page: Page, name: string) => page.getByRole('search').getByRole('combobox', { name, exact: true })

describe('the Pipeline board in the browser shell', () => {
  let app: AppUnderTest
  beforeAll(async () => {
    app = await launchApp()
  })
  afterAll(async () => {
    await app?.close()
  })

  it('shows stages with counts and totals, opens a card, and a logged meeting clears no evidence', async () => {
    const { page } = app
    await page.getByRole('button', { name: /Explore the demo workspace/ }).click()
    await page.getByRole('heading', { name: 'Pipeline', level: 1 }).waitFor()
    await page.getByRole('button', { name: 'Board' }).click()
    const board = page.getByRole('region', { name: 'Pipeline board by stage' })
    await board.waitFor()
    const all = await columnCounts(page)
    expect(Object.keys(all)).toEqual(['Prospecting', 'Qualifying', 'Solution', 'Proposal', 'Negotiation'])
    // The board counts what the totals strip counts: every open deal.
    const totalsHint = await page.locator('.stats .stat-hint').allTextContents()
    const open = totalsHint.reduce((s, t) => s + Number(/^([\d,]+) deals/.exec(t)?.[1]?.replace(/,/g, '') ?? 0), 0)
    expect(sum(all)).toBe(open)
    await app.screenshot('pipeline-board')

    // Keyboard: Enter on a card opens the drawer on that deal.
    const firstCard = cardsIn(page.locator('.stage-column').first()).first()
    const firstName = (await firstCard.locator('.deal-card-name').textContent()) ?? ''
    await firstCard.focus()
    await page.keyboard.press('Enter')
    const drawer = page.getByRole('dialog', { name: 'Deal details' })
    await drawer.getByRole('heading', { name: firstName, level: 2 }).waitFor()
    await page.keyboard.press('Escape')
    await drawer.waitFor({ state: 'detached' })

    // Filter the board to no evidence, open the first card of the fullest column.
    await filter(page, 'Flag').selectOption('no_evidence')
    const before = await waitForCount(page, (n) => n > 0 && n < sum(all))
    const counts = await columnCounts(page)
    const stage = Object.entries(counts).sort((a, b) => b[1] - a[1])[0]![0]
    const column = page.locator(`.stage-column[aria-label^="${stage}:"]`)
    const card = cardsIn(column).first()
    await expect(card.getByText('No evidence').count()).resolves.toBe(1)
    const name = (await card.locator('.deal-card-name').textContent()) ?? ''
    await card.click()
    await drawer.getByRole('heading', { name, level: 2 }).waitFor()
    await drawer.getByText(/deal with no activity (in \d+ days|logged at all)/).first().waitFor()

    await drawer.getByRole('button', { name: 'Log an activity…' }).click()
    await drawer.getByRole('radio', { name: 'Meeting' }).check()
    await drawer.getByRole('radio', { name: /Inbound/ }).check()
    // A date after today is refused before anything is sent.
    await drawer.getByLabel('Date').fill('2099-01-01')
    await drawer.getByRole('button', { name: 'Save activity' }).click()
    await drawer.getByRole('alert').getByText(/in the future/).waitFor()
    await drawer.getByLabel('Date').fill(TODAY)
    const contacts = drawer.getByLabel('Contact')
    if ((await contacts.locator('option').count()) > 1) await contacts.selectOption({ index: 1 })
    await drawer.getByLabel('Subject').fill('Pricing review <b>with</b> the CFO')
    await drawer.getByLabel('Notes').fill('Agreed the mutual plan; legal next.')
    await app.screenshot('pipeline-board-log-activity')
    await drawer.getByRole('button', { name: 'Save activity' }).click()
    await drawer.getByRole('status').getByText(/Meeting logged/).waitFor()
    await expect.poll(() => drawer.getByText(/deal with no activity/).count()).toBe(0)
    // The subject is shown as text in the timeline, never as markup.
    await drawer.getByText('Meeting (inbound)', { exact: false }).first().waitFor()
    await expect(drawer.getByText(/Pricing review <b>with<\/b> the CFO/).count()).resolves.toBeGreaterThan(0)
    // And the board, filtered to no evidence, has one deal fewer.
    await waitForCount(page, (n) => n === before - 1)
    await app.screenshot('pipeline-board-flag-cleared')
    await page.keyboard.press('Escape')
    await drawer.waitFor({ state: 'detached' })
    expect(app.problems).toEqual([])
  }, 120_000)

  it('pages a long column with "Show more", and a saved view brings back its filters and layout', async () => {
    const { page } = app
    await filter(page, 'Flag').selectOption('')
    const counts = await (async () => {
      await waitForCount(page, (n) => n > 100)
      return columnCounts(page)
    })()
    const [stage, count] = Object.entries(counts).sort((a, b) => b[1] - a[1])[0]!
    expect(count).toBeGreaterThan(20)
    const column = page.locator(`.stage-column[aria-label^="${stage}:"]`)
    await expect(cardsIn(column).count()).resolves.toBe(20)
    await column.getByRole('button', { name: /Show more/ }).click()
    await expect.poll(() => cardsIn(column).count()).toBe(Math.min(40, count))
    // Weakest evidence first, across the page boundary.
    const scores = (await column.locator('.deal-card .deal-card-top .chip').allTextContents()).map(Number)
    expect(scores).toEqual([...scores].sort((a, b) => a - b))

    await filter(page, 'Flag').selectOption('single_threaded')
    await filter(page, 'Tier').selectOption('1')
    await page.getByRole('button', { name: 'Save view…' }).click()
    await page.getByLabel('View name').fill('Tier one, single-threaded')
    await page.getByRole('button', { name: 'Save', exact: true }).click()
    await page.getByRole('button', { name: 'Delete view' }).waitFor()

    // Elsewhere: the table, no filters.
    await page.getByRole('button', { name: 'Table' }).click()
    await filter(page, 'Flag').selectOption('')
    await filter(page, 'Tier').selectOption('')
    await page.getByRole('table').waitFor()
    await page.getByLabel('Saved view').selectOption('')

    await page.getByLabel('Saved view').selectOption('Tier one, single-threaded')
    await page.getByRole('region', { name: 'Pipeline board by stage' }).waitFor()
    await expect(filter(page, 'Flag').inputValue()).resolves.toBe('single_threaded')
    await expect(filter(page, 'Tier').inputValue()).resolves.toBe('1')
    await expect(page.getByRole('button', { name: 'Board' }).getAttribute('aria-pressed')).resolves.toBe('true')
    await expect.poll(async () => (await page.locator('.deal-card').allTextContents()).every((t) => t.includes('Single-threaded') || t.includes('+'))).toBe(true)
    await app.screenshot('pipeline-board-saved-view')
    expect(app.problems).toEqual([])
  }, 60_000)

  it('edits the inspection rules: a bad value is refused by the field, 7 no-evidence days flag more deals', async () => {
    const { page } = app
    await filter(page, 'Tier').selectOption('')
    await filter(page, 'Flag').selectOption('no_evidence')
    const before = await waitForCount(page, (n) => n > 0)
    await page.getByRole('button', { name: 'Inspection rules' }).click()
    const rules = page.getByRole('region', { name: 'Inspection rules' })
    const days = rules.getByLabel(/^No evidence after \(days\)/)
    await expect(days.inputValue()).resolves.toBe('14')
    await days.fill('0')
    await rules.getByRole('button', { name: 'Save rules' }).click()
    await rules.getByText('No evidence after (days): between 1 and 3650.').waitFor()
    await rules.getByRole('alert').getByText(/nothing was saved/).waitFor()
    await app.screenshot('pipeline-rules-invalid')
    await days.fill('7')
    await rules.getByRole('button', { name: 'Save rules' }).click()
    await rules.getByRole('status').getByText(/Saved/).waitFor()
    const after = await waitForCount(page, (n) => n > before)
    expect(after).toBeGreaterThan(before)
    await app.screenshot('pipeline-rules-saved')
    expect(app.problems).toEqual([])
  }, 60_000)
})
