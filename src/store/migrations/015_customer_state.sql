-- A customer's state: its events as the evaluation reads them, in one row, so that a run reads
-- one row per customer instead of its whole event log. The log stays the source of truth.
-- `events` holds the records, one JSON document per line. Every append to the log appends the
-- same records here in the same statement or transaction (write-events.ts) and raises
-- `revision`. An evaluation run thins old frequent events out (compact-history.ts) and writes
-- the result back only if `revision` is still what it read, so an append is never lost.
-- `compacted_to`: events on or before it were thinned by the rules numbered `format`; NULL:
-- nothing was dropped, and the row serves every evaluation date and every policy.
CREATE TABLE customer_state (
  customer_id text PRIMARY KEY,
  events text NOT NULL,
  revision bigint NOT NULL DEFAULT 1,
  compacted_to date,
  format smallint NOT NULL DEFAULT 0
);

-- The state of every customer with events, unthinned: valid at once, thinned by the next run.
INSERT INTO customer_state (customer_id, events)
SELECT customer_id, string_agg(replace(record::text, E'\n', ' '), E'\n' ORDER BY at, id) FROM events GROUP BY customer_id;
