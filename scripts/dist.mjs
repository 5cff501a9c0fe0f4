// `npm run dist`: Touchline's installers for this platform (AppImage + deb, NSIS, or dmg) in dist/.
// Stops with one line where Electron's binary is missing, e.g. offline machines where it could never be downloaded.
import { spawnSync } from 'node:child_process'
import { existsSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'

const root = join(dirname(fileURLToPath(import.meta.url)), '..')
const require = createRequire(import.meta.url)
const PLATFORM_FLAGS = { '--linux': 'linux', '--win': 'win32', '--mac': 'darwin' }

/** Electron's path when its binary is present (the detection of scripts/start.mjs, without its download attempt). */
function electronBinary() {
  try {
    const path = require('electron')
    return typeof path === 'string' && existsSync(path) ? path : null
  } catch {
    return null
  }
}

function stop(line) {
  console.error(line)
  process.exit(1)
}

function run(what, command, args) {
  const result = spawnSync(command, args, { cwd: root, stdio: 'inherit' })
  if (result.status !== 0) stop(`npm run dist stopped: ${what} failed (exit ${result.status ?? result.signal}).`)
}

const args = process.argv.slice(2)
const wanted = args.filter((a) => a in PLATFORM_FLAGS).map((a) => PLATFORM_FLAGS[a])
const foreign = wanted.find((p) => p !== process.platform)
if (foreign) {
  stop(`npm run dist builds installers for the platform it runs on (${process.platform}); better-sqlite3's native engine is per platform, so build the ${foreign} installer on ${foreign}.`)
}

const electron = electronBinary()
if (!electron) {
  stop("npm run dist needs Electron's binary, which is not installed here (offline?): run `node node_modules/electron/install.js` with network access, then `npm run dist` again.")
}

run('electron-vite build', process.execPath, [join(root, 'node_modules/electron-vite/bin/electron-vite.js'), 'build'])
run('staging better-sqlite3 for Electron (npm run electron:native)', process.execPath, [join(root, 'scripts/electron-native.mjs')])
run('electron-builder', process.execPath, [join(root, 'node_modules/electron-builder/cli.js'), '--config', 'electron-builder.config.cjs', ...args])
console.log(`Installers are in ${join(root, 'dist')}.`)
