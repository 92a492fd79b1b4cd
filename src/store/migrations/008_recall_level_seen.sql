-- The recall level the engine last saw for a customer: recall starts when a lost or dormant
-- customer reaches a level (a new quadrant as R grows), not only when they first turn lost.
ALTER TABLE program_views ADD COLUMN recall_level integer;
UPDATE program_views v SET recall_level = (e.record->'recall'->>'level')::integer
  FROM evaluations e WHERE e.customer_id = v.customer_id AND e.as_of = v.as_of;
