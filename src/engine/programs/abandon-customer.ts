import type { Policy } from '../../domain/policy/policy-schema.js';
import type { Db } from '../../store/db.js';
import { writeEvents } from '../../store/write-events.js';
import { getActivePolicy } from '../active-policy.js';
import { reevaluateCustomers } from '../reevaluate-customers.js';
import { loadCustomerContext } from './customer-context.js';
import { updateOutreach } from './customer-outreach.js';
import { isoInZone } from './store-time.js';

export interface AbandonInput {
  customerId: string;
  /** Why: vehicle sold, moved away, refuses contact, cost above value, a manager's decision… */
  reason: string;
  staffId?: string | null;
  /** "deep dissatisfaction and refuses contact": not even the farewell goes out. */
  doNotContact?: boolean;
}

/**
 * Gives up on a customer (programs.md §9): an `abandoned` event is appended to the log (the
 * data stays, and a later visit makes the lifecycle active again by itself) and the customer is
 * re-evaluated, which ends every cadence and task and sends the farewell once.
 */
export async function abandonCustomer(db: Db, input: AbandonInput, now: Date, policy?: Policy): Promise<void> {
  const ctx = await loadCustomerContext(db, input.customerId);
  if (input.doNotContact) await updateOutreach(db, ctx.storeId, ctx.customer.id, { doNotContact: true }, now);
  await writeEvents(db, [{
    id: `retain-abandon-${ctx.customer.id}-${now.getTime()}`, customerId: ctx.customer.id, type: 'abandoned',
    at: isoInZone(now, ctx.timeZone), reason: input.reason, staffId: input.staffId ?? null,
  }]);
  await reevaluateCustomers(db, [ctx.customer.id], policy ?? (await getActivePolicy(db)), now);
}

/** Sets or clears a manager's do-not-contact: no task calls, no messages (the outbox blocks them). */
export async function setDoNotContact(db: Db, customerId: string, value: boolean, now: Date): Promise<void> {
  const ctx = await loadCustomerContext(db, customerId);
  await updateOutreach(db, ctx.storeId, customerId, { doNotContact: value }, now);
}

/** Given-up customers due for their 90-day review (programs.md §9), oldest first. */
export async function abandonedForReview(db: Db, now: Date, storeId?: string): Promise<{ customerId: string; storeId: string; abandonedAt: Date }[]> {
  const cutoff = new Date(now.getTime() - 90 * 86_400_000);
  const rows = await db.query<{ customer_id: string; store_id: string; abandoned_at: Date }>(
    `SELECT customer_id, store_id, abandoned_at FROM customer_outreach
      WHERE abandoned_at <= $1 AND (reviewed_at IS NULL OR reviewed_at <= $1) AND ($2::text IS NULL OR store_id = $2)
      ORDER BY abandoned_at, customer_id`,
    [cutoff, storeId ?? null],
  );
  return rows.map((r) => ({ customerId: r.customer_id, storeId: r.store_id, abandonedAt: r.abandoned_at }));
}

/** Records that a manager reviewed the give-up; the customer comes up again 90 days later. */
export async function markAbandonReviewed(db: Db, customerId: string, now: Date): Promise<void> {
  const ctx = await loadCustomerContext(db, customerId);
  await updateOutreach(db, ctx.storeId, customerId, { reviewedAt: now }, now);
}
