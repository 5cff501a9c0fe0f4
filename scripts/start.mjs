// `npm start`: the desktop app where Electron's binary is installed, otherwise the browser shell on 127.0.0.1.
import { spawn, spawnSync } from 'node:child_process'
import { existsSync, readdirSync, statSync } from 'node:fs'
import { createRequire } from 'node:module'
import { join, dirname } from 'node:path'
import { fileURLToPath } from 'node:url'

const root = join(dirname(fileURLToPath(import.meta.url)), '..')
const require = createRequire(import.meta.url)
const browserOnly = process.argv.includes('--browser')
const passThrough = process.argv.slice(2).filter((a) => a !== '--browser')

function newestMtime(dir) {
  let newest = 0
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name)
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(path) : statSync(path).mtimeMs)
  }
  return newest
}

/** Builds when the bundles are missing or older than the sources, so `npm start` always shows the current code. */
function ensureBuilt() {
  const outputs = ['out/main/index.js', 'out/main/browser-shell.js', 'out/preload/index.cjs', 'out/renderer/index.html'].map((p) => join(root, p))
  const fresh = outputs.every((p) => existsSync(p)) && Math.min(...outputs.map((p) => statSync(p).mtimeMs)) >= newestMtime(join(root, 'src'))
  if (fresh) return
  console.log('Building Touchline…')
  const result = spawnSync(process.execPath, [join(root, 'node_modules/electron-vite/bin/electron-vite.js'), 'build'], { cwd: root, stdio: 'inherit' })
  if (result.status !== 0) process.exit(result.status ?? 1)
}

/** Electron's path when its binary is present; its package throws when the download never happened. */
function electronBinary() {
  try {
    const path = require('electron')
    return typeof path === 'string' && existsSync(path) ? path : null
  } catch {
    return null
  }
}

function fetchElectronOnce() {
  const installer = join(root, 'node_modules/electron/install.js')
  if (!existsSync(installer) || process.env.ELECTRON_SKIP_BINARY_DOWNLOAD) return null
  spawnSync(process.execPath, [installer], { cwd: dirname(installer), stdio: 'ignore', timeout: 180_000 })
  return electronBinary()
}

function startBrowserShell(reason) {
  if (reason) console.log(reason)
  const child = spawn(process.execPath, [join(root, 'out/main/browser-shell.js'), ...passThrough], { cwd: root, stdio: 'inherit' })
  child.on('exit', (code) => process.exit(code ?? 0))
}

ensureBuilt()
if (browserOnly) {
  startBrowserShell()
} else {
  const electron = electronBinary() ?? fetchElectronOnce()
  if (!electron) {
    startBrowserShell("Electron's binary is not installed and could not be downloaded here; starting Touchline's browser shell instead:")
  } else {
    const native = spawnSync(process.execPath, [join(root, 'scripts/electron-native.mjs')], { cwd: root, stdio: 'inherit' })
    if (native.status !== 0) {
      startBrowserShell('Touchline needs a better-sqlite3 build for Electron and could not fetch one; starting the browser shell instead:')
    } else {
      const child = spawn(electron, [root, ...passThrough], { cwd: root, stdio: 'inherit' })
      child.on('exit', (code) => process.exit(code ?? 0))
    }
  }
}
