// Schema v12: activity_days (schema v9) folds new activities in when the dashboard reads it, not on every insert.
// Released steps are never edited: add a new step instead.

/**
 * Counting each inserted activity into activity_days from a trigger cost ~3–30 µs per row, which a bulk load of
 * 2,000,000 activities (the large demo, an import) pays in full. Instead a watermark records the highest activity id
 * counted so far; the dashboard folds in every activity above it in one grouped pass before it reads
 * (services/forecast/productivity.ts), so a bulk load costs one GROUP BY on the first read. The triggers stay for rows
 * already counted: an update or delete of an activity at or below the watermark adjusts its day, and an insert that
 * reuses an id at or below it (SQLite reuses the highest id after it is deleted) is counted at once.
 */
export default `
CREATE TABLE activity_days_mark (id INTEGER NOT NULL) STRICT;
INSERT INTO activity_days_mark (id) SELECT coalesce(max(id), 0) FROM activities;

DROP TRIGGER activities_days_insert;
CREATE TRIGGER activities_days_insert AFTER INSERT ON activities
WHEN NEW.id <= (SELECT id FROM activity_days_mark) BEGIN
  INSERT INTO activity_days (day, rep_id, n, meeting, call, email, social)
  VALUES (substr(NEW.occurred_at, 1, 10), NEW.rep_id, 1, NEW.kind = 'meeting', NEW.kind = 'call', NEW.kind = 'email', NEW.kind LIKE 'social%')
  ON CONFLICT (day, rep_id) DO UPDATE SET n = n + 1, meeting = meeting + excluded.meeting, call = call + excluded.call,
    email = email + excluded.email, social = social + excluded.social;
END;

DROP TRIGGER activities_days_delete;
CREATE TRIGGER activities_days_delete AFTER DELETE ON activities
WHEN OLD.id <= (SELECT id FROM activity_days_mark) BEGIN
  UPDATE activity_days SET n = n - 1, meeting = meeting - (OLD.kind = 'meeting'), call = call - (OLD.kind = 'call'),
    email = email - (OLD.kind = 'email'), social = social - (OLD.kind LIKE 'social%')
  WHERE day = substr(OLD.occurred_at, 1, 10) AND rep_id = OLD.rep_id;
  DELETE FROM activity_days WHERE day = substr(OLD.occurred_at, 1, 10) AND rep_id = OLD.rep_id AND n <= 0;
END;

DROP TRIGGER activities_days_update;
CREATE TRIGGER activities_days_update AFTER UPDATE OF occurred_at, rep_id, kind ON activities
WHEN OLD.id <= (SELECT id FROM activity_days_mark) BEGIN
  UPDATE activity_days SET n = n - 1, meeting = meeting - (OLD.kind = 'meeting'), call = call - (OLD.kind = 'call'),
    email = email - (OLD.kind = 'email'), social = social - (OLD.kind LIKE 'social%')
  WHERE day = substr(OLD.occurred_at, 1, 10) AND rep_id = OLD.rep_id;
  DELETE FROM activity_days WHERE day = substr(OLD.occurred_at, 1, 10) AND rep_id = OLD.rep_id AND n <= 0;
  INSERT INTO activity_days (day, rep_id, n, meeting, call, email, social)
  VALUES (substr(NEW.occurred_at, 1, 10), NEW.rep_id, 1, NEW.kind = 'meeting', NEW.kind = 'call', NEW.kind = 'email', NEW.kind LIKE 'social%')
  ON CONFLICT (day, rep_id) DO UPDATE SET n = n + 1, meeting = meeting + excluded.meeting, call = call + excluded.call,
    email = email + excluded.email, social = social + excluded.social;
END;
`
