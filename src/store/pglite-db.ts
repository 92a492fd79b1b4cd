import { mkdirSync } from 'node:fs';
import { PGlite, type Transaction } from '@electric-sql/pglite';
import { assertSchemaName, valueParsers, type Db } from './db.js';

type Runner = Pick<PGlite, 'query' | 'exec'> | Transaction;

function wrap(runner: Runner, inTx: boolean, root: PGlite): Db {
  const db: Db = {
    kind: 'pglite',
    async query<T>(text: string, params: unknown[] = []) {
      const res = await runner.query<T>(text, params);
      return res.rows;
    },
    async exec(script: string) {
      await runner.exec(script);
    },
    transaction<T>(work: (tx: Db) => Promise<T>) {
      if (inTx) return work(db);
      return root.transaction((tx) => work(wrap(tx, true, root)));
    },
    close: () => root.close(),
  };
  return db;
}

/** A Db over an already created PGlite instance (its search path is whatever it is set to). */
export function pgliteDb(pg: PGlite): Db {
  return wrap(pg, false, pg);
}

/** Embedded PostgreSQL: `dataDir` keeps the data on disk; without it the database lives in memory. */
export async function openPgliteDb(options: { dataDir?: string; schema?: string } = {}): Promise<Db> {
  if (options.dataDir) mkdirSync(options.dataDir, { recursive: true });
  const pg = await PGlite.create(options.dataDir, { parsers: valueParsers });
  if (options.schema) {
    const schema = assertSchemaName(options.schema);
    await pg.exec(`CREATE SCHEMA IF NOT EXISTS ${schema}; SET search_path TO ${schema};`);
  }
  return wrap(pg, false, pg);
}
