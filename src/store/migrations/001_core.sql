-- Organisation → region → store → staff → customers → vehicles, and the append-only event log.
-- Every row below the store carries store_id so that one database serves a brand's whole network.

CREATE TABLE organisations (
  id text PRIMARY KEY,
  name text NOT NULL
);

CREATE TABLE regions (
  id text PRIMARY KEY,
  organisation_id text NOT NULL REFERENCES organisations (id),
  name text NOT NULL
);

CREATE TABLE stores (
  id text PRIMARY KEY,
  region_id text NOT NULL REFERENCES regions (id),
  name text NOT NULL,
  time_zone text NOT NULL,
  record jsonb NOT NULL,
  updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE staff (
  id text PRIMARY KEY,
  store_id text NOT NULL REFERENCES stores (id),
  name text NOT NULL,
  role text NOT NULL,
  record jsonb NOT NULL,
  updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX staff_store ON staff (store_id, role);

CREATE TABLE customers (
  id text PRIMARY KEY,
  store_id text NOT NULL REFERENCES stores (id),
  advisor_id text,
  name text NOT NULL,
  record jsonb NOT NULL,
  updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX customers_store ON customers (store_id, id);
CREATE INDEX customers_advisor ON customers (advisor_id);

CREATE TABLE vehicles (
  vin text PRIMARY KEY,
  store_id text NOT NULL REFERENCES stores (id),
  customer_id text NOT NULL REFERENCES customers (id),
  record jsonb NOT NULL,
  updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX vehicles_customer ON vehicles (customer_id);

-- Append-only: rows are inserted once (a repeated id is a no-op) and never changed.
-- `record` is json, not jsonb: it is only stored and read back whole (never queried inside),
-- and json takes a fifth less server time to write and half as much to read. One index
-- besides the key: every read is one customer's events (evaluation, the API's event log),
-- and each index costs ~15 % of the server's import time.
CREATE TABLE events (
  id text PRIMARY KEY,
  store_id text NOT NULL,
  customer_id text NOT NULL,
  type text NOT NULL,
  at timestamptz NOT NULL,
  day date NOT NULL,
  record json NOT NULL,
  received_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX events_customer ON events (customer_id, at);

CREATE TABLE policies (
  version text PRIMARY KEY,
  document jsonb NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  created_by text
);

CREATE TABLE active_policy (
  organisation_id text PRIMARY KEY REFERENCES organisations (id),
  version text NOT NULL REFERENCES policies (version),
  changed_at timestamptz NOT NULL DEFAULT now()
);

-- One evaluation snapshot per customer per day; history is kept to draw score trends.
-- `record` (the evaluation record, ~1.3 KB) is json: stored and returned whole, ~1.6x cheaper
-- to write than jsonb.
CREATE TABLE evaluations (
  customer_id text NOT NULL,
  as_of date NOT NULL,
  store_id text NOT NULL,
  policy_version text NOT NULL,
  level text NOT NULL,
  risk_score numeric NOT NULL,
  health_score numeric NOT NULL,
  record json NOT NULL,
  evaluated_at timestamptz NOT NULL,
  PRIMARY KEY (customer_id, as_of)
);
CREATE INDEX evaluations_store_day ON evaluations (store_id, as_of, level);

CREATE TABLE warnings (
  id bigserial PRIMARY KEY,
  store_id text NOT NULL,
  customer_id text NOT NULL,
  level text NOT NULL,
  reasons jsonb NOT NULL,
  as_of date NOT NULL,
  policy_version text NOT NULL,
  opened_at timestamptz NOT NULL,
  changed_at timestamptz NOT NULL,
  closed_at timestamptz
);
CREATE UNIQUE INDEX warnings_one_open ON warnings (customer_id) WHERE closed_at IS NULL;
CREATE INDEX warnings_store_open ON warnings (store_id, level) WHERE closed_at IS NULL;

-- What happened to each warning, in order: opened, raised, lowered, closed.
CREATE TABLE warning_changes (
  id bigserial PRIMARY KEY,
  warning_id bigint NOT NULL REFERENCES warnings (id),
  customer_id text NOT NULL,
  change text NOT NULL,
  from_level text,
  to_level text,
  at timestamptz NOT NULL
);
CREATE INDEX warning_changes_warning ON warning_changes (warning_id);

CREATE TABLE api_tokens (
  id bigserial PRIMARY KEY,
  name text NOT NULL,
  token_hash text NOT NULL UNIQUE,
  created_at timestamptz NOT NULL,
  revoked_at timestamptz
);
