// Attachments in Chromium: a demo candidate gets a text file through the file input, a refused file is named inline, open downloads, remove empties.
import { createHash } from 'node:crypto'
import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { attachmentFolder } from '../../src/main/services/recruiting/attachments'
import { launchApp, type AppUnderTest } from '../support/browser'

const NOTES = 'Reference call with her former VP Sales: ran the Nordic expansion as a team, shared playbooks weekly.\n'

describe('candidate attachments', () => {
  let app: AppUnderTest
  beforeAll(async () => {
    app = await launchApp()
  })
  afterAll(async () => {
    await app?.close()
  })

  it('attaches a text file, refuses an HTML page by name, downloads on open and removes', async () => {
    const { page } = app
    await page.getByRole('button', { name: /Explore the demo workspace/ }).click()
    await page.getByRole('heading', { name: 'Pipeline', level: 1 }).waitFor()
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Recruiting' }).click()
    const card = page.getByRole('region', { name: 'Interviews', exact: true }).getByRole('article').first()
    await card.waitFor()
    const name = (await card.getAttribute('aria-label')) ?? ''
    await card.getByRole('button').first().click()
    await page.getByRole('heading', { name, level: 2 }).waitFor()

    const section = page.getByRole('region', { name: 'Attachments' })
    await section.getByText('No files attached yet.').waitFor()
    const input = section.getByLabel('Add a file to this candidate')

    await input.setInputFiles({ name: 'reference call.txt', mimeType: 'text/plain', buffer: Buffer.from(NOTES) })
    const row = section.getByRole('row', { name: /reference call\.txt/ })
    await row.waitFor()
    expect(await row.getByRole('cell').allTextContents()).toEqual(['reference call.txt', 'Text', `${Buffer.byteLength(NOTES)} B`, '23 Nov 2026', 'OpenRemove'])
    await section.getByRole('status').getByText('"reference call.txt" attached.').waitFor()
    const sha = createHash('sha256').update(NOTES).digest('hex')
    const stored = join(attachmentFolder(app.session.workspacePath()), sha.slice(0, 2), sha)
    expect(readFileSync(stored, 'utf8')).toBe(NOTES)

    // A web page is refused, by name and reason, inline; the list is unchanged.
    await input.setInputFiles({ name: 'portfolio.html', mimeType: 'text/html', buffer: Buffer.from('<!doctype html><script>alert(1)</script>') })
    await section.getByRole('alert').getByText(/"portfolio\.html" is refused: files ending in \.html are not accepted/).waitFor()
    expect(await section.getByRole('row').count()).toBe(2)
    await section.scrollIntoViewIfNeeded()
    await app.screenshot('attachments-drawer')

    // Keyboard: Tab from the name column reaches Open; Enter opens, which in the browser shell is a download.
    const open = section.getByRole('button', { name: 'Open reference call.txt' })
    await open.focus()
    const download = page.waitForEvent('download')
    await page.keyboard.press('Enter')
    const file = await download
    expect(file.suggestedFilename()).toBe('reference call.txt')
    expect(readFileSync((await file.path())!, 'utf8')).toBe(NOTES)
    await section.getByRole('status').getByText(/handed to your browser's downloads/).waitFor()

    await page.keyboard.press('Tab')
    await expect.poll(() => section.getByRole('button', { name: 'Remove reference call.txt' }).evaluate((el) => el === el.ownerDocument.activeElement)).toBe(true)
    await page.keyboard.press('Enter')
    await section.getByText('No files attached yet.').waitFor()
    expect(existsSync(stored)).toBe(false)
    expect(app.problems).toEqual([])
  })
})
