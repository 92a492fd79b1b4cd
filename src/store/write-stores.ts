import type { Store } from '../domain/records.js';
import type { Db } from './db.js';
import { inUniqueRuns, upsertOutcomes, type WriteResult } from './write-outcome.js';

export const DEFAULT_ORGANISATION = 'default';

/**
 * Upserts stores, first making sure the 'default' organisation and each store's region exist
 * (the import format names a region by id only; its display name starts as the id).
 */
export function writeStores(db: Db, stores: readonly Store[]): Promise<WriteResult> {
  return inUniqueRuns(stores, (s) => s.id, (run) => db.transaction((tx) => writeRun(tx, run)));
}

async function writeRun(db: Db, stores: Store[]): Promise<WriteResult> {
  await db.query(
    `INSERT INTO organisations (id, name) VALUES ($1, 'Default') ON CONFLICT (id) DO NOTHING`,
    [DEFAULT_ORGANISATION],
  );
  await db.query(
    `INSERT INTO regions (id, organisation_id, name)
     SELECT DISTINCT r, $2::text, r FROM unnest($1::text[]) AS r
     ON CONFLICT (id) DO NOTHING`,
    [stores.map((s) => s.region), DEFAULT_ORGANISATION],
  );
  const ids = stores.map((s) => s.id);
  const rows = await db.query<{ id: string; inserted: boolean }>(
    `INSERT INTO stores AS t (id, region_id, name, time_zone, record)
     SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::jsonb[])
     ON CONFLICT (id) DO UPDATE SET region_id = excluded.region_id, name = excluded.name,
       time_zone = excluded.time_zone, record = excluded.record, updated_at = now()
     WHERE t.record IS DISTINCT FROM excluded.record
     RETURNING id, (xmax = 0) AS inserted`,
    [ids, stores.map((s) => s.region), stores.map((s) => s.name), stores.map((s) => s.timeZone), stores.map((s) => JSON.stringify(s))],
  );
  return { outcomes: upsertOutcomes(ids, rows), affectedCustomerIds: [] };
}
