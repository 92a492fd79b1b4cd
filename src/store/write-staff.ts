import type { Staff } from '../domain/records.js';
import type { Db } from './db.js';
import { existingIds, fillIn, inUniqueRuns, rejected, upsertOutcomes, type WriteOutcome, type WriteResult } from './write-outcome.js';

/** Upserts staff; a member of an unknown store is rejected on `storeId`. */
export function writeStaff(db: Db, staff: readonly Staff[]): Promise<WriteResult> {
  return inUniqueRuns(staff, (s) => s.id, (run) => writeRun(db, run));
}

async function writeRun(db: Db, staff: Staff[]): Promise<WriteResult> {
  const stores = await existingIds(db, 'stores', staff.map((s) => s.storeId));
  const outcomes: (WriteOutcome | undefined)[] = staff.map((s) =>
    stores.has(s.storeId) ? undefined : rejected('storeId', `unknown store "${s.storeId}"`),
  );
  const good = staff.filter((_, i) => outcomes[i] === undefined);
  if (good.length > 0) {
    const ids = good.map((s) => s.id);
    const rows = await db.query<{ id: string; inserted: boolean }>(
      `INSERT INTO staff AS t (id, store_id, name, role, record)
       SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::jsonb[])
       ON CONFLICT (id) DO UPDATE SET store_id = excluded.store_id, name = excluded.name,
         role = excluded.role, record = excluded.record, updated_at = now()
       WHERE t.record IS DISTINCT FROM excluded.record
       RETURNING id, (xmax = 0) AS inserted`,
      [ids, good.map((s) => s.storeId), good.map((s) => s.name), good.map((s) => s.role), good.map((s) => JSON.stringify(s))],
    );
    fillIn(outcomes, upsertOutcomes(ids, rows));
  }
  return { outcomes: outcomes as WriteOutcome[], affectedCustomerIds: [] };
}
