import type { Db } from '../store/db.js';
import type { Snapshot } from './snapshot.js';

/**
 * The snapshots of `asOf` that are their customer's newest evaluation: one older than an
 * evaluation already stored (a back-fill of history) is kept as history but moves no warning
 * and starts nothing.
 */
export async function newestSnapshots<S extends Pick<Snapshot, 'customerId'>>(db: Db, asOf: string, snapshots: readonly S[]): Promise<readonly S[]> {
  if (snapshots.length === 0) return snapshots;
  // Nothing stored after `asOf` (a nightly run, an event today): no customer to look up. max()
  // reads the end of the as_of index whatever the statistics say; `WHERE as_of > $1 LIMIT 1`
  // was planned as a scan of the whole table while the first run filled it.
  const [{ newer: any }] = (await db.query<{ newer: boolean | null }>('SELECT max(as_of) > $1::date AS newer FROM evaluations', [asOf])) as [{ newer: boolean | null }];
  if (!any) return snapshots;
  const newer = new Set((await db.query<{ customer_id: string }>(
    'SELECT DISTINCT customer_id FROM evaluations WHERE customer_id = ANY($1::text[]) AND as_of > $2::date',
    [snapshots.map((s) => s.customerId), asOf],
  )).map((r) => r.customer_id));
  return newer.size === 0 ? snapshots : snapshots.filter((s) => !newer.has(s.customerId));
}
