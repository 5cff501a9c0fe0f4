// Methods for teams and reps.
import { z } from 'zod'
import type { RepRole, RepStatus } from '../domain'
import { method } from './method'
import { id, noInput, paging, type Page } from './common'

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
  )
}
