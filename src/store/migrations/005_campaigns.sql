-- Recall campaigns, offers and budgets, hold-out groups, attempts, and the retention settings
-- (programs.md §8, §11, §12). Every row about a customer carries store_id, as elsewhere.

-- One settings document and one offer catalogue in force per organisation; absent = the shipped
-- defaults. Each change replaces the document; who and when are kept with it.
CREATE TABLE retention_settings (
  organisation_id text PRIMARY KEY,
  document jsonb NOT NULL,
  changed_at timestamptz NOT NULL,
  changed_by text
);

CREATE TABLE offer_catalogues (
  organisation_id text PRIMARY KEY,
  document jsonb NOT NULL,
  changed_at timestamptz NOT NULL,
  changed_by text
);

-- A named segment a campaign can target ("any saved filter").
CREATE TABLE saved_filters (
  id text PRIMARY KEY,
  name text NOT NULL,
  segment jsonb NOT NULL,
  created_at timestamptz NOT NULL,
  created_by text
);

-- draft → active (launched) → finished (after ends_on) | cancelled. `document` is the validated
-- campaign; the columns beside it are what queries filter and join on.
CREATE TABLE campaigns (
  id text PRIMARY KEY,
  name text NOT NULL,
  document jsonb NOT NULL,
  budget numeric NOT NULL,
  starts_on date NOT NULL,
  ends_on date NOT NULL,
  owner_id text NOT NULL,
  hold_out_share numeric NOT NULL,
  seed text NOT NULL,
  attribution_days integer NOT NULL,
  status text NOT NULL CHECK (status IN ('draft', 'active', 'finished', 'cancelled')),
  -- The evaluation day the launch selected from, and what it reserved of the budget.
  selected_as_of date,
  created_at timestamptz NOT NULL,
  created_by text,
  launched_at timestamptz,
  finished_at timestamptz
);

-- Who a launched campaign holds: treated (runs the program) or held out (receives nothing), with
-- what they were at launch. `active` is true while the campaign is: the unique index below is
-- what keeps a customer out of two active campaigns, even when two launches race.
CREATE TABLE campaign_members (
  campaign_id text NOT NULL REFERENCES campaigns (id),
  customer_id text NOT NULL,
  store_id text NOT NULL,
  advisor_id text,
  grp text NOT NULL CHECK (grp IN ('treated', 'held_out')),
  program_id text NOT NULL,
  recall_level integer,
  lifecycle text NOT NULL,
  value_tier text NOT NULL,
  quadrant text NOT NULL,
  level text NOT NULL,
  churn_reason text NOT NULL,
  dormant_type text,
  historical_spend numeric NOT NULL,
  offer_id text,
  offer_reserved numeric NOT NULL,
  contact_reserved numeric NOT NULL,
  status text NOT NULL CHECK (status IN ('open', 'recovered', 'gave_up', 'held_out')),
  active boolean NOT NULL,
  joined_at timestamptz NOT NULL,
  first_touch_at timestamptz,
  recovered_at timestamptz,
  gave_up_at timestamptz,
  PRIMARY KEY (campaign_id, customer_id)
);
CREATE UNIQUE INDEX campaign_members_one_active ON campaign_members (customer_id) WHERE active;
CREATE INDEX campaign_members_customer ON campaign_members (customer_id);

-- Every attempt to reach a member and its outcome: calls and personal WeChat by staff (minutes of
-- staff time), automated messages (priced per channel). `source` names where it was learnt from
-- (event:ID, outbox:ID, task:ID, api:N), so syncing again adds nothing.
CREATE TABLE campaign_attempts (
  id bigserial PRIMARY KEY,
  campaign_id text NOT NULL REFERENCES campaigns (id),
  customer_id text NOT NULL,
  store_id text NOT NULL,
  channel text NOT NULL CHECK (channel IN ('call', 'wechat', 'sms', 'app', 'email')),
  automated boolean NOT NULL,
  at timestamptz NOT NULL,
  local_minute integer NOT NULL,
  staff_id text,
  connected boolean NOT NULL,
  outcome text,
  minutes numeric NOT NULL,
  source text NOT NULL UNIQUE
);
CREATE INDEX campaign_attempts_member ON campaign_attempts (campaign_id, customer_id, at);

-- Offers given to members: granted within the giver's limit, pending a manager's approval (a task),
-- or refused (over the budget or every limit). Granted and pending ones count against the budget.
CREATE TABLE offer_grants (
  id bigserial PRIMARY KEY,
  campaign_id text NOT NULL REFERENCES campaigns (id),
  customer_id text NOT NULL,
  store_id text NOT NULL,
  offer_id text NOT NULL,
  cost numeric NOT NULL,
  status text NOT NULL CHECK (status IN ('granted', 'pending_approval', 'refused')),
  requested_by text,
  requester_role text NOT NULL,
  approver_role text,
  approval_task_id text,
  decided_by text,
  reason text,
  valid_until date NOT NULL,
  created_at timestamptz NOT NULL,
  decided_at timestamptz
);
CREATE INDEX offer_grants_campaign ON offer_grants (campaign_id, customer_id);

-- Customers a program's random hold-out kept out of a run (programs.md §12): the program engine
-- asks before starting a run; ROI per program compares them with the runs.
CREATE TABLE program_holdouts (
  program_id text NOT NULL,
  customer_id text NOT NULL,
  trigger_key text NOT NULL,
  store_id text NOT NULL,
  at timestamptz NOT NULL,
  PRIMARY KEY (program_id, customer_id, trigger_key)
);
