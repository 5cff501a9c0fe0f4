// Build for the three processes. The preload is sandboxed, so it is one CommonJS file with nothing external.
import { resolve } from 'node:path'
import { defineConfig } from 'electron-vite'
import react from '@vitejs/plugin-react'
import type { Plugin } from 'vite'

const shared = { '@shared': resolve(__dirname, 'src/shared') }

/**
 * The dev server only: React's refresh preamble is an inline script and HMR needs a websocket, which the strict
 * CSP forbids. Built files keep the strict policy untouched (a test reads them).
 */
const devCsp: Plugin = {
  name: 'touchline-dev-csp',
  apply: 'serve',
  transformIndexHtml: (html) =>
    html.replace("script-src 'self'", "script-src 'self' 'unsafe-inline'").replace("connect-src 'self'", "connect-src 'self' ws: http://localhost:*")
}

export default defineConfig({
  main: {
    resolve: { alias: shared },
    build: {
      rollupOptions: {
        input: {
          index: resolve(__dirname, 'src/main/index.ts'),
          'browser-shell': resolve(__dirname, 'src/main/browser-shell.ts')
        }
      }
    }
  },
  preload: {
    resolve: { alias: shared },
    build: {
      externalizeDeps: false,
      rollupOptions: {
        input: { index: resolve(__dirname, 'src/preload/index.ts') },
        output: { format: 'cjs', entryFileNames: '[name].cjs' }
      }
    }
  },
  renderer: {
    // Relative asset paths: the desktop shell loads index.html from disk, the browser shell over HTTP.
    base: './',
    resolve: { alias: shared },
    plugins: [react(), devCsp]
  }
})
