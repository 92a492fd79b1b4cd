import { decideEarlyWarningTask, earlyWarningCall, mergeEarlyWarningCalls } from '../../programs/merge-early-warning.js';
import type { HumanRole } from '../../programs/program-schema.js';
import type { PlannedTask } from '../../programs/types.js';
import type { Level } from '../../domain/evaluation.js';
import type { Db } from '../../store/db.js';
import type { CustomerContext } from './customer-context.js';
import { closeTask, createTask } from './insert-task.js';
import { markStarted } from './mark-steps.js';
import { dateOf, isoInZone } from './store-time.js';

export const EARLY_WARNING = 'early_warning';

interface OpenRow {
  id: string;
  role: HumanRole;
  level: Level;
  due: Date;
  reasons: string[];
  step_keys: string[];
}

const union = (a: string[], b: string[]) => [...new Set([...a, ...b])];

/**
 * programs.md §1: a customer has at most one open early-warning task. The calls due now are
 * merged into the most urgent (role and deadline) with every reason, then weighed against the
 * open task: kept (reasons added), tightened (same person, nearer deadline, higher level) or
 * replaced (closed as superseded, the more urgent role's task opened).
 */
export async function openEarlyWarningTask(db: Db, ctx: CustomerContext, steps: PlannedTask[], now: Date): Promise<void> {
  const call = mergeEarlyWarningCalls(steps.map(earlyWarningCall).filter((c) => c !== null));
  if (!call) return;
  const top = steps.find((s) => s.key === call.keys[0])!;
  const [open] = await db.query<OpenRow>(
    "SELECT id, role, level, due, reasons, step_keys FROM tasks WHERE customer_id = $1 AND reason = $2 AND status = 'open' FOR UPDATE",
    [ctx.customer.id, EARLY_WARNING],
  );
  const decision = decideEarlyWarningTask(open ? { role: open.role, level: open.level, deadline: isoInZone(open.due, ctx.timeZone), reasons: open.reasons } : null, call);
  if (decision.action === 'keep' || decision.action === 'tighten') {
    const o = open!;
    const level = decision.action === 'tighten' ? decision.level : o.level;
    const due = decision.action === 'tighten' ? dateOf(decision.deadline, ctx.timeZone) : o.due;
    await db.query('UPDATE tasks SET level = $2, due = $3, reasons = $4::jsonb, step_keys = $5::text[] WHERE id = $1', [
      o.id, level, due, JSON.stringify([...o.reasons, ...decision.addReasons]), union(o.step_keys, call.keys),
    ]);
    await markStarted(db, call.keys, now, { taskId: o.id });
    return;
  }
  if (decision.action === 'replace') await closeTask(db, { id: open!.id, storeId: ctx.storeId, customerId: ctx.customer.id }, 'superseded', now);
  const c = decision.call;
  const task = await createTask(db, ctx, {
    type: top.taskType, role: c.role, reason: EARLY_WARNING, availableAt: dateOf(c.due, ctx.timeZone), due: dateOf(c.deadline, ctx.timeZone),
    programId: top.programId, stepId: top.step, stepKeys: union(open?.step_keys ?? [], c.keys), triggerKey: top.triggerKey, level: c.level,
    reasons: c.reasons, script: top.script, escalation: top.escalation, timing: top.timing, rung: 0, category: 'warning',
  }, now);
  await markStarted(db, call.keys, now, task ? { taskId: task.id } : {});
}
