// Schema v6: forecast periods and call snapshots (never overwritten), the accuracy KPI target, fiscal-year start.
// Released steps are never edited: add a new step instead.

/**
 * A call is a snapshot: each row is what was said on one day (week 1, week 5, …) for one rep or one team, so the
 * history of a call can be shown and scored once the period closes. subject_kind says whose call it is; rep_id or
 * team_id carries the subject. accuracy columns are filled once, when the period closes.
 */
export default `
CREATE TABLE forecast_periods (
  id INTEGER PRIMARY KEY,
  kind TEXT NOT NULL CHECK (kind IN ('month','quarter')),
  label TEXT NOT NULL,
  start_date TEXT NOT NULL,
  end_date TEXT NOT NULL,
  created_at TEXT NOT NULL,
  closed_at TEXT,
  closed_won_minor INTEGER,
  CHECK (end_date >= start_date),
  UNIQUE (kind, start_date)
) STRICT;
CREATE INDEX forecast_periods_start ON forecast_periods(start_date, kind);

CREATE TABLE forecast_calls (
  id INTEGER PRIMARY KEY,
  period_id INTEGER NOT NULL REFERENCES forecast_periods(id) ON DELETE CASCADE,
  subject_kind TEXT NOT NULL CHECK (subject_kind IN ('rep','team')),
  rep_id INTEGER REFERENCES reps(id),
  team_id INTEGER REFERENCES teams(id),
  taken_on TEXT NOT NULL,
  label TEXT NOT NULL,
  rep_commit_minor INTEGER NOT NULL CHECK (rep_commit_minor >= 0),
  rep_best_case_minor INTEGER NOT NULL CHECK (rep_best_case_minor >= 0),
  manager_call_minor INTEGER NOT NULL CHECK (manager_call_minor >= 0),
  evidence_based_minor INTEGER NOT NULL CHECK (evidence_based_minor >= 0),
  system_minor INTEGER NOT NULL CHECK (system_minor >= 0),
  actual_minor INTEGER,
  rep_accuracy REAL,
  manager_accuracy REAL,
  evidence_accuracy REAL,
  system_accuracy REAL,
  created_at TEXT NOT NULL,
  CHECK ((subject_kind = 'rep') = (rep_id IS NOT NULL)),
  CHECK ((subject_kind = 'team') = (team_id IS NOT NULL))
) STRICT;
CREATE INDEX forecast_calls_period ON forecast_calls(period_id, subject_kind, rep_id, taken_on);
CREATE INDEX forecast_calls_rep ON forecast_calls(rep_id, period_id, taken_on) WHERE rep_id IS NOT NULL;
CREATE INDEX forecast_calls_team ON forecast_calls(team_id, period_id, taken_on) WHERE team_id IS NOT NULL;

-- The dashboard and grid read won/lost deals by close day and deals created in a window: set-based through these.
CREATE INDEX deals_status_closed ON deals(status, closed_date, owner_id, amount_minor);
CREATE INDEX deals_created ON deals(created_date, owner_id, amount_minor);
CREATE INDEX activities_occurred ON activities(occurred_at, rep_id, kind);
-- The grid's open pass: categories, evidence flags and amounts of open deals closing in a period, without touching rows.
CREATE INDEX deal_evidence_period ON deal_evidence(is_open, close_date, owner_id, forecast_category, amount_minor, flags);
-- Meetings on deals, for "meetings that moved a deal on": the dashboard never reads the other activities' rows for it.
CREATE INDEX activities_meetings ON activities(occurred_at, deal_id, rep_id) WHERE kind = 'meeting' AND deal_id IS NOT NULL;
CREATE INDEX deals_open_weighted ON deals(status, close_date, owner_id, forecast_category, amount_minor, probability);

INSERT OR IGNORE INTO settings (key, value) VALUES ('forecast.accuracy_target', '0.98');
INSERT OR IGNORE INTO settings (key, value) VALUES ('forecast.fiscal_year_start_month', '1');
`
