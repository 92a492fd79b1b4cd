import { scopeSql, type Scope } from '../auth/scope.js';
import { churnReasonOf } from '../campaigns/churn-reason.js';
import type { Candidate } from '../campaigns/segment.js';
import type { Policy } from '../domain/policy/policy-schema.js';
import { valueTier } from '../domain/value-tier.js';
import type { Db } from './db.js';

interface Row {
  id: string; store_id: string; advisor_id: string | null; level: string; lifecycle: string; recall_level: number | null; value_tier: string;
  r: number; historical: number; dissatisfied: boolean; churn_reason: string | null; dormant_type: string | null;
  stated_call: string | null; stated_task: string | null;
}

/**
 * Every customer in scope as of a day, as segment selection sees them: the newest evaluation on
 * or before `asOf` (the latest when omitted), the recorded churn reason and dormant type. A
 * customer someone marked do-not-contact is never a candidate (neither group: the comparison
 * stays fair).
 */
export async function loadCandidates(db: Db, o: { scope: Scope; asOf?: string; policy: Policy; onlyRecall?: boolean }): Promise<Candidate[]> {
  const params: unknown[] = [o.asOf ?? null, o.onlyRecall ?? false];
  const scope = scopeSql(o.scope, params, 'c');
  const rows = await db.query<Row>(
    `SELECT c.id, c.store_id, c.advisor_id, e.level, e.record->>'lifecycle' AS lifecycle, (e.record->'recall'->>'level')::int AS recall_level,
            e.record->>'valueTier' AS value_tier, (e.record->'features'->>'R')::int AS r,
            (e.record->'features'->>'historicalAnnualSpend')::numeric AS historical,
            ((e.record->'features'->>'complaints365')::int > 0 OR (e.record->'features'->>'sat5')::numeric <= 3
              OR (e.record->'features'->>'lastNps')::numeric <= 6) IS TRUE AS dissatisfied,
            o.churn_reason, o.dormant_type,
            (SELECT ev.record->'extra'->>'churnReason' FROM events ev
              WHERE ev.customer_id = c.id AND ev.type = 'call' AND ev.day <= e.as_of AND ev.record->'extra'->>'churnReason' IS NOT NULL
              ORDER BY ev.at DESC LIMIT 1) AS stated_call,
            (SELECT t.churn_reason FROM tasks t WHERE t.customer_id = c.id AND t.churn_reason IS NOT NULL ORDER BY t.closed_at DESC NULLS LAST LIMIT 1) AS stated_task
       FROM customers c
       JOIN LATERAL (SELECT as_of, level, record FROM evaluations WHERE customer_id = c.id AND ($1::date IS NULL OR as_of <= $1::date)
                      ORDER BY as_of DESC LIMIT 1) e ON true
       LEFT JOIN customer_outreach o ON o.customer_id = c.id
      WHERE ${scope} AND NOT coalesce(o.do_not_contact, false)
        AND (NOT $2::boolean OR e.record->>'lifecycle' IN ('lost', 'dormant'))
      ORDER BY c.id`,
    params,
  );
  const p = o.policy.recall;
  return rows.map((r): Candidate => ({
    customerId: r.id, storeId: r.store_id, advisorId: r.advisor_id, level: r.level, lifecycle: r.lifecycle,
    recallLevel: r.recall_level as Candidate['recallLevel'], valueTier: r.value_tier,
    historicalValueTier: valueTier(r.historical, o.policy.valueTier),
    recency: r.r <= p.recentMaxR ? 'recent' : r.r > p.longAboveR ? 'long' : 'middle',
    R: r.r, historicalAnnualSpend: r.historical,
    dormantType: r.dormant_type ?? (r.lifecycle === 'dormant' ? (r.dissatisfied ? 'dissatisfied' : 'passive') : null),
    churnReason: churnReasonOf({ recorded: r.churn_reason, lastStated: r.stated_call ?? r.stated_task, dissatisfied: r.dissatisfied }),
  }));
}

/** Customers held by an active campaign other than `except`: not to be targeted twice. */
export async function customersInActiveCampaigns(db: Db, except: string): Promise<Set<string>> {
  const rows = await db.query<{ customer_id: string }>('SELECT customer_id FROM campaign_members WHERE active AND campaign_id <> $1', [except]);
  return new Set(rows.map((r) => r.customer_id));
}
