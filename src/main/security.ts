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
    if (isSafeExternalUrl(url)) openExternal(url)
    return { action: 'deny' }
  })
  const stayInApp = (event: { preventDefault(): void }, url: string) => {
    if (!isAppUrl(url)) event.preventDefault()
  }
  contents.on('will-navigate', stayInApp)
  contents.on('will-redirect', stayInApp)
  contents.on('will-attach-webview', (event) => event.preventDefault())
}

export function denyPermissions(session: GuardedSession): void {
  session.setPermissionRequestHandler((_contents, _permission, callback) => callback(false))
  session.setPermissionCheckHandler(() => false)
}
