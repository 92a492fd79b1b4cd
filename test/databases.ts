import { randomBytes } from 'node:crypto';
import { PGlite } from '@electric-sql/pglite';
import { afterAll, afterEach, describe } from 'vitest';
import { valueParsers, type Db } from '../src/store/db.js';
import { migrate } from '../src/store/migrate.js';
import { openDb } from '../src/store/open-db.js';
import { openPgDb } from '../src/store/pg-db.js';
import { pgliteDb } from '../src/store/pglite-db.js';

/**
 * The PostgreSQL server every database test also runs against. Tests fail (not skip) when it is
 * down: CI starts it, and a developer's machine has it running.
 */
export const TEST_PG_URL = process.env.RETAIN_TEST_PG_URL ?? 'postgresql://postgres@127.0.0.1:5432/test';

export type DatabaseKind = 'pglite' | 'postgres';
export const databaseKinds: DatabaseKind[] = ['pglite', 'postgres'];

export interface TestDatabase {
  kind: DatabaseKind;
  /** A fresh, migrated database in its own schema, dropped after the test. */
  open(): Promise<Db>;
  /** Options that open the same fresh schema again (e.g. from another process or module). */
  /** How to open the same schema again from another connection (PostgreSQL only). */
  openOptions(): { databaseUrl?: string; schema: string };
}

// Starting PGlite takes seconds, so a test file shares one instance and each test gets a schema.
let sharedPglite: Promise<PGlite> | undefined;
afterAll(async () => {
  if (sharedPglite) await (await sharedPglite).close();
  sharedPglite = undefined;
});

async function openSharedPglite(schema: string): Promise<Db> {
  sharedPglite ??= PGlite.create(undefined, { parsers: valueParsers });
  const pg = await sharedPglite;
  await pg.exec(`CREATE SCHEMA ${schema}; SET search_path TO ${schema};`);
  const db = pgliteDb(pg);
  await migrate(db);
  return { ...db, close: async () => undefined };
}

function schemaName(): string {
  return `t_${randomBytes(6).toString('hex')}`;
}

/** Runs `suite` once per database kind: the one shared case file for every implementation. */
export function describeEachDatabase(name: string, suite: (t: TestDatabase) => void): void {
  for (const kind of databaseKinds) {
    describe(`${name} [${kind}]`, () => {
      const opened: { db: Db; schema: string }[] = [];
      afterEach(async () => {
        for (const { db, schema } of opened.splice(0)) {
          await db.close();
          if (kind === 'postgres') await dropSchema(schema);
        }
      });
      let current: string | undefined;
      suite({
        kind,
        async open() {
          const schema = (current = schemaName());
          const db = kind === 'postgres' ? await openDb({ databaseUrl: TEST_PG_URL, schema }) : await openSharedPglite(schema);
          opened.push({ db, schema });
          return db;
        },
        openOptions() {
          const schema = current ?? (current = schemaName());
          return kind === 'postgres' ? { databaseUrl: TEST_PG_URL, schema } : { schema };
        },
      });
    });
  }
}

async function dropSchema(schema: string): Promise<void> {
  const admin = await openPgDb({ url: TEST_PG_URL, max: 1 });
  try {
    await admin.exec(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
  } finally {
    await admin.close();
  }
}
