import type { Db } from './db.js';

/**
 * Folds the per-backend rows of list_writes into one (backend 0), so the table does not keep a
 * row for every connection ever made. The sum, which the lists' remembered totals are checked
 * against, stays the same: a row a writer has updated and not committed yet is folded once it
 * commits (the delete waits for it), and a writer's next statement starts its row again.
 */
export async function foldListWrites(db: Db): Promise<void> {
  await db.query(
    `WITH gone AS (DELETE FROM list_writes WHERE backend <> 0 RETURNING n)
     INSERT INTO list_writes (backend, n) SELECT 0, sum(n) FROM gone HAVING count(*) > 0
     ON CONFLICT (backend) DO UPDATE SET n = list_writes.n + excluded.n`,
  );
}
