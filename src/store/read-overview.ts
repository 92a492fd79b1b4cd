import { scopeSql } from '../auth/scope.js';
import type { Db } from './db.js';
import { latestEvaluationsSql, type ListFilter } from './read-risk-list.js';

export interface Overview {
  totalCustomers: number;
  byHealthTier: Record<string, number>;
  byLevel: Record<string, number>;
  byValueTier: Record<string, number>;
  byLifecycle: Record<string, number>;
  /** Warnings opened since `monthStart` that are orange or red now (open or since closed). */
  warningsThisMonth: { orange: number; red: number };
  /** Open red warnings: the ones to follow this week. */
  openRed: number;
  /** Per care tier, customers within their proactive-contact interval, due today, or past it; and the open care tasks. */
  careCoverage: Record<string, { within: number; due: number; overdue: number; openTasks: number }>;
  trend: { month: string; customers: number; byHealthTier: Record<string, number>; byLevel: Record<string, number> }[];
}

const add = (m: Record<string, number>, k: string | null, n: number) => {
  const key = k ?? 'unknown';
  m[key] = (m[key] ?? 0) + n;
};

/** The health overview of screens.md, over the latest evaluation of each customer in scope. */
export async function readOverview(db: Db, f: ListFilter, monthStart: Date, trendFrom: string): Promise<Overview> {
  const params: unknown[] = [];
  const latest = latestEvaluationsSql(f, params);
  const groups = await db.query<{
    health_tier: string | null; level: string; value_tier: string | null; lifecycle: string | null;
    care_tier: string | null; care_status: string | null; n: number;
  }>(
    `SELECT l.eval->'health'->>'tier' AS health_tier, l.level, l.eval->>'valueTier' AS value_tier,
            l.eval->>'lifecycle' AS lifecycle, l.eval->'care'->>'tier' AS care_tier, l.eval->'care'->>'status' AS care_status,
            count(*)::int AS n
       FROM (${latest}) l GROUP BY 1, 2, 3, 4, 5, 6`,
    params,
  );
  const o: Overview = {
    totalCustomers: 0, byHealthTier: {}, byLevel: {}, byValueTier: {}, byLifecycle: {},
    warningsThisMonth: { orange: 0, red: 0 }, openRed: 0, careCoverage: {}, trend: [],
  };
  const coverage = (tier: string) => (o.careCoverage[tier] ??= { within: 0, due: 0, overdue: 0, openTasks: 0 });
  for (const g of groups) {
    o.totalCustomers += g.n;
    add(o.byHealthTier, g.health_tier, g.n);
    add(o.byLevel, g.level, g.n);
    add(o.byValueTier, g.value_tier, g.n);
    add(o.byLifecycle, g.lifecycle, g.n);
    if (g.care_tier !== null && (g.care_status === 'within' || g.care_status === 'due' || g.care_status === 'overdue')) {
      coverage(g.care_tier)[g.care_status] += g.n;
    }
  }

  // Open care tasks by the care tier of the customer's latest evaluation (the tier the task was planned for).
  const cParams: unknown[] = [];
  const cLatest = latestEvaluationsSql(f, cParams);
  const careTasks = await db.query<{ care_tier: string | null; n: number }>(
    `SELECT l.eval->'care'->>'tier' AS care_tier, count(*)::int AS n
       FROM tasks t JOIN (${cLatest}) l ON l.id = t.customer_id
      WHERE t.category = 'care' AND t.status = 'open'
      GROUP BY 1`,
    cParams,
  );
  for (const c of careTasks) coverage(c.care_tier ?? 'unknown').openTasks += c.n;

  const wParams: unknown[] = [];
  const wScope = scopeSql(f.scope, wParams, 'c');
  wParams.push(monthStart);
  const warnings = await db.query<{ level: string; this_month: number; open: number }>(
    `SELECT w.level, count(*) FILTER (WHERE w.opened_at >= $${wParams.length})::int AS this_month,
            count(*) FILTER (WHERE w.closed_at IS NULL)::int AS open
       FROM warnings w JOIN customers c ON c.id = w.customer_id
      WHERE ${wScope} AND w.level IN ('orange', 'red') AND (w.closed_at IS NULL OR w.opened_at >= $${wParams.length})
      GROUP BY w.level`,
    wParams,
  );
  for (const w of warnings) {
    if (w.level === 'orange' || w.level === 'red') o.warningsThisMonth[w.level] = w.this_month;
    if (w.level === 'red') o.openRed = w.open;
  }

  // The month's last snapshot of each customer: the trend needs a snapshot per month (the demo back-fills month ends).
  const tParams: unknown[] = [];
  const tScope = scopeSql(f.scope, tParams, 'c');
  tParams.push(trendFrom);
  const trend = await db.query<{ month: string; health_tier: string | null; level: string; n: number }>(
    `SELECT to_char(m, 'YYYY-MM') AS month, health_tier, level, count(*)::int AS n FROM (
       SELECT DISTINCT ON (e.customer_id, date_trunc('month', e.as_of))
              date_trunc('month', e.as_of) AS m, e.level, e.record->'health'->>'tier' AS health_tier
         FROM evaluations e JOIN customers c ON c.id = e.customer_id
        WHERE ${tScope} AND e.as_of >= $${tParams.length}::date
        ORDER BY e.customer_id, date_trunc('month', e.as_of), e.as_of DESC) x
      GROUP BY 1, 2, 3 ORDER BY 1`,
    tParams,
  );
  const months = new Map<string, Overview['trend'][number]>();
  for (const t of trend) {
    let m = months.get(t.month);
    if (!m) months.set(t.month, (m = { month: t.month, customers: 0, byHealthTier: {}, byLevel: {} }));
    m.customers += t.n;
    add(m.byHealthTier, t.health_tier, t.n);
    add(m.byLevel, t.level, t.n);
  }
  o.trend = [...months.values()];
  return o;
}
