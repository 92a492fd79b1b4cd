import { scopeSql, type Scope } from '../auth/scope.js';
import type { Db } from './db.js';

export interface Redemption {
  eventId: string;
  campaignId: string;
  customerId: string;
  offerId: string;
  at: Date;
  amount: number;
}

/**
 * Offers redeemed by campaign members: a redemption is an event — a `visit` that carries the
 * `offerId` (kept under `extra` by the import and POST /api/v1/events) — after the member joined.
 */
export async function readRedemptions(db: Db, scope: Scope, campaignId?: string): Promise<Redemption[]> {
  const params: unknown[] = [campaignId ?? null];
  const inScope = scopeSql(scope, params, 'c');
  const rows = await db.query<{ id: string; campaign_id: string; customer_id: string; offer_id: string; at: Date; amount: number }>(
    `SELECT e.id, m.campaign_id, m.customer_id, e.record->'extra'->>'offerId' AS offer_id, e.at, coalesce((e.record->>'amount')::numeric, 0) AS amount
       FROM campaign_members m JOIN customers c ON c.id = m.customer_id
       JOIN events e ON e.customer_id = m.customer_id AND e.type = 'visit' AND e.at >= m.joined_at AND e.record->'extra'->>'offerId' IS NOT NULL
      WHERE ($1::text IS NULL OR m.campaign_id = $1) AND ${inScope}
      ORDER BY e.at, e.id`,
    params,
  );
  return rows.map((r) => ({ eventId: r.id, campaignId: r.campaign_id, customerId: r.customer_id, offerId: r.offer_id, at: r.at, amount: r.amount }));
}
