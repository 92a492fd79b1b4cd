import { spawn, type ChildProcess } from 'node:child_process';
import type { Db } from '../../src/store/db.js';
import { openDb } from '../../src/store/open-db.js';
import { openPgDb } from '../../src/store/pg-db.js';

export const PG_URL = process.env.RETAIN_TEST_PG_URL ?? 'postgresql://postgres@127.0.0.1:5432/test';

/** A fresh migrated schema of the server (`name` and this process's id), and its removal. */
export async function freshSchema(name: string, url = PG_URL): Promise<{ schema: string; db: Db; drop: () => Promise<void> }> {
  const schema = `${name}_${process.pid}`;
  const db = await openDb({ databaseUrl: url, schema });
  return {
    schema,
    db,
    drop: async () => {
      await db.close();
      const admin = await openPgDb({ url, max: 1 });
      // The job engine's schema beside it too, which a `retain serve` on this schema made.
      await admin.exec(`DROP SCHEMA IF EXISTS ${schema} CASCADE; DROP SCHEMA IF EXISTS ${schema}_jobs CASCADE`);
      await admin.close();
    },
  };
}

/** A TypeScript entry point of this project in its own process. */
export function spawnTs(file: string, args: string[], stdout: 'ignore' | 'pipe' = 'ignore'): ChildProcess {
  return spawn(process.execPath, ['--import', 'tsx', file, ...args], { stdio: ['ignore', stdout, 'pipe'] });
}

export function exited(child: ChildProcess): Promise<number | null> {
  return child.exitCode !== null || child.signalCode !== null ? Promise.resolve(child.exitCode) : new Promise((resolve) => child.once('exit', (code) => resolve(code)));
}

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Row counts and a digest of each table's keys: two schemas that match hold the same data. */
export async function fingerprint(db: Db, tables: Record<string, string>): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  for (const [table, key] of Object.entries(tables)) {
    const [row] = await db.query<{ n: number; digest: string | null }>(`SELECT count(*)::int AS n, md5(string_agg(${key}, ',' ORDER BY ${key})) AS digest FROM ${table}`);
    out[table] = `${row!.n} rows, ${row!.digest?.slice(0, 8) ?? '-'}`;
  }
  return out;
}
