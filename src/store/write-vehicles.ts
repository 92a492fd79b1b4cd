import type { Vehicle } from '../domain/records.js';
import type { Db } from './db.js';
import { lookupCustomerHomes } from './lookup-customers.js';
import { fillIn, inUniqueRuns, rejected, INSERTED, UNCHANGED, UPDATED, type WriteOutcome, type WriteResult } from './write-outcome.js';

/**
 * Upserts vehicles under their owner's store; a vehicle of an unknown customer is rejected on
 * `customerId`. The owner of a new or changed vehicle is affected, and so is the previous
 * owner when a vehicle changes hands.
 */
export function writeVehicles(db: Db, vehicles: readonly Vehicle[]): Promise<WriteResult> {
  return inUniqueRuns(vehicles, (v) => v.vin, (run) => writeRun(db, run));
}

async function writeRun(db: Db, vehicles: Vehicle[]): Promise<WriteResult> {
  const homes = await lookupCustomerHomes(db, vehicles.map((v) => v.customerId));
  const outcomes: (WriteOutcome | undefined)[] = vehicles.map((v) =>
    homes.has(v.customerId) ? undefined : rejected('customerId', `unknown customer "${v.customerId}"`),
  );
  const good = vehicles.filter((_, i) => outcomes[i] === undefined);
  if (good.length === 0) return { outcomes: outcomes as WriteOutcome[], affectedCustomerIds: [] };

  const vins = good.map((v) => v.vin);
  // `previous` reads the table as it was before this statement (all parts share one snapshot).
  const rows = await db.query<{ vin: string; customer_id: string; inserted: boolean; previous_customer_id: string | null }>(
    `WITH input AS (
       SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::jsonb[]) AS u(vin, store_id, customer_id, record)
     ), previous AS (
       SELECT v.vin, v.customer_id FROM vehicles AS v JOIN input USING (vin)
     ), written AS (
       INSERT INTO vehicles AS t (vin, store_id, customer_id, record) SELECT * FROM input
       ON CONFLICT (vin) DO UPDATE SET store_id = excluded.store_id, customer_id = excluded.customer_id,
         record = excluded.record, updated_at = now()
       WHERE t.record IS DISTINCT FROM excluded.record
       RETURNING vin, customer_id, (xmax = 0) AS inserted
     )
     SELECT w.vin, w.customer_id, w.inserted, p.customer_id AS previous_customer_id
     FROM written AS w LEFT JOIN previous AS p USING (vin)`,
    [vins, good.map((v) => homes.get(v.customerId)!.storeId), good.map((v) => v.customerId), good.map((v) => JSON.stringify(v))],
  );
  const byVin = new Map(rows.map((r) => [r.vin, r.inserted ? INSERTED : UPDATED]));
  const affected = new Set<string>();
  for (const r of rows) {
    affected.add(r.customer_id);
    if (r.previous_customer_id) affected.add(r.previous_customer_id);
  }
  return { outcomes: fillIn(outcomes, vins.map((v) => byVin.get(v) ?? UNCHANGED)), affectedCustomerIds: [...affected] };
}
