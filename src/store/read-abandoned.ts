import type { Db } from './db.js';

export interface AbandonDetail {
  customerId: string;
  name: string;
  advisorId: string | null;
  /** The reason of the latest give-up (the `abandoned` event's reason). */
  reason: string | null;
}

/** Names and give-up reasons of the customers on the 90-day review list, for the screen. */
export async function abandonDetails(db: Db, customerIds: string[]): Promise<Map<string, AbandonDetail>> {
  if (customerIds.length === 0) return new Map();
  const rows = await db.query<{ id: string; name: string; advisor_id: string | null; reason: string | null }>(
    `SELECT c.id, c.name, c.advisor_id,
            (SELECT e.record->>'reason' FROM events e WHERE e.customer_id = c.id AND e.type = 'abandoned' ORDER BY e.at DESC, e.id DESC LIMIT 1) AS reason
       FROM customers c WHERE c.id = ANY($1::text[])`,
    [customerIds],
  );
  return new Map(rows.map((r) => [r.id, { customerId: r.id, name: r.name, advisorId: r.advisor_id, reason: r.reason }]));
}

/** When the customer was given up, if they are given up now (a return clears it). */
export async function abandonedAt(db: Db, customerId: string): Promise<Date | null> {
  const [row] = await db.query<{ abandoned_at: Date | null }>('SELECT abandoned_at FROM customer_outreach WHERE customer_id = $1', [customerId]);
  return row?.abandoned_at ?? null;
}
