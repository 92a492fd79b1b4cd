import { formatDay, type Day } from '../domain/dates.js';
import type { CustomerFacts } from '../domain/evaluation.js';
import type { Customer, RetainEvent, Vehicle } from '../domain/records.js';
import type { Db } from '../store/db.js';

interface CustomerRow {
  id: string;
  store_id: string;
  time_zone: string;
  record: Customer;
  vehicles: Vehicle[] | null;
}

export interface StoredFacts extends CustomerFacts {
  storeId: string;
}

/**
 * Loads the stored records of the given customers, exactly as validated on the way in, so a
 * database evaluation sees what the file-based one sees. Events after `upTo` are left in the
 * database: scoring would ignore them anyway.
 */
export async function loadFacts(db: Db, customerIds: string[], upTo?: Day): Promise<StoredFacts[]> {
  if (customerIds.length === 0) return [];
  // Vehicles ride along with their owner: one round trip fewer for an event's re-evaluation.
  const customers = await db.query<CustomerRow>(
    `SELECT c.id, c.store_id, s.time_zone, c.record,
            (SELECT json_agg(v.record ORDER BY v.vin) FROM vehicles v WHERE v.customer_id = c.id) AS vehicles
       FROM customers c JOIN stores s ON s.id = c.store_id
      WHERE c.id = ANY($1::text[]) ORDER BY c.id`,
    [customerIds],
  );
  const events = await db.query<{ customer_id: string; record: RetainEvent }>(
    upTo === undefined
      ? 'SELECT customer_id, record FROM events WHERE customer_id = ANY($1::text[])'
      : 'SELECT customer_id, record FROM events WHERE customer_id = ANY($1::text[]) AND day <= $2::date',
    upTo === undefined ? [customerIds] : [customerIds, formatDay(upTo)],
  );
  const byId = new Map<string, StoredFacts>();
  for (const c of customers) {
    byId.set(c.id, { customer: c.record, storeId: c.store_id, timeZone: c.time_zone, vehicles: c.vehicles ?? [], events: [] });
  }
  for (const e of events) byId.get(e.customer_id)?.events.push(e.record);
  return [...byId.values()];
}
