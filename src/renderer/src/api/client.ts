// The renderer's only way to the main process: picks IPC or loopback HTTP once, and exposes typed calls.
import type { MethodInput, MethodName, MethodOutput } from '@shared/contract'
import type { Envelope, ErrorCode } from '@shared/errors'

const CALL_PATH = '/api/call'
const TOKEN_HEADER = 'x-touchline-token'
const TOKEN_KEY = 'touchline.token'

/** An error from the main process, with its stable code; the message is written for the user. */
export class CallError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string
  ) {
    super(message)
    this.name = 'CallError'
  }
}

type Transport = (method: string, input: unknown) => Promise<string>

/** The browser shell hands its token in the address once; the page keeps it for the session and hides it. */
function browserToken(): string {
  const params = new URLSearchParams(window.location.search)
  const fromUrl = params.get('token')
  if (fromUrl) {
    window.sessionStorage.setItem(TOKEN_KEY, fromUrl)
    params.delete('token')
    const rest = params.toString()
    window.history.replaceState(null, '', `${window.location.pathname}${rest ? `?${rest}` : ''}${window.location.hash}`)
    return fromUrl
  }
  return window.sessionStorage.getItem(TOKEN_KEY) ?? ''
}

function pickTransport(): { transport: Transport; shell: 'electron' | 'browser' } {
  const bridge = window.touchline
  if (bridge) return { transport: (method, input) => bridge.call(method, input), shell: 'electron' }
  const token = browserToken()
  return {
    shell: 'browser',
    transport: async (method, input) => {
      const res = await fetch(CALL_PATH, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', [TOKEN_HEADER]: token },
        body: JSON.stringify({ method, input })
      })
      return res.text()
    }
  }
}

const picked = pickTransport()
export const shell = picked.shell

export async function call<K extends MethodName>(method: K, input: MethodInput<K>): Promise<MethodOutput<K>> {
  let text: string
  try {
    text = await picked.transport(method, input)
  } catch (err) {
    throw new CallError('INTERNAL', `Could not reach Touchline's data (${(err as Error).message}).`)
  }
  let envelope: Envelope<MethodOutput<K>>
  try {
    envelope = JSON.parse(text) as Envelope<MethodOutput<K>>
  } catch {
    throw new CallError('INTERNAL', `${method}: the answer could not be read.`)
  }
  if (!envelope.ok) throw new CallError(envelope.error.code, envelope.error.message)
  return envelope.value
}
