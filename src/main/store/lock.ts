// One Touchline per workspace file: a lock file beside it names the process holding it; a dead holder's lock is stale.
import { readFileSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { hostname } from 'node:os'
import { TouchlineError } from '@shared/errors'

export interface LockHolder {
  pid: number
  host: string
  app: string
  since: string
}

export interface WorkspaceLock {
  path: string
  release(): void
}

export function lockPath(workspacePath: string): string {
  return `${workspacePath}.lock`
}

/** Whether a process with this id exists on this machine; EPERM means it exists but belongs to another user. */
export function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0)
    return true
  } catch (err) {
    return (err as { code?: string }).code === 'EPERM'
  }
}

function readHolder(path: string): LockHolder | null {
  try {
    const parsed = JSON.parse(readFileSync(path, 'utf8')) as Partial<LockHolder>
    if (typeof parsed.pid !== 'number' || !Number.isInteger(parsed.pid) || parsed.pid <= 0 || typeof parsed.host !== 'string') return null
    return { pid: parsed.pid, host: parsed.host, app: typeof parsed.app === 'string' ? parsed.app : 'Touchline', since: String(parsed.since ?? '') }
  } catch {
    return null
  }
}

/**
 * Why the holder still counts: alive on this machine, or on another machine (a shared folder), where its process cannot
 * be checked. Null when the lock is stale: its process has exited (a crash or a kill), or the file is unreadable.
 */
function liveHolder(holder: LockHolder | null): LockHolder | null {
  if (!holder) return null
  if (holder.host !== hostname()) return holder
  if (holder.pid === process.pid) return null
  return processAlive(holder.pid) ? holder : null
}

function lockAgeMs(path: string): number {
  try {
    return Date.now() - statSync(path).mtimeMs
  } catch {
    return Infinity
  }
}

function inUse(workspacePath: string, holder: LockHolder): TouchlineError {
  const where =
    holder.pid === 0 ? 'starting just now' : holder.host === hostname() ? `process ${holder.pid}` : `process ${holder.pid} on the computer "${holder.host}"`
  return new TouchlineError(
    'WORKSPACE_IN_USE',
    `"${workspacePath}" is already open in another Touchline (the ${holder.app}, ${where}). Switch to that window, or close it and try again; Touchline left the workspace untouched. If no Touchline is running, delete "${lockPath(workspacePath)}".`
  )
}

/**
 * Takes the lock of a workspace or throws WORKSPACE_IN_USE naming the holder. The lock file is created exclusively
 * ('wx'), so of two processes starting together exactly one wins; a stale lock is removed and taken over once.
 */
export function acquireWorkspaceLock(workspacePath: string, app = process.versions.electron ? 'desktop app' : 'browser shell'): WorkspaceLock {
  const path = lockPath(workspacePath)
  const mine: LockHolder = { pid: process.pid, host: hostname(), app, since: new Date().toISOString() }
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      writeFileSync(path, JSON.stringify(mine), { flag: 'wx' })
      return {
        path,
        release: () => {
          if (readHolder(path)?.pid === process.pid) rmSync(path, { force: true })
        }
      }
    } catch (err) {
      if ((err as { code?: string }).code !== 'EEXIST') throw err
    }
    const read = readHolder(path)
    // An unreadable lock may be one another process is writing this very moment: only an old one is stale.
    if (!read && lockAgeMs(path) < 2_000) throw inUse(workspacePath, { pid: 0, host: hostname(), app: 'Touchline', since: '' })
    const holder = liveHolder(read)
    if (holder) throw inUse(workspacePath, holder)
    rmSync(path, { force: true })
  }
  throw inUse(workspacePath, readHolder(path) ?? { pid: 0, host: hostname(), app: 'Touchline', since: '' })
}
