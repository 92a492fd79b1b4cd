import type { Db } from './db.js';

/**
 * ANALYZE of tables a bulk write just filled or rewrote. Until the server's own autovacuum
 * catches up (a minute or more), the planner sees the old row counts: right after the first
 * import it took a store's 5,000 customers for 49 and ranked the risk list by hashing and
 * sorting all of them (11–24 ms a page) instead of walking its index (1.4 ms).
 */
export async function refreshStatistics(db: Db, tables: readonly string[]): Promise<void> {
  await db.exec(`ANALYZE ${tables.join(', ')}`);
}
