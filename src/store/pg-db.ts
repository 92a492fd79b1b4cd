import pg from 'pg';
import { assertSchemaName, valueParsers, type Db } from './db.js';

const types = {
  getTypeParser(oid: number, format?: 'text' | 'binary') {
    return valueParsers[oid] ?? pg.types.getTypeParser(oid, format);
  },
};

type Queryable = Pick<pg.PoolClient, 'query'>;

function wrap(runner: Queryable, pool: pg.Pool, inTx: boolean): Db {
  const db: Db = {
    kind: 'postgres',
    async query<T>(text: string, params: unknown[] = []) {
      const res = await runner.query({ text, values: params, types });
      return res.rows as T[];
    },
    async exec(script: string) {
      await runner.query(script);
    },
    async transaction<T>(work: (tx: Db) => Promise<T>) {
      if (inTx) return work(db);
      const client = await pool.connect();
      try {
        await client.query('BEGIN');
        const result = await work(wrap(client, pool, true));
        await client.query('COMMIT');
        return result;
      } catch (err) {
        await client.query('ROLLBACK').catch(() => undefined);
        throw err;
      } finally {
        client.release();
      }
    },
    close: () => pool.end(),
  };
  return db;
}

/** A PostgreSQL server through `pg`; `schema` (created if missing) becomes the search path. */
export async function openPgDb(options: { url: string; schema?: string; max?: number }): Promise<Db> {
  const schema = options.schema ? assertSchemaName(options.schema) : undefined;
  if (schema) {
    const admin = new pg.Client({ connectionString: options.url });
    await admin.connect();
    try {
      await admin.query(`CREATE SCHEMA IF NOT EXISTS ${schema}`);
    } finally {
      await admin.end();
    }
  }
  const pool = new pg.Pool({
    connectionString: options.url,
    max: options.max ?? 10,
    ...(schema ? { options: `-c search_path=${schema}` } : {}),
  });
  await pool.query('SELECT 1');
  return wrap(pool, pool, false);
}
