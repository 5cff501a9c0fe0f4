// Coaching focus: a 1–5 rating per skill with a line of evidence, kept as history so progress shows over time.
import type Database from 'better-sqlite3'
import type { FocusArea, ParsedInput } from '@shared/contract'
import { TouchlineError } from '@shared/errors'
import { COACHING_SKILLS, type CoachingSkill } from '@shared/team'
import { prepared } from '../pipeline/evidence'
import type { InspectionStore } from '../pipeline/inspection'
import { requireRep } from './cards'
import { requireOneOnOne } from './records'

/** Every skill, the latest rating first in its history (newest first), unrated skills with an empty history. */
export function focusAreas(sqlite: Database.Database, repId: number): FocusArea[] {
  const rows = prepared(
    sqlite,
    'SELECT skill, rating, evidence, rated_at FROM focus_ratings WHERE rep_id = ? ORDER BY skill, rated_at DESC, id DESC LIMIT 600'
  ).all(repId) as { skill: CoachingSkill; rating: number; evidence: string | null; rated_at: string }[]
  return COACHING_SKILLS.map((skill) => {
    const history = rows.filter((r) => r.skill === skill).map((r) => ({ rating: r.rating, ratedAt: r.rated_at, evidence: r.evidence }))
    const latest = history[0]
    return { skill, rating: latest?.rating ?? null, evidence: latest?.evidence ?? null, ratedAt: latest?.ratedAt ?? null, history }
  })
}

export function rateFocus(store: InspectionStore, input: ParsedInput<'focus.rate'>, now: string): FocusArea[] {
  const sqlite = store.sqlite
  sqlite.transaction(() => {
    requireRep(sqlite, 'focus.rate', input.repId)
    if (input.oneOnOneId !== undefined && requireOneOnOne(sqlite, 'focus.rate', input.oneOnOneId).repId !== input.repId) {
      throw new TouchlineError('INVALID_INPUT', `focus.rate: input.oneOnOneId: 1:1 ${input.oneOnOneId} is with another rep, not rep ${input.repId}.`)
    }
    prepared(sqlite, 'INSERT INTO focus_ratings (rep_id, skill, rating, evidence, one_on_one_id, rated_at) VALUES (?, ?, ?, ?, ?, ?)').run(
      input.repId,
      input.skill,
      input.rating,
      input.evidence || null,
      input.oneOnOneId ?? null,
      now
    )
  })()
  return focusAreas(sqlite, input.repId)
}
