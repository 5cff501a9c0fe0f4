// URL trust decided on parsed URLs, never substrings: which pages are the app, which links may open outside.
import { fileURLToPath } from 'node:url'
import { resolve } from 'node:path'

export type AppLocation = { kind: 'file'; indexPath: string } | { kind: 'dev'; origin: string }

function parse(raw: string): URL | null {
  try {
    return new URL(raw)
  } catch {
    return null
  }
}

/** True only for the app's own page: the bundled index.html, or the exact dev-server origin. */
export function isAppUrl(raw: string, app: AppLocation): boolean {
  const url = parse(raw)
  if (!url || url.username || url.password) return false
  if (app.kind === 'file') {
    if (url.protocol !== 'file:' || (url.host !== '' && url.host !== 'localhost')) return false
    // resolve() drops a trailing slash, which would let `index.html/` pass as the file itself.
    if (url.pathname.endsWith('/')) return false
    try {
      return resolve(fileURLToPath(url)) === resolve(app.indexPath)
    } catch {
      return false
    }
  }
  const dev = parse(app.origin)
  return dev !== null && url.protocol === dev.protocol && url.hostname === dev.hostname && url.port === dev.port
}

/** Links the OS browser may open: https only (no plain http, files, scripts or OS protocol handlers), with a host and no credentials. */
export function isSafeExternalUrl(raw: string): boolean {
  const url = parse(raw)
  return url !== null && url.protocol === 'https:' && url.hostname !== '' && !url.username && !url.password
}
