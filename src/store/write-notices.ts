import { toInstant } from '../domain/dates.js';
import type { Notice } from '../domain/records.js';
import type { Db } from './db.js';
import { fillIn, inUniqueRuns, rejected, upsertOutcomes, type WriteOutcome, type WriteResult } from './write-outcome.js';

/**
 * Upserts store notices; one of an unknown store is rejected on `storeId`. A notice already
 * announced keeps its announcement: correcting its text later does not send it twice.
 */
export function writeNotices(db: Db, notices: readonly Notice[]): Promise<WriteResult> {
  return inUniqueRuns(notices, (n) => n.id, (run) => writeRun(db, run));
}

async function writeRun(db: Db, notices: Notice[]): Promise<WriteResult> {
  const zones = new Map((await db.query<{ id: string; time_zone: string }>(
    'SELECT id, time_zone FROM stores WHERE id = ANY($1::text[])', [[...new Set(notices.map((n) => n.storeId))]],
  )).map((s) => [s.id, s.time_zone]));
  const outcomes: (WriteOutcome | undefined)[] = notices.map((n) => (zones.has(n.storeId) ? undefined : rejected('storeId', `unknown store "${n.storeId}"`)));
  const good = notices.filter((_, i) => outcomes[i] === undefined);
  if (good.length === 0) return { outcomes: outcomes as WriteOutcome[], affectedCustomerIds: [] };
  const rows = await db.query<{ id: string; inserted: boolean }>(
    `INSERT INTO store_notices AS t (id, store_id, kind, at, record)
     SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::timestamptz[], $5::jsonb[])
     ON CONFLICT (id) DO UPDATE SET store_id = excluded.store_id, kind = excluded.kind, at = excluded.at, record = excluded.record
     WHERE t.record IS DISTINCT FROM excluded.record
     RETURNING id, (xmax = 0) AS inserted`,
    [good.map((n) => n.id), good.map((n) => n.storeId), good.map((n) => n.kind), good.map((n) => new Date(toInstant(n.at, zones.get(n.storeId)!))),
      good.map((n) => JSON.stringify(n))],
  );
  return { outcomes: fillIn(outcomes, upsertOutcomes(good.map((n) => n.id), rows)), affectedCustomerIds: [] };
}
