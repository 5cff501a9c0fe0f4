// Schema v13: files attached to a candidate (a resume, a work sample). Released steps are never edited: add a new step instead.

/**
 * A row is the candidate's reference to a file; the bytes live outside the database, in the folder beside the
 * workspace (services/recruiting/attachments.ts), under their sha256, so the same file is stored once however many
 * candidates hold it. `name` is only what the user's file was called, shown back to them; it never becomes a path.
 */
export default `
CREATE TABLE candidate_attachments (
  id INTEGER PRIMARY KEY,
  candidate_id INTEGER NOT NULL REFERENCES candidates(id) ON DELETE CASCADE,
  sha256 TEXT NOT NULL CHECK (length(sha256) = 64 AND sha256 NOT GLOB '*[^0-9a-f]*'),
  name TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 255),
  media_type TEXT NOT NULL,
  size_bytes INTEGER NOT NULL CHECK (size_bytes > 0),
  added_at TEXT NOT NULL,
  UNIQUE (candidate_id, sha256)
) STRICT;
CREATE INDEX candidate_attachments_candidate ON candidate_attachments(candidate_id, added_at, id);
CREATE INDEX candidate_attachments_sha256 ON candidate_attachments(sha256);
`
