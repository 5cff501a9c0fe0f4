// Lists of teams and reps, with each rep's open pipeline.
import { sql, type Kysely } from 'kysely'
import type { Page, ParsedInput, RepRow, TeamRow } from '@shared/contract'
import type { DB } from '../../store/schema'
import type { RepRole, RepStatus } from '@shared/domain'

export async function listTeams(db: Kysely<DB>): Promise<TeamRow[]> {
  const rows = await db
    .selectFrom('teams as t')
    .select((eb) => [
      't.id',
      't.name',
      't.manager_name',
      eb
        .selectFrom('reps as r')
        .whereRef('r.team_id', '=', 't.id')
        .where('r.status', '=', 'active')
        .select(eb.fn.countAll<number>().as('n'))
        .as('active_reps')
    ])
    .orderBy('t.name')
    .limit(500)
    .execute()
  return rows.map((r) => ({ id: r.id, name: r.name, managerName: r.manager_name, activeReps: r.active_reps ?? 0 }))
}

export async function listReps(db: Kysely<DB>, input: ParsedInput<'reps.list'>): Promise<Page<RepRow>> {
  let q = db.selectFrom('reps as r').leftJoin('teams as t', 't.id', 'r.team_id')
  if (input.teamId !== undefined) q = q.where('r.team_id', '=', input.teamId)
  if (input.status !== 'all') q = q.where('r.status', '=', input.status)
  const [rows, total] = await Promise.all([
    q
      .select((eb) => [
        'r.id',
        'r.team_id',
        't.name as team_name',
        'r.name',
        'r.email',
        'r.role',
        'r.hire_date',
        'r.quota_minor',
        'r.quota_currency',
        'r.status',
        'r.left_date',
        eb
          .selectFrom('deals as d')
          .whereRef('d.owner_id', '=', 'r.id')
          .where('d.status', '=', 'open')
          .select([sql<number>`count(*)`.as('n')])
          .as('open_deals'),
        eb
          .selectFrom('deals as d')
          .whereRef('d.owner_id', '=', 'r.id')
          .where('d.status', '=', 'open')
          .select([sql<number>`coalesce(sum(d.amount_minor), 0)`.as('n')])
          .as('open_pipeline')
      ])
      .orderBy('r.name')
      .limit(input.limit)
      .offset(input.offset)
      .execute(),
    q.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()
  ])
  return {
    rows: rows.map(toRepRow),
    total: total.n,
    offset: input.offset,
    limit: input.limit
  }
}

/** The columns a rep row is read from, shared by the list and by the admin service's single-rep read. */
export interface RepDbRow {
  id: number
  team_id: number | null
  team_name: string | null
  name: string
  email: string | null
  role: RepRole
  hire_date: string | null
  quota_minor: number
  quota_currency: string
  status: RepStatus
  left_date: string | null
  open_deals: number | null
  open_pipeline: number | null
}

export function toRepRow(r: RepDbRow): RepRow {
  return {
    id: r.id,
    teamId: r.team_id,
    teamName: r.team_name,
    name: r.name,
    email: r.email,
    role: r.role,
    hireDate: r.hire_date,
    quotaMinor: r.quota_minor,
    quotaCurrency: r.quota_currency,
    status: r.status,
    leftDate: r.left_date,
    openDeals: r.open_deals ?? 0,
    openPipelineMinor: r.open_pipeline ?? 0
  }
}
