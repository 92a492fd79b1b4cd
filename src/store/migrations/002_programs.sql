-- The program engine (programs.md): program documents, runs and their steps, tasks, the outbox,
-- opt-outs, and the append-only log of actions the §14 replay prints. Every row carries
-- store_id so that one database serves a brand's whole network.

-- Program documents are versioned like policies: a version is immutable, one is in force.
CREATE TABLE program_documents (
  version text PRIMARY KEY,
  document jsonb NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  created_by text
);

CREATE TABLE active_programs (
  organisation_id text PRIMARY KEY REFERENCES organisations (id),
  version text NOT NULL REFERENCES program_documents (version),
  changed_at timestamptz NOT NULL DEFAULT now()
);

-- An unanswered automated touch raises a yellow warning to orange (programs.md §1): the
-- warning keeps that floor until the evaluated level is green and the warning closes.
ALTER TABLE warnings ADD COLUMN floor_level text;

-- What the engine last saw of each customer's evaluation; the next evaluation is compared with
-- it to find what changed (warning opened or raised, health warning, signal fired, segment
-- entered). as_of is null until the first evaluation has been seen.
CREATE TABLE program_views (
  customer_id text PRIMARY KEY,
  store_id text NOT NULL,
  as_of date,
  warning_id bigint,
  warning_level text,
  health_level text,
  health_episode integer NOT NULL DEFAULT 0,
  silent_level text,
  lifecycle text,
  signals text[] NOT NULL DEFAULT '{}',
  updated_at timestamptz NOT NULL
);

-- What people told us about contacting the customer: a manager's do-not-contact, the recorded
-- churn reason and dormant type (scripts and recall offers follow them), the give-up date.
CREATE TABLE customer_outreach (
  customer_id text PRIMARY KEY,
  store_id text NOT NULL,
  do_not_contact boolean NOT NULL DEFAULT false,
  churn_reason text,
  dormant_type text,
  abandoned_at timestamptz,
  reviewed_at timestamptz,
  updated_at timestamptz NOT NULL
);

-- An opt-out reply ("退订", "TD", "STOP") withdraws the consent of the channel it came on.
CREATE TABLE opt_outs (
  customer_id text NOT NULL,
  channel text NOT NULL,
  store_id text NOT NULL,
  at timestamptz NOT NULL,
  event_id text,
  word text,
  PRIMARY KEY (customer_id, channel)
);

-- Events the engine has reacted to (stops, call outcomes, event-triggered programs): each once.
CREATE TABLE program_seen_events (
  event_id text PRIMARY KEY,
  store_id text NOT NULL,
  customer_id text NOT NULL,
  seen_at timestamptz NOT NULL
);

-- One run per program × customer × trigger occurrence: starting it again is a no-op.
CREATE TABLE program_runs (
  id bigserial PRIMARY KEY,
  store_id text NOT NULL,
  customer_id text NOT NULL,
  program_id text NOT NULL,
  program_version text NOT NULL,
  trigger_key text NOT NULL,
  occurrence jsonb NOT NULL,
  stop_when text[] NOT NULL,
  -- risk / health / silent / other: which "back to green" stops it.
  scope text NOT NULL,
  started_at timestamptz NOT NULL,
  status text NOT NULL CHECK (status IN ('active', 'stopped')),
  stop_reason text,
  stopped_at timestamptz,
  UNIQUE (program_id, customer_id, trigger_key)
);
CREATE INDEX program_runs_customer ON program_runs (customer_id) WHERE status = 'active';

-- Planned steps, keyed by the planner's idempotency key: nothing is done twice.
-- pending → started (task opened / message queued) | cancelled (a stop) | skipped (nothing to do).
-- A message step with a response window watches it until watch_until (programs.md §1, yellow).
CREATE TABLE program_steps (
  key text PRIMARY KEY,
  run_id bigint NOT NULL REFERENCES program_runs (id),
  store_id text NOT NULL,
  customer_id text NOT NULL,
  step_id text NOT NULL,
  kind text NOT NULL CHECK (kind IN ('task', 'message')),
  planned jsonb NOT NULL,
  due timestamptz NOT NULL,
  status text NOT NULL CHECK (status IN ('pending', 'started', 'cancelled', 'skipped')),
  status_reason text,
  started_at timestamptz,
  task_id text,
  message_id bigint,
  watch_until timestamptz,
  watch_rung integer NOT NULL DEFAULT 0
);
CREATE INDEX program_steps_due ON program_steps (due) WHERE status = 'pending';
CREATE INDEX program_steps_watch ON program_steps (watch_until) WHERE watch_until IS NOT NULL;
CREATE INDEX program_steps_run ON program_steps (run_id);

CREATE SEQUENCE task_numbers;

-- Owned work. `reason` is what the task is for ('early_warning' for the customer's single
-- early-warning task, else the step key): at most one open task per customer per reason.
-- `due` is the deadline (null when the step has none); `available_at` when the task appears.
-- An escalation closes the task as 'escalated' and opens the next rung's task for the same reason.
CREATE TABLE tasks (
  id text PRIMARY KEY DEFAULT ('t' || nextval('task_numbers')),
  store_id text NOT NULL,
  customer_id text NOT NULL,
  type text NOT NULL CHECK (type IN ('call', 'wechat', 'visit', 'approval', 'checklist')),
  role text NOT NULL,
  assignee_id text,
  unassigned_reason text,
  reason text NOT NULL,
  available_at timestamptz NOT NULL,
  due timestamptz,
  program_id text NOT NULL,
  step_id text NOT NULL,
  step_keys text[] NOT NULL,
  trigger_key text NOT NULL,
  warning_id bigint,
  level text,
  reasons jsonb NOT NULL DEFAULT '[]',
  script text,
  escalation jsonb NOT NULL DEFAULT '[]',
  timing text NOT NULL,
  rung integer NOT NULL DEFAULT 0,
  escalation_key text UNIQUE,
  escalation_done boolean NOT NULL DEFAULT false,
  escalated_from text REFERENCES tasks (id),
  escalated_to text REFERENCES tasks (id),
  status text NOT NULL CHECK (status IN ('open', 'closed', 'escalated')),
  outcome text,
  outcome_detail text,
  churn_reason text,
  attempts integer NOT NULL DEFAULT 0,
  last_attempt_at timestamptz,
  created_at timestamptz NOT NULL,
  closed_at timestamptz,
  closed_by text
);
CREATE UNIQUE INDEX tasks_one_open_per_reason ON tasks (customer_id, reason) WHERE status = 'open';
CREATE INDEX tasks_deadline ON tasks (due) WHERE status = 'open' AND NOT escalation_done;
CREATE INDEX tasks_assignee ON tasks (assignee_id, status);
CREATE INDEX tasks_store_open ON tasks (store_id, due) WHERE status = 'open';

-- The outbox (programs.md §10). queued → sent | held (until hold_until) | blocked | failed;
-- cancelled when a stop made the message pointless before it left. next_attempt_at is when a
-- worker looks at it next (the send time, the end of a hold, a retry's back-off).
CREATE TABLE outbox_messages (
  id bigserial PRIMARY KEY,
  store_id text NOT NULL,
  customer_id text NOT NULL,
  channel text NOT NULL,
  purpose text NOT NULL,
  template text,
  dedupe_key text NOT NULL UNIQUE,
  step_key text,
  status text NOT NULL CHECK (status IN ('queued', 'held', 'sent', 'failed', 'blocked', 'cancelled')),
  reason text,
  detail text,
  hold_until timestamptz,
  attempts integer NOT NULL DEFAULT 0,
  next_attempt_at timestamptz,
  delivery_status text,
  provider_id text,
  created_at timestamptz NOT NULL,
  sent_at timestamptz,
  updated_at timestamptz NOT NULL
);
CREATE INDEX outbox_due ON outbox_messages (next_attempt_at) WHERE status IN ('queued', 'held');
CREATE INDEX outbox_customer ON outbox_messages (customer_id, status);

-- Append-only: every action of the engine with the §14 kinds and fields (fields hold the
-- contract's fields other than at, kind and customerId, timestamps already in store time).
-- json, not jsonb: the fields print in the order the contract lists them.
CREATE TABLE program_actions (
  id bigserial PRIMARY KEY,
  at timestamptz NOT NULL,
  kind text NOT NULL CHECK (kind IN (
    'warning_opened', 'warning_changed', 'warning_closed', 'task_created', 'task_escalated', 'task_closed',
    'message_queued', 'message_sent', 'message_held', 'message_blocked')),
  store_id text NOT NULL,
  customer_id text NOT NULL,
  fields json NOT NULL
);
CREATE INDEX program_actions_at ON program_actions (at, id);
CREATE INDEX program_actions_customer ON program_actions (customer_id, at);
