// The only file that knows IPC: one channel, every contract method, sender checked, input validated.
import type { IpcMainInvokeEvent } from 'electron'
import { CALL_CHANNEL } from '@shared/channel'
import { dispatch, serializeEnvelope, type Context, type Handlers } from './dispatch'
import { isAppUrl, type AppLocation } from './trusted-url'

/** Just what registration needs from ipcMain (Bruno's IpcMainLike), so tests can drive it without Electron. */
export interface IpcMainLike {
  handle(channel: string, listener: (event: IpcSender, payload: unknown) => Promise<string>): void
}
export type IpcSender = Pick<IpcMainInvokeEvent, 'senderFrame'> & { sender: { id: number } }

export interface IpcOptions {
  handlers: Handlers
  context: Context
  /** True only for the app's own window showing the app's own page. */
  isTrustedSender(event: IpcSender): boolean
}

/**
 * The sender check: the call comes from the app's own window (by web contents id) and its frame shows the app's own
 * page. The frame URL is parsed (isAppUrl), never matched as a string, so `file:///evil/index.html`,
 * `http://127.0.0.1.evil.com` or `app://touchline@evil` are refused; a frame that is gone (null) is refused too.
 */
export function isTrustedSender(event: IpcSender, windowContentsId: number | null, location: AppLocation): boolean {
  if (windowContentsId === null || event.sender.id !== windowContentsId) return false
  const frame = event.senderFrame
  return frame !== null && typeof frame.url === 'string' && isAppUrl(frame.url, location)
}

export function registerIpc(ipcMain: IpcMainLike, options: IpcOptions): void {
  ipcMain.handle(CALL_CHANNEL, async (event, payload) => {
    const method = payload && typeof payload === 'object' ? (payload as { method?: unknown }).method : undefined
    const name = typeof method === 'string' ? method : 'call'
    if (!options.isTrustedSender(event)) {
      return serializeEnvelope(
        { ok: false, error: { code: 'UNTRUSTED_SENDER', message: `${name}: refused, the request did not come from Touchline's own window.` } },
        name
      )
    }
    const input = payload && typeof payload === 'object' ? (payload as { input?: unknown }).input : undefined
    return serializeEnvelope(await dispatch(options.handlers, options.context, method, input), name)
  })
}
