// Methods for teams and reps: lists, and managing them (create, rename, move, mark as left, reassign deals).
import { z } from 'zod'
import { REP_ROLES, type RepRole, type RepStatus } from '../domain'
import { method } from './method'
import { id, isoDate, noInput, paging, type Page } from './common'

export interface TeamRow {
  id: number
  name: string
  managerName: string | null
  activeReps: number
}

export interface RepRow {
  id: number
  teamId: number | null
  teamName: string | null
  name: string
  email: string | null
  role: RepRole
  hireDate: string | null
  quotaMinor: number
  quotaCurrency: string
  status: RepStatus
  leftDate: string | null
  openDeals: number
  openPipelineMinor: number
}

/** A name as typed: trimmed, inner runs of spaces made one, not blank. */
const name = (max: number) =>
  z
    .string()
    .transform((s) => s.trim().replace(/\s+/g, ' '))
    .pipe(z.string().min(1, 'must not be blank').max(max, `must be at most ${max} characters`))
const email = z
  .string()
  .trim()
  .max(254, 'must be at most 254 characters')
  .pipe(z.email('expected an email address like ana@example.com'))
const quotaMinor = z.number().int('expected whole minor units (cents)').min(0, 'must not be negative').max(1e13, 'is implausibly large')
const currency = z.string().regex(/^[A-Z]{3}$/, 'expected a three-letter currency code like USD')
const role = z.enum(REP_ROLES)

/** One entry of a rep's own record of team moves, leaving and coming back (newest last). */
export type RepEvent =
  | { kind: 'moved'; on: string; fromTeamId: number | null; fromTeamName: string | null; toTeamId: number; toTeamName: string; recordedAt: string }
  | { kind: 'left'; on: string; reason: string | null; recordedAt: string }
  | { kind: 'reinstated'; leftOn: string; recordedAt: string }

export interface ReassignResult {
  fromRepId: number
  toRepId: number
  /** The open deals that changed owner; closed deals keep the rep who closed them. */
  dealIds: number[]
}

/** Team and rep management: every write validated here and again against the workspace in main. */
const teamAdminMethods = {
  'teams.create': method<TeamRow>()(z.object({ name: name(80), managerName: name(120).nullable().optional() }).strict()),
  'teams.rename': method<TeamRow>()(z.object({ id, name: name(80) }).strict()),
  'reps.get': method<RepRow>()(z.object({ id }).strict()),
  'reps.create': method<RepRow>()(
    z
      .object({
        name: name(120),
        email: email.nullable().optional(),
        teamId: id,
        role,
        hireDate: isoDate,
        quotaMinor,
        quotaCurrency: currency.default('USD')
      })
      .strict()
  ),
  /** Changes the given fields only; the team changes through reps.move, leaving through reps.markLeft. */
  'reps.update': method<RepRow>()(
    z
      .object({
        id,
        name: name(120).optional(),
        email: email.nullable().optional(),
        role: role.optional(),
        hireDate: isoDate.optional(),
        quotaMinor: quotaMinor.optional(),
        quotaCurrency: currency.optional()
      })
      .strict()
  ),
  'reps.move': method<RepRow>()(z.object({ id, teamId: id, on: isoDate }).strict()),
  'reps.markLeft': method<RepRow>()(z.object({ id, leftOn: isoDate, reason: name(300).nullable().optional() }).strict()),
  'reps.reinstate': method<RepRow>()(z.object({ id }).strict()),
  'reps.history': method<RepEvent[]>()(z.object({ id }).strict()),
  'deals.reassign': method<ReassignResult>()(z.object({ fromRepId: id, toRepId: id }).strict())
}

export const teamMethods = {
  'teams.list': method<TeamRow[]>()(noInput),
  'reps.list': method<Page<RepRow>>()(
    z
      .object({
        teamId: id.optional(),
        status: z.enum(['active', 'left', 'all']).default('active'),
        ...paging
      })
      .strict()
  ),
  ...teamAdminMethods
}
