import { localDayOfInstant } from '../domain/dates.js';
import type { Policy } from '../domain/policy/policy-schema.js';
import type { Db } from '../store/db.js';
import { addOutcome, emptyOutcome, evaluateAndStore, type StoreOutcome } from './evaluate-and-store.js';
import { loadFacts } from './load-facts.js';
import { loadPredictionModels } from './load-prediction-models.js';
import { reactToNewEvents } from './programs/react-to-events.js';

/**
 * Re-evaluates customers whose data just changed, as of today in their store's time zone, so a
 * warning opens when the event arrives rather than at the next nightly run.
 */
export async function reevaluateCustomers(
  db: Db,
  customerIds: Iterable<string>,
  policy: Policy,
  now: Date,
  pageSize = 2000,
): Promise<StoreOutcome> {
  const ids = [...new Set(customerIds)].sort();
  // Stops, call outcomes and event-triggered programs first: the evaluation then sees them done.
  await reactToNewEvents(db, ids, now);
  const total = emptyOutcome();
  // Without the models the day's snapshot would lose the predictions the nightly run stored.
  const models = ids.length > 0 ? await loadPredictionModels(db) : new Map();
  for (let i = 0; i < ids.length; i += pageSize) {
    const facts = await loadFacts(db, ids.slice(i, i + pageSize));
    const today = (f: { timeZone: string }) => localDayOfInstant(now.getTime(), f.timeZone);
    addOutcome(total, await evaluateAndStore(db, facts, today, policy, now, models));
  }
  return total;
}
