// The browser shell: the built renderer and the same contract over loopback HTTP, token- and origin-guarded.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http'
import { randomBytes, timingSafeEqual } from 'node:crypto'
import { readFile } from 'node:fs/promises'
import { extname, join, normalize, resolve, sep } from 'node:path'
import type { AddressInfo } from 'node:net'
import type { Envelope } from '@shared/errors'
import { MAX_IMPORT_BYTES } from '@shared/contract/imports'
import { CONTENT_SECURITY_POLICY_HEADER } from './csp'
import { dispatch, serializeEnvelope, type Context, type Handlers } from './dispatch'

export const CALL_PATH = '/api/call'
export const TOKEN_HEADER = 'x-touchline-token'
/** The largest call is an import: a 25 MB file as base64 (4/3 larger) plus the call around it. */
export const MAX_BODY_BYTES = Math.ceil((MAX_IMPORT_BYTES * 4) / 3) + 64 * 1024

const MIME: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.json': 'application/json',
  '.woff2': 'font/woff2'
}

export interface ShellServerOptions {
  rendererDir: string
  handlers: Handlers
  context: Context
  port?: number
  token?: string
}

export interface ShellServer {
  /** The address to open: carries the token the page keeps for its calls. */
  url: string
  origin: string
  port: number
  token: string
  close(): Promise<void>
}

function sameSecret(given: string, expected: string): boolean {
  const a = Buffer.from(given)
  const b = Buffer.from(expected)
  return a.length === b.length && timingSafeEqual(a, b)
}

function send(res: ServerResponse, status: number, body: string | Buffer, type: string): void {
  res.writeHead(status, {
    'Content-Type': type,
    'Content-Security-Policy': CONTENT_SECURITY_POLICY_HEADER,
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'no-referrer',
    'Cache-Control': 'no-store',
    'Cross-Origin-Opener-Policy': 'same-origin',
    'Cross-Origin-Resource-Policy': 'same-origin'
  })
  res.end(body)
}

function refuse(res: ServerResponse, status: number, code: 'UNTRUSTED_SENDER' | 'INVALID_INPUT', message: string): void {
  const envelope: Envelope<never> = { ok: false, error: { code, message } }
  send(res, status, JSON.stringify(envelope), 'application/json')
}

async function readBody(req: IncomingMessage): Promise<string | null> {
  const chunks: Buffer[] = []
  let size = 0
  for await (const chunk of req) {
    size += (chunk as Buffer).length
    if (size > MAX_BODY_BYTES) return null
    chunks.push(chunk as Buffer)
  }
  return Buffer.concat(chunks).toString('utf8')
}

export async function startShellServer(options: ShellServerOptions): Promise<ShellServer> {
  const token = options.token ?? randomBytes(24).toString('base64url')
  const root = resolve(options.rendererDir)
  let allowedHosts: Set<string> = new Set()
  let allowedOrigins: Set<string> = new Set()

  const server = createServer((req, res) => {
    void handle(req, res).catch((err) => {
      console.error('[touchline] browser shell request failed', err)
      if (!res.headersSent) send(res, 500, 'Internal error', 'text/plain; charset=utf-8')
      else res.end()
    })
  })

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    // DNS rebinding: a foreign name resolving to 127.0.0.1 still carries its own Host header.
    if (!allowedHosts.has(req.headers.host ?? '')) {
      return refuse(res, 421, 'UNTRUSTED_SENDER', 'Refused: this server answers only to its own loopback address.')
    }
    const origin = req.headers.origin
    if (origin !== undefined && !allowedOrigins.has(origin)) {
      return refuse(res, 403, 'UNTRUSTED_SENDER', 'Refused: requests from other sites are not accepted.')
    }
    const url = new URL(req.url ?? '/', 'http://127.0.0.1')
    if (url.pathname === CALL_PATH) {
      if (req.method !== 'POST') return refuse(res, 405, 'INVALID_INPUT', `${CALL_PATH} takes POST requests only.`)
      const given = req.headers[TOKEN_HEADER]
      if (typeof given !== 'string' || !sameSecret(given, token)) {
        return refuse(res, 401, 'UNTRUSTED_SENDER', 'Refused: missing or wrong session token. Open the address the shell printed.')
      }
      if (!(req.headers['content-type'] ?? '').startsWith('application/json')) {
        return refuse(res, 415, 'INVALID_INPUT', 'Contract calls must be sent as application/json.')
      }
      const body = await readBody(req)
      if (body === null) {
        // The unread rest of the body would poison the next request on this connection: close it after answering.
        res.setHeader('Connection', 'close')
        return refuse(res, 413, 'INVALID_INPUT', `The request is larger than ${MAX_BODY_BYTES} bytes.`)
      }
      let payload: unknown
      try {
        payload = JSON.parse(body)
      } catch {
        return refuse(res, 400, 'INVALID_INPUT', 'The request body is not valid JSON.')
      }
      const method = payload && typeof payload === 'object' ? (payload as { method?: unknown }).method : undefined
      const input = payload && typeof payload === 'object' ? (payload as { input?: unknown }).input : undefined
      const envelope = await dispatch(options.handlers, options.context, method, input)
      return send(res, 200, serializeEnvelope(envelope, typeof method === 'string' ? method : 'call'), 'application/json')
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') return send(res, 405, 'Method not allowed', 'text/plain; charset=utf-8')
    let relative: string
    try {
      relative = url.pathname === '/' ? 'index.html' : decodeURIComponent(url.pathname).replace(/^\/+/, '')
    } catch {
      return send(res, 400, 'Bad request: malformed address', 'text/plain; charset=utf-8')
    }
    const file = resolve(join(root, normalize(relative)))
    if (file !== root && !file.startsWith(root + sep)) return send(res, 404, 'Not found', 'text/plain; charset=utf-8')
    try {
      const data = await readFile(file)
      return send(res, 200, data, MIME[extname(file)] ?? 'application/octet-stream')
    } catch {
      return send(res, 404, 'Not found', 'text/plain; charset=utf-8')
    }
  }

  await new Promise<void>((ok, fail) => {
    server.once('error', fail)
    server.listen(options.port ?? 0, '127.0.0.1', () => ok())
  })
  const port = (server.address() as AddressInfo).port
  allowedHosts = new Set([`127.0.0.1:${port}`, `localhost:${port}`])
  allowedOrigins = new Set([`http://127.0.0.1:${port}`, `http://localhost:${port}`])
  const origin = `http://127.0.0.1:${port}`
  return {
    url: `${origin}/?token=${token}`,
    origin,
    port,
    token,
    close: () =>
      new Promise<void>((ok) => {
        server.closeAllConnections()
        server.close(() => ok())
      })
  }
}
