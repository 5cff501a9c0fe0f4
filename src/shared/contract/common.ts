// Input pieces reused across the contract: ids, paging, ISO dates.
import { z } from 'zod'

export const id = z.number().int().positive()
export const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'expected a date as YYYY-MM-DD')
  .refine((s) => !Number.isNaN(Date.parse(`${s}T00:00:00Z`)) && new Date(`${s}T00:00:00Z`).toISOString().startsWith(s), 'not a real calendar date')
export const isoDateTime = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?Z$/, 'expected a UTC timestamp as YYYY-MM-DDTHH:MM:SSZ')
  // Date.parse rolls 2026-02-30 into March and 24:00 into the next day: the parsed moment must read back as given.
  .refine((s) => {
    const t = Date.parse(s)
    return !Number.isNaN(t) && new Date(t).toISOString().startsWith(s.replace(/(\.\d+)?Z$/, ''))
  }, 'not a real date and time')

/** The renderer never gets a whole table: every list is a page of at most 500 rows. */
export const paging = {
  offset: z.number().int().min(0).max(10_000_000).default(0),
  limit: z.number().int().min(1).max(500).default(50)
}

export const noInput = z.object({}).strict()

export interface Page<T> {
  rows: T[]
  total: number
  offset: number
  limit: number
}
