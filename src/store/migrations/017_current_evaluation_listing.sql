-- The risk list's columns beside the ranking ones, so a page reads no evaluation record: parsing
-- fifty records per page and joining their table was most of the list's cost under load.
-- Saving an evaluation writes them with the rest of its current row (save-evaluations.ts).
ALTER TABLE current_evaluations
  ADD COLUMN days_since_visit integer,
  ADD COLUMN last_satisfaction numeric,
  ADD COLUMN last_nps numeric,
  ADD COLUMN p_alive numeric,
  ADD COLUMN clv numeric,
  ADD COLUMN network_model boolean NOT NULL DEFAULT false,
  -- The ids of the signals and rules that hit, JSON arrays of strings.
  ADD COLUMN signal_ids json NOT NULL DEFAULT '[]',
  ADD COLUMN rule_ids json NOT NULL DEFAULT '[]',
  ADD COLUMN reason text;

UPDATE current_evaluations ce
   SET days_since_visit = (x.r->'features'->>'R')::int,
       last_satisfaction = (x.r->'features'->>'lastSatisfaction')::numeric,
       last_nps = (x.r->'features'->>'lastNps')::numeric,
       p_alive = (x.r->'prediction'->>'pAlive')::numeric,
       clv = (x.r->'prediction'->>'clv')::numeric,
       network_model = coalesce((x.r->'prediction'->'models'->'churn'->>'network')::boolean, false),
       signal_ids = coalesce((SELECT json_agg(s->>'id') FROM jsonb_array_elements(x.r->'signals') s), '[]'),
       rule_ids = coalesce((SELECT json_agg(s->>'id') FROM jsonb_array_elements(x.r->'rules') s), '[]'),
       reason = x.r->'reasons'->>0
  FROM (SELECT customer_id, as_of, record::jsonb AS r FROM evaluations) x
 WHERE x.customer_id = ce.customer_id AND x.as_of = ce.as_of;
