import { formatDay, parseDay, type Day } from '../domain/dates.js';
import { evaluateCustomer } from '../domain/evaluate-customer.js';
import type { Policy } from '../domain/policy/policy-schema.js';
import type { RetainEvent } from '../domain/records.js';
import { stateCutoff } from '../domain/state/compact-history.js';
import type { PredictionModels } from '../prediction/model-schemas.js';
import { fromCopyField } from '../store/copy-text.js';
import { parseStateRecords } from '../store/customer-state.js';
import type { StoredFacts } from './load-facts.js';
import type { PageFacts } from './load-page.js';
import { compactState } from './compact-state.js';
import { snapshotOf, type Snapshot } from './snapshot.js';

const decoder = new TextDecoder();

export interface EvaluatedPage {
  snapshots: Snapshot[];
  /** The states this page rebuilt or thinned, as COPY text to write back (compact-state.ts). */
  states: string;
}

interface PageCustomer extends StoredFacts {
  /** The revision of the state read, and the day it was compacted to (null: never); no state: revision 0. */
  revision: number;
  compactedTo: Day | null;
  fromLog: boolean;
}

/**
 * Parses a page of stored records and evaluates each customer as of `asOf`, in page order,
 * with its store's prediction models. The events come from the customer's state, or from the
 * log where the state could not serve this date (load-page.ts); either way the state is
 * brought up to date while the records are parsed here (compact-state.ts).
 */
export function evaluatePage(page: PageFacts, policy: Policy, asOf: Day, models?: ReadonlyMap<string, PredictionModels>): EvaluatedPage {
  const byId = new Map<string, PageCustomer>();
  for (const c of page.customers) {
    byId.set(c.id, { customer: JSON.parse(c.record), vehicles: [], events: [], timeZone: c.timeZone, storeId: c.storeId, revision: 0, compactedTo: null, fromLog: false });
  }
  for (const v of page.vehicles) byId.get(v.customerId)?.vehicles.push(JSON.parse(v.record));
  eachCopyLine(page.states, (fields) => {
    const c = byId.get(fromCopyField(fields[0]!));
    if (!c) return;
    c.revision = Number(fields[1]);
    c.compactedTo = fields[2] === '\\N' ? null : parseDay(fields[2]!);
    c.events = parseStateRecords(fromCopyField(fields[3]!));
  });
  for (const { customerId, revision } of page.fromLog) {
    const c = byId.get(customerId);
    if (c) Object.assign(c, { revision, fromLog: true, compactedTo: null });
  }
  eachCopyLine(page.events, (fields) => byId.get(fromCopyField(fields[0]!))?.events.push(JSON.parse(fromCopyField(fields[1]!)) as RetainEvent));

  const snapshots: Snapshot[] = [];
  let states = '';
  const day = formatDay(asOf);
  const cutoff = stateCutoff(policy, asOf);
  for (const c of byId.values()) {
    snapshots.push(snapshotOf(c.storeId, evaluateCustomer(c, policy, asOf, { models: models?.get(c.storeId) }), day));
    states += compactState(c, cutoff);
  }
  return { snapshots, states };
}

function eachCopyLine(bytes: Uint8Array, each: (fields: string[]) => void): void {
  if (bytes.length === 0) return;
  const text = decoder.decode(bytes);
  for (let start = 0, end = text.indexOf('\n'); end !== -1; start = end + 1, end = text.indexOf('\n', start)) {
    each(text.slice(start, end).split('\t'));
  }
}
