import { formatDay, type Day } from '../domain/dates.js';
import { evaluateCustomer } from '../domain/evaluate-customer.js';
import type { Policy } from '../domain/policy/policy-schema.js';
import type { PredictionModels } from '../prediction/model-schemas.js';
import { fromCopyField } from '../store/copy-text.js';
import type { StoredFacts } from './load-facts.js';
import type { PageFacts } from './load-page.js';
import { snapshotOf, type Snapshot } from './snapshot.js';

const decoder = new TextDecoder();

/** Parses a page of stored records and evaluates each customer as of `asOf`, in page order, with its store's prediction models. */
export function evaluatePage(page: PageFacts, policy: Policy, asOf: Day, models?: ReadonlyMap<string, PredictionModels>): Snapshot[] {
  const byId = new Map<string, StoredFacts>();
  for (const c of page.customers) {
    byId.set(c.id, { customer: JSON.parse(c.record), vehicles: [], events: [], timeZone: c.timeZone, storeId: c.storeId });
  }
  for (const v of page.vehicles) byId.get(v.customerId)?.vehicles.push(JSON.parse(v.record));
  const text = decoder.decode(page.events);
  for (let start = 0, end = text.indexOf('\n'); end !== -1; start = end + 1, end = text.indexOf('\n', start)) {
    const tab = text.indexOf('\t', start);
    byId.get(fromCopyField(text.slice(start, tab)))?.events.push(JSON.parse(fromCopyField(text.slice(tab + 1, end))));
  }
  const snapshots: Snapshot[] = [];
  const day = formatDay(asOf);
  for (const f of byId.values()) snapshots.push(snapshotOf(f.storeId, evaluateCustomer(f, policy, asOf, { models: models?.get(f.storeId) }), day));
  return snapshots;
}
