import { applyStop, checkStop, type StopEvent } from '../../programs/check-stop.js';
import type { StopKind } from '../../programs/program-schema.js';
import type { PlannedStep, TriggerOccurrence, WaitingStep } from '../../programs/types.js';
import type { Db } from '../../store/db.js';
import type { ActionOwner } from './record-action.js';
import type { CustomerContext } from './customer-context.js';
import type { RunScope } from './diff-views.js';
import { closeTask } from './insert-task.js';
import { releaseWaitingSteps } from './release-steps.js';
import { dateOf, isoInZone } from './store-time.js';

/** The outcome a stop gives the work it closes (the task's outcome in the log). */
const OUTCOME: Record<StopKind | 'abandoned', string> = {
  booking: 'booked', visit: 'visited', reply: 'replied', opt_out: 'opted_out', green: 'resolved',
  complaint_closed: 'complaint_closed', social_resolved: 'resolved', contact_updated: 'contact_updated', contacted: 'contacted', abandoned: 'abandoned',
};

interface RunRow {
  id: number;
  occurrence: TriggerOccurrence;
  stop_when: StopKind[];
}

/**
 * Closes the open tasks of these steps (unless a task also stands for a run still active: the
 * merged early-warning task stays while the other warning holds), ends their response windows
 * and cancels their messages not yet sent.
 */
async function closeStepWork(db: Db, ctx: CustomerContext, keys: string[], outcome: string, at: Date): Promise<void> {
  if (keys.length === 0) return;
  await db.query('UPDATE program_steps SET watch_until = NULL WHERE key = ANY($1::text[])', [keys]);
  await db.query(
    `UPDATE outbox_messages SET status = 'cancelled', reason = $2, next_attempt_at = NULL, updated_at = $3
      WHERE step_key = ANY($1::text[]) AND status IN ('queued', 'held')`,
    [keys, outcome, at],
  );
  const tasks = await db.query<{ id: string; live: boolean }>(
    `SELECT t.id, EXISTS (SELECT 1 FROM program_steps s JOIN program_runs r ON r.id = s.run_id
                           WHERE s.key = ANY(t.step_keys) AND r.status = 'active') AS live
       FROM tasks t WHERE t.customer_id = $1 AND t.status = 'open' AND t.step_keys && $2::text[] ORDER BY t.id FOR UPDATE`,
    [ctx.customer.id, keys],
  );
  for (const t of tasks) if (!t.live) await closeTask(db, { id: t.id, storeId: ctx.storeId, customerId: ctx.customer.id }, outcome, at);
}

/**
 * Ends one run: steps not yet due are cancelled, and so are steps still waiting for an event; work
 * already started is closed (programs.md stop conditions).
 */
export async function stopRun(db: Db, ctx: CustomerContext, runId: number, reason: StopKind, at: Date): Promise<void> {
  await db.query("UPDATE program_runs SET status = 'stopped', stop_reason = $2, stopped_at = $3 WHERE id = $1", [runId, reason, at]);
  const steps = await db.query<{ planned: PlannedStep | WaitingStep }>("SELECT planned FROM program_steps WHERE run_id = $1 AND status IN ('pending', 'started')", [runId]);
  const effect = applyStop(steps.map((s) => s.planned), { reason, at: isoInZone(at, ctx.timeZone) }, ctx.timeZone);
  await db.query("UPDATE program_steps SET status = 'cancelled', status_reason = $2 WHERE key = ANY($1::text[]) AND status = 'pending'", [effect.cancel, reason]);
  await closeStepWork(db, ctx, effect.close, OUTCOME[reason], at);
}

async function activeRuns(db: Db, customerId: string, where = '', params: unknown[] = []): Promise<RunRow[]> {
  return db.query<RunRow>(
    `SELECT id, occurrence, stop_when FROM program_runs WHERE customer_id = $1 AND status = 'active' ${where} ORDER BY id FOR UPDATE`,
    [customerId, ...params],
  );
}

/**
 * An event within the customer's runs: the steps waiting for it get their time, then every active
 * run whose stop conditions it meets (a reply, a booking, a visit…) stops. In that order, so an
 * event that both starts a step and stops its run (a post resolved: ask for the update) starts it;
 * the document requires such a step to ignore stops.
 */
export async function stopRunsOn(db: Db, ctx: CustomerContext, event: StopEvent): Promise<void> {
  await releaseWaitingSteps(db, ctx, event);
  for (const run of await activeRuns(db, ctx.customer.id)) {
    const stop = checkStop({ stopWhen: run.stop_when }, run.occurrence, [event], ctx.timeZone);
    if (stop) await stopRun(db, ctx, run.id, stop.reason, dateOf(stop.at, ctx.timeZone));
  }
}

/** Back to green: the warning closed (risk and other runs), the health or the silent level recovered. */
export async function stopRunsOnGreen(db: Db, ctx: CustomerContext, scope: RunScope, now: Date): Promise<void> {
  const scopes = scope === 'risk' ? ['risk', 'other'] : [scope];
  for (const run of await activeRuns(db, ctx.customer.id, "AND scope = ANY($2::text[]) AND 'green' = ANY(stop_when)", [scopes])) {
    await stopRun(db, ctx, run.id, 'green', now);
  }
}

/**
 * These customers were given up (or sold the car, moved away): all outreach stops, whatever the
 * programs say. Set-based, as a first evaluation gives up thousands of customers at once.
 */
export async function stopAllRuns(db: Db, owners: readonly ActionOwner[], now: Date): Promise<void> {
  if (owners.length === 0) return;
  const ids = owners.map((o) => o.customerId);
  await db.query("UPDATE program_runs SET status = 'stopped', stop_reason = 'abandoned', stopped_at = $2 WHERE customer_id = ANY($1::text[]) AND status = 'active'", [ids, now]);
  await db.query("UPDATE program_steps SET status = 'cancelled', status_reason = 'abandoned' WHERE customer_id = ANY($1::text[]) AND status = 'pending'", [ids]);
  await db.query('UPDATE program_steps SET watch_until = NULL WHERE customer_id = ANY($1::text[]) AND watch_until IS NOT NULL', [ids]);
  await db.query(
    "UPDATE outbox_messages SET status = 'cancelled', reason = 'abandoned', next_attempt_at = NULL, updated_at = $2 WHERE customer_id = ANY($1::text[]) AND status IN ('queued', 'held')",
    [ids, now],
  );
  const open = await db.query<{ id: string; store_id: string; customer_id: string }>(
    "SELECT id, store_id, customer_id FROM tasks WHERE customer_id = ANY($1::text[]) AND status = 'open' ORDER BY customer_id, id FOR UPDATE",
    [ids],
  );
  for (const t of open) await closeTask(db, { id: t.id, storeId: t.store_id, customerId: t.customer_id }, OUTCOME.abandoned, now);
}
