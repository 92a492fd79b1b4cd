import type { Db } from '../../store/db.js';

/**
 * What a campaign has committed of its budget: each treated member's contacts, plus their offer —
 * the grants given or awaiting approval once there are any, else the offer the launch reserved.
 */
export async function committedBudget(db: Db, campaignId: string): Promise<number> {
  const [row] = await db.query<{ committed: number }>(
    `SELECT coalesce(sum(m.contact_reserved + CASE WHEN g.n > 0 THEN g.cost ELSE m.offer_reserved END), 0)::numeric AS committed
       FROM campaign_members m
       LEFT JOIN LATERAL (SELECT count(*) AS n, coalesce(sum(cost), 0) AS cost FROM offer_grants
                           WHERE campaign_id = m.campaign_id AND customer_id = m.customer_id AND status IN ('granted', 'pending_approval')) g ON true
      WHERE m.campaign_id = $1 AND m.grp = 'treated'`,
    [campaignId],
  );
  return row?.committed ?? 0;
}
