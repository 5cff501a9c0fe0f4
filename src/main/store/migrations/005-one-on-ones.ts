// Schema v5: one-on-ones, coaching notes with versions, action items, focus ratings, deal change history and note search.
// Released steps are never edited: add a new step instead.

/**
 * Why these shapes:
 * - A note keeps its current body on coaching_notes (every autosave lands there, so nothing typed is lost) and a
 *   history in note_versions; a new version opens at most every few seconds, between them the open version is
 *   rewritten in place (the service decides, it has the clock).
 * - Action items belong to the rep, not to a meeting: an open item shows in every later prep sheet until done,
 *   whatever happened to the meetings in between (postponed, skipped). one_on_one_id only says where it was agreed.
 * - deal_history records amount and forecast-category changes by trigger, so every writer (services, importers)
 *   leaves a trail without knowing about it; stage and close-date changes already have their own history (v1).
 * - Search is FTS5 over the notes and action items themselves (external content, kept by triggers), with
 *   diacritics removed so "Zoë" finds "Zoe" and the other way round.
 */
export default `
CREATE TABLE one_on_ones (
  id INTEGER PRIMARY KEY,
  rep_id INTEGER NOT NULL REFERENCES reps(id) ON DELETE CASCADE,
  scheduled_for TEXT NOT NULL,
  held_at TEXT,
  status TEXT NOT NULL DEFAULT 'planned' CHECK (status IN ('planned','held','postponed','skipped')),
  agenda TEXT NOT NULL DEFAULT '',
  created_at TEXT NOT NULL,
  CHECK (status != 'held' OR held_at IS NOT NULL)
) STRICT;
CREATE INDEX one_on_ones_rep ON one_on_ones(rep_id, scheduled_for);
CREATE INDEX one_on_ones_rep_held ON one_on_ones(rep_id, held_at) WHERE held_at IS NOT NULL;

CREATE TABLE coaching_notes (
  id INTEGER PRIMARY KEY,
  one_on_one_id INTEGER NOT NULL UNIQUE REFERENCES one_on_ones(id) ON DELETE CASCADE,
  rep_id INTEGER NOT NULL REFERENCES reps(id) ON DELETE CASCADE,
  body TEXT NOT NULL DEFAULT '',
  shared_with_rep INTEGER NOT NULL DEFAULT 0 CHECK (shared_with_rep IN (0,1)),
  version INTEGER NOT NULL DEFAULT 0,
  updated_at TEXT NOT NULL
) STRICT;
CREATE INDEX coaching_notes_rep ON coaching_notes(rep_id, updated_at);

CREATE TABLE note_versions (
  id INTEGER PRIMARY KEY,
  note_id INTEGER NOT NULL REFERENCES coaching_notes(id) ON DELETE CASCADE,
  version INTEGER NOT NULL CHECK (version >= 1),
  body TEXT NOT NULL,
  opened_at TEXT NOT NULL,
  saved_at TEXT NOT NULL,
  UNIQUE (note_id, version)
) STRICT;

CREATE TABLE action_items (
  id INTEGER PRIMARY KEY,
  rep_id INTEGER NOT NULL REFERENCES reps(id) ON DELETE CASCADE,
  one_on_one_id INTEGER REFERENCES one_on_ones(id) ON DELETE SET NULL,
  text TEXT NOT NULL CHECK (length(text) BETWEEN 1 AND 1000),
  owner TEXT NOT NULL DEFAULT 'rep' CHECK (owner IN ('rep','manager')),
  due TEXT,
  deal_id INTEGER REFERENCES deals(id) ON DELETE SET NULL,
  created_at TEXT NOT NULL,
  done_at TEXT
) STRICT;
CREATE INDEX action_items_rep ON action_items(rep_id, done_at, due);
CREATE INDEX action_items_one_on_one ON action_items(one_on_one_id);

CREATE TABLE focus_ratings (
  id INTEGER PRIMARY KEY,
  rep_id INTEGER NOT NULL REFERENCES reps(id) ON DELETE CASCADE,
  skill TEXT NOT NULL CHECK (skill IN ('discovery','decision_roles','value_messaging','pricing','forecasting','social_presence')),
  rating INTEGER NOT NULL CHECK (rating BETWEEN 1 AND 5),
  evidence TEXT,
  one_on_one_id INTEGER REFERENCES one_on_ones(id) ON DELETE SET NULL,
  rated_at TEXT NOT NULL
) STRICT;
CREATE INDEX focus_ratings_rep ON focus_ratings(rep_id, skill, rated_at);

CREATE TABLE deal_history (
  id INTEGER PRIMARY KEY,
  deal_id INTEGER NOT NULL REFERENCES deals(id) ON DELETE CASCADE,
  field TEXT NOT NULL CHECK (field IN ('amount','forecast_category')),
  old_value TEXT,
  new_value TEXT,
  changed_at TEXT NOT NULL
) STRICT;
CREATE INDEX deal_history_deal ON deal_history(deal_id, changed_at);

CREATE TRIGGER deals_amount_history AFTER UPDATE OF amount_minor ON deals
WHEN old.amount_minor IS NOT new.amount_minor
BEGIN
  INSERT INTO deal_history (deal_id, field, old_value, new_value, changed_at)
  VALUES (new.id, 'amount', CAST(old.amount_minor AS TEXT), CAST(new.amount_minor AS TEXT), new.updated_at);
END;

CREATE TRIGGER deals_category_history AFTER UPDATE OF forecast_category ON deals
WHEN old.forecast_category IS NOT new.forecast_category
BEGIN
  INSERT INTO deal_history (deal_id, field, old_value, new_value, changed_at)
  VALUES (new.id, 'forecast_category', old.forecast_category, new.forecast_category, new.updated_at);
END;

CREATE VIRTUAL TABLE notes_fts USING fts5(
  body, content = 'coaching_notes', content_rowid = 'id', tokenize = 'unicode61 remove_diacritics 2'
);
CREATE TRIGGER coaching_notes_ai AFTER INSERT ON coaching_notes BEGIN
  INSERT INTO notes_fts (rowid, body) VALUES (new.id, new.body);
END;
CREATE TRIGGER coaching_notes_ad AFTER DELETE ON coaching_notes BEGIN
  INSERT INTO notes_fts (notes_fts, rowid, body) VALUES ('delete', old.id, old.body);
END;
CREATE TRIGGER coaching_notes_au AFTER UPDATE OF body ON coaching_notes BEGIN
  INSERT INTO notes_fts (notes_fts, rowid, body) VALUES ('delete', old.id, old.body);
  INSERT INTO notes_fts (rowid, body) VALUES (new.id, new.body);
END;

CREATE VIRTUAL TABLE action_items_fts USING fts5(
  text, content = 'action_items', content_rowid = 'id', tokenize = 'unicode61 remove_diacritics 2'
);
CREATE TRIGGER action_items_ai AFTER INSERT ON action_items BEGIN
  INSERT INTO action_items_fts (rowid, text) VALUES (new.id, new.text);
END;
CREATE TRIGGER action_items_ad AFTER DELETE ON action_items BEGIN
  INSERT INTO action_items_fts (action_items_fts, rowid, text) VALUES ('delete', old.id, old.text);
END;
CREATE TRIGGER action_items_au AFTER UPDATE OF text ON action_items BEGIN
  INSERT INTO action_items_fts (action_items_fts, rowid, text) VALUES ('delete', old.id, old.text);
  INSERT INTO action_items_fts (rowid, text) VALUES (new.id, new.text);
END;
`
