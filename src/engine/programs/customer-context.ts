import type { Lifecycle } from '../../domain/evaluation.js';
import type { Customer, Staff, Store } from '../../domain/records.js';
import type { Db } from '../../store/db.js';

/** What the engine needs to know about a customer to plan, assign and write to them. */
export interface CustomerContext {
  customer: Customer;
  storeId: string;
  timeZone: string;
  /** The customer's store and the others of its region (a general manager may sit at one). */
  stores: Store[];
  /** Staff of those stores. */
  staff: Staff[];
  doNotContact: boolean;
  churnReason: string | null;
  dormantType: string | null;
  /** From the latest evaluation the engine saw; null before the first. */
  lifecycle: Lifecycle | null;
}

interface Row {
  id: string;
  store_id: string;
  record: Customer;
  time_zone: string;
  region_id: string;
  do_not_contact: boolean | null;
  churn_reason: string | null;
  dormant_type: string | null;
  lifecycle: Lifecycle | null;
}

/** Loads the context of several customers in two round trips; unknown ids are absent. */
export async function loadCustomerContexts(db: Db, ids: readonly string[]): Promise<Map<string, CustomerContext>> {
  const out = new Map<string, CustomerContext>();
  if (ids.length === 0) return out;
  const rows = await db.query<Row>(
    `SELECT c.id, c.store_id, c.record, s.time_zone, s.region_id, o.do_not_contact, o.churn_reason, o.dormant_type, v.lifecycle
       FROM customers c JOIN stores s ON s.id = c.store_id
       LEFT JOIN customer_outreach o ON o.customer_id = c.id
       LEFT JOIN program_views v ON v.customer_id = c.id
      WHERE c.id = ANY($1::text[])`,
    [[...new Set(ids)]],
  );
  // Each region's stores and staff once, however many of its customers are asked about.
  const regions = new Map((await db.query<{ region_id: string; stores: Store[]; staff: Staff[] | null }>(
    `SELECT r.region_id,
            (SELECT json_agg(s.record ORDER BY s.id) FROM stores s WHERE s.region_id = r.region_id) AS stores,
            (SELECT json_agg(st.record ORDER BY st.id) FROM staff st JOIN stores s ON s.id = st.store_id WHERE s.region_id = r.region_id) AS staff
       FROM unnest($1::text[]) AS r(region_id)`,
    [[...new Set(rows.map((r) => r.region_id))]],
  )).map((r) => [r.region_id, r]));
  for (const r of rows) {
    const region = regions.get(r.region_id)!;
    out.set(r.id, {
      customer: r.record,
      storeId: r.store_id,
      timeZone: r.time_zone,
      stores: region.stores,
      staff: region.staff ?? [],
      doNotContact: r.do_not_contact ?? false,
      churnReason: r.churn_reason,
      dormantType: r.dormant_type,
      lifecycle: r.lifecycle,
    });
  }
  return out;
}

export async function loadCustomerContext(db: Db, id: string): Promise<CustomerContext> {
  const ctx = (await loadCustomerContexts(db, [id])).get(id);
  if (!ctx) throw new Error(`unknown customer "${id}"`);
  return ctx;
}

/** Lifecycles that get no outreach at all but the one farewell (programs.md §9, scoring.md §7). */
export const GONE: ReadonlySet<Lifecycle> = new Set<Lifecycle>(['abandoned', 'sold_or_moved']);
