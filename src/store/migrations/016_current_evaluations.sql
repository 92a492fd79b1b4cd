-- The newest evaluation of each customer, one narrow row with the columns the lists filter and
-- rank on. The risk list, the boards and the overview read it instead of finding each
-- customer's newest snapshot among all of them (which cost seconds at a million customers).
-- Saving an evaluation upserts it in the same statement or transaction (save-evaluations.ts);
-- an older day (a month end scored afterwards) never replaces a newer one.
-- `urgency` is the level's rank, red 1 … green 4: the risk list's first order.
CREATE TABLE current_evaluations (
  customer_id text PRIMARY KEY,
  as_of date NOT NULL,
  urgency smallint NOT NULL,
  level text NOT NULL,
  risk_score numeric NOT NULL,
  health_score numeric NOT NULL,
  health_tier text,
  value_tier text,
  lifecycle text,
  care_tier text,
  care_status text,
  recall_level smallint,
  churn_probability numeric
);
CREATE INDEX current_evaluations_urgency ON current_evaluations (urgency, risk_score, health_score, customer_id);
CREATE INDEX current_evaluations_churn ON current_evaluations (churn_probability DESC NULLS LAST, urgency, risk_score, health_score, customer_id);

INSERT INTO current_evaluations
SELECT DISTINCT ON (customer_id)
       customer_id, as_of, array_position(ARRAY['red', 'orange', 'yellow', 'green'], level), level, risk_score, health_score,
       record->'health'->>'tier', record->>'valueTier', record->>'lifecycle', record->'care'->>'tier', record->'care'->>'status',
       (record->'recall'->>'level')::smallint, (record->'prediction'->>'churnProbability')::numeric
  FROM evaluations
 ORDER BY customer_id, as_of DESC;
