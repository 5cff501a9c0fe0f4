// The installer configuration, checked without building: electron-builder's own schema and file matching, the fuses
// the afterPack hook burns into a stand-in binary, where the packaged app looks for its engine, and `npm run dist` here.
import { spawnSync } from 'node:child_process'
import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { join, resolve } from 'node:path'
import { describe, expect, it } from 'vitest'
import { nativeBindingPath, PACKAGED_NATIVE_BINDING, showExistingWindow, singleInstance } from '../../src/main/launch'
import { tempDir } from '../support/workspace'

const ROOT = resolve(__dirname, '../..')
const require = createRequire(import.meta.url)

interface Filter {
  (file: string, stat: { isDirectory(): boolean }): boolean
}
interface FileMatcherClass {
  new (from: string, to: string, expand: (s: string) => string, patterns?: string[]): { patterns: string[]; createFilter(): Filter }
}
interface BuilderConfig {
  appId: string
  productName: string
  files: string[]
  asarUnpack: string[]
  afterPack: string
  npmRebuild: boolean
  electronDist: (options: { platformName: string; arch: string }) => string | null
  directories: { output: string }
  extraMetadata: { productName: string; homepage: string; author: { name: string; email: string } }
  linux: { target: string[]; category: string; maintainer: string; icon: string }
  win: { target: string[]; icon: string }
  mac: { target: string[]; icon: string }
}
type FuseWire = Record<string, unknown> & { version: string }
interface AfterPackModule {
  (context: unknown): Promise<void>
  FUSES: Record<number, boolean>
  fuseConfig(platform: string, arch: number): FuseWire & { resetAdHocDarwinSignature: boolean }
}

const config = require(join(ROOT, 'electron-builder.config.cjs')) as BuilderConfig
const { FileMatcher } = require('app-builder-lib/out/fileMatcher') as { FileMatcher: FileMatcherClass }
const { Minimatch } = require('minimatch') as { Minimatch: new (pattern: string, options: object) => { match(path: string): boolean } }
const fuses = require('@electron/fuses') as {
  FuseV1Options: Record<string, number>
  flipFuses(path: string, config: FuseWire): Promise<number>
  getCurrentFuseWire(path: string): Promise<FuseWire>
}

const file = { isDirectory: () => false }

/** What electron-builder copies into app.asar from the project folder (its own matcher over our `files`). */
function shipsFromProject(path: string): boolean {
  return new FileMatcher(ROOT, '', (s) => s, [...config.files]).createFilter()(join(ROOT, path), file)
}

/** What it keeps of a production dependency: everything but the `files` exclusions (its getNodeModuleFileMatcher). */
function shipsFromNodeModules(path: string): boolean {
  const excludes = config.files.filter((p) => p.startsWith('!'))
  return new FileMatcher(ROOT, '', (s) => s, ['**/*', ...excludes]).createFilter()(join(ROOT, path), file)
}

describe('electron-builder.config.cjs', () => {
  it("passes electron-builder's own schema validation", async () => {
    const { validateConfiguration } = require('app-builder-lib/out/util/config/config') as {
      validateConfiguration(config: unknown, logger: unknown): Promise<void>
    }
    const { DebugLogger } = require('builder-util') as { DebugLogger: new (enabled: boolean) => unknown }
    await expect(validateConfiguration(config, new DebugLogger(false))).resolves.toBeUndefined()
    await expect(validateConfiguration({ ...config, linxu: {} }, new DebugLogger(false))).rejects.toThrow(/linxu/)
  })

  it('builds AppImage and deb for Linux, NSIS for Windows and dmg for macOS, named Touchline', () => {
    expect(config.linux.target).toEqual(['AppImage', 'deb'])
    expect(config.win.target).toEqual(['nsis'])
    expect(config.mac.target).toEqual(['dmg'])
    expect(config).toMatchObject({ appId: 'app.touchline.desktop', productName: 'Touchline', directories: { output: 'dist' } })
    expect(config.linux.category).toBe('Office')
    // The deb target refuses to build without a maintainer and a homepage.
    expect(config.linux.maintainer).toMatch(/^.+ <.+@.+>$/)
    expect(config.extraMetadata).toMatchObject({ productName: 'Touchline', homepage: expect.stringMatching(/^https:\/\//) })
    for (const icon of [config.linux.icon, config.win.icon, config.mac.icon]) expect(existsSync(join(ROOT, icon)), icon).toBe(true)
  })

  it('ships the bundles, package.json and the Electron engine, and no sources, tests or workspaces', () => {
    for (const shipped of ['out/main/index.js', 'out/preload/index.cjs', 'out/renderer/index.html', 'out/renderer/assets/index-abc.js', 'package.json', 'native/electron/better_sqlite3.node']) {
      expect(shipsFromProject(shipped), shipped).toBe(true)
    }
    for (const left of [
      'src/main/index.ts',
      'tests/unit/dist-config.test.ts',
      'tests/fixtures/hubspot.csv',
      'scripts/demo.ts',
      'touchline.sqlite',
      'out/touchline.sqlite',
      'out/touchline.sqlite-wal',
      'out/main/index.js.map',
      'native/electron/VERSION',
      'README.md',
      'bench/results.json'
    ]) {
      expect(shipsFromProject(left), left).toBe(false)
    }
  })

  it("keeps better-sqlite3's JavaScript but drops its Node-ABI binary and C sources from the dependencies", () => {
    expect(shipsFromNodeModules('node_modules/better-sqlite3/lib/database.js')).toBe(true)
    expect(shipsFromNodeModules('node_modules/kysely/dist/cjs/index.js')).toBe(true)
    expect(shipsFromNodeModules('node_modules/better-sqlite3/build/Release/better_sqlite3.node')).toBe(false)
    expect(shipsFromNodeModules('node_modules/better-sqlite3/deps/sqlite3/sqlite3.c')).toBe(false)
  })

  it('unpacks the native engine from app.asar to the very place the packaged app loads it from', () => {
    const unpacked = (path: string) => config.asarUnpack.some((p) => new Minimatch(p, { dot: true }).match(path))
    expect(unpacked('native/electron/better_sqlite3.node')).toBe(true)
    expect(unpacked('node_modules/any-addon/build/Release/addon.node')).toBe(true)
    expect(unpacked('out/main/index.js')).toBe(false)
    expect(PACKAGED_NATIVE_BINDING.join('/')).toBe('app.asar.unpacked/native/electron/better_sqlite3.node')
    // electron-builder's rebuild would rebuild node_modules in place for Electron and break the tests under Node.
    expect(config.npmRebuild).toBe(false)
  })

  it("packages the installed Electron only for this machine's own platform and arch", () => {
    const installed = config.electronDist({ platformName: process.platform, arch: process.arch })
    expect(installed === null || installed === join(ROOT, 'node_modules/electron/dist')).toBe(true)
    expect(installed === null).toBe(!existsSync(join(ROOT, 'node_modules/electron/dist')))
    const other = process.platform === 'win32' ? 'darwin' : 'win32'
    expect(config.electronDist({ platformName: other, arch: process.arch })).toBeNull()
  })
})

describe('the packaged app finds its database engine', () => {
  const place = { appPath: '/opt/Touchline/resources/app.asar', resourcesPath: '/opt/Touchline/resources' }

  it('uses the unpacked binary beside app.asar when packaged, native/electron/ in development, nothing when absent', () => {
    const packaged = join('/opt/Touchline/resources', 'app.asar.unpacked', 'native', 'electron', 'better_sqlite3.node')
    expect(nativeBindingPath({ ...place, isPackaged: true }, (p) => p === packaged)).toBe(packaged)
    const dev = join('/src/touchline', 'native', 'electron', 'better_sqlite3.node')
    expect(nativeBindingPath({ isPackaged: false, appPath: '/src/touchline', resourcesPath: '/x' }, (p) => p === dev)).toBe(dev)
    expect(nativeBindingPath({ ...place, isPackaged: true }, () => false)).toBeUndefined()
  })
})

describe('one Touchline per user', () => {
  it('quits a second launch and brings the first window back, restoring it when minimised', () => {
    expect(singleInstance(true)).toBe('run')
    expect(singleInstance(false)).toBe('quit')
    const calls: string[] = []
    const window = (minimized: boolean) => ({
      isMinimized: () => minimized,
      restore: () => void calls.push('restore'),
      focus: () => void calls.push('focus')
    })
    expect(showExistingWindow(window(true))).toBe(true)
    expect(calls).toEqual(['restore', 'focus'])
    calls.length = 0
    expect(showExistingWindow(window(false))).toBe(true)
    expect(calls).toEqual(['focus'])
    expect(showExistingWindow(null)).toBe(false)
  })
})

describe('the afterPack hook', () => {
  const hookPath = join(ROOT, config.afterPack)
  const hook = require(hookPath) as AfterPackModule
  const O = fuses.FuseV1Options

  it('exists where the config points and sets exactly the six hardening fuses', () => {
    expect(existsSync(hookPath)).toBe(true)
    expect(hook.FUSES).toEqual({
      [O.RunAsNode!]: false,
      [O.EnableNodeOptionsEnvironmentVariable!]: false,
      [O.EnableNodeCliInspectArguments!]: false,
      [O.EnableCookieEncryption!]: true,
      [O.EnableEmbeddedAsarIntegrityValidation!]: true,
      [O.OnlyLoadAppFromAsar!]: true
    })
    expect(hook.fuseConfig('linux', 1).resetAdHocDarwinSignature).toBe(false)
    expect(hook.fuseConfig('darwin', 3).resetAdHocDarwinSignature).toBe(true)
  })

  it('flips those fuses in a binary with a fuse wire and leaves the other fuses as Electron shipped them', async () => {
    const temp = tempDir()
    try {
      // A stand-in executable: Electron's sentinel, wire version 1, eight fuses in Electron 41's default states.
      const SENTINEL = 'dL7pKGdnNz796PbbjQWNKmHXBZaB9tsX'
      const shipped = '10110001'
      const binary = join(temp.dir, 'touchline')
      writeFileSync(binary, Buffer.concat([Buffer.alloc(64, 7), Buffer.from(SENTINEL), Buffer.from([1, 8]), Buffer.from(shipped), Buffer.alloc(64, 7)]))
      const seen: unknown[] = []
      const context = {
        electronPlatformName: 'linux',
        arch: 1,
        appOutDir: temp.dir,
        packager: {
          addElectronFuses: (ctx: unknown, fuseConfig: FuseWire) => {
            seen.push(ctx)
            return fuses.flipFuses(binary, fuseConfig)
          }
        }
      }
      await hook(context)
      expect(seen).toEqual([context])
      const wire = await fuses.getCurrentFuseWire(binary)
      const states = Array.from({ length: 8 }, (_, i) => String.fromCharCode(wire[i] as number)).join('')
      // RunAsNode off, cookies encrypted, NODE_OPTIONS off, --inspect off, asar integrity on, asar only; 6 and 7 untouched.
      expect(states).toBe('01001101')
      expect(readFileSync(binary).length).toBe(64 + SENTINEL.length + 2 + 8 + 64)
    } finally {
      temp.dispose()
    }
  })
})

describe('npm run dist', () => {
  const dist = (...args: string[]) =>
    spawnSync(process.execPath, [join(ROOT, 'scripts/dist.mjs'), ...args], { cwd: ROOT, encoding: 'utf8', timeout: 15_000 })
  const electronInstalled = (() => {
    try {
      return existsSync(require('electron') as string)
    } catch {
      return false
    }
  })()

  it.skipIf(electronInstalled)('stops at once with one line and a non-zero exit where Electron cannot be installed', () => {
    const started = Date.now()
    const distBefore = existsSync(join(ROOT, 'dist')) ? readdirSync(join(ROOT, 'dist')).sort() : null
    const result = dist()
    expect(result.error).toBeUndefined()
    expect(result.status).toBe(1)
    expect(Date.now() - started).toBeLessThan(10_000)
    expect(result.stdout).toBe('')
    const lines = result.stderr.trim().split('\n')
    expect(lines).toHaveLength(1)
    expect(lines[0]).toMatch(/needs Electron's binary, which is not installed here/)
    expect(lines[0]).toContain('npm run dist')
    expect(existsSync(join(ROOT, 'dist')) ? readdirSync(join(ROOT, 'dist')).sort() : null).toEqual(distBefore)
  })

  it("refuses another platform's installer with one line, before building anything", () => {
    const other = process.platform === 'win32' ? '--mac' : '--win'
    const result = dist(other)
    expect(result.status).toBe(1)
    expect(result.stdout).toBe('')
    expect(result.stderr.trim().split('\n')).toEqual([expect.stringMatching(/builds installers for the platform it runs on/)])
  })
})
