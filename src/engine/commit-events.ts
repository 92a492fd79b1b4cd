import type { Policy } from '../domain/policy/policy-schema.js';
import { ingestEvents, type IngestResult } from '../ingest/ingest-events.js';
import type { Db } from '../store/db.js';
import { reevaluateCustomers } from './reevaluate-customers.js';

/** One request's events as stored: a result per event, and how many of its customers were re-evaluated. */
export interface CommittedEvents {
  results: IngestResult[];
  reevaluated: number;
}

/** Stores a request's events and re-evaluates their customers before it resolves. */
export type CommitEvents = (events: readonly unknown[], now: Date) => Promise<CommittedEvents>;

export interface CommitDeps {
  db: Db;
  policy: () => Promise<Policy>;
  /** Called once a group re-evaluated someone: a warning's task is opened by the worker. */
  nudgeWorker?: (() => Promise<void>) | undefined;
}

interface Pending {
  events: readonly unknown[];
  now: Date;
  resolve: (c: CommittedEvents) => void;
  reject: (err: unknown) => void;
}

/**
 * Group commit for the event API. Requests that arrive while a group is being written wait and
 * go together in the next one: one write of their events, one reaction to them and one
 * re-evaluation of all their customers, so the round trips a single event costs are shared and
 * throughput grows with the load. Each request still resolves only once its own customers are
 * re-evaluated, with its own results. A group that fails is retried request by request, so one
 * request's failure never fails another's.
 */
export function groupCommitEvents(deps: CommitDeps, maxEventsPerGroup = 5_000): CommitEvents {
  const queue: Pending[] = [];
  let draining = false;

  const takeGroup = (): Pending[] => {
    let n = 0;
    let k = 0;
    while (k < queue.length && (k === 0 || n + queue[k]!.events.length <= maxEventsPerGroup)) n += queue[k++]!.events.length;
    return queue.splice(0, k);
  };

  const drain = async () => {
    draining = true;
    while (queue.length > 0) {
      const group = takeGroup();
      try {
        const committed = await commitGroup(deps, group);
        group.forEach((p, i) => p.resolve(committed[i]!));
      } catch (err) {
        if (group.length === 1) group[0]!.reject(err);
        else for (const p of group) await commitGroup(deps, [p]).then(([c]) => p.resolve(c!), p.reject);
      }
    }
    draining = false;
  };

  return (events, now) =>
    new Promise<CommittedEvents>((resolve, reject) => {
      queue.push({ events, now, resolve, reject });
      if (!draining) void drain();
    });
}

/**
 * Writes a group's events at its latest request's time and re-evaluates every customer with a
 * new event. The policy is read first: a group that cannot be evaluated writes nothing.
 */
async function commitGroup(deps: CommitDeps, group: readonly Pending[]): Promise<CommittedEvents[]> {
  const policy = await deps.policy();
  const now = new Date(Math.max(...group.map((p) => p.now.getTime())));
  const outcome = await ingestEvents(deps.db, group.flatMap((p) => p.events), now);
  if (outcome.affectedCustomerIds.length > 0) {
    await reevaluateCustomers(deps.db, outcome.affectedCustomerIds, policy, now);
    await deps.nudgeWorker?.();
  }
  let offset = 0;
  return group.map((p) => {
    const results = outcome.results.slice(offset, offset + p.events.length).map((r) => ({ ...r, index: r.index - offset }));
    offset += p.events.length;
    // An event is only stored for a customer that exists, and every customer with a stored event was re-evaluated.
    const customers = new Set(results.filter((r) => r.status === 'imported').map((r) => (p.events[r.index] as { customerId: string }).customerId));
    return { results, reevaluated: customers.size };
  });
}
