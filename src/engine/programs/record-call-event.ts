import type { EventOf } from '../../domain/records.js';
import type { Db } from '../../store/db.js';
import type { CustomerContext } from './customer-context.js';
import { isTaskEventId } from '../../domain/task-event-id.js';
import { churnReasonValues, recordOutcomeIn, taskResults, type TaskOutcome, type TaskResult } from './record-outcome.js';

/** A call's free-text outcome in the words of the task outcomes; anything else is "reached" if answered. */
function resultOf(e: EventOf<'call'>): TaskResult {
  const raw = (e.outcome ?? '').trim().toLowerCase().replace(/[\s-]+/g, '_');
  if ((taskResults as readonly string[]).includes(raw)) return raw as TaskResult;
  return e.answered ? 'reached' : 'no_answer';
}

function extraString(e: EventOf<'call'>, key: string): string | undefined {
  const v = e.extra?.[key];
  return typeof v === 'string' && v.trim() !== '' ? v.trim() : undefined;
}

/**
 * programs.md §14: a `call` event with a staffId and an outcome records the outcome of that
 * customer's open call task — the caller's own if they have one, else the most urgent one
 * that had appeared by the time of the call.
 */
export async function recordCallEvent(db: Db, ctx: CustomerContext, e: EventOf<'call'>, at: Date): Promise<void> {
  // A call recorded through its task is already that task's outcome.
  if (isTaskEventId(e.id)) return;
  const [task] = await db.query<{ id: string }>(
    `SELECT id FROM tasks WHERE customer_id = $1 AND status = 'open' AND type = 'call' AND available_at <= $2
      ORDER BY (assignee_id IS NOT DISTINCT FROM $3) DESC, due ASC NULLS LAST, id LIMIT 1`,
    [ctx.customer.id, at, e.staffId ?? null],
  );
  if (!task) return;
  const result = resultOf(e);
  const churn = extraString(e, 'churnReason');
  const outcome: TaskOutcome = {
    result,
    ...(churn && (churnReasonValues as readonly string[]).includes(churn) ? { churnReason: churn as TaskOutcome['churnReason'] } : {}),
    ...(extraString(e, 'reason') ? { reason: extraString(e, 'reason')! } : {}),
    ...(e.outcome && e.outcome !== result ? { detail: e.outcome } : {}),
  };
  await recordOutcomeIn(db, task.id, outcome, at, e.staffId, { fromEvent: true });
}
