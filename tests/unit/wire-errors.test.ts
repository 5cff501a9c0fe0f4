// What crosses the process boundary when a call fails: a code and a message, never internals.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { z } from 'zod'
import { serializeEnvelope, toWireError } from '../../src/main/dispatch'
import { TouchlineError } from '../../src/shared/errors'

describe('toWireError', () => {
  let logged: ReturnType<typeof vi.spyOn>
  beforeEach(() => {
    logged = vi.spyOn(console, 'error').mockImplementation(() => undefined)
  })
  afterEach(() => logged.mockRestore())

  it('turns a validation failure into INVALID_INPUT naming the method and the field', () => {
    const result = z.object({ repId: z.number() }).safeParse({ repId: 'seven' })
    const wire = toWireError(result.error, 'activities.create')
    expect(wire.code).toBe('INVALID_INPUT')
    expect(wire.message).toMatch(/^activities\.create: input\.repId: /)
  })

  it('keeps the code and message of a TouchlineError', () => {
    const wire = toWireError(new TouchlineError('NOT_FOUND', 'deals.get: there is no deal with id 9.'), 'deals.get')
    expect(wire).toEqual({ code: 'NOT_FOUND', message: 'deals.get: there is no deal with id 9.' })
  })

  it('matches by code, not class: a plain object with a known code keeps it', () => {
    expect(toWireError({ code: 'NEWER_WORKSPACE', message: 'from a newer Touchline' }, 'workspace.open')).toEqual({
      code: 'NEWER_WORKSPACE',
      message: 'from a newer Touchline'
    })
  })

  it('reports a broken database rule as INVALID_INPUT', () => {
    const err = Object.assign(new Error('FOREIGN KEY constraint failed'), { code: 'SQLITE_CONSTRAINT_FOREIGNKEY' })
    const wire = toWireError(err, 'activities.create')
    expect(wire.code).toBe('INVALID_INPUT')
    expect(wire.message).toContain('activities.create')
  })

  it('hides anything else behind INTERNAL, without its message, path or stack', () => {
    const err = Object.assign(new Error("ENOENT: no such file, open '/home/ana/secret/notes.txt'"), { code: 'ENOENT' })
    const wire = toWireError(err, 'deals.list')
    expect(wire.code).toBe('INTERNAL')
    expect(wire.message).toContain('deals.list')
    expect(wire.message).not.toContain('/home/ana')
    expect(wire.message).not.toContain('ENOENT')
    expect(wire.message).not.toMatch(/\n\s+at /)
    expect(logged).toHaveBeenCalled()
  })
})

describe('serializeEnvelope', () => {
  let logged: ReturnType<typeof vi.spyOn>
  beforeEach(() => {
    logged = vi.spyOn(console, 'error').mockImplementation(() => undefined)
  })
  afterEach(() => logged.mockRestore())

  it('sends a plain value as JSON that reads back the same', () => {
    const envelope = { ok: true as const, value: { rows: [{ id: 1, name: 'Acme' }], total: 1 } }
    expect(JSON.parse(serializeEnvelope(envelope, 'deals.list'))).toEqual(envelope)
  })

  it.each([
    ['a BigInt', { n: 10n }],
    ['a circular object', (() => {
      const o: Record<string, unknown> = {}
      o.self = o
      return o
    })()]
  ])('turns %s into an INTERNAL error envelope instead of throwing', (_what, value) => {
    const text = serializeEnvelope({ ok: true, value }, 'deals.get')
    const parsed = JSON.parse(text) as { ok: boolean; error: { code: string; message: string } }
    expect(parsed.ok).toBe(false)
    expect(parsed.error.code).toBe('INTERNAL')
    expect(parsed.error.message).toContain('deals.get')
  })
})
