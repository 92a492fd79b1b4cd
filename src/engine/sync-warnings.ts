import type { Level } from '../domain/evaluation.js';
import { maxLevel } from '../domain/levels.js';
import { warningTransition, type WarningChange } from '../domain/warning-transition.js';
import type { Db } from '../store/db.js';
import type { Snapshot } from './snapshot.js';

export type WarningCounts = Record<WarningChange, number>;

export function emptyWarningCounts(): WarningCounts {
  return { opened: 0, raised: 0, lowered: 0, closed: 0 };
}

interface OpenWarning {
  id: number;
  customer_id: string;
  level: Level;
  /** Set when an unanswered automated touch raised the warning (programs.md §1): it stays at least there. */
  floor_level: Level | null;
}

/**
 * Moves each customer's warning to the evaluated level. Warnings follow the newest evaluation:
 * the caller leaves out evaluations older than one already stored (a back-fill of history,
 * see newestSnapshots).
 */
export async function syncWarnings(
  db: Db,
  asOf: string,
  policyVersion: string,
  evaluated: readonly Snapshot[],
  now: Date,
): Promise<WarningCounts> {
  const counts = emptyWarningCounts();
  if (evaluated.length === 0) return counts;
  const ids = evaluated.map((e) => e.customerId);
  const open = new Map(
    (
      await db.query<OpenWarning>(
        'SELECT id, customer_id, level, floor_level FROM warnings WHERE closed_at IS NULL AND customer_id = ANY($1::text[])',
        [ids],
      )
    ).map((w) => [w.customer_id, w]),
  );

  const toOpen: Snapshot[] = [];
  const toUpdate: { id: number; e: Snapshot; level: Level; change: WarningChange | null }[] = [];
  for (const e of evaluated) {
    const current = open.get(e.customerId);
    const floor = current?.floor_level;
    const level = floor && e.level !== 'green' ? maxLevel(e.level, floor) : e.level;
    const change = warningTransition(current?.level ?? null, level);
    if (change) counts[change]++;
    if (change === 'opened') toOpen.push(e);
    else if (current) toUpdate.push({ id: current.id, e, level, change });
  }

  const changes: { warningId: number; storeId: string; customerId: string; change: WarningChange; from: Level | null; to: Level }[] = [];
  if (toOpen.length > 0) {
    const rows = await db.query<{ id: number; store_id: string; customer_id: string; level: Level }>(
      `INSERT INTO warnings (store_id, customer_id, level, reasons, as_of, policy_version, opened_at, changed_at)
       SELECT u.store_id, u.customer_id, u.level, u.reasons::jsonb, $1::date, $2, $3, $3
         FROM unnest($4::text[], $5::text[], $6::text[], $7::text[]) AS u(store_id, customer_id, level, reasons)
       ON CONFLICT (customer_id) WHERE closed_at IS NULL DO NOTHING
       RETURNING id, store_id, customer_id, level`,
      [
        asOf,
        policyVersion,
        now,
        toOpen.map((e) => e.storeId),
        toOpen.map((e) => e.customerId),
        toOpen.map((e) => e.level),
        toOpen.map((e) => e.reasons),
      ],
    );
    for (const r of rows) changes.push({ warningId: r.id, storeId: r.store_id, customerId: r.customer_id, change: 'opened', from: null, to: r.level });
  }
  if (toUpdate.length > 0) {
    await db.query(
      `UPDATE warnings w SET
         level = CASE WHEN u.closing THEN w.level ELSE u.level END,
         reasons = CASE WHEN u.closing THEN w.reasons ELSE u.reasons::jsonb END,
         as_of = $1::date, policy_version = $2,
         changed_at = CASE WHEN u.changed THEN $3 ELSE w.changed_at END,
         closed_at = CASE WHEN u.closing THEN $3 ELSE NULL END
       FROM unnest($4::bigint[], $5::text[], $6::text[], $7::boolean[], $8::boolean[])
            AS u(id, level, reasons, changed, closing)
       WHERE w.id = u.id`,
      [
        asOf,
        policyVersion,
        now,
        toUpdate.map((u) => u.id),
        toUpdate.map((u) => u.level),
        toUpdate.map((u) => u.e.reasons),
        toUpdate.map((u) => u.change !== null),
        toUpdate.map((u) => u.change === 'closed'),
      ],
    );
    for (const u of toUpdate) {
      if (!u.change) continue;
      const from = open.get(u.e.customerId)!.level;
      changes.push({ warningId: u.id, storeId: u.e.storeId, customerId: u.e.customerId, change: u.change, from, to: u.level });
    }
  }
  if (changes.length > 0) {
    await db.query(
      `INSERT INTO warning_changes (warning_id, store_id, customer_id, change, from_level, to_level, at)
       SELECT u.warning_id, u.store_id, u.customer_id, u.change, u.from_level, u.to_level, $1
         FROM unnest($2::bigint[], $7::text[], $3::text[], $4::text[], $5::text[], $6::text[])
              AS u(warning_id, store_id, customer_id, change, from_level, to_level)`,
      [
        now,
        changes.map((c) => c.warningId),
        changes.map((c) => c.customerId),
        changes.map((c) => c.change),
        changes.map((c) => c.from),
        changes.map((c) => c.to),
        changes.map((c) => c.storeId),
      ],
    );
  }
  return counts;
}
