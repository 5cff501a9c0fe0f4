// What the renderer may assume about `window`: the preload's bridge, present only in the desktop shell.
import type { TouchlineBridge } from '../shared/channel'

declare global {
  interface Window {
    touchline?: TouchlineBridge
  }
}

export {}
