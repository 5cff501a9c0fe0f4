// Typed errors that cross the process boundary: a stable code plus a message that says what and where.

export const ERROR_CODES = [
  'INVALID_INPUT',
  'UNKNOWN_METHOD',
  'UNTRUSTED_SENDER',
  'NOT_FOUND',
  'CONFLICT',
  'NO_WORKSPACE',
  'NOT_A_WORKSPACE',
  'FOREIGN_DATABASE',
  'CORRUPT_WORKSPACE',
  'NEWER_WORKSPACE',
  'MIGRATION_EDITED',
  'MIGRATION_FAILED',
  'UNSUPPORTED',
  'ENGINE_UNAVAILABLE',
  'READ_ONLY_WORKSPACE',
  'DISK_FULL',
  'WORKSPACE_IN_USE',
  'INTERNAL'
] as const
export type ErrorCode = (typeof ERROR_CODES)[number]

export interface WireError {
  code: ErrorCode
  message: string
}

export type Envelope<T> = { ok: true; value: T } | { ok: false; error: WireError }

/** Thrown by services; matched by `code`, never by `instanceof`, because it crosses processes. */
export class TouchlineError extends Error {
  readonly code: ErrorCode
  constructor(code: ErrorCode, message: string) {
    super(message)
    this.name = 'TouchlineError'
    this.code = code
  }
}

export function isErrorCode(value: unknown): value is ErrorCode {
  return typeof value === 'string' && (ERROR_CODES as readonly string[]).includes(value)
}
