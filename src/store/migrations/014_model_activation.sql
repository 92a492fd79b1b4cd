-- Who fitted each model, and whether it was put in force (scoring.md §11, refits on a schedule).
-- A refit whose back-test is worse than the model in force on the same test window is kept for
-- the record but not activated (`active` false, `note` says why); the model in force per store
-- and kind is the newest active row. store_id '*' is the network's model: every store's
-- customers pooled, used by a store too small or too new to fit its own.
ALTER TABLE prediction_models ADD COLUMN fitted_by text NOT NULL DEFAULT 'retain fit';
ALTER TABLE prediction_models ADD COLUMN active boolean NOT NULL DEFAULT true;
ALTER TABLE prediction_models ADD COLUMN note text;
DROP INDEX prediction_models_current;
CREATE INDEX prediction_models_current ON prediction_models (store_id, kind, id DESC) WHERE active;
