-- A count of the committed writes to what the lists count (current evaluations, customers): a
-- list's total counted at one value is still right while the value stays the same, so a page
-- counts again only after a write (read-risk-list.ts). Every statement adds one to the row of its
-- backend; a backend runs one transaction at a time, so two writers never update the same row
-- and never wait on each other, and the sum changes exactly when a write commits.
CREATE TABLE list_writes (
  backend integer PRIMARY KEY,
  n bigint NOT NULL
);

CREATE FUNCTION count_list_write() RETURNS trigger LANGUAGE plpgsql SET search_path FROM CURRENT AS $$
BEGIN
  INSERT INTO list_writes (backend, n) VALUES (pg_backend_pid(), 1)
    ON CONFLICT (backend) DO UPDATE SET n = list_writes.n + 1;
  RETURN NULL;
END
$$;

CREATE TRIGGER current_evaluations_written AFTER INSERT OR UPDATE OR DELETE ON current_evaluations
  FOR EACH STATEMENT EXECUTE FUNCTION count_list_write();
CREATE TRIGGER current_evaluations_truncated AFTER TRUNCATE ON current_evaluations
  FOR EACH STATEMENT EXECUTE FUNCTION count_list_write();
CREATE TRIGGER customers_written AFTER INSERT OR UPDATE OR DELETE ON customers
  FOR EACH STATEMENT EXECUTE FUNCTION count_list_write();
CREATE TRIGGER customers_truncated AFTER TRUNCATE ON customers
  FOR EACH STATEMENT EXECUTE FUNCTION count_list_write();
