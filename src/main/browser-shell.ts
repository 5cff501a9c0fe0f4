// Entry point of the browser shell (`npm run serve`, or `npm start` without Electron): opens the workspace and serves it.
import { homedir } from 'node:os'
import { join, resolve } from 'node:path'
import { mkdirSync } from 'node:fs'
import { parseArgs } from 'node:util'
import { systemClock } from './clock'
import { handlers } from './handlers'
import { WorkspaceSession } from './session'
import { startShellServer } from './serve'

/** Where Electron's app.getPath('userData') would put it, so both shells find the same workspace. */
function defaultDataDir(): string {
  if (process.platform === 'darwin') return join(homedir(), 'Library', 'Application Support', 'Touchline')
  if (process.platform === 'win32') return join(process.env.APPDATA ?? join(homedir(), 'AppData', 'Roaming'), 'Touchline')
  return join(process.env.XDG_CONFIG_HOME ?? join(homedir(), '.config'), 'Touchline')
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: { workspace: { type: 'string' }, port: { type: 'string' }, renderer: { type: 'string' } }
  })
  const dataDir = defaultDataDir()
  mkdirSync(dataDir, { recursive: true })
  const workspacePath = resolve(values.workspace ?? join(dataDir, 'touchline.sqlite'))
  const session = new WorkspaceSession(workspacePath)
  // Registered before anything is printed, so a stop right after start-up still closes the workspace and its lock.
  let server: Awaited<ReturnType<typeof startShellServer>> | null = null
  const stop = async () => {
    await server?.close()
    await session.close()
    process.exit(0)
  }
  process.on('SIGINT', () => void stop())
  process.on('SIGTERM', () => void stop())
  const status = await session.openExisting(systemClock)
  // Another Touchline has this file open: say so in one line rather than serve a second window onto it.
  if (status.error?.code === 'WORKSPACE_IN_USE') {
    console.error(`Touchline could not start the browser shell: ${status.error.message}`)
    process.exit(1)
  }
  server = await startShellServer({
    rendererDir: resolve(values.renderer ?? join(__dirname, '..', 'renderer')),
    handlers,
    context: { session, clock: systemClock, shell: 'browser' },
    port: values.port ? Number(values.port) : 0
  })
  console.log(`Touchline browser shell: ${server.url}`)
  console.log(`Workspace: ${status.path} (${status.state === 'none' ? 'not created yet' : status.state})`)
}

void main().catch((err) => {
  console.error(`Touchline could not start the browser shell: ${(err as Error).message}`)
  process.exit(1)
})
