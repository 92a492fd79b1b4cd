import { request } from 'node:http';
import { expect, it } from 'vitest';
import { describeEachDatabase } from '../../test/databases.js';
import { visit, writeStoreFiles } from '../../test/fixtures.js';
import { defaultPolicy } from '../domain/policy/default-policy.js';
import { importPath } from '../ingest/import-path.js';
import { createApiToken } from '../store/api-tokens.js';
import type { Db } from '../store/db.js';
import { startServer } from './serve.js';

const now = new Date('2024-06-30T10:00:00+08:00');

/**
 * A server whose risk list waits, after reading the list, until the test lets its policy read
 * go on: a request held half-way, the database still needed to finish it.
 */
async function startHeld(db: Db) {
  await importPath(db, writeStoreFiles([{ id: 'c1' }], [visit('c1', '2024-06-20T10:00:00+08:00')]), {});
  const token = await createApiToken(db, 'test', now);
  let reached!: () => void;
  const waiting = new Promise<void>((r) => (reached = r));
  let release!: () => void;
  const released = new Promise<void>((r) => (release = r));
  const work = { done: false };
  const server = await startServer({
    db,
    clock: () => now,
    policy: async () => {
      reached();
      await released;
      // Still reading the database after the release: a closed pool would fail this.
      await db.query('SELECT 1');
      work.done = true;
      return defaultPolicy();
    },
  }, { port: 0 });
  return { server, token, waiting, release, work };
}

/** One request on its own keep-alive socket; `abort` hangs up before the answer. */
function get(url: string, token: string) {
  let abort!: () => void;
  const answered = new Promise<{ status: number; body: string }>((resolve, reject) => {
    const req = request(url, { headers: { authorization: `Bearer ${token}`, connection: 'keep-alive' } }, (res) => {
      let body = '';
      res.on('data', (chunk) => (body += chunk));
      res.on('end', () => resolve({ status: res.statusCode!, body }));
    });
    req.on('error', reject);
    req.end();
    abort = () => req.destroy();
  });
  return { answered, abort: () => abort() };
}

describeEachDatabase('stopping the server', (t) => {
  it('answers the requests it has taken before it says it is closed, and takes no new one', async () => {
    const db = await t.open();
    const { server, token, waiting, release } = await startHeld(db);
    const held = get(`${server.url}/api/v1/risk-list`, token);
    await waiting;
    let closed = false;
    const closing = server.close().then(() => (closed = true));
    await new Promise((r) => setTimeout(r, 50));
    expect(closed).toBe(false);
    await expect(fetch(`${server.url}/api/v1/risk-list`, { headers: { authorization: `Bearer ${token}` } })).rejects.toThrow();
    release();
    const answer = await held.answered;
    expect(answer.status).toBe(200);
    expect(JSON.parse(answer.body)).toMatchObject({ total: 0, items: [], page: 1 }); // nobody is evaluated yet
    await closing;
    expect(closed).toBe(true);
  });

  it('waits for the work of a request whose client hung up, so the database outlives it', async () => {
    const db = await t.open();
    const { server, token, waiting, release, work } = await startHeld(db);
    const held = get(`${server.url}/api/v1/risk-list`, token);
    held.answered.catch(() => undefined);
    await waiting;
    held.abort();
    let closed = false;
    const closing = server.close().then(() => (closed = true));
    await new Promise((r) => setTimeout(r, 50));
    expect(closed).toBe(false); // the handler is still between its two reads
    release();
    await closing;
    expect(work.done).toBe(true); // its last read ran before the caller could close the database
  });
});
