// Social rules per role (domain rule 9): platforms, expected cadence, response time and conduct, with the role's actual cadence beside them.
import { sql, type Kysely } from 'kysely'
import type { ParsedInput, SocialRule, SocialRuleWithTeam } from '@shared/contract'
import { PUBLIC_ACTIVITY_KINDS } from '@shared/domain'
import { SOCIAL_PLATFORMS, type SocialPlatform } from '@shared/visibility'
import type { DB } from '../../store/schema'
import { cadencePerWeek, meanOf } from './measures'
import { stampRange } from './presence'

/** The window the rules page compares against: the last four weeks. */
export const RULES_WINDOW_DAYS = 28

function platformsOf(text: string): SocialPlatform[] {
  try {
    const v = JSON.parse(text) as unknown
    return Array.isArray(v) ? SOCIAL_PLATFORMS.filter((p) => v.includes(p)) : []
  } catch {
    return []
  }
}

type RuleRow = { role: SocialRule['role']; platforms: string; cadence_per_week: number; response_time_hours: number; conduct: string; updated_at: string }

function toRule(r: RuleRow): SocialRule {
  return { role: r.role, platforms: platformsOf(r.platforms), cadencePerWeek: r.cadence_per_week, responseTimeHours: r.response_time_hours, conduct: r.conduct, updatedAt: r.updated_at }
}

export async function listSocialRules(db: Kysely<DB>, today: string): Promise<SocialRuleWithTeam[]> {
  const rules = await db.selectFrom('social_rules').selectAll().execute()
  const { from, to } = stampRange({ end: today, days: RULES_WINDOW_DAYS })
  const reps = await db
    .selectFrom('reps as r')
    .leftJoin('activities as a', (j) => j.onRef('a.rep_id', '=', 'r.id').on('a.occurred_at', '>=', from).on('a.occurred_at', '<', to).on('a.kind', 'in', [...PUBLIC_ACTIVITY_KINDS]))
    .where('r.status', '=', 'active')
    .select(['r.id', 'r.role', sql<number>`count(a.id)`.as('n')])
    .groupBy('r.id')
    .execute()
  const order = ['leader', 'manager', 'ae', 'am', 'se', 'sdr']
  return rules
    .map((r) => {
      const mine = reps.filter((x) => x.role === r.role).map((x) => cadencePerWeek(x.n, RULES_WINDOW_DAYS))
      return { ...toRule(r), actualCadence: meanOf(mine), reps: mine.length, meeting: mine.filter((c) => c >= r.cadence_per_week).length }
    })
    .sort((a, b) => order.indexOf(a.role) - order.indexOf(b.role))
}

export async function setSocialRule(db: Kysely<DB>, input: ParsedInput<'socialRules.set'>, now: string): Promise<SocialRule> {
  const values = {
    role: input.role,
    platforms: JSON.stringify(input.platforms),
    cadence_per_week: input.cadencePerWeek,
    response_time_hours: input.responseTimeHours,
    conduct: input.conduct,
    updated_at: now
  }
  const { role: _role, ...rest } = values
  await db.insertInto('social_rules').values(values).onConflict((oc) => oc.column('role').doUpdateSet(rest)).execute()
  return toRule(values)
}
