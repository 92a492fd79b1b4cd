import { scopeSql, type Scope } from '../auth/scope.js';
import { churnReasonOf } from '../campaigns/churn-reason.js';
import type { Db } from './db.js';

/** Lifecycles where the customer is gone or going (scoring §10). */
export const GONE_LIFECYCLES = ['lost', 'dormant', 'abandoned', 'sold_or_moved'];

export interface LostCustomer {
  customerId: string;
  name: string;
  storeId: string;
  advisorName: string | null;
  lifecycle: string;
  /** ¥ a year they spent in their last active year: the value lost. */
  value: number;
  churnReason: string;
}

interface Row {
  id: string; name: string; store_id: string; advisor_name: string | null; lifecycle: string; value: number; dissatisfied: boolean;
  churn_reason: string | null; stated: string | null;
}

/**
 * Customers lost in the period: their newest evaluation in it puts them in a gone lifecycle and
 * the newest before it did not (or there was none). Read from the stored snapshots, so it needs
 * an evaluation in the period (the daily run, or the demo's month ends).
 */
export async function readLostCustomers(db: Db, scope: Scope, fromDay: string, toDay: string): Promise<LostCustomer[]> {
  const params: unknown[] = [fromDay, toDay, GONE_LIFECYCLES];
  const inScope = scopeSql(scope, params, 'c');
  const rows = await db.query<Row>(
    `WITH endv AS (SELECT DISTINCT ON (customer_id) customer_id, record FROM evaluations
                    WHERE as_of >= $1::date AND as_of <= $2::date ORDER BY customer_id, as_of DESC),
          startv AS (SELECT DISTINCT ON (customer_id) customer_id, record->>'lifecycle' AS lifecycle FROM evaluations
                    WHERE as_of < $1::date ORDER BY customer_id, as_of DESC)
     SELECT c.id, c.name, c.store_id, a.name AS advisor_name, e.record->>'lifecycle' AS lifecycle,
            (e.record->'features'->>'historicalAnnualSpend')::numeric AS value,
            ((e.record->'features'->>'complaints365')::int > 0 OR (e.record->'features'->>'sat5')::numeric <= 3
              OR (e.record->'features'->>'lastNps')::numeric <= 6) IS TRUE AS dissatisfied,
            o.churn_reason,
            coalesce((SELECT ev.record->'extra'->>'churnReason' FROM events ev WHERE ev.customer_id = c.id AND ev.type = 'call'
                        AND ev.day <= $2::date AND ev.record->'extra'->>'churnReason' IS NOT NULL ORDER BY ev.at DESC LIMIT 1),
                     (SELECT t.churn_reason FROM tasks t WHERE t.customer_id = c.id AND t.churn_reason IS NOT NULL ORDER BY t.closed_at DESC NULLS LAST LIMIT 1)) AS stated
       FROM endv e JOIN customers c ON c.id = e.customer_id
       LEFT JOIN startv s ON s.customer_id = e.customer_id
       LEFT JOIN staff a ON a.id = c.advisor_id
       LEFT JOIN customer_outreach o ON o.customer_id = c.id
      WHERE e.record->>'lifecycle' = ANY($3::text[]) AND (s.lifecycle IS NULL OR NOT s.lifecycle = ANY($3::text[])) AND ${inScope}
      ORDER BY value DESC, c.id`,
    params,
  );
  return rows.map((r) => ({
    customerId: r.id, name: r.name, storeId: r.store_id, advisorName: r.advisor_name, lifecycle: r.lifecycle, value: r.value,
    // A sold car or a move is its own reason: no offer brings that customer back.
    churnReason: r.lifecycle === 'sold_or_moved' ? 'sold_or_moved' : churnReasonOf({ recorded: r.churn_reason, lastStated: r.stated, dissatisfied: r.dissatisfied }),
  }));
}
