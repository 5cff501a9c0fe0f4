// Settings → Backups in Chromium: back up now, then restore that backup after confirming.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { launchApp, type AppUnderTest } from '../support/browser'

describe('backups from Settings', () => {
  let app: AppUnderTest
  beforeAll(async () => {
    app = await launchApp()
  })
  afterAll(async () => {
    await app?.close()
  })

  it('backs up on request and restores after a second confirmation, with no console errors', async () => {
    const { page } = app
    await page.getByRole('button', { name: /Start an empty workspace/ }).click()
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Settings' }).click()
    const panel = page.getByRole('region', { name: 'Backups' })
    await panel.getByText(/No backups yet/).waitFor()
    await panel.getByRole('button', { name: 'Back up now' }).click()
    await panel.getByRole('cell', { name: 'Made by you' }).waitFor()

    await panel.getByRole('button', { name: 'Restore…' }).click()
    await panel.getByText('Replace the workspace with this backup?').waitFor()
    await app.screenshot('settings-backups-confirm')
    await panel.getByRole('button', { name: 'Restore', exact: true }).click()
    await panel.getByText(/Restored\. The state before the restore was backed up first/).waitFor()
    await panel.getByRole('cell', { name: 'Before a restore' }).waitFor()
    expect(await panel.locator('tbody tr').count()).toBe(2)
    await app.screenshot('settings-backups')
    expect(app.problems).toEqual([])
  })
})
