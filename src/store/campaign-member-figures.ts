import type { Db } from './db.js';

/** One member's outcome as the boards and ROI need it (everything in ¥ and counts). */
export interface MemberFigures {
  campaignId: string;
  customerId: string;
  storeId: string;
  advisorId: string | null;
  group: 'treated' | 'held_out';
  programId: string;
  recallLevel: number | null;
  quadrant: string;
  level: string;
  churnReason: string;
  historicalSpend: number;
  status: string;
  attempts: number;
  connected: number;
  staffMinutes: number;
  messages: { sms: number; wechat: number; app: number; email: number };
  firstTouchAt: Date | null;
  /** A paid visit within the attribution window after the launch (both groups alike). */
  recovered: boolean;
  recoveredAt: Date | null;
  /** Paid amount within the window after the launch (the groups' comparison). */
  revenueFromLaunch: number;
  /** Paid amount within the window after the first touch (the campaign's return, programs.md §12). */
  revenueFromTouch: number;
  /** Any visit after the first touch, within the window. */
  arrived: boolean;
  /** A booking or a visit after the first touch, within the window. */
  recalled: boolean;
  /** Offers redeemed at visits after the first touch (`offerId` on the visit), with what the grant said they cost. */
  redeemed: { offerId: string; grantCost: number | null }[];
}

interface Row {
  campaign_id: string; customer_id: string; store_id: string; advisor_id: string | null; grp: 'treated' | 'held_out'; program_id: string;
  recall_level: number | null; quadrant: string; level: string; churn_reason: string; historical_spend: number; status: string;
  attempts: number; connected: number; staff_minutes: number; sms: number; wechat: number; app: number; email: number;
  first_touch_at: Date | null; recovered_at: Date | null; revenue_launch: number; revenue_touch: number; arrived: boolean; recalled: boolean;
  redeemed: { offerId: string; grantCost: number | null }[] | null;
}

/**
 * Per member of the given campaigns: attempts and their cost drivers, and what the member did
 * within the attribution window — read from the event log, so an imported visit counts the moment
 * it arrives. Windows end at `until` at the latest (a campaign still running is measured so far).
 */
export async function readMemberFigures(db: Db, campaignIds: readonly string[], until: Date): Promise<MemberFigures[]> {
  const rows = await db.query<Row>(
    `WITH m AS (
       SELECT m.*, c.launched_at AS launch, c.attribution_days * interval '1 day' AS win
         FROM campaign_members m JOIN campaigns c ON c.id = m.campaign_id
        WHERE m.campaign_id = ANY($1::text[]) AND c.launched_at IS NOT NULL),
     a AS (
       SELECT campaign_id, customer_id, count(*)::int AS attempts, count(*) FILTER (WHERE connected)::int AS connected,
              coalesce(sum(minutes) FILTER (WHERE NOT automated), 0)::numeric AS staff_minutes,
              count(*) FILTER (WHERE automated AND channel = 'sms')::int AS sms, count(*) FILTER (WHERE automated AND channel = 'wechat')::int AS wechat,
              count(*) FILTER (WHERE automated AND channel = 'app')::int AS app, count(*) FILTER (WHERE automated AND channel = 'email')::int AS email
         FROM campaign_attempts WHERE campaign_id = ANY($1::text[]) AND at <= $2 GROUP BY 1, 2),
     e AS (
       SELECT m.campaign_id, m.customer_id, e.type, e.at, coalesce((e.record->>'amount')::numeric, 0) AS amount,
              e.record->'extra'->>'offerId' AS offer_id,
              e.at > m.launch AND e.at <= least(m.launch + m.win, $2) AS in_launch,
              m.first_touch_at IS NOT NULL AND e.at >= m.first_touch_at AND e.at <= least(m.first_touch_at + m.win, $2) AS in_touch
         FROM m JOIN events e ON e.customer_id = m.customer_id AND e.at > least(m.launch, coalesce(m.first_touch_at, m.launch))
          AND e.at <= $2 AND e.type IN ('visit', 'appointment_booked')),
     v AS (
       SELECT campaign_id, customer_id,
              min(at) FILTER (WHERE type = 'visit' AND amount > 0 AND in_launch) AS recovered_at,
              coalesce(sum(amount) FILTER (WHERE type = 'visit' AND in_launch), 0) AS revenue_launch,
              coalesce(sum(amount) FILTER (WHERE type = 'visit' AND in_touch), 0) AS revenue_touch,
              coalesce(bool_or(type = 'visit' AND in_touch), false) AS arrived,
              coalesce(bool_or(in_touch), false) AS recalled,
              json_agg(offer_id) FILTER (WHERE type = 'visit' AND in_touch AND offer_id IS NOT NULL) AS offers
         FROM e GROUP BY 1, 2)
     SELECT m.campaign_id, m.customer_id, m.store_id, m.advisor_id, m.grp, m.program_id, m.recall_level, m.quadrant, m.level, m.churn_reason,
            m.historical_spend, m.status, coalesce(a.attempts, 0) AS attempts, coalesce(a.connected, 0) AS connected,
            coalesce(a.staff_minutes, 0) AS staff_minutes, coalesce(a.sms, 0) AS sms, coalesce(a.wechat, 0) AS wechat,
            coalesce(a.app, 0) AS app, coalesce(a.email, 0) AS email, m.first_touch_at, v.recovered_at,
            coalesce(v.revenue_launch, 0) AS revenue_launch, coalesce(v.revenue_touch, 0) AS revenue_touch,
            coalesce(v.arrived, false) AS arrived, coalesce(v.recalled, false) AS recalled,
            (SELECT json_agg(json_build_object('offerId', o.offer_id,
                     'grantCost', (SELECT g.cost FROM offer_grants g WHERE g.campaign_id = m.campaign_id AND g.customer_id = m.customer_id
                                     AND g.offer_id = o.offer_id AND g.status = 'granted' ORDER BY g.id LIMIT 1)))
               FROM json_array_elements_text(v.offers) AS o(offer_id)) AS redeemed
       FROM m LEFT JOIN a ON a.campaign_id = m.campaign_id AND a.customer_id = m.customer_id
       LEFT JOIN v ON v.campaign_id = m.campaign_id AND v.customer_id = m.customer_id
      ORDER BY m.campaign_id, m.customer_id`,
    [campaignIds, until],
  );
  return rows.map((r) => ({
    campaignId: r.campaign_id, customerId: r.customer_id, storeId: r.store_id, advisorId: r.advisor_id, group: r.grp, programId: r.program_id,
    recallLevel: r.recall_level, quadrant: r.quadrant, level: r.level, churnReason: r.churn_reason, historicalSpend: r.historical_spend, status: r.status,
    attempts: r.attempts, connected: r.connected, staffMinutes: r.staff_minutes, messages: { sms: r.sms, wechat: r.wechat, app: r.app, email: r.email },
    firstTouchAt: r.first_touch_at, recovered: r.recovered_at !== null, recoveredAt: r.recovered_at, revenueFromLaunch: r.revenue_launch,
    revenueFromTouch: r.revenue_touch, arrived: r.arrived, recalled: r.recalled,
    redeemed: (r.redeemed ?? []).map((x) => ({ offerId: x.offerId, grantCost: x.grantCost === null ? null : Number(x.grantCost) })),
  }));
}
