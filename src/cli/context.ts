import type { Command } from 'commander';
import type { Db } from '../store/db.js';
import { openDb } from '../store/open-db.js';

export const DEFAULT_DATA_DIR = '.retain/db';

export interface GlobalOptions {
  databaseUrl?: string;
  dataDir: string;
  /** A schema of its own, so several Retain databases can share one server (and tests their own). */
  dbSchema?: string;
}

export function globalOptions(cmd: Command): GlobalOptions {
  return cmd.optsWithGlobals<GlobalOptions>();
}

/** Opens the database the user chose: a PostgreSQL URL, else the embedded one in the data folder. */
export function openFromOptions(opts: GlobalOptions): Promise<Db> {
  const schema = opts.dbSchema ? { schema: opts.dbSchema } : {};
  return openDb(opts.databaseUrl ? { databaseUrl: opts.databaseUrl, ...schema } : { dataDir: opts.dataDir, ...schema });
}

/** A usage or input error: printed without a stack, exit code 2. */
export class UsageError extends Error {}

export async function withDb<T>(opts: GlobalOptions, work: (db: Db) => Promise<T>): Promise<T> {
  const db = await openFromOptions(opts);
  try {
    return await work(db);
  } finally {
    await db.close();
  }
}
