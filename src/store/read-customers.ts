import type { Customer, RetainEvent, Vehicle } from '../domain/records.js';
import type { Db } from './db.js';

export interface CustomerListFilter {
  storeId?: string | undefined;
  /** The caller's scope: only these stores (null or absent = every store). */
  storeIds?: readonly string[] | null;
  advisorId?: string | undefined;
  level?: string;
  after?: string;
  limit: number;
}

export interface CustomerSummary {
  id: string;
  storeId: string;
  name: string;
  advisorId: string | null;
  level: string | null;
  riskScore: number | null;
  healthScore: number | null;
  evaluatedAsOf: string | null;
}

/** Customers with their latest evaluation, in id order, keyset-paginated by `after`. */
export async function listCustomers(db: Db, f: CustomerListFilter): Promise<CustomerSummary[]> {
  const rows = await db.query<{
    id: string; store_id: string; name: string; advisor_id: string | null;
    level: string | null; risk_score: number | null; health_score: number | null; as_of: string | null;
  }>(
    `SELECT c.id, c.store_id, c.name, c.advisor_id, e.level, e.risk_score, e.health_score, e.as_of
       FROM customers c
       LEFT JOIN LATERAL (
         SELECT level, risk_score, health_score, as_of FROM evaluations
          WHERE customer_id = c.id ORDER BY as_of DESC LIMIT 1) e ON true
      WHERE ($1::text IS NULL OR c.store_id = $1)
        AND ($2::text IS NULL OR c.advisor_id = $2)
        AND ($3::text IS NULL OR e.level = $3)
        AND c.id > $4
        AND ($6::text[] IS NULL OR c.store_id = ANY($6::text[]))
      ORDER BY c.id LIMIT $5`,
    [f.storeId ?? null, f.advisorId ?? null, f.level ?? null, f.after ?? '', f.limit, f.storeIds ?? null],
  );
  return rows.map((r) => ({
    id: r.id, storeId: r.store_id, name: r.name, advisorId: r.advisor_id, level: r.level,
    riskScore: r.risk_score, healthScore: r.health_score, evaluatedAsOf: r.as_of,
  }));
}

export interface CustomerDetail {
  customer: Customer;
  storeId: string;
  timeZone: string;
  vehicles: Vehicle[];
}

export async function getCustomer(db: Db, id: string): Promise<CustomerDetail | null> {
  const [row] = await db.query<{ record: Customer; store_id: string; time_zone: string }>(
    'SELECT c.record, c.store_id, s.time_zone FROM customers c JOIN stores s ON s.id = c.store_id WHERE c.id = $1',
    [id],
  );
  if (!row) return null;
  const vehicles = await db.query<{ record: Vehicle }>('SELECT record FROM vehicles WHERE customer_id = $1 ORDER BY vin', [id]);
  return { customer: row.record, storeId: row.store_id, timeZone: row.time_zone, vehicles: vehicles.map((v) => v.record) };
}

/** A customer's events, newest first, paginated by the instant before which to continue. */
export async function listCustomerEvents(db: Db, id: string, limit: number, before?: Date): Promise<RetainEvent[]> {
  const rows = await db.query<{ record: RetainEvent }>(
    `SELECT record FROM events WHERE customer_id = $1 AND ($2::timestamptz IS NULL OR at < $2)
      ORDER BY at DESC, id DESC LIMIT $3`,
    [id, before ?? null, limit],
  );
  return rows.map((r) => r.record);
}

export interface ScorePoint {
  asOf: string;
  level: string;
  riskScore: number;
  healthScore: number;
  policyVersion: string;
}

/** The stored daily snapshots of one customer: the score trend. */
export async function listScoreHistory(db: Db, id: string, from?: string, to?: string): Promise<ScorePoint[]> {
  const rows = await db.query<{ as_of: string; level: string; risk_score: number; health_score: number; policy_version: string }>(
    `SELECT as_of, level, risk_score, health_score, policy_version FROM evaluations
      WHERE customer_id = $1 AND ($2::date IS NULL OR as_of >= $2) AND ($3::date IS NULL OR as_of <= $3)
      ORDER BY as_of`,
    [id, from ?? null, to ?? null],
  );
  return rows.map((r) => ({
    asOf: r.as_of, level: r.level, riskScore: r.risk_score, healthScore: r.health_score, policyVersion: r.policy_version,
  }));
}
