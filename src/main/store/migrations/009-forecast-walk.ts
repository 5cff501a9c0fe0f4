// Schema v9: amount history for the forecast walk, and per-rep-per-day activity counts for the productivity dashboard.
// Released steps are never edited: add a new step instead.

/**
 * deal_amount_history: every amount a deal has had, so the forecast walk can say what a deal was worth on the day of
 * an earlier snapshot. Triggers on deals write it on every write path (the importer, the demo generator, a future
 * editor, a hand-written UPDATE in a test) without each having to remember to. The insert row is stamped with the
 * deal's created day (its first amount); an update with the deal's new updated_at when the writer stamped one, else
 * the wall clock (the only place SQLite's clock is used: a writer that does not say when gets "now").
 * Backfill: what a deal was worth before this step is not known, so each existing deal gets one row with its
 * current amount on its created day; the walk treats earlier amounts as unchanged.
 *
 * activity_days: activities counted per day and rep by kind. The dashboard's efficiency pass grouped ~500,000
 * activity index entries for an org-wide quarter on the large workspace (~650 ms of CPU); these ~18,000 rows are read
 * in a few milliseconds. Triggers keep it equal to the GROUP BY it replaces on insert, update and delete; a day whose
 * count falls to zero is removed so that it reads exactly like the grouped pass (which has no empty groups).
 * The day is the first ten characters of occurred_at, as the grouped pass used.
 *
 * Two indexes are widened to cover the dashboard's reads: stage history with its stage (conversion, "meetings that
 * moved a deal on"), closed deals with their loss reason and created day (losses, cycle length). One is added for a
 * team's funnel confidence, which otherwise visits every open deal's row to read its team (~300 ms on the large
 * workspace).
 *
 * meeting_advances: whether a meeting on a deal "moved the deal on" (the deal entered a further stage within 14 days),
 * remembered per meeting. Testing it costs two stage-history seeks per meeting (~70,000 meetings in an org-wide
 * quarter, ~150–290 ms); remembered, the dashboard sums an index range. It is filled when the dashboard first reads a
 * window (services/forecast/productivity.ts) and emptied on write: any change to a deal's stage history drops that
 * deal's rows, any change to a meeting drops its row, so a row is never stale. The triggers only delete by this
 * table's own keys, so they stay cheap while a bulk load has the other tables' indexes dropped.
 */
export default `
CREATE TABLE deal_amount_history (
  id INTEGER PRIMARY KEY,
  deal_id INTEGER NOT NULL REFERENCES deals(id) ON DELETE CASCADE,
  amount_minor INTEGER NOT NULL CHECK (amount_minor >= 0),
  previous_amount_minor INTEGER,
  changed_at TEXT NOT NULL
) STRICT;
CREATE INDEX deal_amount_history_deal ON deal_amount_history(deal_id, changed_at, amount_minor, previous_amount_minor);

INSERT INTO deal_amount_history (deal_id, amount_minor, previous_amount_minor, changed_at)
  SELECT id, amount_minor, NULL, created_date || 'T00:00:00Z' FROM deals ORDER BY id;

CREATE TRIGGER deals_amount_history_insert AFTER INSERT ON deals BEGIN
  INSERT INTO deal_amount_history (deal_id, amount_minor, previous_amount_minor, changed_at)
  VALUES (NEW.id, NEW.amount_minor, NULL, NEW.created_date || 'T00:00:00Z');
END;

CREATE TRIGGER deals_amount_history_update AFTER UPDATE OF amount_minor ON deals
WHEN NEW.amount_minor IS NOT OLD.amount_minor BEGIN
  INSERT INTO deal_amount_history (deal_id, amount_minor, previous_amount_minor, changed_at)
  VALUES (NEW.id, NEW.amount_minor, OLD.amount_minor,
    CASE WHEN NEW.updated_at IS NOT OLD.updated_at THEN NEW.updated_at ELSE strftime('%Y-%m-%dT%H:%M:%SZ', 'now') END);
END;

-- The walk finds deals whose close date moved after a day through this: the rest kept the close date they have now.
CREATE INDEX deal_close_date_history_changed ON deal_close_date_history(changed_at, deal_id);
-- And reads a deal's close date on a day index-only.
DROP INDEX deal_close_date_history_deal;
CREATE INDEX deal_close_date_history_deal ON deal_close_date_history(deal_id, changed_at, close_date, previous_close_date);

CREATE TABLE activity_days (
  day TEXT NOT NULL,
  rep_id INTEGER NOT NULL,
  n INTEGER NOT NULL,
  meeting INTEGER NOT NULL,
  call INTEGER NOT NULL,
  email INTEGER NOT NULL,
  social INTEGER NOT NULL,
  PRIMARY KEY (day, rep_id)
) STRICT, WITHOUT ROWID;

INSERT INTO activity_days (day, rep_id, n, meeting, call, email, social)
  SELECT substr(occurred_at, 1, 10), rep_id, count(*), sum(kind = 'meeting'), sum(kind = 'call'), sum(kind = 'email'), sum(kind LIKE 'social%')
  FROM activities GROUP BY 1, 2;

CREATE TRIGGER activities_days_insert AFTER INSERT ON activities BEGIN
  INSERT INTO activity_days (day, rep_id, n, meeting, call, email, social)
  VALUES (substr(NEW.occurred_at, 1, 10), NEW.rep_id, 1, NEW.kind = 'meeting', NEW.kind = 'call', NEW.kind = 'email', NEW.kind LIKE 'social%')
  ON CONFLICT (day, rep_id) DO UPDATE SET n = n + 1, meeting = meeting + excluded.meeting, call = call + excluded.call,
    email = email + excluded.email, social = social + excluded.social;
END;

CREATE TRIGGER activities_days_delete AFTER DELETE ON activities BEGIN
  UPDATE activity_days SET n = n - 1, meeting = meeting - (OLD.kind = 'meeting'), call = call - (OLD.kind = 'call'),
    email = email - (OLD.kind = 'email'), social = social - (OLD.kind LIKE 'social%')
  WHERE day = substr(OLD.occurred_at, 1, 10) AND rep_id = OLD.rep_id;
  DELETE FROM activity_days WHERE day = substr(OLD.occurred_at, 1, 10) AND rep_id = OLD.rep_id AND n <= 0;
END;

CREATE TRIGGER activities_days_update AFTER UPDATE OF occurred_at, rep_id, kind ON activities BEGIN
  UPDATE activity_days SET n = n - 1, meeting = meeting - (OLD.kind = 'meeting'), call = call - (OLD.kind = 'call'),
    email = email - (OLD.kind = 'email'), social = social - (OLD.kind LIKE 'social%')
  WHERE day = substr(OLD.occurred_at, 1, 10) AND rep_id = OLD.rep_id;
  DELETE FROM activity_days WHERE day = substr(OLD.occurred_at, 1, 10) AND rep_id = OLD.rep_id AND n <= 0;
  INSERT INTO activity_days (day, rep_id, n, meeting, call, email, social)
  VALUES (substr(NEW.occurred_at, 1, 10), NEW.rep_id, 1, NEW.kind = 'meeting', NEW.kind = 'call', NEW.kind = 'email', NEW.kind LIKE 'social%')
  ON CONFLICT (day, rep_id) DO UPDATE SET n = n + 1, meeting = meeting + excluded.meeting, call = call + excluded.call,
    email = email + excluded.email, social = social + excluded.social;
END;

DROP INDEX deal_stage_history_deal;
CREATE INDEX deal_stage_history_deal ON deal_stage_history(deal_id, entered_at, stage);
DROP INDEX deals_status_closed;
CREATE INDEX deals_status_closed ON deals(status, closed_date, owner_id, amount_minor, loss_reason, created_date);
CREATE INDEX deal_evidence_team_totals ON deal_evidence(team_id, is_open, forecast_category, flags, amount_minor);

CREATE TABLE meeting_advances (
  activity_id INTEGER PRIMARY KEY,
  deal_id INTEGER NOT NULL,
  occurred_at TEXT NOT NULL,
  rep_id INTEGER NOT NULL,
  advanced INTEGER NOT NULL CHECK (advanced IN (0,1))
) STRICT;
CREATE INDEX meeting_advances_deal ON meeting_advances(deal_id);
CREATE INDEX meeting_advances_window ON meeting_advances(occurred_at, rep_id, advanced);
CREATE TRIGGER activities_advances_update AFTER UPDATE OF occurred_at, rep_id, kind, deal_id ON activities BEGIN
  DELETE FROM meeting_advances WHERE activity_id = OLD.id;
END;
CREATE TRIGGER activities_advances_delete AFTER DELETE ON activities BEGIN
  DELETE FROM meeting_advances WHERE activity_id = OLD.id;
END;
CREATE TRIGGER stage_history_advances_insert AFTER INSERT ON deal_stage_history BEGIN
  DELETE FROM meeting_advances WHERE deal_id = NEW.deal_id;
END;
CREATE TRIGGER stage_history_advances_update AFTER UPDATE ON deal_stage_history BEGIN
  DELETE FROM meeting_advances WHERE deal_id IN (OLD.deal_id, NEW.deal_id);
END;
CREATE TRIGGER stage_history_advances_delete AFTER DELETE ON deal_stage_history BEGIN
  DELETE FROM meeting_advances WHERE deal_id = OLD.deal_id;
END;
`
