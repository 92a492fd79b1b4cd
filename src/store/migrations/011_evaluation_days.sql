-- Evaluations by day alone: "what is the last day stored?" is then one index probe, so a
-- run (or an event's re-evaluation) asks it before looking its customers up one by one for a
-- newer evaluation, which only a back-fill of history ever finds.
CREATE INDEX evaluations_as_of ON evaluations (as_of);
