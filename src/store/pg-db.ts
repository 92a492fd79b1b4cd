import { finished } from 'node:stream/promises';
import pg from 'pg';
import { from as copyFrom, to as copyTo } from 'pg-copy-streams';
import { log } from '../log.js';
import { assertSchemaName, copyTarget, valueParsers, type Db } from './db.js';
import { Savepoints } from './savepoints.js';

const types = {
  getTypeParser(oid: number, format?: 'text' | 'binary') {
    return valueParsers[oid] ?? pg.types.getTypeParser(oid, format);
  },
};

async function copyIn(client: pg.PoolClient, sql: string, rows: string): Promise<void> {
  const stream = client.query(copyFrom(sql));
  stream.end(rows);
  await finished(stream);
}

async function copyOut(client: pg.PoolClient, sql: string): Promise<Uint8Array> {
  const chunks: Buffer[] = [];
  for await (const chunk of client.query(copyTo(sql))) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

/** Runs `work` with the transaction's connection, or one of the pool's. */
async function withClient<T>(pool: pg.Pool, client: pg.PoolClient | undefined, work: (c: pg.PoolClient) => Promise<T>): Promise<T> {
  if (client) return work(client);
  const own = await pool.connect();
  try {
    return await work(own);
  } finally {
    own.release();
  }
}

/** `client` is the connection of the transaction in progress; without one, statements go to the pool. */
function wrap(pool: pg.Pool, client?: pg.PoolClient): Db {
  const runner = client ?? pool;
  const savepoints = client ? new Savepoints((sql) => client.query(sql)) : undefined;
  const db: Db = {
    kind: 'postgres',
    async query<T>(text: string, params: unknown[] = []) {
      await savepoints?.ready();
      const res = await runner.query({ text, values: params, types });
      return res.rows as T[];
    },
    async exec(script: string) {
      await savepoints?.ready();
      await runner.query(script);
    },
    async copyIn(table: string, columns: readonly string[], rows: string) {
      await savepoints?.ready();
      return withClient(pool, client, (c) => copyIn(c, `COPY ${copyTarget(table, columns)} FROM STDIN`, rows));
    },
    async copyOut(query: string) {
      await savepoints?.ready();
      return withClient(pool, client, (c) => copyOut(c, `COPY (${query}) TO STDOUT`));
    },
    async transaction<T>(work: (tx: Db) => Promise<T>) {
      if (savepoints) return savepoints.run(() => work(db));
      const own = await pool.connect();
      try {
        await own.query('BEGIN');
        const result = await work(wrap(pool, own));
        await own.query('COMMIT');
        return result;
      } catch (err) {
        await own.query('ROLLBACK').catch(() => undefined);
        throw err;
      } finally {
        own.release();
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
  // No JIT: it compiles a query once its estimated cost is high, 150 ms each time, and every
  // query here is short (estimates run high on freshly loaded tables before ANALYZE).
  const pool = new pg.Pool({
    connectionString: options.url,
    max: options.max ?? 10,
    options: `-c jit=off${schema ? ` -c search_path=${schema}` : ''}`,
  });
  // An idle connection cut by the server (a restart, a failover) is an 'error' event on the
  // pool, which would end the process unheard; the pool replaces it at the next query.
  pool.on('error', (err) => log.warn({ err: err.message }, 'a pooled PostgreSQL connection was lost; it is replaced on next use'));
  await pool.query('SELECT 1');
  return wrap(pool);
}
