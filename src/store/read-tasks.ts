import type { Scope } from '../auth/scope.js';
import { scopeSql } from '../auth/scope.js';
import type { Db } from './db.js';

/** Who may see which tasks: their own, plus every task of a customer inside their scope. */
export interface TaskVisibility {
  scope: Scope;
  /** The signed-in staff member (their tasks are theirs even for another advisor's customer); null for tokens. */
  staffId: string | null;
}

export const taskStatusFilters = ['open', 'closed', 'escalated', 'all'] as const;
export type TaskStatusFilter = (typeof taskStatusFilters)[number];

/** What a task is for: a warning's recall work, proactive care, or a follow-up of either. */
export const taskCategories = ['warning', 'care', 'follow_up'] as const;
export type TaskCategory = (typeof taskCategories)[number];

export interface TaskFilter extends TaskVisibility {
  /** A staff id, `unassigned`, or null for anyone in view. */
  assigneeId: string | null;
  storeId?: string | undefined;
  customerId?: string | undefined;
  status: TaskStatusFilter;
  overdue?: boolean | undefined;
  category?: TaskCategory | undefined;
  now: Date;
}

export interface TaskRow {
  id: string;
  customerId: string;
  customerName: string;
  customerAdvisorId: string | null;
  phone: string | null;
  storeId: string;
  storeName: string;
  timeZone: string;
  type: string;
  category: TaskCategory;
  role: string;
  assigneeId: string | null;
  assigneeName: string | null;
  unassignedReason: string | null;
  reason: string;
  programId: string;
  stepId: string;
  level: string | null;
  reasons: string[];
  script: string | null;
  status: string;
  outcome: string | null;
  outcomeDetail: string | null;
  churnReason: string | null;
  attempts: number;
  rung: number;
  lastAttemptAt: Date | null;
  availableAt: Date;
  due: Date | null;
  createdAt: Date;
  closedAt: Date | null;
  closedBy: string | null;
  escalatedFrom: string | null;
  escalatedTo: string | null;
}

const SELECT = `SELECT t.id, t.customer_id AS "customerId", c.name AS "customerName", c.advisor_id AS "customerAdvisorId",
       c.record->>'phone' AS phone, t.store_id AS "storeId", s.name AS "storeName", s.time_zone AS "timeZone", t.type, t.category, t.role,
       t.assignee_id AS "assigneeId", a.name AS "assigneeName", t.unassigned_reason AS "unassignedReason", t.reason,
       t.program_id AS "programId", t.step_id AS "stepId", t.level, t.reasons, t.script, t.status, t.outcome,
       t.outcome_detail AS "outcomeDetail", t.churn_reason AS "churnReason", t.attempts, t.rung, t.last_attempt_at AS "lastAttemptAt",
       t.available_at AS "availableAt", t.due, t.created_at AS "createdAt", t.closed_at AS "closedAt", t.closed_by AS "closedBy",
       t.escalated_from AS "escalatedFrom", t.escalated_to AS "escalatedTo"
  FROM tasks t JOIN customers c ON c.id = t.customer_id JOIN stores s ON s.id = t.store_id
  LEFT JOIN staff a ON a.id = t.assignee_id`;

/** The visibility condition, its parameters appended to `params`. */
function visibleSql(v: TaskVisibility, params: unknown[]): string {
  params.push(v.staffId);
  const me = params.length;
  return `(t.assignee_id = $${me}::text OR (${scopeSql(v.scope, params, 'c')}))`;
}

function whereOf(f: TaskFilter, params: unknown[]): string {
  const where = [visibleSql(f, params)];
  const add = (value: unknown, sql: (p: string) => string) => {
    params.push(value);
    where.push(sql(`$${params.length}`));
  };
  if (f.assigneeId === 'unassigned') where.push('t.assignee_id IS NULL');
  else if (f.assigneeId !== null) add(f.assigneeId, (p) => `t.assignee_id = ${p}::text`);
  if (f.storeId !== undefined) add(f.storeId, (p) => `t.store_id = ${p}::text`);
  if (f.customerId !== undefined) add(f.customerId, (p) => `t.customer_id = ${p}::text`);
  if (f.category !== undefined) add(f.category, (p) => `t.category = ${p}::text`);
  // An open task shows once it is available (a step may open work ahead of its moment).
  if (f.status === 'open') add(f.now, (p) => `t.status = 'open' AND t.available_at <= ${p}::timestamptz`);
  else if (f.status !== 'all') add(f.status, (p) => `t.status = ${p}::text`);
  if (f.overdue) add(f.now, (p) => `t.status = 'open' AND t.due < ${p}::timestamptz`);
  return where.join(' AND ');
}

/** A page of tasks: overdue first, then by deadline (none last), then oldest first. */
export async function listTasks(db: Db, f: TaskFilter, page: { limit: number; offset: number }): Promise<{ rows: TaskRow[]; total: number }> {
  const params: unknown[] = [];
  const where = whereOf(f, params);
  const [count] = await db.query<{ n: number }>(
    `SELECT count(*)::int AS n FROM tasks t JOIN customers c ON c.id = t.customer_id WHERE ${where}`, params,
  );
  params.push(f.now, page.limit, page.offset);
  const n = params.length;
  const rows = await db.query<TaskRow>(
    `${SELECT} WHERE ${where}
      ORDER BY (t.status = 'open' AND t.due IS NOT NULL AND t.due < $${n - 2}::timestamptz) DESC, t.due ASC NULLS LAST, t.created_at, t.id
      LIMIT $${n - 1} OFFSET $${n}`,
    params,
  );
  return { rows, total: count?.n ?? 0 };
}

/** One task by id, whoever may see it (the caller checks access with taskVisible). */
export async function getTaskRow(db: Db, id: string): Promise<TaskRow | null> {
  const [row] = await db.query<TaskRow>(`${SELECT} WHERE t.id = $1`, [id]);
  return row ?? null;
}
