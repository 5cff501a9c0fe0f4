// Schema v7: provenance of imports — one row per applied file. Released: never edit, add a new step instead.

export default `
CREATE TABLE import_batches (
  id INTEGER PRIMARY KEY,
  file_name TEXT NOT NULL,
  entry TEXT,
  source TEXT NOT NULL,
  encoding TEXT NOT NULL,
  rows_read INTEGER NOT NULL CHECK (rows_read >= 0),
  created INTEGER NOT NULL CHECK (created >= 0),
  updated INTEGER NOT NULL CHECK (updated >= 0),
  skipped INTEGER NOT NULL CHECK (skipped >= 0),
  rep_id INTEGER REFERENCES reps(id) ON DELETE SET NULL,
  backup TEXT,
  imported_at TEXT NOT NULL
) STRICT;
CREATE INDEX import_batches_at ON import_batches(imported_at);
`
