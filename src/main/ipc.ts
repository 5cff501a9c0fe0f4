// The only file that knows IPC: one channel, every contract method, sender checked, input validated.
import type { IpcMainInvokeEvent } from 'electron'
import { CALL_CHANNEL } from '@shared/channel'
import { dispatch, serializeEnvelope, type Context, type Handlers } from './dispatch'

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
