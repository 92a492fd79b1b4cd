import type { Level } from '../../domain/evaluation.js';
import { assignee } from '../../programs/assignee.js';
import type { EscalationRung, HumanRole, TaskType } from '../../programs/program-schema.js';
import type { Timing } from '../../programs/step-clock.js';
import type { TaskCategory } from '../../programs/types.js';
import type { Db } from '../../store/db.js';
import type { CustomerContext } from './customer-context.js';
import { recordAction } from './record-action.js';
import { isoInZone } from './store-time.js';

export interface NewTask {
  type: TaskType;
  role: HumanRole;
  /** 'early_warning' for the customer's single early-warning task, else the step key. */
  reason: string;
  availableAt: Date;
  /** The deadline; null when the step has none. */
  due: Date | null;
  programId: string;
  stepId: string;
  stepKeys: string[];
  triggerKey: string;
  level: Level | null;
  reasons: string[];
  script: string | null;
  escalation: EscalationRung[];
  timing: Timing;
  rung: number;
  escalatedFrom?: string;
  /** Default follow_up: a campaign's attempt or approval. */
  category?: TaskCategory;
}

export interface InsertedTask {
  id: string;
  assigneeId: string | null;
}

/**
 * Inserts an open task, assigned to the customer's own advisor or the role holder at the store
 * (unassigned with the reason when nobody holds it: the morning briefing shows the gap). Null
 * when the customer already has an open task for the same reason: that one is the work.
 */
export async function insertTask(db: Db, ctx: CustomerContext, t: NewTask, now: Date): Promise<InsertedTask | null> {
  const who = assignee(t.role, ctx.customer, ctx.staff, ctx.stores);
  const assigneeId = who.kind === 'assigned' ? who.staffId : null;
  const [row] = await db.query<{ id: string }>(
    `INSERT INTO tasks (store_id, customer_id, type, role, assignee_id, unassigned_reason, reason, available_at, due, program_id, step_id,
                        step_keys, trigger_key, level, reasons, script, escalation, timing, rung, escalation_done, escalated_from, status, created_at, category)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12::text[], $13, $14, $15::jsonb, $16, $17::jsonb, $18, $19, $20, $21, 'open', $22, $23)
     ON CONFLICT (customer_id, reason) WHERE status = 'open' DO NOTHING RETURNING id`,
    [ctx.storeId, ctx.customer.id, t.type, t.role, assigneeId, who.kind === 'unassigned' ? who.reason : null, t.reason, t.availableAt, t.due,
      t.programId, t.stepId, t.stepKeys, t.triggerKey, t.level, JSON.stringify(t.reasons), t.script, JSON.stringify(t.escalation), t.timing,
      t.rung, t.due === null || t.rung >= t.escalation.length, t.escalatedFrom ?? null, now, t.category ?? 'follow_up'],
  );
  return row ? { id: row.id, assigneeId } : null;
}

/** Inserts the task and records `task_created`. */
export async function createTask(db: Db, ctx: CustomerContext, t: NewTask, now: Date): Promise<InsertedTask | null> {
  const task = await insertTask(db, ctx, t, now);
  if (task) {
    await recordAction(db, now, { storeId: ctx.storeId, customerId: ctx.customer.id }, {
      kind: 'task_created', taskId: task.id, type: t.type, role: t.role, assigneeId: task.assigneeId,
      due: t.due === null ? null : isoInZone(t.due, ctx.timeZone), program: t.programId, step: t.stepId,
    });
  }
  return task;
}

/** Closes an open task with an outcome and records `task_closed`; false if it was not open. */
export async function closeTask(
  db: Db, task: { id: string; storeId: string; customerId: string }, outcome: string, at: Date, extra: { detail?: string | null; churnReason?: string | null; by?: string | null } = {},
): Promise<boolean> {
  const rows = await db.query(
    `UPDATE tasks SET status = 'closed', outcome = $2, outcome_detail = $3, churn_reason = $4, closed_by = $5, closed_at = $6
      WHERE id = $1 AND status = 'open' RETURNING id`,
    [task.id, outcome, extra.detail ?? null, extra.churnReason ?? null, extra.by ?? null, at],
  );
  if (rows.length === 0) return false;
  await recordAction(db, at, { storeId: task.storeId, customerId: task.customerId }, { kind: 'task_closed', taskId: task.id, outcome });
  return true;
}
