import { execFile } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { PGlite, type Transaction } from '@electric-sql/pglite';
import { assertSchemaName, copyTarget, valueParsers, type Db } from './db.js';
import { Savepoints } from './savepoints.js';

type Runner = Pick<PGlite, 'query' | 'exec'> | Transaction;

function wrap(runner: Runner, inTx: boolean, root: PGlite): Db {
  const savepoints = inTx ? new Savepoints((sql) => runner.exec(sql)) : undefined;
  const db: Db = {
    kind: 'pglite',
    async query<T>(text: string, params: unknown[] = []) {
      await savepoints?.ready();
      const res = await runner.query<T>(text, params);
      return res.rows;
    },
    async exec(script: string) {
      await savepoints?.ready();
      await runner.exec(script);
    },
    async copyIn(table: string, columns: readonly string[], rows: string) {
      await savepoints?.ready();
      // PGlite reads COPY input from the file /dev/blob, which the query's `blob` option fills.
      await runner.query(`COPY ${copyTarget(table, columns)} FROM '/dev/blob'`, [], { blob: new Blob([rows]) });
    },
    async copyOut(query: string) {
      // ... and writes COPY output to /dev/blob, which the result returns as `blob`.
      await savepoints?.ready();
      const { blob } = await runner.query(`COPY (${query}) TO '/dev/blob'`);
      return new Uint8Array((await blob?.arrayBuffer()) ?? new ArrayBuffer(0));
    },
    async transaction<T>(work: (tx: Db) => Promise<T>) {
      if (!savepoints) return root.transaction((tx) => work(wrap(tx, true, root)));
      return savepoints.run(() => work(db));
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
  if (options.dataDir) {
    mkdirSync(options.dataDir, { recursive: true });
    if (!existsSync(join(options.dataDir, 'PG_VERSION'))) await createDataDir(options.dataDir);
  }
  // 32 MB of shared buffers instead of 128: pages are also in the OS file cache, and the 96 MB
  // saved count against the memory budget (measured: same import and evaluation times).
  const pg = await PGlite.create(options.dataDir, {
    parsers: valueParsers,
    startParams: [...PGlite.defaultStartParams, '-c', 'shared_buffers=32MB'],
  });
  if (options.schema) {
    const schema = assertSchemaName(options.schema);
    await pg.exec(`CREATE SCHEMA IF NOT EXISTS ${schema}; SET search_path TO ${schema};`);
  }
  return wrap(pg, false, pg);
}

/**
 * Creates the database files in a child process. PGlite runs initdb in a second instance
 * beside the first: the process peaks at ~900 MiB and keeps most of it (WebAssembly memory
 * never shrinks), where opening existing files takes ~340 MiB.
 */
async function createDataDir(dataDir: string): Promise<void> {
  const script = `const { PGlite } = await import(${JSON.stringify(import.meta.resolve('@electric-sql/pglite'))});
    await (await PGlite.create(${JSON.stringify(dataDir)})).close();`;
  await promisify(execFile)(process.execPath, ['--input-type=module', '-e', script]);
}
