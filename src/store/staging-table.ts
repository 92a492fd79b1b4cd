import type { Db } from './db.js';

/**
 * An empty temporary table to COPY into, inside a transaction: created once per connection and
 * emptied at each commit, so staging leaves no dead rows in the catalog (PGlite never vacuums it).
 * `definition` is what follows the table's name in CREATE TABLE.
 */
export async function emptyStagingTable(tx: Db, name: string, definition: string): Promise<void> {
  const [{ present }] = (await tx.query<{ present: boolean }>('SELECT to_regclass($1) IS NOT NULL AS present', [`pg_temp.${name}`])) as [{ present: boolean }];
  // Empty unless a save earlier in this transaction used it.
  await tx.exec(present ? `DELETE FROM ${name}` : `CREATE TEMP TABLE ${name} ${definition} ON COMMIT DELETE ROWS`);
}
