// The process boundary, checked mechanically: what each source folder may import.
import { readdirSync, readFileSync, statSync } from 'node:fs'
import { join, relative, resolve } from 'node:path'
import { describe, expect, it } from 'vitest'

const ROOT = resolve(__dirname, '../..')

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name)
    if (statSync(path).isDirectory()) return sourceFiles(path)
    return /\.(ts|tsx)$/.test(name) ? [path] : []
  })
}

function importsOf(file: string): string[] {
  const text = readFileSync(file, 'utf8')
  return [...text.matchAll(/(?:import|export)\s[^'"]*?from\s+['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)|require\(\s*['"]([^'"]+)['"]\s*\)/g)].map(
    (m) => m[1] ?? m[2] ?? m[3]!
  )
}

function violations(folder: string, forbidden: (spec: string, file: string) => boolean): string[] {
  return sourceFiles(join(ROOT, folder)).flatMap((file) =>
    importsOf(file)
      .filter((spec) => forbidden(spec, file))
      .map((spec) => `${relative(ROOT, file)} imports ${spec}`)
  )
}

const NODE_ONLY = /^(node:|electron$|better-sqlite3$|kysely$|fs$|path$|child_process$|os$|http$|crypto$)/

describe('the process boundary', () => {
  it('keeps the renderer away from Electron, Node, SQLite and the main process', () => {
    expect(
      violations('src/renderer/src', (spec, file) => NODE_ONLY.test(spec) || resolve(file, '..', spec).startsWith(join(ROOT, 'src/main')))
    ).toEqual([])
  })

  it('keeps the shared contract free of anything environment-specific', () => {
    expect(violations('src/shared', (spec) => NODE_ONLY.test(spec) || spec.includes('/main/') || spec.includes('renderer'))).toEqual([])
  })

  it('keeps Electron out of services, the store and the browser shell', () => {
    const electronFree = ['src/main/services', 'src/main/store', 'src/main/demo']
    for (const folder of electronFree) expect(violations(folder, (spec) => spec === 'electron')).toEqual([])
    const serve = importsOf(join(ROOT, 'src/main/serve.ts'))
    expect(serve).not.toContain('electron')
  })

  it('lets only ipc.ts and index.ts reach ipcMain', () => {
    const users = sourceFiles(join(ROOT, 'src')).filter((f) => /\bipcMain\b/.test(readFileSync(f, 'utf8')))
    expect(users.map((f) => relative(ROOT, f)).sort()).toEqual(['src/main/index.ts', 'src/main/ipc.ts'])
  })

  it('lets the sandboxed preload import nothing but electron and the shared channel', () => {
    expect(importsOf(join(ROOT, 'src/preload/index.ts')).sort()).toEqual(['../shared/channel', 'electron'])
  })
})
