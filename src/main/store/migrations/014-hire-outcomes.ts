// Schema v14: a hired candidate's application linked to the rep they became, so interview scores meet later attainment.
// Released steps are never edited: add a new step instead.

/**
 * One row per hire: the application (candidate × role) that ended in 'hired' and the rep on a team it became. A rep is
 * one person, so one hire at most (UNIQUE); deleting either side removes the link. candidates.rep_id (schema v3) is
 * kept in step by the service for the candidate as a whole; this table says which role's interview kit the hire
 * went through, which is what the outcome figures read.
 */
export default `
CREATE TABLE hire_links (
  application_id INTEGER PRIMARY KEY REFERENCES candidate_applications(id) ON DELETE CASCADE,
  rep_id INTEGER NOT NULL UNIQUE REFERENCES reps(id) ON DELETE CASCADE,
  linked_at TEXT NOT NULL
) STRICT;
`
