import { afterEach, expect, it } from 'vitest';
import { describeEachDatabase } from '../../test/databases.js';
import { nps, visit, writeStoreFiles } from '../../test/fixtures.js';
import { defaultPolicy } from '../domain/policy/default-policy.js';
import { importPath } from '../ingest/import-path.js';
import { createApiToken } from '../store/api-tokens.js';
import type { Db } from '../store/db.js';
import { startServer, type RunningServer } from './serve.js';

const now = new Date('2024-06-30T10:00:00+08:00');
let server: RunningServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

async function start(db: Db) {
  await importPath(db, writeStoreFiles([{ id: 'c1' }, { id: 'c2' }], [visit('c1', '2024-06-20T10:00:00+08:00'), visit('c2', '2024-06-25T10:00:00+08:00')]), {});
  const token = await createApiToken(db, 'test', now);
  server = await startServer({ db, policy: async () => defaultPolicy(), clock: () => now }, { port: 0 });
  const call = (path: string, init: RequestInit = {}, auth = token) =>
    fetch(server!.url + path, {
      ...init,
      headers: { 'content-type': 'application/json', ...(auth ? { authorization: `Bearer ${auth}` } : {}) },
    });
  const post = (events: unknown[]) => call('/api/v1/events', { method: 'POST', body: JSON.stringify({ events }) });
  return { call, post };
}

describeEachDatabase('HTTP API', (t) => {
  it('refuses requests without a valid token, but serves the OpenAPI document', async () => {
    const { call } = await start(await t.open());
    expect((await call('/api/v1/customers', {}, '')).status).toBe(401);
    expect((await call('/api/v1/customers', {}, 'rt_wrong')).status).toBe(401);
    const body = (await (await call('/api/v1/customers', {}, '')).json()) as { error: { code: string } };
    expect(body.error.code).toBe('unauthorized');
    const doc = (await (await call('/api/v1/openapi.json', {}, '')).json()) as { paths: Record<string, unknown> };
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining(['/api/v1/events', '/api/v1/customers', '/api/v1/customers/{id}/evaluation', '/api/v1/warnings']),
    );
  });

  it('stores a batch of events idempotently, with per-record errors', async () => {
    const db = await t.open();
    const { post } = await start(db);
    const good = nps('c1', '2024-06-30T09:00:00+08:00', 9);
    const res = await post([good, { id: 'x1', customerId: 'c1', type: 'nps', at: '2024-06-30', score: 11 }, { ...good, id: 'x2', customerId: 'nobody' }]);
    expect(res.status).toBe(200);
    const body = (await res.json()) as { imported: number; rejected: number; results: { status: string; errors?: { field: string }[] }[] };
    expect(body.imported).toBe(1);
    expect(body.rejected).toBe(2);
    expect(body.results.map((r) => r.status)).toEqual(['imported', 'rejected', 'rejected']);
    expect(body.results[1]!.errors![0]!.field).toBe('score');
    expect(body.results[2]!.errors![0]!.field).toBe('customerId');

    const again = (await (await post([good])).json()) as { imported: number; unchanged: number };
    expect(again).toMatchObject({ imported: 0, unchanged: 1 });
    const [count] = await db.query<{ n: number }>("SELECT count(*)::int AS n FROM events WHERE customer_id = 'c1'");
    expect(count!.n).toBe(2);
  });

  it('takes visits without visitId as sent, and names the field of each rejected visit or software update', async () => {
    const db = await t.open();
    const { post } = await start(db);
    const dmsVisit = (id: string, more: object = {}) => ({ id, customerId: 'c1', type: 'visit', at: '2024-06-29T15:00:00+08:00', kind: 'maintenance', amount: 680, ...more });
    const update = (id: string, more: object = {}) => ({ id, customerId: 'c1', type: 'software_update', at: '2024-06-29T09:00:00+08:00', updateId: 'ota-2024.06', ...more });
    const res = await post([
      dmsVisit('e-1'),
      dmsVisit('e-2', { visitId: '' }),
      update('u-1', { title: '电池管理系统优化' }),
      update('u-2', { updateId: undefined }),
      update('u-3', { visitRecommended: 'yes' }),
    ]);
    expect(res.status).toBe(200);
    const body = (await res.json()) as { imported: number; rejected: number; reevaluated: number; results: unknown[] };
    expect(body.results).toEqual([
      { index: 0, id: 'e-1', status: 'imported' },
      { index: 1, id: 'e-2', status: 'rejected', errors: [{ field: 'visitId', reason: 'must not be empty' }] },
      { index: 2, id: 'u-1', status: 'imported' },
      { index: 3, id: 'u-2', status: 'rejected', errors: [{ field: 'updateId', reason: expect.stringMatching(/expected string/) }] },
      { index: 4, id: 'u-3', status: 'rejected', errors: [{ field: 'visitRecommended', reason: expect.stringMatching(/expected boolean/) }] },
    ]);
    expect(body).toMatchObject({ imported: 2, rejected: 3, reevaluated: 1 });
    const rows = await db.query<{ id: string; record: Record<string, unknown> }>("SELECT id, record FROM events WHERE id IN ('e-1', 'u-1') ORDER BY id");
    expect(Object.hasOwn(rows[0]!.record, 'visitId')).toBe(false);
    expect(rows[1]!.record).toMatchObject({ updateId: 'ota-2024.06', title: '电池管理系统优化', visitRecommended: true });
    // The visit counts for scoring like any other: it is now the customer's last visit.
    const [evaluation] = await db.query<{ r: number }>("SELECT (record->'features'->>'R')::int AS r FROM evaluations WHERE customer_id = 'c1' AND as_of = '2024-06-30'");
    expect(evaluation!.r).toBe(1);
  });

  it('opens a red warning as soon as an NPS of 4 arrives', async () => {
    const { post, call } = await start(await t.open());
    const res = (await (await post([nps('c2', '2024-06-30T09:30:00+08:00', 4)])).json()) as { reevaluated: number };
    expect(res.reevaluated).toBe(1);
    const list = (await (await call('/api/v1/warnings?level=red')).json()) as { items: { customerId: string; reasons: string[] }[] };
    expect(list.items.map((w) => w.customerId)).toEqual(['c2']);
    expect(list.items[0]!.reasons.length).toBeGreaterThan(0);
    const detail = (await (await call('/api/v1/customers/c2')).json()) as { warning: { level: string }; latestEvaluation: { asOf: string } };
    expect(detail.warning.level).toBe('red');
    expect(detail.latestEvaluation.asOf).toBe('2024-06-30');
  });

  it('evaluates one customer as of a date with the §12 record', async () => {
    const { call } = await start(await t.open());
    const res = await call('/api/v1/customers/c1/evaluation?asOf=2024-07-15&lang=en');
    expect(res.status).toBe(200);
    const record = (await res.json()) as { asOf: string; policyVersion: string; customers: { customerId: string; features: { R: number } }[] };
    expect(record.asOf).toBe('2024-07-15');
    expect(record.policyVersion).toBe(defaultPolicy().version);
    expect(record.customers[0]).toMatchObject({ customerId: 'c1', features: { R: 25 } });
    expect((await call('/api/v1/customers/c1/evaluation?asOf=2024-02-30')).status).toBe(400);
    expect((await call('/api/v1/customers/nobody/evaluation')).status).toBe(404);
  });

  it('lists customers with keyset pagination and rejects a bad query with the field named', async () => {
    const { call } = await start(await t.open());
    const page1 = (await (await call('/api/v1/customers?limit=1')).json()) as { items: { id: string }[]; next: string };
    expect(page1.items.map((c) => c.id)).toEqual(['c1']);
    const page2 = (await (await call(`/api/v1/customers?limit=1&after=${page1.next}`)).json()) as { items: { id: string }[] };
    expect(page2.items.map((c) => c.id)).toEqual(['c2']);
    const bad = await call('/api/v1/customers?limit=0');
    expect(bad.status).toBe(400);
    const body = (await bad.json()) as { error: { details: { field: string }[] } };
    expect(body.error.details[0]!.field).toBe('limit');
  });
});
