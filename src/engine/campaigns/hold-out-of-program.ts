import { isHeldOut } from '../../campaigns/hold-out.js';
import type { Db } from '../../store/db.js';
import { getRetentionSettings } from '../../store/campaign-settings.js';

/** What the check needs of a run the program engine is about to start. */
export interface RunToStart {
  ctx: { customer: { id: string }; storeId: string };
  program: { id: string };
  o: { triggerKey: string };
}

/**
 * Asked by the program engine before it starts runs (one call in startProgramsFor); keeps the
 * runs that may start. A run does not start when
 * - the customer is in an active campaign that runs this program (treated: the campaign runs it;
 *   held out: they receive nothing), so nobody is worked twice and the hold-out stays clean;
 * - the program is one the settings hold out at random (programs.md §12, default 10 % of the
 *   recall and dormant presets' eligible customers), by the seeded hash of (seed, program,
 *   customer) — stable per customer and program. The hold-out is recorded for ROI per program.
 * Obligations (warnings, complaints, service recovery) are never held out unless configured.
 */
export async function withoutHeldOut<T extends RunToStart>(db: Db, runs: T[], now: Date): Promise<T[]> {
  if (runs.length === 0) return runs;
  const { holdOut } = await getRetentionSettings(db);
  const members = new Set((await db.query<{ key: string }>(
    "SELECT customer_id || '/' || program_id AS key FROM campaign_members WHERE active AND customer_id = ANY($1::text[])",
    [runs.map((r) => r.ctx.customer.id)],
  )).map((r) => r.key));
  const held = runs.filter((r) => holdOut.programs.includes(r.program.id) && isHeldOut(holdOut.share, holdOut.seed, r.program.id, r.ctx.customer.id));
  if (held.length > 0) {
    await db.query(
      `INSERT INTO program_holdouts (program_id, customer_id, trigger_key, store_id, at)
       SELECT u.program_id, u.customer_id, u.trigger_key, u.store_id, $5 FROM unnest($1::text[], $2::text[], $3::text[], $4::text[]) AS u(program_id, customer_id, trigger_key, store_id)
       ON CONFLICT (program_id, customer_id, trigger_key) DO NOTHING`,
      [held.map((r) => r.program.id), held.map((r) => r.ctx.customer.id), held.map((r) => r.o.triggerKey), held.map((r) => r.ctx.storeId), now],
    );
  }
  const out = new Set<T>(held);
  return runs.filter((r) => !out.has(r) && !members.has(`${r.ctx.customer.id}/${r.program.id}`));
}
