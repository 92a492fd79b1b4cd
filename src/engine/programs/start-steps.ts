import { earlyWarningCall } from '../../programs/merge-early-warning.js';
import type { HumanRole } from '../../programs/program-schema.js';
import type { PlannedMessage, PlannedStep, PlannedTask } from '../../programs/types.js';
import type { Db } from '../../store/db.js';
import { GONE, type CustomerContext } from './customer-context.js';
import { openEarlyWarningTask } from './early-warning-task.js';
import { createTask } from './insert-task.js';
import { markCancelled, markSkipped, markStarted } from './mark-steps.js';
import { recordAction } from './record-action.js';
import { dateOf } from './store-time.js';

async function startTask(db: Db, ctx: CustomerContext, s: PlannedTask, now: Date): Promise<void> {
  const task = await createTask(db, ctx, {
    type: s.taskType, role: s.role as HumanRole, reason: s.key, availableAt: dateOf(s.due, ctx.timeZone),
    due: s.deadline === null ? null : dateOf(s.deadline, ctx.timeZone), programId: s.programId, stepId: s.step, stepKeys: [s.key],
    triggerKey: s.triggerKey, level: s.level, reasons: s.reasons, script: s.script, escalation: s.escalation, timing: s.timing, rung: 0,
    category: s.category ?? 'follow_up',
  }, now);
  // No row: this step's task is already open (a re-run); it stands for the step.
  const id = task?.id ?? (await db.query<{ id: string }>("SELECT id FROM tasks WHERE customer_id = $1 AND reason = $2 AND status = 'open'", [ctx.customer.id, s.key]))[0]?.id;
  await markStarted(db, [s.key], now, id !== undefined ? { taskId: id } : {});
}

async function queueMessage(db: Db, ctx: CustomerContext, s: PlannedMessage, now: Date): Promise<void> {
  const [row] = await db.query<{ id: number }>(
    `INSERT INTO outbox_messages (store_id, customer_id, channel, purpose, template, dedupe_key, step_key, status, next_attempt_at, created_at, updated_at)
     VALUES ($1, $2, $3, $4, $5, $6, $6, 'queued', $7, $7, $7) ON CONFLICT (dedupe_key) DO NOTHING RETURNING id`,
    [ctx.storeId, ctx.customer.id, s.channel, s.purpose, s.template, s.key, now],
  );
  if (row) {
    await recordAction(db, now, { storeId: ctx.storeId, customerId: ctx.customer.id }, { kind: 'message_queued', channel: s.channel, purpose: s.purpose });
  }
  // The response window starts with the planned deadline and restarts when the message goes out.
  const watch = s.deadline !== null && s.escalation.length > 0 ? dateOf(s.deadline, ctx.timeZone) : null;
  await markStarted(db, [s.key], now, { ...(row ? { messageId: row.id } : {}), watchUntil: watch });
}

/**
 * The steps in an order where a step comes after the one it needs when both start together:
 * the evening call and the 60-minute alert both fall at 18:30 when the wait ends after 18:00.
 */
function neededFirst(steps: PlannedStep[]): PlannedStep[] {
  const byKey = new Map(steps.map((s) => [s.key, s]));
  const ordered: PlannedStep[] = [];
  const placed = new Set<string>();
  const place = (s: PlannedStep): void => {
    if (placed.has(s.key)) return;
    placed.add(s.key);
    const need = s.needs === null ? undefined : byKey.get(s.needs);
    if (need) place(need);
    ordered.push(s);
  };
  steps.forEach(place);
  return ordered;
}

/**
 * Turns due steps into work: a task opened or a message queued. Early-warning calls due
 * together (the risk and the health warning of one evaluation) become one task (§1). A step
 * that needs one never reached is skipped; a customer who is gone or asked for no contact gets
 * no calls or WeChat tasks (messages still reach the outbox, which blocks them and lets the
 * single farewell through).
 */
export async function startSteps(db: Db, ctx: CustomerContext, steps: PlannedStep[], now: Date): Promise<void> {
  const slot: PlannedTask[] = [];
  for (const s of neededFirst(steps)) {
    if (s.needs !== null) {
      const [need] = await db.query<{ status: string }>('SELECT status FROM program_steps WHERE key = $1', [s.needs]);
      if (need?.status !== 'started') {
        await markSkipped(db, s.key, 'needs');
        continue;
      }
    }
    if (s.kind === 'message') {
      await queueMessage(db, ctx, s, now);
      continue;
    }
    const contact = s.taskType === 'call' || s.taskType === 'wechat' || s.taskType === 'visit';
    if (contact && ctx.lifecycle !== null && GONE.has(ctx.lifecycle)) await markSkipped(db, s.key, 'lifecycle');
    else if (contact && ctx.doNotContact) await markSkipped(db, s.key, 'do_not_contact');
    else if (earlyWarningCall(s)) slot.push(s);
    else await startTask(db, ctx, s, now);
  }
  if (slot.length > 0) await openEarlyWarningTask(db, ctx, slot, now);
}

/**
 * Starts the customer's pending steps that are due at `now` (rows locked; another worker's are
 * skipped). A step whose run has stopped starts only if it ignores stops: the stop came at the
 * step's very instant (a hand-over at exactly 60 min means the visit was not open for 60 min) or
 * before a late worker reached it, and work opened now would never be closed by that stop.
 */
export async function startDueSteps(db: Db, ctx: CustomerContext, now: Date): Promise<void> {
  const rows = await db.query<{ planned: PlannedStep; run_status: string; stop_reason: string | null }>(
    `SELECT s.planned, r.status AS run_status, r.stop_reason FROM program_steps s JOIN program_runs r ON r.id = s.run_id
      WHERE s.customer_id = $1 AND s.status = 'pending' AND s.due <= $2
      ORDER BY s.due, s.key FOR UPDATE OF s SKIP LOCKED`,
    [ctx.customer.id, now],
  );
  const live: PlannedStep[] = [];
  for (const r of rows) {
    if (r.run_status === 'active' || r.planned.ignoresStop) live.push(r.planned);
    else await markCancelled(db, r.planned.key, r.stop_reason ?? 'stopped');
  }
  await startSteps(db, ctx, live, now);
}
