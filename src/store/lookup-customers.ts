import type { Db } from './db.js';

/** Where a customer belongs: the store (every row below a store carries its id) and its time zone. */
export interface CustomerHome {
  storeId: string;
  timeZone: string;
}

/** One round trip for a batch: the home of each known customer among `ids`; unknown ids are absent. */
export async function lookupCustomerHomes(db: Db, ids: Iterable<string>): Promise<Map<string, CustomerHome>> {
  const distinct = [...new Set(ids)];
  const homes = new Map<string, CustomerHome>();
  if (distinct.length === 0) return homes;
  const rows = await db.query<{ id: string; store_id: string; time_zone: string }>(
    `SELECT c.id, c.store_id, s.time_zone FROM customers AS c JOIN stores AS s ON s.id = c.store_id
     WHERE c.id = ANY($1::text[])`,
    [distinct],
  );
  for (const r of rows) homes.set(r.id, { storeId: r.store_id, timeZone: r.time_zone });
  return homes;
}

/**
 * The home of every customer, when there are at most `limit` of them (undefined otherwise):
 * an import of many events learns them at once instead of batch by batch.
 */
export async function allCustomerHomes(db: Db, limit: number): Promise<Map<string, CustomerHome> | undefined> {
  const rows = await db.query<{ id: string; store_id: string; time_zone: string }>(
    'SELECT c.id, c.store_id, s.time_zone FROM customers AS c JOIN stores AS s ON s.id = c.store_id LIMIT $1',
    [limit + 1],
  );
  if (rows.length > limit) return undefined;
  return new Map(rows.map((r) => [r.id, { storeId: r.store_id, timeZone: r.time_zone }]));
}
