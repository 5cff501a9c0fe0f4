// Sandboxed preload: exposes one narrow function that forwards contract calls on one fixed channel.
import { contextBridge, ipcRenderer } from 'electron'
import { CALL_CHANNEL, type TouchlineBridge } from '../shared/channel'

const bridge: TouchlineBridge = {
  call: (method, input) => {
    if (typeof method !== 'string') return Promise.reject(new TypeError('method must be a string'))
    return ipcRenderer.invoke(CALL_CHANNEL, { method, input }) as Promise<string>
  }
}

contextBridge.exposeInMainWorld('touchline', bridge)
