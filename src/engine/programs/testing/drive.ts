import { defaultPolicy } from '../../../domain/policy/default-policy.js';
import { ingestEvents } from '../../../ingest/ingest-events.js';
import type { Db } from '../../../store/db.js';
import { reevaluateCustomers } from '../../reevaluate-customers.js';
import { listActions, type PrintedAction } from '../list-actions.js';
import { processDue, type ProcessOptions } from '../process-due.js';
import { logChannels } from '../channel-registry.js';

/**
 * Test driver: events arrive at `now`, the customers are re-evaluated (as the API does) and
 * what that made due runs at the same instant (as the worker, or the replay's clock, does).
 */
export async function arrive(db: Db, now: string, events: Record<string, unknown>[], customerIds?: string[]): Promise<void> {
  const out = await ingestEvents(db, events, new Date(now));
  const bad = out.results.filter((r) => r.status === 'rejected');
  if (bad.length > 0) throw new Error(`rejected: ${JSON.stringify(bad)}`);
  await reevaluateCustomers(db, customerIds ?? out.affectedCustomerIds, defaultPolicy(), new Date(now));
  await dueAt(db, now);
}

/** Test driver: an evaluation of the customers at `now` (the nightly run or a re-evaluation), then what is due. */
export async function evaluateAt(db: Db, now: string, customerIds: string[]): Promise<void> {
  await reevaluateCustomers(db, customerIds, defaultPolicy(), new Date(now));
  await dueAt(db, now);
}

/** Runs everything due at `now` through the log channel; returns how many items. */
export async function dueAt(db: Db, now: string, options: ProcessOptions = {}): Promise<number> {
  let total = 0;
  for (let n = -1; n !== 0; ) total += n = await processDue(db, new Date(now), { channels: logChannels(), ...options });
  return total;
}

/** The actions as `kind field…` lines, short enough to compare whole scenarios. */
export async function actionLines(db: Db, customerId?: string): Promise<string[]> {
  return (await listActions(db, customerId ? { customerId } : {})).map(line);
}

export function line(a: PrintedAction): string {
  const { at, kind, customerId, ...rest } = a as PrintedAction & Record<string, unknown>;
  const fields = Object.entries(rest).map(([k, v]) => `${k}=${Array.isArray(v) ? `[${v.length}]` : String(v)}`);
  return `${at} ${kind} ${customerId} ${fields.join(' ')}`.trim();
}
