-- A step that starts on an event within its run (a re-visit call after the rating is resolved)
-- has no due time until that event happens: it stays pending with a null due, which no clock
-- query picks up, and a stop cancels it like any pending step.
ALTER TABLE program_steps ALTER COLUMN due DROP NOT NULL;
