import { scopeSql, type Scope } from '../auth/scope.js';
import type { Db } from './db.js';

/** The list filters beyond scope (screens.md: level, value tier, lifecycle; store/advisor are in the scope). */
export interface ListFilter {
  scope: Scope;
  level?: string | undefined;
  valueTier?: string | undefined;
  lifecycle?: string | undefined;
  /** At least this predicted churn probability (customers without a prediction are left out). */
  minChurn?: number | undefined;
}

/** One customer of the risk list: the latest evaluation's key figures and the open warning. */
export interface RiskRow {
  customerId: string;
  name: string;
  phone: string | null;
  storeId: string;
  storeName: string;
  advisorId: string | null;
  advisorName: string | null;
  level: string;
  riskScore: number;
  healthScore: number;
  healthTier: string | null;
  daysSinceVisit: number | null;
  lastSatisfaction: number | null;
  lastNps: number | null;
  /** The prediction's churn probability stored with the evaluation (null until a model is fitted). */
  churnProbability: number | null;
  pAlive: number | null;
  clv: number | null;
  /** The churn probability came from the network's model (the store could not fit its own). */
  networkModel: boolean;
  valueTier: string | null;
  lifecycle: string | null;
  evaluatedAsOf: string;
  signals: string[];
  rules: string[];
  reason: string | null;
  warningLevel: string | null;
  warningChangedAt: Date | null;
}

/**
 * The latest evaluation of every customer in scope with its record, joined once; the boards read
 * from it. Filters go on the current evaluation's columns, so no record is parsed to filter.
 * `params` receives the scope's and the filters' values.
 */
export function latestEvaluationsSql(f: ListFilter, params: unknown[]): string {
  return `
    SELECT c.id, c.name, c.record, c.store_id, c.advisor_id, ce.level, ce.risk_score, ce.health_score, ce.as_of, e.record AS eval
      FROM ${currentInScopeSql(f, params, 'JOIN evaluations e ON e.customer_id = ce.customer_id AND e.as_of = ce.as_of')}`;
}

/** Customers in scope (`c`) joined to their current evaluation (`ce`) and to `join`, with the filters as conditions. */
function currentInScopeSql(f: ListFilter, params: unknown[], join = ''): string {
  const scope = scopeSql(f.scope, params, 'c');
  return inScopeSql(scope, filtersSql(f, params), join);
}

const inScopeSql = (scope: string, filters: string, join = '') => `customers c
      JOIN current_evaluations ce ON ce.customer_id = c.id ${join}
     WHERE ${scope} AND ${filters}`;

/** The filters on the current evaluation (`ce`). */
function filtersSql(f: ListFilter, params: unknown[]): string {
  params.push(f.level ?? null, f.valueTier ?? null, f.lifecycle ?? null, f.minChurn ?? null);
  const n = params.length - 3;
  return `($${n}::text IS NULL OR ce.level = $${n})
       AND ($${n + 1}::text IS NULL OR ce.value_tier = $${n + 1})
       AND ($${n + 2}::text IS NULL OR ce.lifecycle = $${n + 2})
       AND ($${n + 3}::numeric IS NULL OR ce.churn_probability >= $${n + 3})`;
}

/**
 * The current evaluations in scope (`ce`, and the customers `c` when the scope is narrower than
 * everything), filtered. Evaluations are only made of stored customers, and customers are never
 * deleted, so a scope of every store and advisor reads the evaluations alone.
 */
function listedSql(f: ListFilter, params: unknown[]): string {
  if (f.scope.storeIds === null && f.scope.advisorId === null) return `current_evaluations ce WHERE ${filtersSql(f, params)}`;
  return currentInScopeSql(f, params);
}

const countSql = (listed: string) => `SELECT count(*)::int FROM ${listed}`;

interface Row {
  id: string; name: string; phone: string | null; store_id: string; store_name: string; advisor_id: string | null;
  advisor_name: string | null; level: string; risk_score: number; health_score: number; health_tier: string | null;
  r: number | null; last_sat: number | null; last_nps: number | null; churn: number | null; p_alive: number | null; clv: number | null; network_model: boolean | null; value_tier: string | null; lifecycle: string | null;
  as_of: string; signals: string[] | null; rules: string[] | null; reason: string | null;
  warning_level: string | null; warning_changed_at: Date | null; writes: number; total: number | null;
}

export type RiskSort = 'urgency' | 'churn';

/** The order of the list over a table alias: its urgency index (and its churn index) serve it. */
const order = (sort: RiskSort, t: string, id: string, churn: string): string => {
  const urgency = `${t}.urgency, ${t}.risk_score, ${t}.health_score, ${t}.${id}`;
  return sort === 'churn' ? `${t}.${churn} DESC NULLS LAST, ${urgency}` : urgency;
};

/** The writes (list_writes) a list's total was counted at, by filter; a page counts again only after a write. */
const totals = new WeakMap<Db, Map<string, { writes: number; total: number }>>();
const REMEMBERED_TOTALS = 1_000;

function rememberTotal(db: Db, key: string, writes: number, total: number): void {
  let known = totals.get(db);
  if (!known) totals.set(db, (known = new Map()));
  known.delete(key);
  if (known.size >= REMEMBERED_TOTALS) known.delete(known.keys().next().value!);
  known.set(key, { writes, total });
}

/**
 * Most urgent first (level, then the lower risk score — higher is safer — then the lower
 * health), or by predicted churn probability, highest first, customers without one last.
 */
export async function listRiskRows(
  db: Db, f: ListFilter, page: { limit: number; offset: number }, sort: RiskSort = 'urgency',
): Promise<{ rows: RiskRow[]; total: number }> {
  const params: unknown[] = [];
  const listed = listedSql(f, params);
  const key = JSON.stringify(params);
  const known = totals.get(db)?.get(key);
  params.push(page.limit, page.offset, known?.writes ?? -1);
  // The page walks the current evaluations' order index and stops at its last row; what it shows
  // is on that row, so no evaluation record is read. The customer's own columns are read for
  // the page's rows alone: computed below the limit, the phone was parsed out of every record in
  // scope. The total comes in the same round trip, counted only when a write has committed since
  // this filter's total was last counted (migration 018).
  const rows = await db.query<Row>(
    `WITH ranked AS (
       SELECT ce.customer_id AS id, ce.urgency, ce.level, ce.risk_score, ce.health_score, ce.health_tier, ce.days_since_visit AS r,
              ce.last_satisfaction AS last_sat, ce.last_nps, ce.churn_probability AS churn, ce.p_alive, ce.clv, ce.network_model,
              ce.value_tier, ce.lifecycle, ce.as_of, ce.signal_ids AS signals, ce.rule_ids AS rules, ce.reason
         FROM ${listed}
        ORDER BY ${order(sort, 'ce', 'customer_id', 'churn_probability')}
        LIMIT $${params.length - 2} OFFSET $${params.length - 1})
     SELECT l.*, c.name, c.record->>'phone' AS phone, c.store_id, c.advisor_id,
            (SELECT name FROM stores WHERE id = c.store_id) AS store_name, (SELECT name FROM staff WHERE id = c.advisor_id) AS advisor_name,
            w.level AS warning_level, w.changed_at AS warning_changed_at, lw.writes,
            -- Counted only when a write has committed since the total known (an uncorrelated
            -- subquery is run at its first use, so not at all here when the writes are the same).
            CASE WHEN lw.writes = $${params.length} THEN NULL ELSE (${countSql(listed)}) END AS total
       FROM ranked l
       CROSS JOIN (SELECT coalesce(sum(n), 0) AS writes FROM list_writes) lw
       JOIN customers c ON c.id = l.id
       -- A customer has one open warning at most; LIMIT keeps this a lookup per row of the page,
       -- where a join read every open warning to hash them.
       LEFT JOIN LATERAL (SELECT level, changed_at FROM warnings WHERE customer_id = l.id AND closed_at IS NULL LIMIT 1) w ON true
      ORDER BY ${order(sort, 'l', 'id', 'churn')}`,
    params,
  );
  const first = rows[0];
  let total: number;
  if (!first) total = page.offset > 0 ? await countRiskRows(db, f) : 0; // a page past the end has no row to carry the total
  else if (first.total === null) total = known!.total;
  else rememberTotal(db, key, first.writes, (total = first.total));
  return {
    total,
    rows: rows.map((r) => ({
      customerId: r.id, name: r.name, phone: r.phone, storeId: r.store_id, storeName: r.store_name,
      advisorId: r.advisor_id, advisorName: r.advisor_name, level: r.level, riskScore: r.risk_score,
      healthScore: r.health_score, healthTier: r.health_tier, daysSinceVisit: r.r, lastSatisfaction: r.last_sat,
      lastNps: r.last_nps, churnProbability: r.churn, pAlive: r.p_alive, clv: r.clv, networkModel: r.network_model === true, valueTier: r.value_tier, lifecycle: r.lifecycle, evaluatedAsOf: r.as_of,
      signals: r.signals ?? [], rules: r.rules ?? [], reason: r.reason, warningLevel: r.warning_level,
      warningChangedAt: r.warning_changed_at,
    })),
  };
}

async function countRiskRows(db: Db, f: ListFilter): Promise<number> {
  const params: unknown[] = [];
  const [row] = await db.query<{ count: number }>(countSql(listedSql(f, params)), params);
  return row?.count ?? 0;
}
