import { scopeSql, type Scope } from '../auth/scope.js';
import type { Db } from './db.js';

export interface LevelCounts {
  yellow: number;
  orange: number;
  red: number;
  total: number;
}

export interface WarningFigures {
  opened: LevelCounts;
  /** Warnings that closed in the month: the customer was back to green. */
  closed: number;
  openAtStart: number;
  openAtEnd: LevelCounts;
  /** closed ÷ (open at the start + opened): the month's recovery rate. */
  recoveryRate: number | null;
}

const counts = (rows: { level: string; n: number }[]): LevelCounts => {
  const c: LevelCounts = { yellow: 0, orange: 0, red: 0, total: 0 };
  for (const r of rows) {
    if (r.level === 'yellow' || r.level === 'orange' || r.level === 'red') c[r.level] += r.n;
    c.total += r.n;
  }
  return c;
};

/** The month's warnings (programs.md §11 review): opened by level, closed, open at its start and end. */
export async function readWarningFigures(db: Db, scope: Scope, from: Date, to: Date): Promise<WarningFigures> {
  const params: unknown[] = [from, to];
  const inScope = scopeSql(scope, params, 'c');
  const opened = await db.query<{ level: string; n: number }>(
    `SELECT wc.to_level AS level, count(*)::int AS n FROM warning_changes wc JOIN customers c ON c.id = wc.customer_id
      WHERE wc.change = 'opened' AND wc.at >= $1 AND wc.at < $2 AND ${inScope} GROUP BY 1`, params);
  const [row] = await db.query<{ closed: number; open_start: number }>(
    `SELECT count(*) FILTER (WHERE w.closed_at >= $1 AND w.closed_at < $2)::int AS closed,
            count(*) FILTER (WHERE w.opened_at < $1 AND (w.closed_at IS NULL OR w.closed_at >= $1))::int AS open_start
       FROM warnings w JOIN customers c ON c.id = w.customer_id WHERE ${inScope}`, params);
  const openEnd = await db.query<{ level: string; n: number }>(
    `SELECT w.level, count(*)::int AS n FROM warnings w JOIN customers c ON c.id = w.customer_id
      WHERE $1::timestamptz < $2::timestamptz AND w.opened_at < $2 AND (w.closed_at IS NULL OR w.closed_at >= $2) AND ${inScope} GROUP BY 1`, params);
  const o = counts(opened);
  const closed = row?.closed ?? 0;
  const openAtStart = row?.open_start ?? 0;
  return { opened: o, closed, openAtStart, openAtEnd: counts(openEnd), recoveryRate: openAtStart + o.total > 0 ? closed / (openAtStart + o.total) : null };
}
