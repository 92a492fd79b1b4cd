import { formatDay, type Day } from '../domain/dates.js';
import type { Db } from './db.js';
import { latestEvaluationsSql, type ListFilter } from './read-risk-list.js';

export interface RecallLevelRow {
  /** 1, 2, 3, or null: lost/dormant but not worth a recall (basic value, long gone). */
  recallLevel: number | null;
  customers: number;
  attempted: number;
  connected: number;
  visited: number;
  revenue: number;
}

export interface RecallBoard {
  levels: RecallLevelRow[];
  /** Customers back from dormancy (lifecycle observation) and what they spent since coming back. */
  returned: { customers: number; revenue: number };
  daily: { day: string; calls: number; connected: number }[];
}

/**
 * The recall board from the data that exists before recall campaigns run: lost and dormant
 * customers by recall level, the calls they got since `from` (attempted, connected), who of them
 * visited since, and the customers who came back. Campaigns and hold-out groups come with the
 * program engine.
 */
export async function readRecallBoard(db: Db, f: ListFilter, from: Day): Promise<RecallBoard> {
  const params: unknown[] = [];
  const latest = latestEvaluationsSql({ ...f, lifecycle: undefined }, params);
  params.push(formatDay(from));
  const fromParam = params.length;
  // Each customer's calls and visits since `from` go through the events_customer index.
  const rows = await db.query<{ recall_level: number | null; lifecycle: string; customers: number; attempted: number; connected: number; visited: number; revenue: number }>(
    `WITH l AS (${latest}),
     targets AS (
       SELECT l.id, l.eval->>'lifecycle' AS lifecycle, (l.eval->'recall'->>'level')::int AS recall_level,
              l.eval->'features'->>'returnedAt' AS returned_at
         FROM l WHERE l.eval->>'lifecycle' IN ('lost', 'dormant', 'observation')),
     activity AS (
       SELECT t.id,
              bool_or(e.type = 'call' AND e.record->>'direction' = 'out') AS attempted,
              bool_or(e.type = 'call' AND e.record->>'direction' = 'out' AND e.record->>'answered' = 'true') AS connected,
              bool_or(e.type = 'visit') AS visited,
              coalesce(sum(CASE WHEN e.type = 'visit' AND e.day >= coalesce(t.returned_at::date, $${fromParam}::date)
                                THEN (e.record->>'amount')::numeric END), 0) AS revenue
         FROM targets t
         JOIN events e ON e.customer_id = t.id AND e.day >= least($${fromParam}::date, coalesce(t.returned_at::date, $${fromParam}::date))
        GROUP BY t.id)
     SELECT t.recall_level, t.lifecycle, count(*)::int AS customers,
            count(*) FILTER (WHERE a.attempted)::int AS attempted, count(*) FILTER (WHERE a.connected)::int AS connected,
            count(*) FILTER (WHERE a.visited)::int AS visited, coalesce(sum(a.revenue), 0)::numeric AS revenue
       FROM targets t LEFT JOIN activity a ON a.id = t.id
      GROUP BY 1, 2`,
    params,
  );
  const levels = new Map<number | null, RecallLevelRow>();
  const board: RecallBoard = { levels: [], returned: { customers: 0, revenue: 0 }, daily: [] };
  for (const r of rows) {
    if (r.lifecycle === 'observation') {
      board.returned.customers += r.customers;
      board.returned.revenue += r.revenue;
      continue;
    }
    const row = levels.get(r.recall_level) ?? { recallLevel: r.recall_level, customers: 0, attempted: 0, connected: 0, visited: 0, revenue: 0 };
    row.customers += r.customers;
    row.attempted += r.attempted;
    row.connected += r.connected;
    row.visited += r.visited;
    row.revenue += r.revenue;
    levels.set(r.recall_level, row);
  }
  board.levels = [1, 2, 3, null].map((k) => levels.get(k) ?? { recallLevel: k, customers: 0, attempted: 0, connected: 0, visited: 0, revenue: 0 });

  const daily = await db.query<{ day: string; calls: number; connected: number }>(
    `WITH l AS (${latest})
     SELECT e.day::text AS day, count(*)::int AS calls, count(*) FILTER (WHERE e.record->>'answered' = 'true')::int AS connected
       FROM l JOIN events e ON e.customer_id = l.id AND e.day >= $${fromParam}::date AND e.type = 'call'
      WHERE l.eval->>'lifecycle' IN ('lost', 'dormant') AND e.record->>'direction' = 'out'
      GROUP BY e.day ORDER BY e.day`,
    params,
  );
  board.daily = daily;
  return board;
}
