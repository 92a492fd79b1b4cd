import { startsStep, type StopEvent } from '../../programs/check-stop.js';
import { releaseStep } from '../../programs/release-step.js';
import type { TriggerOccurrence, WaitingStep } from '../../programs/types.js';
import type { Db } from '../../store/db.js';
import type { CustomerContext } from './customer-context.js';

/**
 * Gives the steps of the customer's active runs that wait for this event their time (`offset`
 * after the event); the clock opens them when due like any step. The first such event counts:
 * a released step has a due and is no longer waiting. Runs already stopped are not looked at,
 * their waiting steps were cancelled with them.
 */
export async function releaseWaitingSteps(db: Db, ctx: CustomerContext, event: StopEvent): Promise<void> {
  const rows = await db.query<{ key: string; planned: WaitingStep; occurrence: TriggerOccurrence }>(
    `SELECT s.key, s.planned, r.occurrence FROM program_steps s JOIN program_runs r ON r.id = s.run_id
      WHERE s.customer_id = $1 AND s.status = 'pending' AND s.due IS NULL AND r.status = 'active'
      ORDER BY s.key FOR UPDATE OF s`,
    [ctx.customer.id],
  );
  for (const r of rows) {
    if (!startsStep(r.planned.start.after, r.occurrence, event, ctx.timeZone)) continue;
    const step = releaseStep(r.planned, event.at, ctx.timeZone);
    await db.query('UPDATE program_steps SET planned = $2::jsonb, due = $3::timestamptz WHERE key = $1 AND due IS NULL', [r.key, JSON.stringify(step), step.due]);
  }
}
