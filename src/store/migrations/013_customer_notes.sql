-- Personal notes (programs.md §13): what the customer told staff — preferred drink, family, job,
-- the question the last contact left open, anything else. Append-only: every save of a topic is a
-- new row (who, when, on which task), never an update, so the history says who wrote what when.
-- A topic's current note is its newest row (at, then id); an empty text is that topic cleared.
-- `text` is stored as written: phone numbers inside it are masked on the way out (API, exports,
-- scripts), like the customer's own number.
-- store_id is the customer's store when the note was written; access follows the customer's
-- current store and advisor (customers), as every customer read does.
CREATE TABLE customer_notes (
  id bigserial PRIMARY KEY,
  store_id text NOT NULL REFERENCES stores (id),
  customer_id text NOT NULL REFERENCES customers (id),
  topic text NOT NULL CHECK (topic IN ('drink', 'family', 'job', 'open_question', 'other')),
  text text NOT NULL,
  staff_id text,
  task_id text REFERENCES tasks (id),
  at timestamptz NOT NULL,
  -- Written in Retain by staff, or imported (`notes` files; an import is keyed by customer, topic
  -- and at, so re-importing a file changes nothing).
  source text NOT NULL CHECK (source IN ('staff', 'import'))
);
CREATE INDEX customer_notes_customer ON customer_notes (customer_id, topic, at DESC, id DESC);
CREATE INDEX customer_notes_store ON customer_notes (store_id, customer_id);
