// Schema v4: visibility — competitors and their people, dated presence snapshots, competitors' relationships in accounts, social rules per role.

export default `
CREATE TABLE competitors (
  id INTEGER PRIMARY KEY,
  name TEXT NOT NULL,
  name_key TEXT NOT NULL UNIQUE,
  aliases TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(aliases) AND json_type(aliases) = 'array'),
  created_at TEXT NOT NULL
) STRICT;
CREATE INDEX competitors_name ON competitors(name);

CREATE TABLE competitor_people (
  id INTEGER PRIMARY KEY,
  competitor_id INTEGER NOT NULL REFERENCES competitors(id) ON DELETE CASCADE,
  name TEXT NOT NULL,
  title TEXT,
  role TEXT NOT NULL CHECK (role IN ('leader','seller')),
  profile_url TEXT,
  created_at TEXT NOT NULL
) STRICT;
CREATE INDEX competitor_people_competitor ON competitor_people(competitor_id, role, name);

CREATE TABLE presence_snapshots (
  id INTEGER PRIMARY KEY,
  rep_id INTEGER REFERENCES reps(id) ON DELETE CASCADE,
  competitor_person_id INTEGER REFERENCES competitor_people(id) ON DELETE CASCADE,
  taken_on TEXT NOT NULL,
  period_days INTEGER NOT NULL DEFAULT 30 CHECK (period_days BETWEEN 1 AND 366),
  followers INTEGER NOT NULL CHECK (followers >= 0),
  connections INTEGER NOT NULL CHECK (connections >= 0),
  posts INTEGER NOT NULL CHECK (posts >= 0),
  comments INTEGER NOT NULL CHECK (comments >= 0),
  active_days INTEGER CHECK (active_days BETWEEN 0 AND period_days),
  engagement_per_post REAL CHECK (engagement_per_post >= 0),
  source TEXT NOT NULL DEFAULT 'manual',
  CHECK ((rep_id IS NULL) <> (competitor_person_id IS NULL))
) STRICT;
CREATE UNIQUE INDEX presence_snapshots_rep ON presence_snapshots(rep_id, taken_on) WHERE rep_id IS NOT NULL;
CREATE UNIQUE INDEX presence_snapshots_person ON presence_snapshots(competitor_person_id, taken_on) WHERE competitor_person_id IS NOT NULL;
CREATE INDEX presence_snapshots_taken_on ON presence_snapshots(taken_on);

CREATE TABLE competitor_account_relationships (
  competitor_id INTEGER NOT NULL REFERENCES competitors(id) ON DELETE CASCADE,
  account_id INTEGER NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
  count INTEGER NOT NULL CHECK (count >= 0),
  source TEXT NOT NULL DEFAULT 'manual',
  noted_on TEXT NOT NULL,
  PRIMARY KEY (competitor_id, account_id)
) STRICT, WITHOUT ROWID;
CREATE INDEX competitor_account_relationships_account ON competitor_account_relationships(account_id);

CREATE TABLE social_rules (
  role TEXT PRIMARY KEY CHECK (role IN ('ae','sdr','am','se','manager','leader')),
  platforms TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(platforms) AND json_type(platforms) = 'array'),
  cadence_per_week REAL NOT NULL CHECK (cadence_per_week BETWEEN 0 AND 100),
  response_time_hours INTEGER NOT NULL CHECK (response_time_hours BETWEEN 0 AND 720),
  conduct TEXT NOT NULL DEFAULT '',
  updated_at TEXT NOT NULL
) STRICT, WITHOUT ROWID;
`
