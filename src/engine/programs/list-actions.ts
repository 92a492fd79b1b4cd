import type { Db } from '../../store/db.js';
import type { ActionFields } from './record-action.js';
import { isoInZone } from './store-time.js';

/** One action as the §14 contract prints it. */
export type PrintedAction = { at: string; customerId: string } & ActionFields;

/**
 * The action log in time order (ties in the order they were recorded), `at` in each store's
 * time, optionally from an instant on and for one customer.
 */
export async function listActions(db: Db, filter: { from?: Date; to?: Date; customerId?: string } = {}): Promise<PrintedAction[]> {
  const rows = await db.query<{ at: Date; kind: ActionFields['kind']; customer_id: string; fields: Record<string, unknown>; time_zone: string }>(
    `SELECT a.at, a.kind, a.customer_id, a.fields, s.time_zone FROM program_actions a JOIN stores s ON s.id = a.store_id
      WHERE ($1::timestamptz IS NULL OR a.at >= $1) AND ($2::timestamptz IS NULL OR a.at <= $2) AND ($3::text IS NULL OR a.customer_id = $3)
      ORDER BY a.at, a.id`,
    [filter.from ?? null, filter.to ?? null, filter.customerId ?? null],
  );
  return rows.map((r) => ({ at: isoInZone(r.at, r.time_zone), kind: r.kind, customerId: r.customer_id, ...r.fields }) as PrintedAction);
}
