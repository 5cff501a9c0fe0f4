// The renderer's Content-Security-Policy: strict script sources, no remote origins, one text in code and in index.html.
import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { describe, expect, it } from 'vitest'
import { CONTENT_SECURITY_POLICY, CONTENT_SECURITY_POLICY_HEADER } from '../../src/main/csp'

/** 'a b; c d' → { a: ['b'], c: ['d'] } */
function directives(policy: string): Map<string, string[]> {
  const map = new Map<string, string[]>()
  for (const part of policy.split(';')) {
    const [name, ...sources] = part.trim().split(/\s+/)
    if (name) map.set(name, sources)
  }
  return map
}

/** The content of the first <meta http-equiv="Content-Security-Policy"> tag in an HTML text. */
function metaPolicy(html: string): string | null {
  const tag = html.match(/<meta\s[^>]*http-equiv=["']Content-Security-Policy["'][^>]*>/i)?.[0]
  return tag?.match(/content="([^"]*)"/i)?.[1] ?? null
}

describe('the Content-Security-Policy', () => {
  const policy = directives(CONTENT_SECURITY_POLICY)

  it('lets scripts come only from the app itself', () => {
    expect(policy.get('script-src')).toEqual(["'self'"])
  })

  it('never allows eval or inline script', () => {
    expect(CONTENT_SECURITY_POLICY).not.toContain("'unsafe-eval'")
    expect(CONTENT_SECURITY_POLICY).not.toContain("'wasm-unsafe-eval'")
    expect(policy.get('script-src')).not.toContain("'unsafe-inline'")
  })

  it('names no remote origin and no wildcard in any directive', () => {
    const sources = [...policy.values()].flat()
    expect(sources.filter((s) => /^(https?|wss?):/i.test(s) || s.includes('*'))).toEqual([])
  })

  it('falls back to self and blocks plugins, base rewriting and form posts', () => {
    expect(policy.get('default-src')).toEqual(["'self'"])
    expect(policy.get('connect-src')).toEqual(["'self'"])
    expect(policy.get('object-src')).toEqual(["'none'"])
    expect(policy.get('base-uri')).toEqual(["'none'"])
    expect(policy.get('form-action')).toEqual(["'none'"])
  })

  it('adds frame-ancestors only to the header form, where browsers honour it', () => {
    expect(CONTENT_SECURITY_POLICY_HEADER).toBe(`${CONTENT_SECURITY_POLICY}; frame-ancestors 'none'`)
    expect(policy.has('frame-ancestors')).toBe(false)
  })
})

describe("the renderer's index.html", () => {
  it('carries exactly the same policy in its meta tag', () => {
    const html = readFileSync(resolve(__dirname, '../../src/renderer/index.html'), 'utf8')
    expect(metaPolicy(html)).toBe(CONTENT_SECURITY_POLICY)
  })
})
