// Recruiting's whole flow in Chromium on an empty workspace: a role, one candidate typed in and one from an ATS CSV, moved by keyboard
// and by drag, two independent scorecards (the second interviewer sees the panel only after submitting), comparison, funnel charts.
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Locator, Page } from 'playwright-core'
import { launchApp, type AppUnderTest } from '../support/browser'

const ATS_ONE = join(__dirname, '../fixtures/recruiting/candidates-ats-template-one-row-linkedin-in-social-markdown-notes.csv')

const column = (page: Page, stage: string) => page.getByRole('region', { name: stage, exact: true })
const card = (page: Page, stage: string, name: string) => column(page, stage).getByRole('article', { name })

async function rate(form: Locator, topic: string, value: '1' | '2' | '3' | '4') {
  await form.getByRole('radiogroup', { name: `Rating for ${topic}` }).getByRole('radio', { name: value, exact: true }).check()
}

/** Nothing in `box` is wider than it: no clipped table, no cell spilling out. */
async function fits(box: Locator): Promise<boolean> {
  return box.evaluate((el) => [el, ...el.querySelectorAll('table, .table-wrap, .chart-frame')].every((e) => e.scrollWidth <= e.clientWidth + 1))
}

describe('recruiting flow in the browser shell', () => {
  let app: AppUnderTest
  beforeAll(async () => {
    app = await launchApp()
  })
  afterAll(async () => {
    await app?.close()
  })

  it('creates a role, adds one candidate by hand and one by CSV, moves them by keyboard and drag, takes two scorecards, compares them and reads the funnel', async () => {
    const { page } = app
    await page.getByRole('button', { name: /Start an empty workspace/ }).click()
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Recruiting' }).click()
    await page.getByRole('heading', { name: 'Recruiting', level: 1 }).waitFor()
    await page.getByText('No open roles yet').waitFor()
    await app.screenshot('recruiting-flow-empty')

    // The role.
    await page.getByRole('button', { name: 'New role' }).first().click()
    const roleForm = page.getByRole('form', { name: 'New role' })
    await roleForm.getByLabel('Title').fill('Enterprise AE')
    await roleForm.getByLabel('Hiring manager').fill('Dana Whitfield')
    await roleForm.getByLabel(/own interview question/).fill('How would you open a logistics account with no contacts?')
    await roleForm.getByRole('button', { name: 'Create role' }).click()
    await page.getByText('Hiring manager Dana Whitfield').waitFor()

    // Candidate one, typed in; the Markdown notes carry HTML that must stay text.
    await page.getByRole('button', { name: 'Add candidate' }).click()
    const form = page.getByRole('form', { name: 'Add candidate' })
    await form.getByLabel('Name').fill('Nora Quinn')
    await form.getByLabel('Email').fill('nora.quinn@mail.example')
    await form.getByLabel('Current company').fill('Harbor Logistics')
    await form.getByLabel(/attainment/).fill('158')
    await form.getByLabel(/Research notes/).fill('## First call\n- Sells into **ports**\n- <script>alert(1)</script> stays text')
    await form.getByRole('button', { name: 'Add to board' }).click()
    await page.getByRole('dialog', { name: 'Candidate Nora Quinn' }).waitFor()
    await page.getByRole('button', { name: 'Close the candidate profile' }).click()

    // The same person typed in again (her email in other case): flagged on create, and merged into her profile rather than added twice.
    await page.getByRole('button', { name: 'Add candidate' }).click()
    const again = page.getByRole('form', { name: 'Add candidate' })
    await again.getByLabel('Name').fill('N. Quinn')
    await again.getByLabel('Email').fill('NORA.QUINN@mail.example')
    await again.getByLabel('LinkedIn URL').fill('https://www.linkedin.com/in/nora-quinn')
    await again.getByRole('button', { name: 'Add to board' }).click()
    await page.getByRole('alert').filter({ hasText: 'looks like an existing candidate' }).waitFor()
    const offer = again.getByRole('list', { name: 'Existing candidates this looks like' })
    await offer.getByText('(same email)').waitFor()
    await app.screenshot('recruiting-flow-duplicate')
    await offer.getByRole('button', { name: 'Merge into Nora Quinn’s profile' }).click()
    await page.getByRole('dialog', { name: 'Candidate Nora Quinn' }).getByText('https://www.linkedin.com/in/nora-quinn').waitFor()
    await page.getByRole('button', { name: 'Close the candidate profile' }).click()
    await expect(column(page, 'Sourced').getByRole('article').count()).resolves.toBe(1)

    // Candidate two, from an ATS bulk template (First Name, Last Name, … Social Media, Website, Source, Job, Notes).
    await page.getByRole('button', { name: 'Import candidates (CSV)' }).click()
    const importPanel = page.getByRole('region', { name: 'Import candidates (CSV)' })
    await importPanel.getByLabel('Candidate CSV').setInputFiles(ATS_ONE)
    await importPanel.getByRole('status').getByText(/added from candidates-ats-template/).waitFor()
    await expect(importPanel.getByRole('status').textContent()).resolves.toMatch(/^1 added .*\(1 row read\)\.$/)
    await importPanel.getByRole('table', { name: 'Added' }).getByText('Lena Marsh', { exact: true }).waitFor()
    await app.screenshot('recruiting-flow-import')
    await importPanel.getByRole('button', { name: 'Close' }).click()
    await card(page, 'Sourced', 'Lena Marsh').waitFor()

    // Nora by keyboard: focus her stage select and type the stage's first letter.
    const noraMove = page.getByLabel('Move Nora Quinn to stage')
    await noraMove.focus()
    await page.keyboard.press('s')
    await card(page, 'Screening', 'Nora Quinn').waitFor()
    await page.getByLabel('Move Nora Quinn to stage').focus()
    await page.keyboard.press('i')
    await card(page, 'Interviews', 'Nora Quinn').waitFor()

    // Lena by drag and drop, column to column.
    await card(page, 'Sourced', 'Lena Marsh').dragTo(column(page, 'Screening'))
    await card(page, 'Screening', 'Lena Marsh').waitFor()
    await card(page, 'Screening', 'Lena Marsh').dragTo(column(page, 'Interviews'))
    await card(page, 'Interviews', 'Lena Marsh').waitFor()
    await expect(column(page, 'Interviews').getByRole('article').count()).resolves.toBe(2)
    // Time in stage on each card (the rig's clock stands still, so 0 days), and nobody stalled yet.
    await expect(card(page, 'Interviews', 'Lena Marsh').textContent()).resolves.toContain('0 d')
    await expect(page.locator('.card.stalled').count()).resolves.toBe(0)
    await app.screenshot('recruiting-flow-board')

    // The CSV's profile: LinkedIn taken from Social Media, the other link kept, Notes rendered as Markdown with the HTML left as text.
    await card(page, 'Interviews', 'Lena Marsh').getByRole('button', { name: 'Lena Marsh' }).click()
    const lena = page.getByRole('dialog', { name: 'Candidate Lena Marsh' })
    await lena.getByText('https://www.linkedin.com/in/lena-marsh/').waitFor()
    await lena.getByText('https://twitter.com/lenamarsh').waitFor()
    await lena.getByText('Referral', { exact: true }).waitFor()
    await lena.getByRole('heading', { name: 'Screen call', level: 4 }).waitFor()
    await lena.locator('.research-notes strong', { hasText: 'pod' }).waitFor()
    await lena.getByText('<img src=x onerror=alert(1)> stays text').waitFor()
    await expect(lena.locator('.research-notes img').count()).resolves.toBe(0)
    const history = await lena.locator('.history li').allTextContents()
    expect(history.map((h) => h.replace(/^.* — /, ''))).toEqual(['Sourced', 'Screening', 'Interviews'])
    await page.getByRole('button', { name: 'Close the candidate profile' }).click()

    // Two scorecards on Nora. Dana first: once hers is in, the profile is viewed as Dana and the panel opens to her.
    await card(page, 'Interviews', 'Nora Quinn').getByRole('button', { name: 'Nora Quinn' }).click()
    const nora = page.getByRole('dialog', { name: 'Candidate Nora Quinn' })
    await expect(nora.locator('script').count()).resolves.toBe(0)
    await nora.getByText('<script>alert(1)</script> stays text').waitFor()
    const scorecard = nora.getByRole('form', { name: 'Scorecard' })
    await scorecard.getByLabel('Interviewer').fill('Dana Whitfield')
    await rate(scorecard, 'Team selling', '1')
    await rate(scorecard, 'Sales technology', '3')
    await rate(scorecard, 'Sales methodology', '2')
    await rate(scorecard, 'Best practices', '2')
    await scorecard.getByLabel('Notes for Team selling').fill('Only "I" in every story')
    await scorecard.getByLabel('Recommendation').selectOption('yes')
    await scorecard.getByRole('button', { name: 'Submit scorecard' }).click()
    await nora.getByText('Scorecard from Dana Whitfield saved.').waitFor()
    await expect(nora.getByLabel('Viewing as').inputValue()).resolves.toBe('Dana Whitfield')
    await nora.getByRole('article', { name: 'Scorecard by Dana Whitfield' }).waitFor()

    // Marco has not submitted: the panel's scores and scorecards stay hidden from him.
    await nora.getByLabel('Viewing as').fill('Marco Bellini')
    await nora.getByText('Hidden until you submit your own scorecard.').waitFor()
    await nora.getByRole('note').getByText(/1 scorecard submitted\. Marco Bellini sees the panel’s scorecards after submitting their own\./).waitFor()
    await expect(nora.getByRole('article', { name: /Scorecard by/ }).count()).resolves.toBe(0)
    await expect(nora.getByText('Only "I" in every story').count()).resolves.toBe(0)
    await expect(nora.getByRole('alert').filter({ hasText: 'Strong record' }).count()).resolves.toBe(0)
    await expect(scorecard.getByLabel('Interviewer').inputValue()).resolves.toBe('Marco Bellini')
    await nora.evaluate((el) => el.scrollTo(0, 0))
    await app.screenshot('recruiting-flow-independent')

    await rate(scorecard, 'Team selling', '3')
    await rate(scorecard, 'Sales technology', '3')
    await rate(scorecard, 'Sales methodology', '1')
    await rate(scorecard, 'Knowledge sharing', '2')
    await scorecard.getByLabel('Recommendation').selectOption('no')
    await scorecard.getByRole('button', { name: 'Submit scorecard' }).click()
    await nora.getByText('Scorecard from Marco Bellini saved.').waitFor()
    // Now Marco sees both scorecards, Dana's notes, the per-question scores with the disagreement, and the warning.
    await nora.getByRole('article', { name: 'Scorecard by Dana Whitfield' }).getByText('Only "I" in every story', { exact: false }).waitFor()
    await nora.getByRole('article', { name: 'Scorecard by Marco Bellini' }).getByText(/\(you\)/).waitFor()
    await nora.getByText('Disagreement').first().waitFor()
    await nora.getByRole('alert').filter({ hasText: 'Strong record, weak behaviour answers' }).waitFor()
    const scores = await nora.locator('.score-list li').allTextContents()
    expect(scores.find((s) => s.startsWith('Team selling'))).toMatch(/^Team selling2\.02 rated.*Disagreement$/)
    expect(scores.find((s) => s.startsWith('Knowledge sharing'))).toMatch(/^Knowledge sharing2\.01 rated, 1 no rating$/)
    expect(scores.find((s) => s.startsWith('How would you open a logistics account with no contacts?'))).toMatch(/no rating0 rated, 2 no rating/)
    await nora.evaluate((el) => el.scrollTo(0, 0))
    await app.screenshot('recruiting-flow-profile')
    await nora.getByRole('region', { name: 'Panel scorecards' }).scrollIntoViewIfNeeded()
    await app.screenshot('recruiting-flow-panel')
    await page.getByRole('button', { name: 'Close the candidate profile' }).click()
    await expect(card(page, 'Interviews', 'Nora Quinn').textContent()).resolves.toContain('2 scorecards')

    // Side by side.
    await page.getByLabel('Compare Nora Quinn').check()
    await page.getByLabel('Compare Lena Marsh').check()
    await page.getByRole('button', { name: 'Compare (2)' }).click()
    const comparison = page.getByRole('region', { name: 'Comparison' })
    await comparison.getByRole('columnheader', { name: /Lena Marsh/ }).waitFor()
    await comparison.getByRole('columnheader', { name: /Nora Quinn/ }).waitFor()
    expect(await fits(comparison)).toBe(true)
    await app.screenshot('recruiting-flow-compare')
    await comparison.getByRole('button', { name: 'Close comparison' }).click()

    // Dropped on Rejected, Lena's card asks for the reason first; nothing moves without one.
    await card(page, 'Interviews', 'Lena Marsh').dragTo(column(page, 'Rejected'))
    const reason = page.getByLabel('Reason Lena Marsh is rejected')
    await reason.waitFor()
    await expect(page.getByRole('button', { name: 'Rejected', exact: true }).isDisabled()).resolves.toBe(true)
    await expect(card(page, 'Interviews', 'Lena Marsh').count()).resolves.toBe(1)
    await reason.fill('Could not name a methodology')
    await page.getByRole('button', { name: 'Rejected', exact: true }).click()
    await card(page, 'Rejected', 'Lena Marsh').getByText('Could not name a methodology').waitFor()
    // Nora moves on by keyboard to references.
    await page.getByLabel('Move Nora Quinn to stage').focus()
    await page.keyboard.press('r')
    await card(page, 'Reference check', 'Nora Quinn').waitFor()

    // The funnel, as charts with their figures beside them.
    await page.getByRole('tab', { name: 'Funnel' }).click()
    const funnel = page.getByRole('region', { name: 'Funnel' })
    for (const title of ['Candidates reaching each stage', 'Median days in each stage, and to hire', 'Why candidates left', 'Source effectiveness']) {
      await funnel.locator('figure', { hasText: title }).locator('.recharts-surface').first().waitFor()
    }
    await funnel.getByRole('cell', { name: 'Could not name a methodology' }).waitFor()
    const steps = await funnel.getByRole('table', { name: 'Pass-through and time in stage' }).locator('tbody tr').allTextContents()
    expect(steps.slice(0, 4)).toEqual(['Sourced2100 %0 d', 'Screening2100 %0 d', 'Interviews250 %0 d', 'Reference check10 %—'])
    const sources = await funnel.getByRole('table', { name: 'Source effectiveness' }).locator('tbody tr').allTextContents()
    // Source, candidates, interviewed, hired, hire rate: each source brought one candidate to interviews and no hire yet.
    expect(sources.sort()).toEqual(['LinkedIn1100 %', 'Referral1100 %'])
    expect(await fits(funnel)).toBe(true)
    // The last drag left the pointer over a chart; move it off so no tooltip covers the screenshot.
    await page.mouse.move(5, 850)
    await app.screenshot('recruiting-flow-funnel')
    await funnel.locator('figure', { hasText: 'Source effectiveness' }).scrollIntoViewIfNeeded()
    await app.screenshot('recruiting-flow-funnel-sources')

    expect(app.problems).toEqual([])
  }, 120_000)
})
