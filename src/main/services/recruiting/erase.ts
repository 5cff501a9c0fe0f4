// Erasing a candidate: the profile and every row that holds something of theirs, in one transaction.
import { sql, type Kysely } from 'kysely'
import type { CandidateErasure, ParsedInput } from '@shared/contract'
import { TouchlineError } from '@shared/errors'
import type { DB } from '../../store/schema'

/**
 * Every table that holds a candidate's data, and how its rows are found. The erase test compares this list with the
 * schema's foreign keys, so a new table that references candidates cannot be forgotten here.
 */
export const CANDIDATE_TABLES = [
  'candidates',
  'candidate_applications',
  'candidate_stage_history',
  'track_records',
  'scorecards',
  'scorecard_ratings',
  'candidate_attachments',
  // Goes with its application (ON DELETE CASCADE, schema v14); the rep it points at stays, being team data.
  'hire_links'
] as const

/** Names typed by hand: the same letters whatever the keyboard composed (é as one code point or e + accent). */
function sameName(typed: string, name: string): boolean {
  return typed.trim().normalize('NFC') === name.trim().normalize('NFC')
}

/**
 * Removes the candidate, the duplicates merged into them (the same person), their applications and stage history,
 * track record, scorecards and ratings. No full-text index covers candidate data (the FTS5 tables index coaching notes
 * and action items only), so nothing else holds their text.
 *
 * secure_delete is switched on for this transaction: SQLite then overwrites deleted content with zeros instead of
 * leaving it in free pages, so the name is gone from the file (and from any backup taken later) even before the
 * workspace is compacted. It costs extra writes, which is why it is not on for every delete.
 */
export async function eraseCandidate(db: Kysely<DB>, input: ParsedInput<'recruiting.eraseCandidate'>): Promise<CandidateErasure> {
  const where = 'recruiting.eraseCandidate'
  const previous = await sql<{ secure_delete: number }>`PRAGMA secure_delete`.execute(db)
  await sql`PRAGMA secure_delete = ON`.execute(db)
  try {
    return await db.transaction().execute(async (trx) => {
      const candidate = await trx.selectFrom('candidates').where('id', '=', input.id).select(['id', 'name', 'merged_into']).executeTakeFirst()
      if (!candidate) throw new TouchlineError('NOT_FOUND', `${where}: input.id: there is no candidate with id ${input.id}.`)
      if (candidate.merged_into !== null) {
        throw new TouchlineError(
          'CONFLICT',
          `${where}: input.id: candidate ${candidate.id} was merged into candidate ${candidate.merged_into}; erase that profile instead, which erases both.`
        )
      }
      if (!sameName(input.confirmName, candidate.name)) {
        throw new TouchlineError(
          'INVALID_INPUT',
          `${where}: input.confirmName: type the candidate's name exactly as shown ("${candidate.name}") to erase them; nothing was erased.`
        )
      }
      // Merging repoints every earlier duplicate at the survivor, so one level finds the whole person.
      const merged = await trx.selectFrom('candidates').where('merged_into', '=', candidate.id).select('id').execute()
      const ids = [candidate.id, ...merged.map((m) => m.id)]
      const appIds = trx.selectFrom('candidate_applications').where('candidate_id', 'in', ids).select('id')
      const cardIds = trx.selectFrom('scorecards').where('candidate_id', 'in', ids).select('id')

      const count = (r: { numDeletedRows: bigint }[]) => Number(r.reduce((n, x) => n + x.numDeletedRows, 0n))
      const ratings = count(await trx.deleteFrom('scorecard_ratings').where('scorecard_id', 'in', cardIds).execute())
      const scorecards = count(await trx.deleteFrom('scorecards').where('candidate_id', 'in', ids).execute())
      const stageMoves = count(await trx.deleteFrom('candidate_stage_history').where('application_id', 'in', appIds).execute())
      const applications = count(await trx.deleteFrom('candidate_applications').where('candidate_id', 'in', ids).execute())
      const trackRecordYears = count(await trx.deleteFrom('track_records').where('candidate_id', 'in', ids).execute())
      // The rows only: their files beside the workspace are deleted by the caller once this has committed.
      const attachments = count(await trx.deleteFrom('candidate_attachments').where('candidate_id', 'in', ids).execute())
      // Duplicates first: they point at the survivor through merged_into, which has no cascade.
      const duplicates = count(await trx.deleteFrom('candidates').where('merged_into', '=', candidate.id).execute())
      const survivor = count(await trx.deleteFrom('candidates').where('id', '=', candidate.id).execute())
      return { candidateId: candidate.id, profiles: duplicates + survivor, applications, stageMoves, trackRecordYears, scorecards, ratings, attachments }
    })
  } finally {
    const was = Number(previous.rows[0]?.secure_delete ?? 0)
    await sql.raw(`PRAGMA secure_delete = ${was === 1 ? 'ON' : was === 2 ? 'FAST' : 'OFF'}`).execute(db)
  }
}
