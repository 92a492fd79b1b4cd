import { scopeSql, type Scope } from '../auth/scope.js';
import type { Db } from './db.js';
import { latestEvaluationsSql, type ListFilter } from './read-risk-list.js';

export interface BoardWarning {
  warningId: number;
  customerId: string;
  name: string;
  phone: string | null;
  storeId: string;
  advisorId: string | null;
  advisorName: string | null;
  level: string;
  openedAt: Date;
  changedAt: Date;
  reason: string | null;
  daysSinceVisit: number | null;
  lastNps: number | null;
  lastSatisfaction: number | null;
  signals: string[];
  rules: string[];
  valueTier: string | null;
  lifecycle: string | null;
}

/** Today's warning board: open warnings by level, and the red and orange ones, most severe and oldest first. */
export async function readWarningBoard(
  db: Db,
  f: ListFilter,
  page: { limit: number; offset: number },
): Promise<{ counts: Record<'red' | 'orange' | 'yellow', number>; items: BoardWarning[]; total: number }> {
  const params: unknown[] = [];
  // Every open warning has an evaluation behind it, so without a filter on the evaluation the
  // board is counted and ranked from the warnings alone, and records are read for the page's rows.
  const byEvaluation = f.valueTier !== undefined || f.lifecycle !== undefined || f.minChurn !== undefined;
  const inScope = byEvaluation
    ? `(${latestEvaluationsSql({ ...f, level: undefined }, params)})`
    : `(SELECT c.id, c.name, c.record, c.store_id, c.advisor_id FROM customers c WHERE ${scopeSql(f.scope, params, 'c')})`;
  params.push(f.level ?? null);
  const levelParam = params.length;
  const countRows = await db.query<{ level: string; n: number }>(
    `SELECT w.level, count(*)::int AS n FROM ${inScope} l JOIN warnings w ON w.customer_id = l.id AND w.closed_at IS NULL
      WHERE ($${levelParam}::text IS NULL OR w.level = $${levelParam}) GROUP BY w.level`,
    params,
  );
  const counts = { red: 0, orange: 0, yellow: 0 };
  for (const r of countRows) if (r.level in counts) counts[r.level as keyof typeof counts] = r.n;

  params.push(page.limit, page.offset);
  const ORDER = "array_position(ARRAY['red','orange'], w.level), w.opened_at, w.id";
  const rows = await db.query<{
    id: number; customer_id: string; name: string; phone: string | null; store_id: string; advisor_id: string | null;
    advisor_name: string | null; level: string; opened_at: Date; changed_at: Date; reason: string | null; r: number | null;
    last_nps: number | null; last_sat: number | null; signals: string[] | null; rules: string[] | null;
    value_tier: string | null; lifecycle: string | null;
  }>(
    `WITH ranked AS (
       SELECT w.id, l.id AS customer_id, l.name, l.record, l.store_id, l.advisor_id, w.level, w.opened_at, w.changed_at, w.reasons
         FROM ${inScope} l
         JOIN warnings w ON w.customer_id = l.id AND w.closed_at IS NULL AND w.level IN ('red', 'orange')
        WHERE ($${levelParam}::text IS NULL OR w.level = $${levelParam})
        ORDER BY ${ORDER}
        LIMIT $${params.length - 1} OFFSET $${params.length})
     SELECT w.id, w.customer_id, w.name, w.record->>'phone' AS phone, w.store_id, w.advisor_id, a.name AS advisor_name,
            w.level, w.opened_at, w.changed_at, w.reasons->>0 AS reason,
            (e.record->'features'->>'R')::int AS r, (e.record->'features'->>'lastNps')::numeric AS last_nps,
            (e.record->'features'->>'lastSatisfaction')::numeric AS last_sat,
            (SELECT json_agg(s->>'id') FROM json_array_elements(e.record->'signals') s) AS signals,
            (SELECT json_agg(r->>'id') FROM json_array_elements(e.record->'rules') r) AS rules,
            e.record->>'valueTier' AS value_tier, e.record->>'lifecycle' AS lifecycle
       FROM ranked w
       JOIN LATERAL (SELECT record FROM evaluations WHERE customer_id = w.customer_id ORDER BY as_of DESC LIMIT 1) e ON true
       LEFT JOIN staff a ON a.id = w.advisor_id
      ORDER BY ${ORDER}`,
    params,
  );
  const total = f.level === 'yellow' || f.level === 'green' ? 0 : f.level ? counts[f.level as 'red' | 'orange'] : counts.red + counts.orange;
  return {
    counts,
    total,
    items: rows.map((r) => ({
      warningId: r.id, customerId: r.customer_id, name: r.name, phone: r.phone, storeId: r.store_id,
      advisorId: r.advisor_id, advisorName: r.advisor_name, level: r.level, openedAt: r.opened_at,
      changedAt: r.changed_at, reason: r.reason, daysSinceVisit: r.r, lastNps: r.last_nps,
      lastSatisfaction: r.last_sat, signals: r.signals ?? [], rules: r.rules ?? [], valueTier: r.value_tier,
      lifecycle: r.lifecycle,
    })),
  };
}

/**
 * This week's recovery: warnings that were orange or red at some point and closed (the customer
 * is green again) since `weekStart`, against the orange and red warnings there were to work.
 */
export async function readWeeklyRecovery(db: Db, scope: Scope, weekStart: Date): Promise<{ recovered: number; toWork: number }> {
  const params: unknown[] = [];
  const s = scopeSql(scope, params, 'c');
  params.push(weekStart);
  const [row] = await db.query<{ recovered: number; open: number }>(
    `SELECT count(*) FILTER (WHERE w.closed_at >= $${params.length})::int AS recovered,
            count(*) FILTER (WHERE w.closed_at IS NULL AND w.level IN ('orange', 'red'))::int AS open
       FROM warnings w JOIN customers c ON c.id = w.customer_id
      WHERE ${s} AND (w.closed_at IS NULL OR w.closed_at >= $${params.length})
        AND (w.level IN ('orange', 'red') OR EXISTS (
              SELECT 1 FROM warning_changes wc WHERE wc.warning_id = w.id AND wc.to_level IN ('orange', 'red')))`,
    params,
  );
  return { recovered: row?.recovered ?? 0, toWork: (row?.open ?? 0) + (row?.recovered ?? 0) };
}
