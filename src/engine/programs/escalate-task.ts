import type { Level } from '../../domain/evaluation.js';
import { planEscalation, type Escalation } from '../../programs/plan-escalation.js';
import type { EscalationRung, HumanRole, ProgramDocument, TaskType } from '../../programs/program-schema.js';
import type { PlannedStep, TaskCategory } from '../../programs/types.js';
import type { Timing } from '../../programs/step-clock.js';
import type { Db } from '../../store/db.js';
import { loadCustomerContext, type CustomerContext } from './customer-context.js';
import { createTask, insertTask } from './insert-task.js';
import { raiseWarning } from './raise-warning.js';
import { recordAction } from './record-action.js';
import { dateOf, isoInZone } from './store-time.js';

export interface OverdueTask {
  id: string;
  customer_id: string;
  type: TaskType;
  reason: string;
  due: Date;
  program_id: string;
  step_id: string;
  step_keys: string[];
  trigger_key: string;
  level: Level | null;
  reasons: string[];
  script: string | null;
  escalation: EscalationRung[];
  timing: Timing;
  rung: number;
  category: TaskCategory;
}

function next(ctx: CustomerContext, doc: ProgramDocument, key: string, deadline: Date, ladder: EscalationRung[], timing: Timing, rung: number, now: Date): Escalation | null {
  return planEscalation({ key, deadline: isoInZone(deadline, ctx.timeZone), escalation: ladder, timing, rung, done: false },
    isoInZone(now, ctx.timeZone), { timeZone: ctx.timeZone, workingHours: doc.workingHours });
}

/**
 * A task past its deadline moves one rung up its ladder: it is closed as escalated and the next
 * role's task opens (for the same reason, so still one open task), due from the missed deadline;
 * or the warning is raised. With no rung left it stays open and overdue, escalated no further.
 */
export async function escalateTask(db: Db, t: OverdueTask, doc: ProgramDocument, now: Date): Promise<void> {
  const ctx = await loadCustomerContext(db, t.customer_id);
  const esc = next(ctx, doc, t.id, t.due, t.escalation, t.timing, t.rung, now);
  if (esc === null || esc.kind === 'raise_level') {
    await db.query('UPDATE tasks SET escalation_done = true, rung = $2 WHERE id = $1', [t.id, esc?.rung ?? t.rung]);
    if (esc) await raiseWarning(db, ctx, doc, esc.level, now);
    return;
  }
  await db.query("UPDATE tasks SET status = 'escalated', closed_at = $2 WHERE id = $1", [t.id, now]);
  const due = dateOf(esc.deadline, ctx.timeZone);
  const task = await insertTask(db, ctx, {
    type: t.type, role: esc.role, reason: t.reason, availableAt: dateOf(esc.due, ctx.timeZone), due, programId: t.program_id, stepId: t.step_id,
    stepKeys: t.step_keys, triggerKey: t.trigger_key, level: t.level, reasons: t.reasons, script: t.script, escalation: t.escalation,
    timing: t.timing, rung: esc.rung, escalatedFrom: t.id, category: t.category,
  }, now);
  if (!task) throw new Error(`escalating ${t.id}: another open task holds "${t.reason}"`);
  await db.query('UPDATE tasks SET escalated_to = $2 WHERE id = $1', [t.id, task.id]);
  await recordAction(db, now, { storeId: ctx.storeId, customerId: ctx.customer.id }, {
    kind: 'task_escalated', taskId: t.id, newTaskId: task.id, role: esc.role, assigneeId: task.assigneeId, due: isoInZone(due, ctx.timeZone),
  });
}

/**
 * A message's response window ended without a reply, booking or visit (a stop would have ended
 * it): its escalation applies — the warning raised (yellow → orange), or a person's task.
 */
export async function checkResponse(db: Db, s: { key: string; customer_id: string; planned: PlannedStep; watch_until: Date; watch_rung: number }, doc: ProgramDocument, now: Date): Promise<void> {
  const ctx = await loadCustomerContext(db, s.customer_id);
  const p = s.planned;
  const esc = next(ctx, doc, s.key, s.watch_until, p.escalation, p.timing, s.watch_rung, now);
  await db.query('UPDATE program_steps SET watch_until = NULL, watch_rung = $2 WHERE key = $1', [s.key, esc?.rung ?? s.watch_rung]);
  if (esc === null) return;
  if (esc.kind === 'raise_level') {
    await raiseWarning(db, ctx, doc, esc.level, now);
    return;
  }
  await createTask(db, ctx, {
    type: 'call', role: esc.role as HumanRole, reason: s.key, availableAt: dateOf(esc.due, ctx.timeZone), due: dateOf(esc.deadline, ctx.timeZone),
    programId: p.programId, stepId: p.step, stepKeys: [s.key], triggerKey: p.triggerKey, level: p.level, reasons: p.reasons, script: null,
    escalation: p.escalation, timing: p.timing, rung: esc.rung, category: p.category ?? 'follow_up',
  }, now);
}
