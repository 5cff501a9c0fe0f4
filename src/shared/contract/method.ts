// How one contract method is declared: a zod schema for its input and, as a type only, its output.
import type { z } from 'zod'

export interface MethodSpec<I extends z.ZodType = z.ZodType, O = unknown> {
  readonly input: I
  /** Phantom: carries the output type, never set at run time. */
  readonly __output?: O
}

/** `method<Output>()(inputSchema)`: the output is a type, the input is checked in main. */
export function method<O>() {
  return <I extends z.ZodType>(input: I): MethodSpec<I, O> => ({ input })
}

/** Merges per-domain method maps; a name declared twice is a programming error caught at start-up. */
export function combine<T extends Record<string, MethodSpec>[]>(...parts: T): UnionToIntersection<T[number]> {
  const all: Record<string, MethodSpec> = {}
  for (const part of parts) {
    for (const [name, spec] of Object.entries(part)) {
      if (Object.hasOwn(all, name)) throw new Error(`Contract method "${name}" is declared twice`)
      all[name] = spec
    }
  }
  return all as UnionToIntersection<T[number]>
}

type UnionToIntersection<U> = (U extends unknown ? (x: U) => void : never) extends (x: infer I) => void ? I : never
