import { copyField } from '../store/copy-text.js';
import { DUPLICATE_KEY, sqlState, type Db } from '../store/db.js';
import { emptyStagingTable } from '../store/staging-table.js';
import type { Snapshot } from './snapshot.js';

/** What of a snapshot is stored. */
export type StoredSnapshot = Pick<Snapshot, 'customerId' | 'storeId' | 'level' | 'riskScore' | 'healthScore' | 'record'>;

const COLUMNS = ['customer_id', 'as_of', 'store_id', 'policy_version', 'level', 'risk_score', 'health_score', 'record', 'evaluated_at'] as const;

const UPSERT = `ON CONFLICT (customer_id, as_of) DO UPDATE SET
         store_id = excluded.store_id, policy_version = excluded.policy_version, level = excluded.level,
         risk_score = excluded.risk_score, health_score = excluded.health_score,
         record = excluded.record, evaluated_at = excluded.evaluated_at`;

/** Up to this many snapshots go in as array parameters: one round trip. */
const DIRECT_UP_TO = 16;

/**
 * Stores one snapshot per customer per day; re-evaluating the same day replaces it. A few (an
 * event's re-evaluation) go in as array parameters, where round trips cost more than escaping.
 * Many go in by COPY, as array parameters made the driver escape every ~1.3 KB record (70 µs of
 * this thread per customer): straight into the table when none of them is stored for the day
 * yet (a day's first run), otherwise through a temporary table and one upsert.
 */
export async function saveEvaluations(db: Db, asOf: string, policyVersion: string, snapshots: readonly StoredSnapshot[], now: Date): Promise<void> {
  if (snapshots.length === 0) return;
  if (snapshots.length <= DIRECT_UP_TO) {
    await db.query(
      `INSERT INTO evaluations (${COLUMNS.join(', ')})
       SELECT u.customer_id, $1::date, u.store_id, $2, u.level, u.risk_score, u.health_score, u.record::json, $3
         FROM unnest($4::text[], $5::text[], $6::text[], $7::numeric[], $8::numeric[], $9::text[])
              AS u(customer_id, store_id, level, risk_score, health_score, record)
       ${UPSERT}`,
      [asOf, policyVersion, now, ...(['customerId', 'storeId', 'level', 'riskScore', 'healthScore', 'record'] as const).map((k) => snapshots.map((s) => s[k]))],
    );
    return;
  }
  const tail = `\t${copyField(policyVersion)}`;
  const at = now.toISOString();
  let rows = '';
  for (const s of snapshots) {
    rows += `${copyField(s.customerId)}\t${asOf}\t${copyField(s.storeId)}${tail}\t${s.level}\t${s.riskScore}\t${s.healthScore}\t${copyField(s.record)}\t${at}\n`;
  }
  try {
    // Under a savepoint: a stored row fails the copy, which then writes nothing.
    await db.transaction((tx) => tx.copyIn('evaluations', COLUMNS, rows));
    return;
  } catch (err) {
    if (sqlState(err) !== DUPLICATE_KEY) throw err;
  }
  await db.transaction(async (tx) => {
    await emptyStagingTable(tx, 'evaluation_staging', '(LIKE evaluations)');
    await tx.copyIn('evaluation_staging', COLUMNS, rows);
    await tx.query(`INSERT INTO evaluations SELECT * FROM evaluation_staging ${UPSERT}`);
  });
}
