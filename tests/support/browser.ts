// E2E rig: the built renderer behind the real browser shell, on a fresh temp workspace, in Debian's Chromium.
import { existsSync, mkdirSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { chromium, type Browser, type Page } from 'playwright-core'
import { handlers } from '../../src/main/handlers'
import { WorkspaceSession } from '../../src/main/session'
import { startShellServer, type ShellServer } from '../../src/main/serve'
import { clock, tempDir } from './workspace'

export const RENDERER_DIR = resolve(__dirname, '../../out/renderer')
export const SCREENSHOT_DIR = resolve(__dirname, '../e2e/screenshots')
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'

export interface AppUnderTest {
  browser: Browser
  page: Page
  server: ShellServer
  session: WorkspaceSession
  /** Console errors and uncaught page errors seen so far; a test fails on any. */
  problems: string[]
  screenshot(name: string): Promise<string>
  close(): Promise<void>
}

export async function launchApp(options: { workspacePath?: string; colorScheme?: 'light' | 'dark' } = {}): Promise<AppUnderTest> {
  if (!existsSync(join(RENDERER_DIR, 'index.html'))) {
    throw new Error(`The renderer is not built (${RENDERER_DIR}); run \`npm run build\` first (npm test does).`)
  }
  const temp = tempDir('touchline-e2e-')
  const session = new WorkspaceSession(options.workspacePath ?? join(temp.dir, 'touchline.sqlite'))
  await session.openExisting(clock)
  const server = await startShellServer({ rendererDir: RENDERER_DIR, handlers, context: { session, clock, shell: 'browser' } })
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync']
  })
  const context = await browser.newContext({ viewport: { width: 1360, height: 860 }, colorScheme: options.colorScheme ?? 'light' })
  const page = await context.newPage()
  const problems: string[] = []
  page.on('console', (msg) => {
    if (msg.type() === 'error') problems.push(`console: ${msg.text()}`)
  })
  page.on('pageerror', (err) => problems.push(`pageerror: ${err.message}`))
  mkdirSync(SCREENSHOT_DIR, { recursive: true })
  await page.goto(server.url)
  return {
    browser,
    page,
    server,
    session,
    problems,
    screenshot: async (name) => {
      const path = join(SCREENSHOT_DIR, `${name}.png`)
      await page.screenshot({ path, fullPage: false })
      return path
    },
    close: async () => {
      await browser.close()
      await server.close()
      await session.close()
      temp.dispose()
    }
  }
}
