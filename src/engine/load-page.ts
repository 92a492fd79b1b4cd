import { formatDay, type Day } from '../domain/dates.js';
import { sqlLiteral } from '../store/copy-text.js';
import type { Db } from '../store/db.js';

/**
 * A page of customers as stored, not yet parsed: plain data, cheap to hand to a worker
 * thread, which parses and evaluates it (evaluate-page.ts).
 */
export interface PageFacts {
  customers: { id: string; storeId: string; timeZone: string; record: string }[];
  /** In vin order. */
  vehicles: { customerId: string; record: string }[];
  /** COPY text, one line per event: customer id, tab, record (JSON). */
  events: Uint8Array;
}

/**
 * The next `size` customers after `after` in id order (of one store, or all), with their
 * vehicles and their events up to `upTo`, read by id range. Events are read with COPY: rows
 * through the driver cost this thread ~2.5 µs per event, COPY text ~0.4 µs (and is parsed
 * where the evaluation runs).
 */
export async function loadPage(db: Db, options: { after: string; size: number; upTo: Day; storeId?: string | undefined }): Promise<PageFacts | undefined> {
  const { storeId } = options;
  const customers = await db.query<{ id: string; store_id: string; time_zone: string; record: string }>(
    `SELECT c.id, c.store_id, s.time_zone, c.record::text AS record
       FROM customers AS c JOIN stores AS s ON s.id = c.store_id
      WHERE c.id > $1 ${storeId === undefined ? '' : 'AND c.store_id = $3'}
      ORDER BY c.id LIMIT $2`,
    storeId === undefined ? [options.after, options.size] : [options.after, options.size, storeId],
  );
  if (customers.length === 0) return undefined;
  const first = customers[0]!.id;
  const last = customers[customers.length - 1]!.id;
  // A vehicle carries its owner's store; an event the store it happened at, so events of one
  // store's customers are picked by customer.
  const vehicles = await db.query<{ customer_id: string; record: string }>(
    `SELECT customer_id, record::text AS record FROM vehicles
      WHERE customer_id BETWEEN $1 AND $2 ${storeId === undefined ? '' : 'AND store_id = $3'} ORDER BY vin`,
    storeId === undefined ? [first, last] : [first, last, storeId],
  );
  const [from, to] = [sqlLiteral(first), sqlLiteral(last)];
  const events = await db.copyOut(
    `SELECT customer_id, record FROM events
      WHERE customer_id BETWEEN ${from} AND ${to} AND day <= ${sqlLiteral(formatDay(options.upTo))}
      ${storeId === undefined ? '' : `AND customer_id IN (SELECT id FROM customers WHERE store_id = ${sqlLiteral(storeId)} AND id BETWEEN ${from} AND ${to})`}`,
  );
  return {
    customers: customers.map((c) => ({ id: c.id, storeId: c.store_id, timeZone: c.time_zone, record: c.record })),
    vehicles: vehicles.map((v) => ({ customerId: v.customer_id, record: v.record })),
    events,
  };
}
