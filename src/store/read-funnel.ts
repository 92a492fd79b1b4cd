import { scopeSql, type Scope } from '../auth/scope.js';
import type { Db } from './db.js';

/** The funnel's stages in order; each is a subset of the one before it. */
export const funnelStages = ['warned', 'tasked', 'contacted', 'booked', 'returned', 'recovered'] as const;
export type FunnelStage = (typeof funnelStages)[number];
export type FunnelCounts = Record<FunnelStage, number>;

export interface FunnelGroupRow extends FunnelCounts {
  storeId: string;
  storeName: string;
  advisorId: string | null;
  advisorName: string | null;
}

export interface FunnelProblem {
  customerId: string;
  name: string;
  level: string;
  storeId: string;
  advisorName: string | null;
  /** The warning's opening (not followed up), the failed task's close, or the overdue task's deadline. */
  at: Date;
  taskId: string | null;
  outcome: string | null;
}

export interface FunnelProblems {
  notFollowedUp: FunnelProblem[];
  followUpFailed: FunnelProblem[];
  needsEscalation: FunnelProblem[];
}

const CONTACTED = ['reached', 'booked'];
const FAILED = ['refused', 'wrong_number'];
const PROBLEMS_LISTED = 20;

/**
 * The retention funnel of warnings opened in [from, to), per store and advisor of the customer,
 * inside `scope`. Each warning is followed from its opening until now: a task opened for the
 * customer → a task reached or booked them → a booking (that outcome, or an appointment event) →
 * a visit → the warning closed (back to green). Nested stages, so every rate is of the step before.
 */
export async function readFunnel(db: Db, scope: Scope, from: Date, to: Date): Promise<FunnelGroupRow[]> {
  const params: unknown[] = [from, to, CONTACTED];
  const inScope = scopeSql(scope, params, 'c');
  const rows = await db.query<{
    store_id: string; store_name: string; advisor_id: string | null; advisor_name: string | null;
    warned: number; tasked: number; contacted: number; booked: number; returned: number; recovered: number;
  }>(
    `WITH w AS (
       SELECT w.id, w.customer_id, w.opened_at, w.closed_at, c.store_id, c.advisor_id
         FROM warnings w JOIN customers c ON c.id = w.customer_id
        WHERE w.opened_at >= $1 AND w.opened_at < $2 AND ${inScope}),
     f AS (
       SELECT w.*,
              EXISTS (SELECT 1 FROM tasks t WHERE t.customer_id = w.customer_id AND t.created_at >= w.opened_at) AS tasked,
              EXISTS (SELECT 1 FROM tasks t WHERE t.customer_id = w.customer_id AND t.created_at >= w.opened_at
                         AND t.outcome = ANY($3::text[])) AS contacted,
              EXISTS (SELECT 1 FROM tasks t WHERE t.customer_id = w.customer_id AND t.created_at >= w.opened_at AND t.outcome = 'booked')
                OR EXISTS (SELECT 1 FROM events e WHERE e.customer_id = w.customer_id AND e.type = 'appointment_booked' AND e.at >= w.opened_at)
                AS booked,
              EXISTS (SELECT 1 FROM events e WHERE e.customer_id = w.customer_id AND e.type = 'visit' AND e.at >= w.opened_at) AS returned
         FROM w),
     s AS (
       SELECT store_id, advisor_id,
              count(*)::int AS warned,
              count(*) FILTER (WHERE tasked)::int AS tasked,
              count(*) FILTER (WHERE tasked AND contacted)::int AS contacted,
              count(*) FILTER (WHERE tasked AND contacted AND booked)::int AS booked,
              count(*) FILTER (WHERE tasked AND contacted AND booked AND returned)::int AS returned,
              count(*) FILTER (WHERE tasked AND contacted AND booked AND returned AND closed_at IS NOT NULL)::int AS recovered
         FROM f GROUP BY store_id, advisor_id)
     SELECT s.*, st.name AS store_name, a.name AS advisor_name
       FROM s JOIN stores st ON st.id = s.store_id LEFT JOIN staff a ON a.id = s.advisor_id
      ORDER BY s.store_id, s.advisor_id NULLS LAST`,
    params,
  );
  return rows.map((r) => ({
    storeId: r.store_id, storeName: r.store_name, advisorId: r.advisor_id, advisorName: r.advisor_name,
    warned: r.warned, tasked: r.tasked, contacted: r.contacted, booked: r.booked, returned: r.returned, recovered: r.recovered,
  }));
}

/**
 * The open problems of screens.md: open warnings of the period no task was opened for; tasks
 * whose follow-up failed (refused, wrong number); open tasks past their deadline. Newest first.
 */
export async function readFunnelProblems(db: Db, scope: Scope, from: Date, to: Date, now: Date): Promise<FunnelProblems> {
  const list = async (sql: string, extra: unknown[]) => {
    const params: unknown[] = [...extra];
    const inScope = scopeSql(scope, params, 'c');
    params.push(PROBLEMS_LISTED);
    const rows = await db.query<{ customer_id: string; name: string; level: string; store_id: string; advisor_name: string | null; at: Date; task_id: string | null; outcome: string | null }>(
      sql.replace('$SCOPE', inScope).replace('$LIMIT', `$${params.length}`),
      params,
    );
    return rows.map((r) => ({
      customerId: r.customer_id, name: r.name, level: r.level, storeId: r.store_id, advisorName: r.advisor_name, at: new Date(r.at), taskId: r.task_id, outcome: r.outcome,
    }));
  };
  const [notFollowedUp, followUpFailed, needsEscalation] = await Promise.all([
    list(
      `SELECT c.id AS customer_id, c.name, w.level, c.store_id, a.name AS advisor_name, w.opened_at AS at, NULL::text AS task_id, NULL::text AS outcome
         FROM warnings w JOIN customers c ON c.id = w.customer_id LEFT JOIN staff a ON a.id = c.advisor_id
        WHERE w.closed_at IS NULL AND w.opened_at >= $1 AND w.opened_at < $2 AND w.level IN ('orange', 'red') AND $SCOPE
          AND NOT EXISTS (SELECT 1 FROM tasks t WHERE t.customer_id = w.customer_id AND t.created_at >= w.opened_at)
        ORDER BY w.opened_at DESC, c.id LIMIT $LIMIT`,
      [from, to],
    ),
    list(
      `SELECT c.id AS customer_id, c.name, coalesce(t.level, '') AS level, c.store_id, a.name AS advisor_name, t.closed_at AS at, t.id AS task_id, t.outcome
         FROM tasks t JOIN customers c ON c.id = t.customer_id LEFT JOIN staff a ON a.id = t.assignee_id
        WHERE t.outcome = ANY($1::text[]) AND t.closed_at >= $2 AND t.closed_at < $3 AND $SCOPE
        ORDER BY t.closed_at DESC, t.id LIMIT $LIMIT`,
      [FAILED, from, to],
    ),
    list(
      `SELECT c.id AS customer_id, c.name, coalesce(t.level, '') AS level, c.store_id, a.name AS advisor_name, t.due AS at, t.id AS task_id, NULL::text AS outcome
         FROM tasks t JOIN customers c ON c.id = t.customer_id LEFT JOIN staff a ON a.id = t.assignee_id
        WHERE t.status = 'open' AND t.due < $1 AND $SCOPE
        ORDER BY t.due, t.id LIMIT $LIMIT`,
      [now],
    ),
  ]);
  return { notFollowedUp, followUpFailed, needsEscalation };
}
