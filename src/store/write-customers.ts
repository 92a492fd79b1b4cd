import type { Customer } from '../domain/records.js';
import type { Db } from './db.js';
import { existingIds, fillIn, inUniqueRuns, rejected, upsertOutcomes, type WriteOutcome, type WriteResult } from './write-outcome.js';

/**
 * Upserts customers. A customer of an unknown store (`storeId`) or with an unknown advisor
 * (`advisorId`) is rejected. New and changed customers are affected (to be re-evaluated).
 */
export function writeCustomers(db: Db, customers: readonly Customer[]): Promise<WriteResult> {
  return inUniqueRuns(customers, (c) => c.id, (run) => db.transaction((tx) => writeRun(tx, run)));
}

async function writeRun(db: Db, customers: Customer[]): Promise<WriteResult> {
  const stores = await existingIds(db, 'stores', customers.map((c) => c.storeId));
  const advisors = await existingIds(db, 'staff', customers.flatMap((c) => (c.advisorId ? [c.advisorId] : [])));
  const outcomes: (WriteOutcome | undefined)[] = customers.map((c) => {
    if (!stores.has(c.storeId)) return rejected('storeId', `unknown store "${c.storeId}"`);
    if (c.advisorId && !advisors.has(c.advisorId)) return rejected('advisorId', `unknown staff "${c.advisorId}"`);
    return undefined;
  });
  const good = customers.filter((_, i) => outcomes[i] === undefined);
  if (good.length === 0) return { outcomes: outcomes as WriteOutcome[], affectedCustomerIds: [] };

  const ids = good.map((c) => c.id);
  const rows = await db.query<{ id: string; inserted: boolean }>(
    `INSERT INTO customers AS t (id, store_id, advisor_id, name, record)
     SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::jsonb[])
     ON CONFLICT (id) DO UPDATE SET store_id = excluded.store_id, advisor_id = excluded.advisor_id,
       name = excluded.name, record = excluded.record, updated_at = now()
     WHERE t.record IS DISTINCT FROM excluded.record
     RETURNING id, (xmax = 0) AS inserted`,
    [ids, good.map((c) => c.storeId), good.map((c) => c.advisorId ?? null), good.map((c) => c.name), good.map((c) => JSON.stringify(c))],
  );
  const updated = rows.filter((r) => !r.inserted).map((r) => r.id);
  if (updated.length > 0) {
    // Vehicles carry their owner's store; a customer who moved store takes the vehicles along.
    // Events keep the store (and local day) they happened at: the log is append-only.
    await db.query(
      `UPDATE vehicles AS v SET store_id = c.store_id, updated_at = now()
       FROM customers AS c
       WHERE c.id = v.customer_id AND c.id = ANY($1::text[]) AND v.store_id <> c.store_id`,
      [updated],
    );
  }
  return { outcomes: fillIn(outcomes, upsertOutcomes(ids, rows)), affectedCustomerIds: rows.map((r) => r.id) };
}
