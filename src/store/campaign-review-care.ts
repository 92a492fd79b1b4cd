import { scopeSql, type Scope } from '../auth/scope.js';
import type { Db } from './db.js';

/** A run is care when the engine started it for a care moment or a store notice (diff-views, announce-notice). */
const CARE_RUN = "(r.trigger_key LIKE 'care:%' OR r.trigger_key LIKE 'notice:%')";

export interface CareWork {
  tasksOpened: number;
  tasksDone: number;
  /** Done tasks in which the customer was reached (reached or booked). */
  tasksReached: number;
  messagesSent: number;
  /** Customers touched proactively by care work this month: a care task reached them or a care message was sent. */
  customersTouched: number;
}

/** The month's care work in scope: care tasks opened and done, care messages sent, customers touched. */
export async function readCareWork(db: Db, scope: Scope, from: Date, to: Date): Promise<CareWork> {
  const params: unknown[] = [from, to];
  const inScope = scopeSql(scope, params, 'c');
  const [row] = await db.query<CareWork>(
    `WITH care_tasks AS (
       SELECT t.customer_id, t.created_at, t.closed_at, t.outcome FROM tasks t JOIN customers c ON c.id = t.customer_id
        WHERE t.category = 'care' AND ${inScope} AND (t.created_at >= $1 AND t.created_at < $2 OR t.closed_at >= $1 AND t.closed_at < $2)),
     care_messages AS (
       SELECT m.customer_id FROM outbox_messages m JOIN program_steps s ON s.key = m.step_key JOIN program_runs r ON r.id = s.run_id
         JOIN customers c ON c.id = m.customer_id
        WHERE ${CARE_RUN} AND m.status = 'sent' AND m.sent_at >= $1 AND m.sent_at < $2 AND ${inScope})
     SELECT (SELECT count(*) FROM care_tasks WHERE created_at >= $1 AND created_at < $2)::int AS "tasksOpened",
            (SELECT count(*) FROM care_tasks WHERE closed_at >= $1 AND closed_at < $2 AND outcome IS NOT NULL)::int AS "tasksDone",
            (SELECT count(*) FROM care_tasks WHERE closed_at >= $1 AND closed_at < $2 AND outcome IN ('reached', 'booked'))::int AS "tasksReached",
            (SELECT count(*) FROM care_messages)::int AS "messagesSent",
            (SELECT count(DISTINCT customer_id) FROM (
               SELECT customer_id FROM care_tasks WHERE closed_at >= $1 AND closed_at < $2 AND outcome IN ('reached', 'booked')
               UNION SELECT customer_id FROM care_messages) touched)::int AS "customersTouched"`,
    params,
  );
  return row!;
}

export interface CareGroupCounts {
  customers: number;
  /** Of them, an orange or red warning opened (or raised to it) within the window after the start. */
  warned: number;
  /** Of them, a visit within the window after the start. */
  visited: number;
}

/**
 * The two groups of the care effect, over the month's starts of the programs held out at random:
 * treated — a care run of one of them started this month; held out — held out of one of them this
 * month and no care run of any program started for them this month (a pure control). Each
 * customer counts once, from their first start (or hold-out) in the month; later warnings and
 * visits are counted within `windowDays` of it, up to `asOf` (a month still running counts so far).
 */
export async function readCareGroups(
  db: Db, scope: Scope, from: Date, to: Date, programs: string[], windowDays: number,
): Promise<{ treated: CareGroupCounts; heldOut: CareGroupCounts }> {
  const params: unknown[] = [from, to, programs, windowDays];
  const inScope = scopeSql(scope, params, 'c');
  const rows = await db.query<CareGroupCounts & { grp: string }>(
    `WITH treated AS (
       SELECT r.customer_id, min(r.started_at) AS at FROM program_runs r JOIN customers c ON c.id = r.customer_id
        WHERE ${CARE_RUN} AND r.program_id = ANY($3::text[]) AND r.started_at >= $1 AND r.started_at < $2 AND ${inScope}
        GROUP BY r.customer_id),
     held AS (
       SELECT h.customer_id, min(h.at) AS at FROM program_holdouts h JOIN customers c ON c.id = h.customer_id
        WHERE h.trigger_key LIKE 'care:%' AND h.program_id = ANY($3::text[]) AND h.at >= $1 AND h.at < $2 AND ${inScope}
          AND NOT EXISTS (SELECT 1 FROM program_runs r WHERE r.customer_id = h.customer_id AND ${CARE_RUN}
                             AND r.started_at >= $1 AND r.started_at < $2)
        GROUP BY h.customer_id),
     groups AS (SELECT 'treated' AS grp, * FROM treated UNION ALL SELECT 'held' AS grp, * FROM held)
     SELECT g.grp, count(*)::int AS customers,
            count(*) FILTER (WHERE EXISTS (
              SELECT 1 FROM warning_changes wc WHERE wc.customer_id = g.customer_id AND wc.to_level IN ('orange', 'red')
                 AND wc.change IN ('opened', 'raised') AND wc.at > g.at AND wc.at <= g.at + make_interval(days => $4::int)))::int AS warned,
            count(*) FILTER (WHERE EXISTS (
              SELECT 1 FROM events e WHERE e.customer_id = g.customer_id AND e.type = 'visit'
                 AND e.at > g.at AND e.at <= g.at + make_interval(days => $4::int)))::int AS visited
       FROM groups g GROUP BY g.grp`,
    params,
  );
  const of = (grp: string): CareGroupCounts => {
    const r = rows.find((x) => x.grp === grp);
    return { customers: r?.customers ?? 0, warned: r?.warned ?? 0, visited: r?.visited ?? 0 };
  };
  return { treated: of('treated'), heldOut: of('held') };
}
