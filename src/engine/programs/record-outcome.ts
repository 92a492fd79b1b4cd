import { z } from 'zod';
import type { Db } from '../../store/db.js';
import { TASK_EVENT_PREFIX } from '../../domain/task-event-id.js';
import { writeEvents } from '../../store/write-events.js';
import { loadCustomerContext } from './customer-context.js';
import { updateOutreach } from './customer-outreach.js';
import { closeTask } from './insert-task.js';
import { stopRunsOn } from './stop-runs.js';
import { isoInZone } from './store-time.js';

export const taskResults = ['reached', 'no_answer', 'booked', 'refused', 'wrong_number'] as const;
export type TaskResult = (typeof taskResults)[number];
/** The recorded churn reason (programs.md §8): recall scripts and offers follow it. */
export const churnReasonValues = ['price', 'convenience', 'service', 'passive'] as const;

/** What the person doing a task records (validated at the boundary: API, call events). */
export const taskOutcomeSchema = z.strictObject({
  result: z.enum(taskResults),
  /** Why the customer refused, or anything worth keeping. */
  reason: z.string().trim().min(1).optional(),
  churnReason: z.enum(churnReasonValues).optional(),
  detail: z.string().trim().min(1).optional(),
});
export type TaskOutcome = z.infer<typeof taskOutcomeSchema>;

export type OutcomeResult =
  | { status: 'closed' }
  /** `no_answer`: the attempt is counted, the task stays open and still escalates at its deadline. */
  | { status: 'attempt'; attempts: number }
  | { status: 'not_open' }
  | { status: 'not_found' };

interface TaskRow {
  id: string;
  store_id: string;
  customer_id: string;
  status: string;
  type: string;
}

/**
 * A call or WeChat done through a task is contact like any other: it goes into the event log, so
 * the call-answer rate, the interactions and the care interval (a proactive touch) see it. An
 * answered call is one that reached the customer; a WeChat is a touch once sent, whatever came of it.
 */
async function appendContact(db: Db, t: TaskRow, result: TaskResult, attempt: number, now: Date, staffId: string | null | undefined): Promise<void> {
  if (t.type !== 'call' && t.type !== 'wechat') return;
  if (t.type === 'wechat' && result === 'wrong_number') return;
  const ctx = await loadCustomerContext(db, t.customer_id);
  const base = { id: `${TASK_EVENT_PREFIX}${t.id}-${attempt}`, customerId: t.customer_id, at: isoInZone(now, ctx.timeZone) };
  await writeEvents(db, [t.type === 'call'
    ? { ...base, type: 'call', direction: 'out', answered: result === 'reached' || result === 'booked' || result === 'refused', staffId: staffId ?? null, outcome: result }
    : { ...base, type: 'wechat', direction: 'out' }]);
}

/**
 * recordOutcome inside the caller's transaction. A call event's reaction uses it with
 * `fromEvent`: that call is in the log already, and nothing is appended.
 */
export async function recordOutcomeIn(
  db: Db, taskId: string, outcome: TaskOutcome, now: Date, staffId?: string | null, options: { fromEvent?: boolean } = {},
): Promise<OutcomeResult> {
  const [t] = await db.query<TaskRow & { attempts: number }>(
    'SELECT id, store_id, customer_id, status, type, attempts FROM tasks WHERE id = $1 FOR UPDATE', [taskId],
  );
  if (!t) return { status: 'not_found' };
  if (t.status !== 'open') return { status: 'not_open' };
  if (!options.fromEvent) await appendContact(db, t, outcome.result, t.attempts + 1, now, staffId);
  if (outcome.result === 'no_answer') {
    const [row] = await db.query<{ attempts: number }>('UPDATE tasks SET attempts = attempts + 1, last_attempt_at = $2 WHERE id = $1 RETURNING attempts', [taskId, now]);
    return { status: 'attempt', attempts: row!.attempts };
  }
  const detail = [outcome.reason, outcome.detail].filter(Boolean).join('; ') || null;
  await closeTask(db, { id: t.id, storeId: t.store_id, customerId: t.customer_id }, outcome.result, now, { detail, churnReason: outcome.churnReason ?? null, by: staffId ?? null });
  if (outcome.churnReason) await updateOutreach(db, t.store_id, t.customer_id, { churnReason: outcome.churnReason }, now);
  if (outcome.result === 'booked') {
    // A booking made on the call stops the cadences a booking stops, as the booking event would.
    const ctx = await loadCustomerContext(db, t.customer_id);
    await stopRunsOn(db, ctx, { type: 'appointment_booked', at: isoInZone(now, ctx.timeZone) });
  }
  return { status: 'closed' };
}

/**
 * Records the outcome of a task: reached, booked, refused (with the reason), wrong number close
 * it; no answer counts an attempt and leaves it open (an unanswered call is not work done).
 * A churn reason is kept on the customer for the recall programs.
 */
export async function recordOutcome(db: Db, taskId: string, outcome: TaskOutcome | TaskResult, now: Date, staffId?: string | null): Promise<OutcomeResult> {
  const parsed = taskOutcomeSchema.parse(typeof outcome === 'string' ? { result: outcome } : outcome);
  return db.transaction((tx) => recordOutcomeIn(tx, taskId, parsed, now, staffId));
}

/** Gives an open task to another staff member of the customer's store or region; false if it is not open. */
export async function reassignTask(db: Db, taskId: string, staffId: string): Promise<boolean> {
  return db.transaction(async (tx) => {
    const [t] = await tx.query<{ customer_id: string }>("SELECT customer_id FROM tasks WHERE id = $1 AND status = 'open' FOR UPDATE", [taskId]);
    if (!t) return false;
    const ctx = await loadCustomerContext(tx, t.customer_id);
    if (!ctx.staff.some((s) => s.id === staffId)) throw new Error(`staff "${staffId}" does not work in the customer's store or region`);
    await tx.query('UPDATE tasks SET assignee_id = $2, unassigned_reason = NULL WHERE id = $1', [taskId, staffId]);
    return true;
  });
}
