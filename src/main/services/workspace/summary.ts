// Headline counts of an open workspace, for the home screen and Settings.
import { sql, type Kysely } from 'kysely'
import type { WorkspaceSummary } from '@shared/contract'
import type { DB } from '../../store/schema'

export async function workspaceSummary(db: Kysely<DB>): Promise<WorkspaceSummary> {
  const row = await db
    .selectNoFrom((eb) => [
      eb.selectFrom('teams').select(eb.fn.countAll<number>().as('n')).as('teams'),
      eb.selectFrom('reps').where('status', '=', 'active').select(eb.fn.countAll<number>().as('n')).as('reps'),
      eb.selectFrom('accounts').select(eb.fn.countAll<number>().as('n')).as('accounts'),
      eb.selectFrom('accounts').where('tier', '=', 1).select(eb.fn.countAll<number>().as('n')).as('tierOneAccounts'),
      eb.selectFrom('deals').select(eb.fn.countAll<number>().as('n')).as('deals'),
      eb.selectFrom('deals').where('status', '=', 'open').select(eb.fn.countAll<number>().as('n')).as('openDeals'),
      eb.selectFrom('activities').select(sql<number>`max(id)`.as('n')).as('activities'),
      eb
        .selectFrom('deals')
        .where('status', '=', 'open')
        .select(sql<number>`coalesce(sum(amount_minor), 0)`.as('n'))
        .as('openPipelineMinor')
    ])
    .executeTakeFirstOrThrow()
  return {
    teams: row.teams ?? 0,
    reps: row.reps ?? 0,
    accounts: row.accounts ?? 0,
    tierOneAccounts: row.tierOneAccounts ?? 0,
    deals: row.deals ?? 0,
    openDeals: row.openDeals ?? 0,
    // max(id) stands in for count(*): activities are append-mostly and a full count costs a scan of millions of rows.
    activities: row.activities ?? 0,
    openPipelineMinor: row.openPipelineMinor ?? 0,
    currency: 'USD'
  }
}
