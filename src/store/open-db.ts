import type { Db } from './db.js';
import { migrate } from './migrate.js';
import { openPgDb } from './pg-db.js';
import { openPgliteDb } from './pglite-db.js';

export interface OpenOptions {
  /** A PostgreSQL URL selects the server adapter; otherwise the embedded one is used. */
  databaseUrl?: string;
  /** Where the embedded database keeps its files. */
  dataDir?: string;
  schema?: string;
}

/** Opens the configured database and brings its schema up to date. */
export async function openDb(options: OpenOptions): Promise<Db> {
  const db = options.databaseUrl
    ? await openPgDb({ url: options.databaseUrl, ...(options.schema ? { schema: options.schema } : {}) })
    : await openPgliteDb({
        ...(options.dataDir ? { dataDir: options.dataDir } : {}),
        ...(options.schema ? { schema: options.schema } : {}),
      });
  await migrate(db);
  return db;
}
