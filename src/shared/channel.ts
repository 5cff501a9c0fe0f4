// The single IPC channel the preload and ipc.ts share; it carries { method, input } and returns an envelope as JSON.
export const CALL_CHANNEL = 'touchline:call'

/** The one object the preload exposes on `window.touchline`. */
export interface TouchlineBridge {
  call(method: string, input: unknown): Promise<string>
}
