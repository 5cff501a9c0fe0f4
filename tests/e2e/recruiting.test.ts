// Recruiting end to end in Chromium: a role, two candidates through the stages, two scorecards, the comparison and the funnel.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Page } from 'playwright-core'
import { launchApp, type AppUnderTest } from '../support/browser'

async function rate(page: Page, topic: string, value: '1' | '2' | '3' | '4') {
  await page.getByRole('radiogroup', { name: `Rating for ${topic}` }).getByRole('radio', { name: value, exact: true }).check()
}

async function scorecard(page: Page, interviewer: string, ratings: [string, '1' | '2' | '3' | '4'][], recommendation: string) {
  const form = page.getByRole('form', { name: 'Scorecard' })
  await form.getByLabel('Interviewer').fill(interviewer)
  for (const [topic, value] of ratings) await rate(page, topic, value)
  await form.getByLabel('Recommendation').selectOption(recommendation)
  await form.getByRole('button', { name: 'Submit scorecard' }).click()
  await page.getByText(`Scorecard from ${interviewer} saved.`).waitFor()
}

async function move(page: Page, name: string, stage: string) {
  await page.getByLabel(`Move ${name} to stage`).selectOption({ label: stage })
  await page.getByRole('region', { name: stage, exact: true }).getByRole('article', { name }).waitFor()
}

describe('recruiting in the browser shell', () => {
  let app: AppUnderTest
  beforeAll(async () => {
    app = await launchApp()
  })
  afterAll(async () => {
    await app?.close()
  })

  it('runs a role from first candidate to comparison and funnel with no console errors', async () => {
    const { page } = app
    await page.getByRole('button', { name: /Explore the demo workspace/ }).click()
    await page.getByRole('heading', { name: 'Pipeline', level: 1 }).waitFor()
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Recruiting' }).click()
    await page.getByRole('heading', { name: 'Recruiting', level: 1 }).waitFor()
    await page.getByRole('region', { name: 'Interviews', exact: true }).getByRole('article').first().waitFor()
    // Stalled candidates stand out: a red edge, and "stalled" beside their days in the stage.
    const stalled = page.locator('.card.stalled').first()
    await stalled.waitFor()
    await expect(stalled.textContent()).resolves.toMatch(/\d+ d · stalled/)
    const borders = (await page.evaluate(
      "[...document.querySelectorAll('.card')].map((c) => [c.classList.contains('stalled'), getComputedStyle(c).borderTopColor])"
    )) as [boolean, string][]
    const edge = (stalledOnes: boolean) => new Set(borders.filter(([s]) => s === stalledOnes).map(([, c]) => c))
    expect(edge(true).size).toBe(1)
    expect(edge(false).has([...edge(true)][0]!)).toBe(false)
    await app.screenshot('recruiting-demo-board')

    // The demo's strong record with weak behaviour answers carries the warning on its card and in its profile.
    const flagged = page.getByRole('article').filter({ hasText: '⚠ behaviour' }).first()
    await flagged.getByRole('button').first().click()
    await page.getByRole('alert').filter({ hasText: 'Strong record, weak behaviour answers' }).waitFor()
    await app.screenshot('recruiting-demo-warning')
    await page.getByRole('button', { name: 'Close the candidate profile' }).click()

    // A new role.
    await page.getByRole('button', { name: 'New role' }).click()
    const roleForm = page.getByRole('form', { name: 'New role' })
    await roleForm.getByLabel('Title').fill('Regional Sales Lead')
    await roleForm.getByLabel('Hiring manager').fill('Dana Whitfield')
    await roleForm.getByLabel(/own interview question/).fill('How do you coach a new rep through their first quarter?')
    await roleForm.getByRole('button', { name: 'Create role' }).click()
    await page.getByText('Hiring manager Dana Whitfield').waitFor()

    // Two candidates; adding one opens its profile.
    for (const c of [
      { name: 'Nora Quinn', email: 'nora.quinn@mail.example', company: 'Harbor Logistics', attainment: '158' },
      { name: 'Omar Reyes', email: 'omar.reyes@mail.example', company: 'Lumen Health', attainment: '104' }
    ]) {
      await page.getByRole('button', { name: 'Add candidate' }).click()
      const form = page.getByRole('form', { name: 'Add candidate' })
      await form.getByLabel('Name').fill(c.name)
      await form.getByLabel('Email').fill(c.email)
      await form.getByLabel('Current company').fill(c.company)
      await form.getByLabel(/attainment/).fill(c.attainment)
      await form.getByLabel(/Research notes/).fill(`## First call\n- Sells into **${c.company}**'s peers\n- <script>alert(1)</script> stays text`)
      await form.getByRole('button', { name: 'Add to board' }).click()
      await page.getByRole('dialog', { name: `Candidate ${c.name}` }).waitFor()
      await page.getByRole('button', { name: 'Close the candidate profile' }).click()
    }

    // Adding the same email again is caught as a duplicate.
    await page.getByRole('button', { name: 'Add candidate' }).click()
    const again = page.getByRole('form', { name: 'Add candidate' })
    await again.getByLabel('Name').fill('N. Quinn')
    await again.getByLabel('Email').fill('NORA.QUINN@mail.example')
    await again.getByRole('button', { name: 'Add to board' }).click()
    await page.getByRole('alert').filter({ hasText: 'looks like an existing candidate' }).waitFor()
    await app.screenshot('recruiting-duplicate')
    await page.getByRole('button', { name: 'Add candidate' }).click()

    // Through the stages, by keyboard-accessible selects; a rejection needs its reason.
    for (const name of ['Nora Quinn', 'Omar Reyes']) {
      await move(page, name, 'Screening')
      await move(page, name, 'Interviews')
    }
    await app.screenshot('recruiting-board')

    // Two independent scorecards that disagree on team selling.
    await page.getByRole('region', { name: 'Interviews', exact: true }).getByRole('button', { name: 'Nora Quinn' }).click()
    await page.getByRole('dialog', { name: 'Candidate Nora Quinn' }).waitFor()
    await scorecard(page, 'Dana Whitfield', [['Team selling', '1'], ['Sales technology', '3'], ['Sales methodology', '2'], ['Best practices', '2']], 'yes')
    await scorecard(page, 'Marco Bellini', [['Team selling', '3'], ['Sales technology', '3'], ['Sales methodology', '1'], ['Knowledge sharing', '2']], 'no')
    const drawer = page.getByRole('dialog', { name: 'Candidate Nora Quinn' })
    await drawer.getByText('Disagreement').first().waitFor()
    await drawer.getByRole('alert').filter({ hasText: 'Strong record, weak behaviour answers' }).waitFor()
    expect(await drawer.locator('script').count()).toBe(0)
    await drawer.getByText('<script>alert(1)</script> stays text').waitFor()
    await app.screenshot('recruiting-scorecard-form')
    await drawer.evaluate((el) => el.scrollTo(0, 0))
    await app.screenshot('recruiting-profile')
    await page.getByRole('button', { name: 'Close the candidate profile' }).click()

    // Compare the two.
    await page.getByLabel('Compare Nora Quinn').check()
    await page.getByLabel('Compare Omar Reyes').check()
    await page.getByRole('button', { name: 'Compare (2)' }).click()
    const comparison = page.getByRole('region', { name: 'Comparison' })
    await comparison.getByRole('columnheader', { name: /Omar Reyes/ }).waitFor()
    await app.screenshot('recruiting-compare')
    await comparison.getByRole('button', { name: 'Close comparison' }).click()

    // Reject one with a reason, then read the funnel.
    await page.getByLabel('Move Omar Reyes to stage').selectOption({ label: 'Rejected' })
    await page.getByLabel('Reason Omar Reyes is rejected').fill('No examples of team selling')
    await page.getByRole('button', { name: 'Rejected', exact: true }).click()
    await page.getByRole('region', { name: 'Rejected', exact: true }).getByRole('article', { name: 'Omar Reyes' }).waitFor()
    await page.getByRole('tab', { name: 'Funnel' }).click()
    await page.getByText('Candidates reaching each stage').waitFor()
    await page.getByRole('cell', { name: 'No examples of team selling' }).waitFor()
    await page.locator('.recharts-bar-rectangle').first().waitFor()
    await app.screenshot('recruiting-funnel')

    expect(app.problems).toEqual([])
  })
})
