-- Every row carries its store: a warning's changes too, so a store's history is read without
-- going through its warnings.
ALTER TABLE warning_changes ADD COLUMN store_id text;
UPDATE warning_changes wc SET store_id = w.store_id FROM warnings w WHERE w.id = wc.warning_id;
ALTER TABLE warning_changes ALTER COLUMN store_id SET NOT NULL;
CREATE INDEX warning_changes_store_at ON warning_changes (store_id, at);

-- Giving a customer up stops every step of theirs at once; without this it reads every step.
CREATE INDEX program_steps_customer ON program_steps (customer_id);
