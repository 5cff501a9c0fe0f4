// Schema v1: the core of the sales domain. Released: never edit, add a new step instead.

export default `
CREATE TABLE settings (
  key TEXT PRIMARY KEY,
  value TEXT NOT NULL
) STRICT;

CREATE TABLE teams (
  id INTEGER PRIMARY KEY,
  name TEXT NOT NULL UNIQUE COLLATE NOCASE,
  manager_name TEXT,
  created_at TEXT NOT NULL
) STRICT;

CREATE TABLE reps (
  id INTEGER PRIMARY KEY,
  team_id INTEGER REFERENCES teams(id) ON DELETE SET NULL,
  name TEXT NOT NULL,
  email TEXT,
  role TEXT NOT NULL CHECK (role IN ('ae','sdr','am','se','manager','leader')),
  hire_date TEXT,
  quota_minor INTEGER NOT NULL DEFAULT 0 CHECK (quota_minor >= 0),
  quota_currency TEXT NOT NULL DEFAULT 'USD' CHECK (length(quota_currency) = 3),
  status TEXT NOT NULL DEFAULT 'active' CHECK (status IN ('active','left')),
  left_date TEXT,
  CHECK ((status = 'left') = (left_date IS NOT NULL))
) STRICT;
CREATE INDEX reps_team ON reps(team_id, status, name);
CREATE INDEX reps_name ON reps(name);

CREATE TABLE accounts (
  id INTEGER PRIMARY KEY,
  name TEXT NOT NULL,
  name_key TEXT NOT NULL,
  tier INTEGER NOT NULL DEFAULT 3 CHECK (tier IN (1,2,3)),
  is_named INTEGER NOT NULL DEFAULT 0 CHECK (is_named IN (0,1)),
  industry TEXT,
  owner_id INTEGER REFERENCES reps(id) ON DELETE SET NULL,
  external_id TEXT
) STRICT;
CREATE INDEX accounts_name_key ON accounts(name_key);
CREATE INDEX accounts_tier ON accounts(tier, name_key);
CREATE INDEX accounts_owner ON accounts(owner_id);

CREATE TABLE account_aliases (
  account_id INTEGER NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
  alias TEXT NOT NULL,
  alias_key TEXT NOT NULL,
  PRIMARY KEY (account_id, alias_key)
) STRICT, WITHOUT ROWID;
CREATE INDEX account_aliases_key ON account_aliases(alias_key);

CREATE TABLE contacts (
  id INTEGER PRIMARY KEY,
  account_id INTEGER NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
  name TEXT NOT NULL,
  title TEXT,
  email TEXT,
  buying_role TEXT CHECK (buying_role IN ('economic_buyer','technical_buyer','user_buyer','coach')),
  influence TEXT CHECK (influence IN ('high','medium','low'))
) STRICT;
CREATE INDEX contacts_account ON contacts(account_id, buying_role);

CREATE TABLE deals (
  id INTEGER PRIMARY KEY,
  external_id TEXT,
  name TEXT NOT NULL,
  owner_id INTEGER NOT NULL REFERENCES reps(id),
  account_id INTEGER NOT NULL REFERENCES accounts(id),
  amount_minor INTEGER NOT NULL CHECK (amount_minor >= 0),
  currency TEXT NOT NULL CHECK (length(currency) = 3),
  stage TEXT NOT NULL CHECK (stage IN ('prospecting','qualifying','solution','proposal','negotiation')),
  probability INTEGER NOT NULL CHECK (probability BETWEEN 0 AND 100),
  forecast_category TEXT NOT NULL CHECK (forecast_category IN ('pipeline','best_case','commit','closed','omitted')),
  close_date TEXT NOT NULL,
  created_date TEXT NOT NULL,
  closed_date TEXT,
  status TEXT NOT NULL CHECK (status IN ('open','won','lost')),
  loss_reason TEXT CHECK (loss_reason IN ('value_and_competition','pricing','complex_buying_requirements','failure_to_attract','other')),
  alternative TEXT CHECK (alternative IN ('competitor','do_nothing','internal')),
  competitor_name TEXT,
  next_step TEXT,
  updated_at TEXT NOT NULL,
  CHECK ((status = 'open') = (closed_date IS NULL))
) STRICT;
CREATE UNIQUE INDEX deals_external_id ON deals(external_id) WHERE external_id IS NOT NULL;
CREATE INDEX deals_owner ON deals(owner_id, status, close_date);
CREATE INDEX deals_account ON deals(account_id, status);
CREATE INDEX deals_status_close ON deals(status, close_date);
CREATE INDEX deals_status_category ON deals(status, forecast_category, close_date);
CREATE INDEX deals_status_stage ON deals(status, stage, close_date);
CREATE INDEX deals_status_amount ON deals(status, amount_minor);
CREATE INDEX deals_status_name ON deals(status, name);

CREATE TABLE deal_stage_history (
  id INTEGER PRIMARY KEY,
  deal_id INTEGER NOT NULL REFERENCES deals(id) ON DELETE CASCADE,
  stage TEXT NOT NULL,
  entered_at TEXT NOT NULL
) STRICT;
CREATE INDEX deal_stage_history_deal ON deal_stage_history(deal_id, entered_at);

CREATE TABLE deal_close_date_history (
  id INTEGER PRIMARY KEY,
  deal_id INTEGER NOT NULL REFERENCES deals(id) ON DELETE CASCADE,
  close_date TEXT NOT NULL,
  previous_close_date TEXT,
  changed_at TEXT NOT NULL
) STRICT;
CREATE INDEX deal_close_date_history_deal ON deal_close_date_history(deal_id, changed_at);

CREATE TABLE deal_contacts (
  deal_id INTEGER NOT NULL REFERENCES deals(id) ON DELETE CASCADE,
  contact_id INTEGER NOT NULL REFERENCES contacts(id) ON DELETE CASCADE,
  PRIMARY KEY (deal_id, contact_id)
) STRICT, WITHOUT ROWID;
CREATE INDEX deal_contacts_contact ON deal_contacts(contact_id);

CREATE TABLE activities (
  id INTEGER PRIMARY KEY,
  rep_id INTEGER NOT NULL REFERENCES reps(id),
  kind TEXT NOT NULL CHECK (kind IN ('meeting','call','email','social_post','social_comment','social_share','social_reaction','social_message','note')),
  direction TEXT NOT NULL DEFAULT 'outbound' CHECK (direction IN ('outbound','inbound')),
  occurred_at TEXT NOT NULL,
  subject TEXT,
  outcome TEXT,
  deal_id INTEGER REFERENCES deals(id) ON DELETE SET NULL,
  account_id INTEGER REFERENCES accounts(id) ON DELETE SET NULL,
  contact_id INTEGER REFERENCES contacts(id) ON DELETE SET NULL
) STRICT;
CREATE INDEX activities_deal ON activities(deal_id, occurred_at);
CREATE INDEX activities_rep ON activities(rep_id, occurred_at);
CREATE INDEX activities_account ON activities(account_id, occurred_at);
CREATE INDEX activities_contact ON activities(contact_id, occurred_at);

CREATE TABLE qualification_criteria (
  deal_id INTEGER NOT NULL REFERENCES deals(id) ON DELETE CASCADE,
  criterion TEXT NOT NULL,
  met INTEGER NOT NULL CHECK (met IN (0,1)),
  evidence TEXT,
  updated_at TEXT NOT NULL,
  PRIMARY KEY (deal_id, criterion)
) STRICT, WITHOUT ROWID;

CREATE TABLE connections (
  id INTEGER PRIMARY KEY,
  rep_id INTEGER NOT NULL REFERENCES reps(id) ON DELETE CASCADE,
  person_name TEXT NOT NULL,
  company_name TEXT,
  account_id INTEGER REFERENCES accounts(id) ON DELETE SET NULL,
  contact_id INTEGER REFERENCES contacts(id) ON DELETE SET NULL,
  connected_on TEXT,
  source TEXT NOT NULL DEFAULT 'manual'
) STRICT;
CREATE INDEX connections_account ON connections(account_id, rep_id);
CREATE INDEX connections_rep ON connections(rep_id);
`
