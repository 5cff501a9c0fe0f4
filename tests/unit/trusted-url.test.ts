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

describe('lookalike URLs are judged after parsing, not by how they read', () => {
  it.each([
    ['file:///evil/index.html', 'another index.html elsewhere on disk'],
    ['file:///evil/app/out/renderer/index.html', 'the app path nested under another folder'],
    ['file:///app/out/renderer/index.html/', 'the app file as a folder'],
    ['file:///app/out/renderer/index%2ehtml.evil', 'an escaped dot hiding a longer name'],
    ['FILE://EVILHOST/app/out/renderer/index.html', 'an uppercase scheme on another host'],
    ['app://touchline@evil', 'a custom scheme with a user name that reads like the app'],
    ['app://touchline/index.html', 'a custom scheme named like the app'],
    ['http://127.0.0.1.evil.com/app/out/renderer/index.html', 'a host that starts with the loopback address'],
    ['file://localhost.evil.com/app/out/renderer/index.html', 'a host that starts with localhost'],
    ['https://touchline:x@evil.example/app/out/renderer/index.html', 'credentials that read like the app'],
    [' javascript:alert(1)', 'a javascript: URL behind a space'],
    ['JAVASCRIPT:alert(1)', 'an uppercase javascript: URL']
  ])('the packaged app refuses %s (%s)', (url) => {
    expect(isAppUrl(url, packaged)).toBe(false)
  })

  it('an uppercase FILE: scheme naming the bundled file is the same URL once parsed', () => {
    expect(isAppUrl('FILE:///app/out/renderer/index.html', packaged)).toBe(true)
  })

  const loopbackDev: AppLocation = { kind: 'dev', origin: 'http://127.0.0.1:5173' }
  it.each([
    ['http://127.0.0.1.evil.com:5173/', 'a host that starts with the dev address'],
    ['http://127.0.0.1:5173@evil.example/', 'the dev address as a user name'],
    ['http://evil.example#@127.0.0.1:5173/', 'the dev address in the fragment'],
    ['http://touchline@127.0.0.1:5173/', 'a user name on the right host'],
    ['HTTPS://127.0.0.1:5173/', 'an uppercase other scheme']
  ])('development on 127.0.0.1 refuses %s (%s)', (url) => {
    expect(isAppUrl(url, loopbackDev)).toBe(false)
  })

  it('development on 127.0.0.1 trusts its own origin, whatever the scheme case', () => {
    expect(isAppUrl('http://127.0.0.1:5173/#/team', loopbackDev)).toBe(true)
    expect(isAppUrl('HTTP://127.0.0.1:5173/', loopbackDev)).toBe(true)
  })
})

describe('only https links leave for the OS browser', () => {
  it.each([['HTTPS://example.com/'], ['https://EXAMPLE.com/path'], ['https://example.com:8443/']])('allows %s', (url) => {
    expect(isSafeExternalUrl(url)).toBe(true)
  })

  it.each([
    ['http://example.com/', 'plain http'],
    ['HTTP://example.com/', 'uppercase plain http'],
    ['ftp://example.com/file', 'ftp'],
    ['file://evilhost/share/doc.pdf', 'a file on a network host'],
    ['JAVASCRIPT:alert(1)', 'uppercase script'],
    [' javascript:alert(1)', 'script behind a space'],
    ['java\tscript:alert(1)', 'script with a tab inside the scheme'],
    ['data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==', 'base64 inline data'],
    ['vbscript:msgbox(1)', 'vbscript'],
    ['app://touchline@evil', 'a custom scheme'],
    ['touchline://open?file=/etc/passwd', 'an app protocol handler'],
    ['zoommtg://zoom.us/join', 'another app’s protocol handler'],
    ['https://example.com@evil.example/', 'a user name that reads like a host'],
    ['https://:secret@example.com/', 'a password with no user name']
  ])('refuses %s (%s)', (url) => {
    expect(isSafeExternalUrl(url)).toBe(false)
  })
})
