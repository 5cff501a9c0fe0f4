// The main window, built in one place with its options written out at the constructor, and those options as a pure function tests assert.
import type { BrowserWindowConstructorOptions } from 'electron'

/** Electron's BrowserWindow, or a stand-in in tests: anything constructed from the window options. */
export type WindowConstructor<W> = new (options: BrowserWindowConstructorOptions) => W

/**
 * Creates the main window. The options are an object literal right at `new BrowserWindow(…)` (not a variable or a
 * call) so a static scan such as electronegativity sees every security default where the window is made.
 */
export function createMainWindow<W>(BrowserWindow: WindowConstructor<W>, preloadPath: string): W {
  return new BrowserWindow({
    width: 1360,
    height: 880,
    minWidth: 960,
    minHeight: 600,
    show: false,
    title: 'Touchline',
    autoHideMenuBar: false,
    webPreferences: {
      preload: preloadPath,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
      // A middle click would otherwise ask for a new window; the window-open handler denies it anyway.
      disableBlinkFeatures: 'Auxclick',
      spellcheck: true
    }
  })
}

/** The exact options createMainWindow passes to Electron. */
export function windowOptions(preloadPath: string): BrowserWindowConstructorOptions {
  let captured: BrowserWindowConstructorOptions | null = null
  createMainWindow(
    class {
      constructor(options: BrowserWindowConstructorOptions) {
        captured = options
      }
    },
    preloadPath
  )
  if (!captured) throw new Error('createMainWindow did not construct a window')
  return captured
}
