import { scopeSql, type Scope } from '../auth/scope.js';
import type { Db } from './db.js';

export interface RecoveryRow {
  customerId: string;
  name: string;
  storeId: string;
  staffId: string | null;
  staffName: string | null;
  /** The warning level they were recovered from. */
  level: string;
  at: Date;
  /** Paid visits from the recovery to the end of the period. */
  revenue: number;
  source: 'warning' | 'campaign';
  campaignId: string | null;
  offerId: string | null;
}

interface Row {
  customer_id: string; name: string; store_id: string; staff_id: string | null; staff_name: string | null; level: string; at: Date;
  revenue: number; source: 'warning' | 'campaign'; campaign_id: string | null; offer_id: string | null;
}

/**
 * Customers recovered in the period, each credited to the staff member who won them back
 * (programs.md §11): a warning that closed, credited to whoever last reached or booked the
 * customer while it was open (a task outcome, else an answered call), at the highest level it
 * reached; and a campaign member who came back, credited to the last connected attempt before.
 * A customer recovered both ways counts once (the campaign's record wins: it knows the offer).
 */
export async function readRecoveries(db: Db, scope: Scope, from: Date, to: Date): Promise<RecoveryRow[]> {
  const params: unknown[] = [from, to];
  const inScope = scopeSql(scope, params, 'c');
  const rows = await db.query<Row>(
    `WITH camp AS (
       SELECT m.customer_id, m.level, m.recovered_at AS at, 'campaign' AS source, m.campaign_id,
              (SELECT a.staff_id FROM campaign_attempts a WHERE a.campaign_id = m.campaign_id AND a.customer_id = m.customer_id
                 AND a.connected AND a.staff_id IS NOT NULL AND a.at <= m.recovered_at ORDER BY a.at DESC LIMIT 1) AS staff_id
         FROM campaign_members m WHERE m.grp = 'treated' AND m.recovered_at >= $1 AND m.recovered_at < $2),
     warn AS (
       SELECT w.customer_id,
              (SELECT wc.to_level FROM warning_changes wc WHERE wc.warning_id = w.id AND wc.to_level IN ('yellow', 'orange', 'red')
                ORDER BY array_position(ARRAY['yellow', 'orange', 'red'], wc.to_level) DESC LIMIT 1) AS level,
              w.closed_at AS at, 'warning' AS source, NULL::text AS campaign_id,
              coalesce(
                (SELECT t.closed_by FROM tasks t WHERE t.customer_id = w.customer_id AND t.closed_by IS NOT NULL
                   AND t.outcome IN ('reached', 'booked') AND t.closed_at >= w.opened_at AND t.closed_at <= w.closed_at ORDER BY t.closed_at DESC LIMIT 1),
                (SELECT e.record->>'staffId' FROM events e WHERE e.customer_id = w.customer_id AND e.type = 'call' AND e.record->>'direction' = 'out'
                   AND e.record->>'answered' = 'true' AND e.at >= w.opened_at AND e.at <= w.closed_at ORDER BY e.at DESC LIMIT 1)) AS staff_id
         FROM warnings w WHERE w.closed_at >= $1 AND w.closed_at < $2
           AND w.customer_id NOT IN (SELECT customer_id FROM camp)),
     r AS (SELECT * FROM camp UNION ALL SELECT * FROM warn)
     SELECT DISTINCT ON (r.customer_id) r.customer_id, c.name, c.store_id, r.staff_id, st.name AS staff_name, coalesce(r.level, 'yellow') AS level,
            r.at, r.source, r.campaign_id,
            (SELECT coalesce(sum((e.record->>'amount')::numeric), 0) FROM events e WHERE e.customer_id = r.customer_id AND e.type = 'visit'
               AND e.at >= r.at AND e.at < $2) AS revenue,
            (SELECT e.record->'extra'->>'offerId' FROM events e WHERE e.customer_id = r.customer_id AND e.type = 'visit' AND e.at = r.at LIMIT 1) AS offer_id
       FROM r JOIN customers c ON c.id = r.customer_id LEFT JOIN staff st ON st.id = r.staff_id
      WHERE ${inScope}
      ORDER BY r.customer_id, r.at`,
    params,
  );
  return rows.map((r) => ({
    customerId: r.customer_id, name: r.name, storeId: r.store_id, staffId: r.staff_id, staffName: r.staff_name, level: r.level, at: r.at,
    revenue: r.revenue, source: r.source, campaignId: r.campaign_id, offerId: r.offer_id,
  }));
}
