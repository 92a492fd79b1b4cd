import type { Day } from '../domain/dates.js';
import type { Policy } from '../domain/policy/policy-schema.js';
import type { Db } from '../store/db.js';
import { addOutcome, emptyOutcome, evaluateAndStore, type StoreOutcome } from './evaluate-and-store.js';
import { loadFacts, pageCustomerIds } from './load-facts.js';

export interface ScoreOptions {
  asOf: Day;
  now: Date;
  policy: Policy;
  storeId?: string;
  pageSize?: number;
  onProgress?: (done: number) => void;
}

/** The evaluation run: every customer (of one store, or all) as of one date. */
export async function scoreCustomers(db: Db, options: ScoreOptions): Promise<StoreOutcome> {
  const total = emptyOutcome();
  const pages = pageCustomerIds(db, {
    pageSize: options.pageSize ?? 2000,
    ...(options.storeId ? { storeId: options.storeId } : {}),
  });
  for await (const ids of pages) {
    const facts = await loadFacts(db, ids, options.asOf);
    addOutcome(total, await evaluateAndStore(db, facts, () => options.asOf, options.policy, options.now));
    options.onProgress?.(total.customers);
  }
  return total;
}
