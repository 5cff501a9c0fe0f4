// The transport-neutral core of both shells: find the method, validate input, call it, map errors.
import { ZodError, type z } from 'zod'
import { contract, isMethodName, type MethodName, type MethodOutput, type ParsedInput } from '@shared/contract'
import { TouchlineError, isErrorCode, type Envelope, type WireError } from '@shared/errors'
import type { Clock } from './clock'
import type { WorkspaceSession } from './session'

export interface Context {
  session: WorkspaceSession
  clock: Clock
  shell: 'electron' | 'browser'
  /** What only the desktop shell can do; absent in the browser shell. */
  desktop?: {
    exportPdf(options: { name: string; landscape: boolean }): Promise<{ saved: boolean; path: string | null }>
    /** Hands a file to the OS's default application (Electron's shell.openPath): resolves to '' or what went wrong. */
    openPath?(path: string): Promise<string>
    /** The OS's open dialog owned by main, for an import file: the path the user picked, or null when cancelled. */
    pickImportFile?(): Promise<string | null>
  }
}

export type Handlers = {
  [K in MethodName]: (ctx: Context, input: ParsedInput<K>) => MethodOutput<K> | Promise<MethodOutput<K>>
}

function describeZodError(method: string, err: ZodError): string {
  const parts = err.issues.slice(0, 5).map((issue) => {
    const where = issue.path.length ? `input.${issue.path.map(String).join('.')}` : 'input'
    return `${where}: ${issue.message}`
  })
  return `${method}: ${parts.join('; ')}`
}

/** Turns anything thrown into the wire shape; internals never reach the renderer. `workspacePath` names the file in storage errors. */
export function toWireError(err: unknown, method: string, workspacePath?: string): WireError {
  if (err instanceof ZodError) return { code: 'INVALID_INPUT', message: describeZodError(method, err) }
  if (err && typeof err === 'object' && 'code' in err && isErrorCode((err as { code: unknown }).code)) {
    return { code: (err as TouchlineError).code, message: String((err as { message?: unknown }).message) }
  }
  const sqliteCode = err && typeof err === 'object' && 'code' in err ? String((err as { code: unknown }).code) : ''
  const workspace = workspacePath ? `"${workspacePath}"` : 'the workspace'
  // SQLite has already undone the whole statement or transaction when it reports these.
  if (sqliteCode.startsWith('SQLITE_FULL')) {
    return {
      code: 'DISK_FULL',
      message: `${method}: the disk is full, so the workspace ${workspace} can't grow; nothing was changed and what was saved before is intact. Free some disk space and try again.`
    }
  }
  if (sqliteCode.startsWith('SQLITE_READONLY')) {
    return {
      code: 'READ_ONLY_WORKSPACE',
      message: `${method}: the workspace ${workspace} has become read-only; nothing was changed. Restore write permission (or copy it somewhere you can write) and reopen Touchline.`
    }
  }
  if (sqliteCode.startsWith('SQLITE_BUSY')) {
    return {
      code: 'CONFLICT',
      message: `${method}: the workspace ${workspace} is busy with another write (an import in progress); nothing was changed. Try again when it has finished.`
    }
  }
  if (sqliteCode.startsWith('SQLITE_CONSTRAINT')) {
    return { code: 'INVALID_INPUT', message: `${method}: the change breaks a rule of the workspace (${(err as Error).message})` }
  }
  console.error(`[touchline] ${method} failed`, err)
  return { code: 'INTERNAL', message: `${method} failed unexpectedly; nothing was changed. Details are in the app's log.` }
}

export async function dispatch(handlers: Handlers, ctx: Context, method: unknown, input: unknown): Promise<Envelope<unknown>> {
  if (!isMethodName(method)) {
    const shown = typeof method === 'string' ? method.slice(0, 80) : typeof method
    return { ok: false, error: { code: 'UNKNOWN_METHOD', message: `Unknown method: ${shown}` } }
  }
  const schema: z.ZodType = contract[method].input
  try {
    const parsed = schema.parse(input === undefined ? {} : input)
    const handler = handlers[method] as (ctx: Context, input: unknown) => unknown
    const value = await handler(ctx, parsed)
    return { ok: true, value }
  } catch (err) {
    // Test worlds may hand in a partial session; the path is only a detail of the message.
    const path = typeof ctx.session.workspacePath === 'function' ? ctx.session.workspacePath() : undefined
    return { ok: false, error: toWireError(err, method, path) }
  }
}

/** Envelopes travel as JSON text over both transports, so a value that cannot be serialized becomes a typed error. */
export function serializeEnvelope(envelope: Envelope<unknown>, method: string): string {
  try {
    return JSON.stringify(envelope)
  } catch (err) {
    console.error(`[touchline] ${method} returned a value that cannot be serialized`, err)
    return JSON.stringify({
      ok: false,
      error: { code: 'INTERNAL', message: `${method} produced a result that could not be sent to the window.` }
    })
  }
}

export { TouchlineError }
