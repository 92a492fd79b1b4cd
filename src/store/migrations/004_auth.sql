-- Staff sign-in for the web app: password credentials with the lock-out counter, sessions,
-- and the audit log of every phone number revealed. API tokens (001) stay for integrations.

-- One password per staff member (scrypt, parameters inside the hash string so they can rise
-- later without a migration). failed_attempts counts consecutive failures; reaching the limit
-- sets locked_until.
CREATE TABLE staff_credentials (
  staff_id text PRIMARY KEY REFERENCES staff (id) ON DELETE CASCADE,
  password_hash text NOT NULL,
  failed_attempts integer NOT NULL DEFAULT 0,
  locked_until timestamptz,
  changed_at timestamptz NOT NULL,
  changed_by text
);

-- Only the SHA-256 of the cookie's token is stored: a copy of this table opens no session.
CREATE TABLE staff_sessions (
  token_hash text PRIMARY KEY,
  staff_id text NOT NULL REFERENCES staff (id) ON DELETE CASCADE,
  csrf_token text NOT NULL,
  created_at timestamptz NOT NULL,
  last_seen_at timestamptz NOT NULL,
  expires_at timestamptz NOT NULL,
  revoked_at timestamptz
);
CREATE INDEX staff_sessions_staff ON staff_sessions (staff_id);

-- Append-only: who saw which customer's phone number, when, from which client.
CREATE TABLE phone_reveals (
  id bigserial PRIMARY KEY,
  staff_id text NOT NULL,
  customer_id text NOT NULL,
  store_id text NOT NULL,
  at timestamptz NOT NULL,
  client_ip text,
  user_agent text
);
CREATE INDEX phone_reveals_at ON phone_reveals (at DESC, id DESC);
