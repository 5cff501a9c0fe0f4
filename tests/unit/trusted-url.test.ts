// Which pages count as the app and which links may leave it, decided on parsed URLs: a table of misleading URLs.
import { describe, expect, it } from 'vitest'
import { isAppUrl, isSafeExternalUrl, type AppLocation } from '../../src/main/trusted-url'

const packaged: AppLocation = { kind: 'file', indexPath: '/app/out/renderer/index.html' }
const dev: AppLocation = { kind: 'dev', origin: 'http://localhost:5173' }

describe('isAppUrl for the packaged app (file:)', () => {
  it.each([
    ['file:///app/out/renderer/index.html', 'the bundled index.html'],
    ['file:///app/out/renderer/index.html#/pipeline', 'a hash route of the bundled page'],
    ['file://localhost/app/out/renderer/index.html', 'the same file under the localhost host'],
    ['file:///app/out/renderer/../renderer/index.html', 'a dotted path that resolves to the same file']
  ])('trusts %s (%s)', (url) => {
    expect(isAppUrl(url, packaged)).toBe(true)
  })

  it.each([
    ['https://evil.example/?next=file:///app/out/renderer/index.html', 'the app path only in the query'],
    ['https://evil.example/app/out/renderer/index.html', 'the same path on a web host'],
    ['file://evilhost/app/out/renderer/index.html', 'the same path on another host (a network share)'],
    ['file:///app/out/renderer/other.html', 'another file beside the app'],
    ['file:///app/out/renderer/index.html.evil', 'a file whose name starts with the app name'],
    ['file:///etc/passwd', 'a file elsewhere on disk'],
    ['file://user@localhost/app/out/renderer/index.html', 'credentials in a file URL'],
    ['http://localhost:5173/', 'the dev server when running packaged'],
    ['javascript:alert(1)', 'a javascript: URL'],
    ['data:text/html,<script>alert(1)</script>', 'a data: URL'],
    ['not a url', 'text that is not a URL'],
    ['', 'the empty string']
  ])('refuses %s (%s)', (url) => {
    expect(isAppUrl(url, packaged)).toBe(false)
  })
})

describe('isAppUrl in development (the exact dev-server origin)', () => {
  it.each([['http://localhost:5173/'], ['http://localhost:5173/#/team'], ['http://localhost:5173/index.html?x=1']])('trusts %s', (url) => {
    expect(isAppUrl(url, dev)).toBe(true)
  })

  it.each([
    ['http://localhost.evil.example:5173/', 'a host that starts with localhost'],
    ['http://evil.example/?next=http://localhost:5173', 'the origin only in the query'],
    ['http://user@localhost:5173/', 'a user name before the host'],
    ['http://user:secret@localhost:5173/', 'credentials before the host'],
    ['http://localhost:5174/', 'another port'],
    ['http://localhost/', 'the default port'],
    ['https://localhost:5173/', 'another scheme'],
    ['ws://localhost:5173/', 'the websocket scheme'],
    ['http://127.0.0.1:5173/', 'the same machine under another name'],
    ['file:///app/out/renderer/index.html', 'the packaged file while in development']
  ])('refuses %s (%s)', (url) => {
    expect(isAppUrl(url, dev)).toBe(false)
  })
})

describe('isSafeExternalUrl: links the OS browser may open', () => {
  it.each([['https://example.com/'], ['https://example.com/docs?q=forecast#accuracy']])('allows %s', (url) => {
    expect(isSafeExternalUrl(url)).toBe(true)
  })

  it.each([
    ['file:///etc/passwd', 'a local file'],
    ['javascript:alert(1)', 'script'],
    ['data:text/html,hi', 'inline data'],
    ['https://user:secret@example.com/', 'credentials'],
    ['https://user@example.com/', 'a user name'],
    ['smb://fileserver/share', 'a network share'],
    ['mailto:someone@example.com', 'a mail link'],
    ['ms-settings:privacy', 'an OS protocol handler'],
    ['https://', 'no host'],
    ['example.com', 'no scheme']
  ])('refuses %s (%s)', (url) => {
    expect(isSafeExternalUrl(url)).toBe(false)
  })
})
