-- Proactive care (programs.md §13). What the engine saw of each customer now also holds the care
-- moments open at the last evaluation, so each occurrence (a birthday, a milestone, a contact
-- interval) starts its program once, when it opens.
ALTER TABLE program_views ADD COLUMN care_keys text[] NOT NULL DEFAULT '{}';

-- What a task is for, as the inbox sorts it: a warning's work, care before any warning, or a
-- follow-up of something that happened. Tasks opened before this migration are read from their
-- program: the warning programs' ids as they shipped, everything else a follow-up.
ALTER TABLE tasks ADD COLUMN category text NOT NULL DEFAULT 'follow_up' CHECK (category IN ('warning', 'care', 'follow_up'));
UPDATE tasks SET category = 'warning'
 WHERE reason = 'early_warning'
    OR program_id IN ('early_warning_yellow', 'early_warning_orange', 'early_warning_red', 'health_red', 'health_orange', 'health_yellow');
CREATE INDEX tasks_open_category ON tasks (store_id, category, due) WHERE status = 'open';

-- Store-wide notices (a typhoon, a snowstorm): every customer of the store the outbox may write
-- to gets one message from `at` on, within the caps. announced_at is set once the store's
-- customers' runs have started, so a notice is announced once, whoever re-imports it.
CREATE TABLE store_notices (
  id text PRIMARY KEY,
  store_id text NOT NULL REFERENCES stores (id),
  kind text NOT NULL,
  at timestamptz NOT NULL,
  record jsonb NOT NULL,
  received_at timestamptz NOT NULL DEFAULT now(),
  announced_at timestamptz,
  recipients integer
);
CREATE INDEX store_notices_due ON store_notices (at) WHERE announced_at IS NULL;
