import { DUPLICATE_KEY, sqlState, type Db } from './db.js';
import { emptyStagingTable } from './staging-table.js';

/**
 * COPY text rows into `table`, replacing rows by key as `onConflict` says: straight into the
 * table when none of their keys is there yet (a day's first run), otherwise through a temporary
 * table of the same shape and one upsert.
 */
export async function copyUpsert(db: Db, table: string, columns: readonly string[], rows: string, onConflict: string): Promise<void> {
  try {
    // Under a savepoint: a stored key fails the copy, which then writes nothing.
    await db.transaction((tx) => tx.copyIn(table, columns, rows));
    return;
  } catch (err) {
    if (sqlState(err) !== DUPLICATE_KEY) throw err;
  }
  const staging = `${table}_staging`;
  await db.transaction(async (tx) => {
    await emptyStagingTable(tx, staging, `(LIKE ${table})`);
    await tx.copyIn(staging, columns, rows);
    await tx.query(`INSERT INTO ${table} (${columns.join(', ')}) SELECT ${columns.join(', ')} FROM ${staging} ${onConflict}`);
  });
}
