// The browser shell over real loopback HTTP: token, Host and Origin guards, content type, static files without traversal.
import { Agent, request } from 'node:http'
import { mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { CONTENT_SECURITY_POLICY_HEADER } from '../../src/main/csp'
import { handlers } from '../../src/main/handlers'
import { CALL_PATH, MAX_BODY_BYTES, TOKEN_HEADER, startShellServer, type ShellServer } from '../../src/main/serve'
import { WorkspaceSession } from '../../src/main/session'
import { clock, makeWorkspace, type TempWorkspace } from '../support/workspace'

const INDEX_HTML = '<!doctype html><title>Touchline under test</title><div id="root"></div>'
const SECRET = 'secret beside the renderer folder'

let ws: TempWorkspace
let session: WorkspaceSession
let server: ShellServer

beforeAll(async () => {
  ws = makeWorkspace({ demo: 'small' })
  ws.store.close()
  session = new WorkspaceSession(ws.path)
  expect((await session.openExisting(clock)).state).toBe('open')
  const rendererDir = join(ws.dir, 'renderer')
  mkdirSync(join(rendererDir, 'assets'), { recursive: true })
  writeFileSync(join(rendererDir, 'index.html'), INDEX_HTML)
  writeFileSync(join(rendererDir, 'assets', 'app.js'), 'console.log("app")')
  // Files a traversal would reach: beside the renderer folder, and the workspace itself.
  writeFileSync(join(ws.dir, 'secret.txt'), SECRET)
  server = await startShellServer({ rendererDir, handlers, context: { session, clock, shell: 'browser' }, port: 0 })
})

afterAll(async () => {
  await server.close()
  await session.close()
  ws.dispose()
})

interface Reply {
  status: number
  headers: Record<string, string | string[] | undefined>
  body: string
}

/** node:http, because fetch will not let a test set Host; the path is sent exactly as given. */
function send(options: { method?: string; path?: string; headers?: Record<string, string>; body?: string; agent?: Agent }): Promise<Reply> {
  return new Promise((ok, fail) => {
    const req = request(
      {
        host: '127.0.0.1',
        port: server.port,
        // A fresh connection per request unless a test brings its own agent: no test inherits another's socket.
        agent: options.agent ?? false,
        method: options.method ?? 'GET',
        path: options.path ?? '/',
        headers: { host: `127.0.0.1:${server.port}`, ...options.headers }
      },
      (res) => {
        const chunks: Buffer[] = []
        res.on('data', (c: Buffer) => chunks.push(c))
        res.on('end', () => ok({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString('utf8') }))
        res.on('error', fail)
      }
    )
    req.on('error', fail)
    if (options.body !== undefined) req.write(options.body)
    req.end()
  })
}

function call(payload: unknown, headers: Record<string, string> = {}): Promise<Reply> {
  return send({
    method: 'POST',
    path: CALL_PATH,
    headers: { 'content-type': 'application/json', [TOKEN_HEADER]: server.token, ...headers },
    body: JSON.stringify(payload)
  })
}

const activityCount = () => session.requireStore().sqlite.prepare('SELECT count(*) FROM activities').pluck().get() as number

describe('the browser shell', () => {
  it('listens on loopback only and prints an address carrying its token', () => {
    expect(server.origin).toBe(`http://127.0.0.1:${server.port}`)
    expect(server.url).toBe(`${server.origin}/?token=${server.token}`)
    expect(server.token.length).toBeGreaterThanOrEqual(32)
  })

  it('answers a call with the right token and Host with a 200 envelope', async () => {
    const reply = await call({ method: 'workspace.summary', input: {} })
    expect(reply.status).toBe(200)
    expect(reply.headers['content-type']).toMatch(/^application\/json/)
    expect(JSON.parse(reply.body)).toMatchObject({ ok: true, value: { teams: 2, accounts: 40 } })
  })

  it('accepts the localhost name and its own origin as well', async () => {
    const reply = await call(
      { method: 'teams.list', input: {} },
      { host: `localhost:${server.port}`, origin: `http://localhost:${server.port}` }
    )
    expect(reply.status).toBe(200)
    expect(JSON.parse(reply.body)).toMatchObject({ ok: true })
  })

  it('refuses a call without a token with 401 and runs nothing', async () => {
    const before = activityCount()
    const reply = await send({
      method: 'POST',
      path: CALL_PATH,
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ method: 'activities.create', input: { repId: 1, kind: 'call', occurredAt: '2026-11-20T10:00:00Z' } })
    })
    expect(reply.status).toBe(401)
    expect(JSON.parse(reply.body)).toMatchObject({ ok: false, error: { code: 'UNTRUSTED_SENDER' } })
    expect(activityCount()).toBe(before)
  })

  it.each([
    ['a token of the same length', () => 'x'.repeat(server.token.length)],
    ['a shorter token', () => server.token.slice(0, -1)],
    ['the token with a suffix', () => `${server.token}x`],
    ['an empty token', () => '']
  ])('refuses %s with 401', async (_what, token) => {
    const reply = await call({ method: 'teams.list', input: {} }, { [TOKEN_HEADER]: token() })
    expect(reply.status).toBe(401)
  })

  it('refuses a foreign Host with 421 even with the right token (DNS rebinding)', async () => {
    for (const host of [`evil.example:${server.port}`, `127.0.0.1.evil.example:${server.port}`, '127.0.0.1', `127.0.0.1:${server.port + 1}`]) {
      const reply = await call({ method: 'teams.list', input: {} }, { host })
      expect(reply.status, host).toBe(421)
      expect(JSON.parse(reply.body), host).toMatchObject({ ok: false, error: { code: 'UNTRUSTED_SENDER' } })
    }
  })

  it('refuses a foreign Host for static files too', async () => {
    expect((await send({ path: '/', headers: { host: `evil.example:${server.port}` } })).status).toBe(421)
  })

  it('refuses a foreign Origin with 403 even with the right token and Host', async () => {
    for (const origin of ['http://evil.example', `http://evil.example:${server.port}`, 'null', `https://127.0.0.1:${server.port}`]) {
      const reply = await call({ method: 'teams.list', input: {} }, { origin })
      expect(reply.status, origin).toBe(403)
    }
  })

  it('refuses a body that is not declared as JSON with 415', async () => {
    for (const type of ['text/plain', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=x']) {
      const reply = await call({ method: 'teams.list', input: {} }, { 'content-type': type })
      expect(reply.status, type).toBe(415)
    }
  })

  it('refuses malformed JSON with 400 and a GET on the call path with 405', async () => {
    const bad = await send({
      method: 'POST',
      path: CALL_PATH,
      headers: { 'content-type': 'application/json', [TOKEN_HEADER]: server.token },
      body: '{"method": "teams.list",'
    })
    expect(bad.status).toBe(400)
    expect((await send({ path: CALL_PATH, headers: { [TOKEN_HEADER]: server.token } })).status).toBe(405)
  })

  it('refuses a body over the size of the largest import with 413', async () => {
    const reply = await call({ method: 'teams.list', input: {}, padding: 'x'.repeat(MAX_BODY_BYTES) })
    expect(reply.status).toBe(413)
  })

  it('keeps serving a kept-alive connection after refusing an oversized body', async () => {
    const agent = new Agent({ keepAlive: true, maxSockets: 1 })
    try {
      const headers = { 'content-type': 'application/json', [TOKEN_HEADER]: server.token }
      const post = (payload: unknown) => send({ method: 'POST', path: CALL_PATH, headers, body: JSON.stringify(payload), agent })
      expect((await post({ method: 'app.info', input: {} })).status).toBe(200)
      expect((await post({ method: 'app.info', input: {}, padding: 'x'.repeat(MAX_BODY_BYTES) })).status).toBe(413)
      const after = await post({ method: 'app.info', input: {} })
      expect(after.status).toBe(200)
      expect(JSON.parse(after.body)).toMatchObject({ ok: true, value: { shell: 'browser' } })
    } finally {
      agent.destroy()
    }
  })

  it('validates input as the desktop shell does, and writes through the same services', async () => {
    const before = activityCount()
    const bad = await call({ method: 'activities.create', input: { repId: 1, kind: 'lunch', occurredAt: '2026-11-20T10:00:00Z' } })
    expect(JSON.parse(bad.body)).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } })
    expect(activityCount()).toBe(before)
    const good = await call({ method: 'activities.create', input: { repId: 1, kind: 'call', occurredAt: '2026-11-20T10:00:00Z' } })
    expect(JSON.parse(good.body)).toMatchObject({ ok: true, value: { repId: 1, kind: 'call' } })
    expect(activityCount()).toBe(before + 1)
  })

  it('serves index.html at / with the Content-Security-Policy header and no token', async () => {
    const reply = await send({ path: '/' })
    expect(reply.status).toBe(200)
    expect(reply.body).toBe(INDEX_HTML)
    expect(reply.headers['content-type']).toBe('text/html; charset=utf-8')
    expect(reply.headers['content-security-policy']).toBe(CONTENT_SECURITY_POLICY_HEADER)
    expect(reply.headers['x-content-type-options']).toBe('nosniff')
  })

  it('serves files under the renderer folder with their type', async () => {
    const reply = await send({ path: '/assets/app.js' })
    expect(reply.status).toBe(200)
    expect(reply.headers['content-type']).toBe('text/javascript; charset=utf-8')
  })

  it.each([
    ['/../secret.txt'],
    ['/%2e%2e/secret.txt'],
    ['/..%2fsecret.txt'],
    ['/%2e%2e%2fsecret.txt'],
    ['/assets/..%2f..%2fsecret.txt'],
    ['/..%5csecret.txt'],
    ['/%2e%2e/touchline.sqlite'],
    ['/..%2f..%2f..%2f..%2f..%2f..%2fetc%2fpasswd'],
    ['/../package.json'],
    ['/secret.txt%00.html']
  ])('answers 404 to the traversal %s and leaks nothing', async (path) => {
    const reply = await send({ path })
    expect(reply.status).toBe(404)
    expect(reply.body).not.toContain(SECRET)
    expect(reply.body).not.toContain('SQLite format')
    expect(reply.body).not.toContain('root:')
  })

  it('answers 400 to a malformed percent-encoding instead of failing', async () => {
    const reply = await send({ path: '/%E0%A4%A' })
    expect(reply.status).toBe(400)
  })

  it('answers 404 for a file that is not there', async () => {
    expect((await send({ path: '/nope.js' })).status).toBe(404)
  })
})
