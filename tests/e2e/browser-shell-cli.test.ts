// `npm run serve` as a user meets it: the built shell prints one address, and that address shows the first-run screen.
import { spawn, type ChildProcess } from 'node:child_process'
import { join, resolve } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { chromium, type Browser } from 'playwright-core'
import { SCREENSHOT_DIR } from '../support/browser'
import { tempDir } from '../support/workspace'

const SHELL = resolve(__dirname, '../../out/main/browser-shell.js')

describe('the browser shell started from the command line', () => {
  let child: ChildProcess
  let url = ''
  let browser: Browser
  const temp = tempDir('touchline-cli-')

  beforeAll(async () => {
    child = spawn(process.execPath, [SHELL, '--workspace', join(temp.dir, 'touchline.sqlite')], {
      env: { ...process.env, XDG_CONFIG_HOME: temp.dir }
    })
    url = await new Promise<string>((ok, fail) => {
      let out = ''
      child.stdout!.on('data', (chunk: Buffer) => {
        out += chunk.toString()
        const match = /http:\/\/127\.0\.0\.1:\d+\/\?token=[\w-]+/.exec(out)
        if (match) ok(match[0])
      })
      child.on('exit', (code) => fail(new Error(`browser shell exited with ${code}: ${out}`)))
    })
    browser = await chromium.launch({
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync']
    })
  })

  afterAll(async () => {
    await browser?.close()
    child?.kill('SIGTERM')
    temp.dispose()
  })

  it('prints a loopback address with a token that opens the first-run screen, in the dark scheme too', async () => {
    expect(new URL(url).hostname).toBe('127.0.0.1')
    const context = await browser.newContext({ colorScheme: 'dark', viewport: { width: 1200, height: 760 } })
    const page = await context.newPage()
    const problems: string[] = []
    page.on('console', (m) => m.type() === 'error' && problems.push(m.text()))
    page.on('pageerror', (e) => problems.push(e.message))
    await page.goto(url)
    await page.getByRole('button', { name: /Explore the demo workspace/ }).waitFor()
    const background = await page.evaluate('getComputedStyle(document.documentElement).backgroundColor')
    expect(background).toBe('rgb(18, 22, 29)')
    await page.screenshot({ path: join(SCREENSHOT_DIR, 'first-run-dark.png') })
    expect(problems).toEqual([])
  })

  it('refuses the same page’s calls once the token is wrong', async () => {
    const res = await fetch(new URL('/api/call', url), {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'x-touchline-token': 'not-the-token' },
      body: JSON.stringify({ method: 'workspace.status', input: {} })
    })
    expect(res.status).toBe(401)
    expect(await res.json()).toMatchObject({ ok: false, error: { code: 'UNTRUSTED_SENDER' } })
  })
})
