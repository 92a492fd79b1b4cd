import { scopeSql, type Scope } from '../../auth/scope.js';
import type { Db } from '../../store/db.js';

export interface GaveUpMember {
  customerId: string;
  name: string;
  value: number;
  churnReason: string;
  attempts: number;
}

/** Campaign members given up on in the period (after the attempts policy was met), with their attempts. */
export async function readGaveUp(db: Db, scope: Scope, from: Date, to: Date): Promise<GaveUpMember[]> {
  const params: unknown[] = [from, to];
  const inScope = scopeSql(scope, params, 'c');
  const rows = await db.query<{ customer_id: string; name: string; value: number; churn_reason: string; attempts: number }>(
    `SELECT m.customer_id, c.name, m.historical_spend AS value, m.churn_reason,
            (SELECT count(*)::int FROM campaign_attempts a WHERE a.campaign_id = m.campaign_id AND a.customer_id = m.customer_id) AS attempts
       FROM campaign_members m JOIN customers c ON c.id = m.customer_id
      WHERE m.status = 'gave_up' AND m.gave_up_at >= $1 AND m.gave_up_at < $2 AND ${inScope}
      ORDER BY value DESC, m.customer_id`,
    params,
  );
  return rows.map((r) => ({ customerId: r.customer_id, name: r.name, value: r.value, churnReason: r.churn_reason, attempts: r.attempts }));
}
