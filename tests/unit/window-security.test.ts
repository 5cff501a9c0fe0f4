// The window's security defaults and the guards on every web contents, checked without Electron.
import { describe, expect, it, vi } from 'vitest'
import { createMainWindow, windowOptions } from '../../src/main/window'
import { denyPermissions, guardContents, type GuardedContents, type GuardedSession } from '../../src/main/security'
import { isAppUrl } from '../../src/main/trusted-url'

const APP_URL = 'file:///app/out/renderer/index.html'
const isApp = (url: string) => isAppUrl(url, { kind: 'file', indexPath: '/app/out/renderer/index.html' })

type OpenHandler = (details: { url: string }) => { action: string }
type Listener = (event: { preventDefault(): void }, url: string) => void

/** A stand-in for WebContents that records what the guards register, so a test can fire the events. */
function fakeContents() {
  let openHandler: OpenHandler | null = null
  const listeners = new Map<string, Listener[]>()
  const contents = {
    setWindowOpenHandler(handler: OpenHandler) {
      openHandler = handler
    },
    on(event: string, listener: Listener) {
      listeners.set(event, [...(listeners.get(event) ?? []), listener])
      return contents
    }
  }
  return {
    contents: contents as unknown as GuardedContents,
    open(url: string) {
      if (!openHandler) throw new Error('no window open handler was set')
      return openHandler({ url })
    },
    /** Fires an event with a URL; returns whether any listener prevented it. */
    fire(event: string, url: string): boolean {
      const registered = listeners.get(event) ?? []
      if (registered.length === 0) throw new Error(`no listener for ${event}`)
      const preventDefault = vi.fn()
      // Electron passes the URL as the second argument (will-navigate) or on the event itself (will-frame-navigate).
      for (const listener of registered) listener({ preventDefault, url } as { preventDefault(): void }, url)
      return preventDefault.mock.calls.length > 0
    }
  }
}

describe('windowOptions', () => {
  const prefs = windowOptions('/app/out/preload/index.cjs').webPreferences!

  it('isolates the page from the preload and from Node', () => {
    expect(prefs.contextIsolation).toBe(true)
    expect(prefs.sandbox).toBe(true)
    expect(prefs.nodeIntegration).toBe(false)
    expect(prefs.nodeIntegrationInWorker).toBe(false)
    expect(prefs.nodeIntegrationInSubFrames).toBe(false)
  })

  it('keeps web security on and webviews off', () => {
    expect(prefs.webSecurity).toBe(true)
    expect(prefs.allowRunningInsecureContent).toBe(false)
    expect(prefs.webviewTag).toBe(false)
  })

  it('turns off experimental features and middle-click new windows (Auxclick)', () => {
    expect(prefs.experimentalFeatures).toBe(false)
    expect(prefs.disableBlinkFeatures).toBe('Auxclick')
  })

  it('createMainWindow hands exactly these options to the constructor it is given', () => {
    const seen: unknown[] = []
    const made = createMainWindow(
      class {
        constructor(options: unknown) {
          seen.push(options)
        }
      },
      '/app/out/preload/index.cjs'
    )
    expect(made).toBeDefined()
    expect(seen).toEqual([windowOptions('/app/out/preload/index.cjs')])
  })

  it('loads the given preload script', () => {
    expect(prefs.preload).toBe('/app/out/preload/index.cjs')
  })
})

describe('guardContents', () => {
  it('denies every new window and hands a plain https link to the OS browser', () => {
    const fake = fakeContents()
    const openExternal = vi.fn()
    guardContents(fake.contents, isApp, openExternal)
    expect(fake.open('https://example.com/pricing')).toEqual({ action: 'deny' })
    expect(openExternal).toHaveBeenCalledExactlyOnceWith('https://example.com/pricing')
  })

  it.each([
    ['file:///etc/passwd'],
    ['javascript:alert(1)'],
    ['https://user:secret@example.com/'],
    ['data:text/html,hi'],
    [APP_URL]
  ])('denies a new window for %s without opening it anywhere', (url) => {
    const fake = fakeContents()
    const openExternal = vi.fn()
    guardContents(fake.contents, isApp, openExternal)
    expect(fake.open(url)).toEqual({ action: 'deny' })
    expect(openExternal).not.toHaveBeenCalled()
  })

  it('prevents navigation and redirects to a foreign page', () => {
    const fake = fakeContents()
    guardContents(fake.contents, isApp, vi.fn())
    expect(fake.fire('will-navigate', 'https://evil.example/')).toBe(true)
    expect(fake.fire('will-navigate', 'file:///etc/passwd')).toBe(true)
    expect(fake.fire('will-redirect', 'https://evil.example/?next=' + APP_URL)).toBe(true)
  })

  it("allows navigation within the app's own page", () => {
    const fake = fakeContents()
    guardContents(fake.contents, isApp, vi.fn())
    expect(fake.fire('will-navigate', APP_URL)).toBe(false)
    expect(fake.fire('will-navigate', `${APP_URL}#/team`)).toBe(false)
    expect(fake.fire('will-redirect', APP_URL)).toBe(false)
  })

  it('prevents attaching a webview, whatever it loads', () => {
    const fake = fakeContents()
    guardContents(fake.contents, isApp, vi.fn())
    expect(fake.fire('will-attach-webview', APP_URL)).toBe(true)
  })
})

describe('guardContents: subframes and links to the OS browser', () => {
  it('prevents any frame, main or sub, from navigating away (will-frame-navigate)', () => {
    const fake = fakeContents()
    guardContents(fake.contents, isApp, vi.fn())
    for (const url of ['https://evil.example/', 'file:///evil/index.html', 'http://127.0.0.1.evil.com/', 'app://touchline@evil', 'javascript:alert(1)', 'data:text/html,hi']) {
      expect(fake.fire('will-frame-navigate', url), url).toBe(true)
    }
    expect(fake.fire('will-frame-navigate', APP_URL)).toBe(false)
    expect(fake.fire('will-frame-navigate', `${APP_URL}#/recruiting`)).toBe(false)
  })

  it.each([
    ['http://example.com/', 'plain http'],
    ['HTTP://example.com/', 'uppercase plain http'],
    ['file:///evil/index.html', 'a file'],
    ['JAVASCRIPT:alert(1)', 'uppercase script'],
    ['app://touchline@evil', 'a custom scheme'],
    ['mailto:someone@example.com', 'mail'],
    ['https://touchline@evil.example/', 'https with a user name']
  ])('never hands %s (%s) to the OS browser', (url) => {
    const fake = fakeContents()
    const openExternal = vi.fn()
    guardContents(fake.contents, isApp, openExternal)
    expect(fake.open(url)).toEqual({ action: 'deny' })
    expect(openExternal).not.toHaveBeenCalled()
  })

  it('hands an uppercase HTTPS link to the OS browser as parsed, and still opens no window', () => {
    const fake = fakeContents()
    const openExternal = vi.fn()
    guardContents(fake.contents, isApp, openExternal)
    expect(fake.open('HTTPS://Example.com/a b')).toEqual({ action: 'deny' })
    expect(openExternal).toHaveBeenCalledExactlyOnceWith('https://example.com/a%20b')
  })
})

describe('denyPermissions', () => {
  it('answers every permission request and check with no', () => {
    let request: ((contents: unknown, permission: string, callback: (granted: boolean) => void) => void) | null = null
    let check: ((...args: unknown[]) => boolean) | null = null
    const session = {
      setPermissionRequestHandler: (h: typeof request) => (request = h),
      setPermissionCheckHandler: (h: typeof check) => (check = h)
    } as unknown as GuardedSession
    denyPermissions(session)
    expect(request).not.toBeNull()
    expect(check).not.toBeNull()
    for (const permission of ['media', 'geolocation', 'notifications', 'clipboard-read', 'openExternal']) {
      const callback = vi.fn()
      request!({}, permission, callback)
      expect(callback).toHaveBeenCalledExactlyOnceWith(false)
      expect(check!({}, permission, 'file:///app/out/renderer/index.html', {})).toBe(false)
    }
  })
})
