import type { PlannedMember } from '../../campaigns/plan-campaign.js';
import type { ProgramDocument } from '../../programs/program-schema.js';
import type { Fact, TriggerOccurrence } from '../../programs/types.js';
import type { Db } from '../../store/db.js';
import { loadCustomerContexts } from '../programs/customer-context.js';
import { closeTask } from '../programs/insert-task.js';
import { startDueSteps } from '../programs/start-steps.js';
import { startProgram } from '../programs/start-programs.js';
import { isoInZone } from '../programs/store-time.js';

export const campaignTriggerKey = (campaignId: string) => `campaign:${campaignId}`;

/**
 * Starts the campaign's program for each treated member, keyed by the campaign so it runs once,
 * and opens the work due now. A member already in an active run of the same program (the engine
 * started it when they turned lost) keeps that one: the customer is not worked twice.
 */
export async function startCampaignRuns(db: Db, campaignId: string, members: readonly PlannedMember[], doc: ProgramDocument, now: Date): Promise<number> {
  const treated = members.filter((m) => m.group === 'treated');
  const contexts = await loadCustomerContexts(db, treated.map((m) => m.candidate.customerId));
  const busy = new Set((await db.query<{ key: string }>(
    "SELECT customer_id || '/' || program_id AS key FROM program_runs WHERE status = 'active' AND customer_id = ANY($1::text[])",
    [treated.map((m) => m.candidate.customerId)],
  )).map((r) => r.key));
  let started = 0;
  for (const m of treated) {
    const c = m.candidate;
    const ctx = contexts.get(c.customerId);
    const program = doc.programs.find((p) => p.id === m.programId);
    if (!ctx || !program || busy.has(`${c.customerId}/${m.programId}`)) continue;
    const facts: Record<string, Fact> = { valueTier: c.valueTier, byRecency: true, topValue: false, dormantType: c.dormantType ?? 'passive' };
    if (c.churnReason !== 'unknown') facts.churnReason = c.churnReason;
    const o: TriggerOccurrence = { programId: program.id, triggerKey: campaignTriggerKey(campaignId), customerId: c.customerId, at: isoInZone(now, ctx.timeZone), facts };
    if (await startProgram(db, ctx, doc, program, o, 'other', now)) started++;
    await startDueSteps(db, ctx, now);
  }
  return started;
}

/**
 * The hold-out receives nothing (programs.md §12): a held-out member's active runs of the
 * campaign's program are stopped — steps not yet due cancelled, open tasks closed, queued
 * messages withdrawn — so the comparison is with customers nobody worked.
 */
export async function stopHeldOutRuns(db: Db, members: readonly PlannedMember[], now: Date): Promise<void> {
  const held = members.filter((m) => m.group === 'held_out');
  if (held.length === 0) return;
  const runs = await db.query<{ id: number; customer_id: string; store_id: string }>(
    `UPDATE program_runs r SET status = 'stopped', stop_reason = 'campaign_hold_out', stopped_at = $3
       FROM unnest($1::text[], $2::text[]) AS u(customer_id, program_id)
      WHERE r.customer_id = u.customer_id AND r.program_id = u.program_id AND r.status = 'active'
      RETURNING r.id, r.customer_id, r.store_id`,
    [held.map((m) => m.candidate.customerId), held.map((m) => m.programId), now],
  );
  if (runs.length === 0) return;
  const ids = runs.map((r) => r.id);
  await db.query("UPDATE program_steps SET status = 'cancelled', status_reason = 'campaign_hold_out' WHERE run_id = ANY($1::bigint[]) AND status = 'pending'", [ids]);
  await db.query('UPDATE program_steps SET watch_until = NULL WHERE run_id = ANY($1::bigint[])', [ids]);
  await db.query(
    `UPDATE outbox_messages SET status = 'cancelled', reason = 'campaign_hold_out', next_attempt_at = NULL, updated_at = $2
      WHERE status IN ('queued', 'held') AND step_key IN (SELECT key FROM program_steps WHERE run_id = ANY($1::bigint[]))`,
    [ids, now],
  );
  const tasks = await db.query<{ id: string; store_id: string; customer_id: string }>(
    `SELECT t.id, t.store_id, t.customer_id FROM tasks t
      WHERE t.status = 'open' AND t.step_keys && (SELECT coalesce(array_agg(key), '{}') FROM program_steps WHERE run_id = ANY($1::bigint[]))
      ORDER BY t.id`,
    [ids],
  );
  for (const t of tasks) await closeTask(db, { id: t.id, storeId: t.store_id, customerId: t.customer_id }, 'held_out', now);
}
