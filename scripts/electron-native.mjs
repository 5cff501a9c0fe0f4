// Stages an Electron-ABI build of better-sqlite3 in native/electron/, leaving node_modules' Node build for the tests.
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, copyFileSync, writeFileSync } from 'node:fs'
import { spawnSync } from 'node:child_process'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'

const root = join(dirname(fileURLToPath(import.meta.url)), '..')
const target = join(root, 'native/electron/better_sqlite3.node')
const electronVersion = JSON.parse(readFileSync(join(root, 'node_modules/electron/package.json'), 'utf8')).version
const sqliteVersion = JSON.parse(readFileSync(join(root, 'node_modules/better-sqlite3/package.json'), 'utf8')).version
const stamp = join(root, 'native/electron/VERSION')
const wanted = `electron ${electronVersion} better-sqlite3 ${sqliteVersion}`

if (existsSync(target) && existsSync(stamp) && readFileSync(stamp, 'utf8') === wanted) process.exit(0)

// Work on a copy so the download never replaces the Node-ABI binary vitest uses.
const work = mkdtempSync(join(tmpdir(), 'touchline-native-'))
try {
  cpSync(join(root, 'node_modules/better-sqlite3'), work, { recursive: true })
  rmSync(join(work, 'build'), { recursive: true, force: true })
  const prebuild = join(root, 'node_modules/prebuild-install/bin.js')
  const result = spawnSync(process.execPath, [prebuild, '--runtime', 'electron', '--target', electronVersion, '--arch', process.arch, '--platform', process.platform], {
    cwd: work,
    stdio: 'inherit',
    timeout: 180_000
  })
  const built = join(work, 'build/Release/better_sqlite3.node')
  if (result.status !== 0 || !existsSync(built)) {
    console.error(`Could not fetch better-sqlite3 ${sqliteVersion} for Electron ${electronVersion} (offline, or no prebuild for ${process.platform}-${process.arch}). With network access, run \`npm run electron:native\` again.`)
    process.exit(1)
  }
  mkdirSync(dirname(target), { recursive: true })
  copyFileSync(built, target)
  writeFileSync(stamp, wanted)
  console.log(`Staged better-sqlite3 for Electron ${electronVersion} in native/electron/.`)
} finally {
  rmSync(work, { recursive: true, force: true })
}
