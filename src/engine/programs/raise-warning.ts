import type { Level } from '../../domain/evaluation.js';
import { levelRank, maxLevel } from '../../domain/levels.js';
import type { ProgramDocument } from '../../programs/program-schema.js';
import type { Db } from '../../store/db.js';
import type { CustomerContext } from './customer-context.js';
import { latestEvaluationView, occurrenceFacts } from './occurrence-facts.js';
import { recordAction } from './record-action.js';
import { startDueSteps } from './start-steps.js';
import { startPrograms } from './start-programs.js';
import { isoInZone } from './store-time.js';

/**
 * programs.md §1: an automated touch left unanswered escalates the warning (yellow → orange).
 * The warning is raised, records the change, and keeps the level as a floor until it closes
 * (sync-warnings applies it); the raised level's program starts as if the evaluation had
 * reached it. Nothing happens when the warning has closed meanwhile.
 */
export async function raiseWarning(db: Db, ctx: CustomerContext, doc: ProgramDocument, level: Level, now: Date): Promise<boolean> {
  const [w] = await db.query<{ id: number; level: Level; floor_level: Level | null; reasons: string[] }>(
    'SELECT id, level, floor_level, reasons FROM warnings WHERE customer_id = $1 AND closed_at IS NULL FOR UPDATE', [ctx.customer.id],
  );
  if (!w) return false;
  const floor = maxLevel(w.floor_level ?? level, level);
  if (levelRank[w.level] >= levelRank[level]) {
    await db.query('UPDATE warnings SET floor_level = $2 WHERE id = $1', [w.id, floor]);
    return false;
  }
  await db.query('UPDATE warnings SET level = $2, floor_level = $3, changed_at = $4 WHERE id = $1', [w.id, level, floor, now]);
  await db.query(
    "INSERT INTO warning_changes (warning_id, store_id, customer_id, change, from_level, to_level, at) VALUES ($1, $6, $2, 'raised', $3, $4, $5)",
    [w.id, ctx.customer.id, w.level, level, now, ctx.storeId],
  );
  await db.query('UPDATE program_views SET warning_level = $2, updated_at = $3 WHERE customer_id = $1', [ctx.customer.id, level, now]);
  await recordAction(db, now, { storeId: ctx.storeId, customerId: ctx.customer.id }, { kind: 'warning_changed', level });
  const ev = await latestEvaluationView(db, ctx.customer.id);
  await startPrograms(db, ctx, doc, {
    happening: { kind: 'warning', source: 'risk', level }, triggerKey: `warning:${w.id}:${level}`, scope: 'risk',
    at: isoInZone(now, ctx.timeZone), level, reasons: w.reasons, facts: ev ? occurrenceFacts(ctx, ev) : {},
    ...(ev ? { lastVisitAt: ev.lastVisitDay } : {}),
  }, now);
  await startDueSteps(db, ctx, now);
  return true;
}
