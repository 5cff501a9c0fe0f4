// Guards every web contents: no new windows, no navigation away, no webviews, no permissions.
import type { Session, WebContents } from 'electron'
import { isSafeExternalUrl } from './trusted-url'

/** The few members of WebContents the guards use, so tests can pass a fake. */
export type GuardedContents = Pick<WebContents, 'setWindowOpenHandler' | 'on'>
export type GuardedSession = Pick<Session, 'setPermissionRequestHandler' | 'setPermissionCheckHandler'>

export function guardContents(
  contents: GuardedContents,
  isAppUrl: (url: string) => boolean,
  openExternal: (url: string) => void
): void {
  contents.setWindowOpenHandler(({ url }) => {
    // The OS gets the URL as parsed and checked, not the raw string.
    if (isSafeExternalUrl(url)) openExternal(new URL(url).href)
    return { action: 'deny' }
  })
  const stayInApp = (event: { preventDefault(): void }, url: string) => {
    if (!isAppUrl(url)) event.preventDefault()
  }
  contents.on('will-navigate', stayInApp)
  contents.on('will-redirect', stayInApp)
  // will-navigate sees only the main frame; this one also sees subframes (an injected iframe navigating away).
  contents.on('will-frame-navigate', (details) => {
    if (!isAppUrl(details.url)) details.preventDefault()
  })
  contents.on('will-attach-webview', (event) => event.preventDefault())
}

export function denyPermissions(session: GuardedSession): void {
  session.setPermissionRequestHandler((_contents, _permission, callback) => callback(false))
  session.setPermissionCheckHandler(() => false)
}
