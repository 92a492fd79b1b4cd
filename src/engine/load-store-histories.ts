import type { Db } from '../store/db.js';
import { storeHistory, type StoreHistory } from './churn-snapshots.js';
import { loadFacts } from './load-facts.js';

/** The stores to work on: the one asked for (refused if unknown), else every store, in id order. */
export async function storeIds(db: Db, storeId?: string): Promise<string[]> {
  const rows = await db.query<{ id: string }>(
    storeId === undefined ? 'SELECT id FROM stores ORDER BY id' : 'SELECT id FROM stores WHERE id = $1',
    storeId === undefined ? [] : [storeId],
  );
  if (storeId !== undefined && rows.length === 0) throw new RangeError(`no store "${storeId}"`);
  return rows.map((r) => r.id);
}

/**
 * One store's customers (or several stores' pooled, for the network's model) with every event on
 * record: a model fitted "as of" a date reads only what precedes it, but a past snapshot's label
 * is what came after.
 */
export async function loadStoreHistory(db: Db, storeId: string | readonly string[]): Promise<StoreHistory> {
  const stores = typeof storeId === 'string' ? [storeId] : [...storeId];
  const ids = (await db.query<{ id: string }>('SELECT id FROM customers WHERE store_id = ANY($1::text[]) ORDER BY id', [stores])).map((r) => r.id);
  return storeHistory(await loadFacts(db, ids));
}

/** The last day any event is recorded for the customers of these stores: how far outcomes are known. */
export async function lastDataDay(db: Db, stores: readonly string[]): Promise<string | null> {
  const [row] = await db.query<{ day: string | null }>(
    'SELECT max(e.day)::date AS day FROM events e JOIN customers c ON c.id = e.customer_id WHERE c.store_id = ANY($1::text[])',
    [stores],
  );
  return row?.day ?? null;
}
