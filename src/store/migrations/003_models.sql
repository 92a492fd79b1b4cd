-- Fitted prediction models (scoring.md §11). Every refit adds a row and none is changed: the
-- newest row per store and kind is the model in force, the older ones are its history.
-- `model` is the fitted model (parameters, or the churn model's weights and scaling), `metrics`
-- what the fit achieved (log-likelihood; the churn model's back-test AUC, Brier score and
-- calibration), and window_from .. window_to the days of data it saw.
CREATE TABLE prediction_models (
  id bigserial PRIMARY KEY,
  store_id text NOT NULL,
  kind text NOT NULL CHECK (kind IN ('bgnbd', 'paretonbd', 'gammagamma', 'churn')),
  as_of date NOT NULL,
  window_from date,
  window_to date NOT NULL,
  customers integer NOT NULL,
  model jsonb NOT NULL,
  metrics jsonb NOT NULL,
  fitted_at timestamptz NOT NULL
);
CREATE INDEX prediction_models_current ON prediction_models (store_id, kind, id DESC);
