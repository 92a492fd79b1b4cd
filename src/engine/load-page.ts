import { formatDay, type Day } from '../domain/dates.js';
import { STATE_FORMAT } from '../domain/state/compact-history.js';
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
  /**
   * COPY text, one line per customer whose state serves the evaluation: customer id, the
   * state's revision, the day it was compacted to (\N: never) and its records, one per line.
   */
  states: Uint8Array;
  /**
   * The customers whose events come from the log instead (a state compacted too recently for
   * this date or policy, or by older rules), with the revision of the state that was read
   * before the log (0: none), so that their rebuilt state is written back only if no event came since.
   */
  fromLog: { customerId: string; revision: number }[];
  /** COPY text of those customers' whole event logs (their states are rebuilt from them), one line per event: customer id, tab, record (JSON). */
  events: Uint8Array;
}

/**
 * The next `size` customers after `after` in id order (of one store, or all), with their
 * vehicles and their states (migration 015), read by id range: one row per customer instead of
 * its event log. States and events are read with COPY: rows through the driver cost this thread
 * ~2.5 µs per event, COPY text ~0.4 µs (and is parsed where the evaluation runs).
 * `windowDays` is the policy's stateWindowDays: a state compacted after `upTo − windowDays`
 * lacks events the evaluation counts.
 */
export async function loadPage(db: Db, options: { after: string; size: number; upTo: Day; windowDays: number; storeId?: string | undefined }): Promise<PageFacts | undefined> {
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
  const ofStore = (lo: string, hi: string) =>
    storeId === undefined ? '' : `AND customer_id IN (SELECT id FROM customers WHERE store_id = ${sqlLiteral(storeId)} AND id BETWEEN ${lo} AND ${hi})`;
  const serves = `(compacted_to IS NULL OR (format = ${STATE_FORMAT} AND compacted_to <= ${sqlLiteral(formatDay(options.upTo - options.windowDays))}::date))`;
  const states = await db.copyOut(
    `SELECT customer_id, revision, compacted_to, events FROM customer_state
      WHERE customer_id BETWEEN ${from} AND ${to} AND ${serves} ${ofStore(from, to)}`,
  );
  // Read after the states: an event appended in between is then in the log read here, and the
  // revision read above no longer matches, so the state rebuilt from this read is not written.
  const stale = await db.query<{ customer_id: string; revision: string }>(
    `SELECT customer_id, revision FROM customer_state
      WHERE customer_id BETWEEN $1 AND $2 AND NOT ${serves} ${ofStore('$1', '$2')}`,
    [first, last],
  );
  const fromLog = stale.map((r) => ({ customerId: r.customer_id, revision: Number(r.revision) }));
  const events = fromLog.length === 0
    ? new Uint8Array()
    : await db.copyOut(
      `SELECT customer_id, record FROM events
        WHERE customer_id IN (${fromLog.map((r) => sqlLiteral(r.customerId)).join(', ')})`,
    );
  return {
    customers: customers.map((c) => ({ id: c.id, storeId: c.store_id, timeZone: c.time_zone, record: c.record })),
    vehicles: vehicles.map((v) => ({ customerId: v.customer_id, record: v.record })),
    states,
    fromLog,
    events,
  };
}
