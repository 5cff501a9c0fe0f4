// Schema v3: recruiting — requisitions, candidates, their applications and stage history, interview kits and scorecards. Released: never edit.

export default `
CREATE TABLE requisitions (
  id INTEGER PRIMARY KEY,
  title TEXT NOT NULL,
  team_id INTEGER REFERENCES teams(id) ON DELETE SET NULL,
  hiring_manager TEXT,
  target_start TEXT,
  headcount INTEGER NOT NULL DEFAULT 1 CHECK (headcount BETWEEN 1 AND 1000),
  status TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open','on_hold','filled','closed')),
  created_at TEXT NOT NULL
) STRICT;
CREATE INDEX requisitions_status ON requisitions(status, target_start);
CREATE INDEX requisitions_team ON requisitions(team_id, status);
CREATE INDEX requisitions_title ON requisitions(title);

CREATE TABLE candidates (
  id INTEGER PRIMARY KEY,
  name TEXT NOT NULL,
  email TEXT,
  phone TEXT,
  location TEXT,
  current_company TEXT,
  current_title TEXT,
  source TEXT NOT NULL DEFAULT 'other',
  linkedin_url TEXT,
  other_links TEXT NOT NULL DEFAULT '[]',
  research_notes TEXT NOT NULL DEFAULT '',
  connections INTEGER CHECK (connections >= 0),
  followers INTEGER CHECK (followers >= 0),
  posts_90d INTEGER CHECK (posts_90d >= 0),
  visibility_share REAL CHECK (visibility_share BETWEEN 0 AND 1),
  email_key TEXT,
  linkedin_key TEXT,
  name_company_key TEXT NOT NULL,
  merged_into INTEGER REFERENCES candidates(id),
  rep_id INTEGER REFERENCES reps(id) ON DELETE SET NULL,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  CHECK (merged_into IS NULL OR merged_into <> id)
) STRICT;
CREATE INDEX candidates_email_key ON candidates(email_key) WHERE email_key IS NOT NULL;
CREATE INDEX candidates_linkedin_key ON candidates(linkedin_key) WHERE linkedin_key IS NOT NULL;
CREATE INDEX candidates_name_company_key ON candidates(name_company_key);
CREATE INDEX candidates_merged_into ON candidates(merged_into);
CREATE INDEX candidates_source ON candidates(source);
CREATE INDEX candidates_name ON candidates(name);
CREATE INDEX candidates_rep ON candidates(rep_id) WHERE rep_id IS NOT NULL;

CREATE TABLE candidate_applications (
  id INTEGER PRIMARY KEY,
  candidate_id INTEGER NOT NULL REFERENCES candidates(id) ON DELETE CASCADE,
  requisition_id INTEGER NOT NULL REFERENCES requisitions(id) ON DELETE CASCADE,
  stage TEXT NOT NULL CHECK (stage IN ('sourced','screening','interviews','reference_check','offer','hired','rejected','withdrawn')),
  exit_reason TEXT,
  stage_entered_at TEXT NOT NULL,
  created_at TEXT NOT NULL,
  UNIQUE (candidate_id, requisition_id),
  CHECK ((stage IN ('rejected','withdrawn')) = (exit_reason IS NOT NULL))
) STRICT;
CREATE INDEX candidate_applications_board ON candidate_applications(requisition_id, stage, stage_entered_at);
CREATE INDEX candidate_applications_stage ON candidate_applications(stage, stage_entered_at);

CREATE TABLE candidate_stage_history (
  id INTEGER PRIMARY KEY,
  application_id INTEGER NOT NULL REFERENCES candidate_applications(id) ON DELETE CASCADE,
  from_stage TEXT,
  stage TEXT NOT NULL,
  reason TEXT,
  entered_at TEXT NOT NULL
) STRICT;
CREATE INDEX candidate_stage_history_application ON candidate_stage_history(application_id, entered_at);
CREATE INDEX candidate_stage_history_stage ON candidate_stage_history(stage, entered_at);

CREATE TABLE track_records (
  id INTEGER PRIMARY KEY,
  candidate_id INTEGER NOT NULL REFERENCES candidates(id) ON DELETE CASCADE,
  year INTEGER NOT NULL CHECK (year BETWEEN 1950 AND 2200),
  quota_minor INTEGER CHECK (quota_minor >= 0),
  currency TEXT NOT NULL DEFAULT 'USD' CHECK (length(currency) = 3),
  attainment_pct REAL CHECK (attainment_pct >= 0),
  rank_in_team INTEGER CHECK (rank_in_team >= 1),
  team_size INTEGER CHECK (team_size >= 1),
  avg_deal_minor INTEGER CHECK (avg_deal_minor >= 0),
  segment TEXT
) STRICT;
CREATE INDEX track_records_candidate ON track_records(candidate_id, year);

CREATE TABLE interview_questions (
  id INTEGER PRIMARY KEY,
  requisition_id INTEGER NOT NULL REFERENCES requisitions(id) ON DELETE CASCADE,
  topic TEXT NOT NULL CHECK (topic IN ('team_selling','sales_technology','sales_methodology','best_practices','knowledge_sharing','role')),
  position INTEGER NOT NULL,
  prompt TEXT NOT NULL,
  anchor_low TEXT NOT NULL,
  anchor_high TEXT NOT NULL
) STRICT;
CREATE INDEX interview_questions_requisition ON interview_questions(requisition_id, position);

CREATE TABLE scorecards (
  id INTEGER PRIMARY KEY,
  candidate_id INTEGER NOT NULL REFERENCES candidates(id) ON DELETE CASCADE,
  requisition_id INTEGER NOT NULL REFERENCES requisitions(id) ON DELETE CASCADE,
  interviewer TEXT NOT NULL,
  interviewer_key TEXT NOT NULL,
  recommendation TEXT NOT NULL CHECK (recommendation IN ('strong_no','no','yes','strong_yes')),
  summary TEXT,
  submitted_at TEXT NOT NULL
) STRICT;
CREATE INDEX scorecards_candidate ON scorecards(candidate_id, requisition_id, interviewer_key);
CREATE INDEX scorecards_requisition ON scorecards(requisition_id, submitted_at);

CREATE TABLE scorecard_ratings (
  scorecard_id INTEGER NOT NULL REFERENCES scorecards(id) ON DELETE CASCADE,
  question_id INTEGER NOT NULL REFERENCES interview_questions(id) ON DELETE CASCADE,
  rating INTEGER CHECK (rating BETWEEN 1 AND 4),
  notes TEXT,
  PRIMARY KEY (scorecard_id, question_id)
) STRICT, WITHOUT ROWID;
CREATE INDEX scorecard_ratings_question ON scorecard_ratings(question_id);
`
