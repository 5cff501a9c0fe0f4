// Start-up decisions of the desktop shell kept free of Electron, so tests can check them: which native engine, which instance.
import { join } from 'node:path'

/** Where the packaged app keeps the Electron-ABI better-sqlite3: electron-builder.config.cjs ships it unpacked from the asar. */
export const PACKAGED_NATIVE_BINDING = ['app.asar.unpacked', 'native', 'electron', 'better_sqlite3.node'] as const

export interface NativeBindingPlace {
  isPackaged: boolean
  /** app.getAppPath(): the project folder in development. */
  appPath: string
  /** process.resourcesPath: the installed app's resources folder. */
  resourcesPath: string
}

/**
 * The better-sqlite3 binary built for Electron. Packaged: beside app.asar (a .node file cannot be loaded from inside an
 * archive). Development: native/electron/ as staged by `npm run electron:native`. Undefined lets better-sqlite3 fall back
 * to node_modules, which fails with a clear ENGINE_UNAVAILABLE when that build is for Node.
 */
export function nativeBindingPath(place: NativeBindingPlace, exists: (path: string) => boolean): string | undefined {
  const candidate = place.isPackaged
    ? join(place.resourcesPath, ...PACKAGED_NATIVE_BINDING)
    : join(place.appPath, 'native', 'electron', 'better_sqlite3.node')
  return exists(candidate) ? candidate : undefined
}

/** The part of a BrowserWindow the second launch touches. */
export interface FocusableWindow {
  isMinimized(): boolean
  restore(): void
  focus(): void
}

/**
 * One Touchline per user profile: a launch that does not get Electron's single-instance lock quits at once, and the
 * running one comes to the front instead, so two windows never hold the same workspace.
 */
export function singleInstance(gotLock: boolean): 'run' | 'quit' {
  return gotLock ? 'run' : 'quit'
}

/** What the running instance does when a second launch is attempted. Returns whether there was a window to show. */
export function showExistingWindow(window: FocusableWindow | null): boolean {
  if (!window) return false
  if (window.isMinimized()) window.restore()
  window.focus()
  return true
}
