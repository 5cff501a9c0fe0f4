// What electron-vite builds (npm test builds first): a CommonJS preload needing only electron, a strict built page.
import { existsSync, readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'
import { CONTENT_SECURITY_POLICY } from '../../src/main/csp'

const OUT = resolve(__dirname, '../../out')
const read = (relative: string) => readFileSync(resolve(OUT, relative), 'utf8')

beforeAll(() => {
  if (!existsSync(OUT)) throw new Error(`No build output in ${OUT}: run \`npx electron-vite build\` (npm test does) before these tests.`)
})

describe('the built preload (out/preload/index.cjs)', () => {
  it('exists', () => {
    expect(existsSync(resolve(OUT, 'preload/index.cjs'))).toBe(true)
  })

  it('is CommonJS: it requires electron and has no import or export statement', () => {
    const code = read('preload/index.cjs')
    expect(code).toMatch(/require\(\s*["']electron["']\s*\)/)
    expect(code).not.toMatch(/^\s*import[\s{*"']/m)
    expect(code).not.toMatch(/^\s*export[\s{*]/m)
    expect(code).not.toMatch(/\bimport\s*\(/)
  })

  it('requires no module but electron: a sandboxed preload can load nothing else', () => {
    const required = [...read('preload/index.cjs').matchAll(/require\(\s*["'`]([^"'`]+)["'`]\s*\)/g)].map((m) => m[1])
    expect(new Set(required)).toEqual(new Set(['electron']))
  })

  it('exposes the bridge on the one shared channel', () => {
    const code = read('preload/index.cjs')
    expect(code).toContain('exposeInMainWorld("touchline"')
    expect(code).toContain('"touchline:call"')
  })
})

describe('the built main process and renderer', () => {
  it('has out/main/index.js and out/renderer/index.html', () => {
    expect(existsSync(resolve(OUT, 'main/index.js'))).toBe(true)
    expect(existsSync(resolve(OUT, 'renderer/index.html'))).toBe(true)
  })

  it('has no inline script in the built index.html: every <script> loads a file', () => {
    const html = read('renderer/index.html')
    const scripts = [...html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/gi)]
    expect(scripts.length).toBeGreaterThan(0)
    for (const [tag, attributes, body] of scripts) {
      expect(attributes, tag).toMatch(/\bsrc=["'][^"']+["']/)
      expect(body!.trim(), tag).toBe('')
    }
    expect(html).not.toMatch(/\son[a-z]+\s*=/i)
  })

  it("keeps the strict policy in the built index.html (the dev server's relaxation stays out of the build)", () => {
    const html = read('renderer/index.html')
    const tag = html.match(/<meta\s[^>]*http-equiv=["']Content-Security-Policy["'][^>]*>/i)?.[0]
    expect(tag?.match(/content="([^"]*)"/i)?.[1]).toBe(CONTENT_SECURITY_POLICY)
  })

  it('loads its scripts by relative path, so the page works from disk and over HTTP', () => {
    const sources = [...read('renderer/index.html').matchAll(/<script\b[^>]*\bsrc=["']([^"']+)["']/gi)].map((m) => m[1]!)
    for (const src of sources) {
      expect(src).toMatch(/^\.\//)
      expect(existsSync(resolve(OUT, 'renderer', src))).toBe(true)
    }
  })
})
