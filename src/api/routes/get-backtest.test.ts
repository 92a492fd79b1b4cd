import { afterEach, expect, it } from 'vitest';
import { describeEachDatabase } from '../../../test/databases.js';
import { writeBacktestStore } from '../../../test/fixtures.js';
import { defaultPolicy } from '../../domain/policy/default-policy.js';
import { importPath } from '../../ingest/import-path.js';
import { createApiToken } from '../../store/api-tokens.js';
import type { Db } from '../../store/db.js';
import { startServer, type RunningServer } from '../serve.js';

const now = new Date('2025-01-10T10:00:00+08:00');
let server: RunningServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

/** c2 and c3 are red on 2024-06-30; c2 and c4 never come back (as in engine/backtest-policy.test.ts). */
async function start(db: Db) {
  await importPath(db, writeBacktestStore(), {});
  const token = await createApiToken(db, 'test', now);
  server = await startServer({ db, policy: async () => defaultPolicy(), clock: () => now }, { port: 0 });
  return (path: string, init: RequestInit = {}) =>
    fetch(server!.url + path, { ...init, headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` } });
}

describeEachDatabase('GET/POST /api/v1/backtest', (t) => {
  it('back-tests the policy in force and a draft, for the settings screen', async () => {
    const call = await start(await t.open());
    const res = await call('/api/v1/backtest?asOf=2024-06-30');
    expect(res.status).toBe(200);
    const body = (await res.json()) as { asOf: string; customers: number; lost: number; rules: { red: unknown }; churnModel: unknown };
    expect(body).toMatchObject({ asOf: '2024-06-30', customers: 4, lost: 2, churnModel: null });
    expect(body.rules.red).toEqual({ flagged: 2, truePositives: 1, precision: 0.5, recall: 0.5 });

    const base = defaultPolicy();
    const draft = { ...base, version: 'draft-2', rules: [...base.rules, { id: 'x', level: 'red', enabled: true, when: { field: 'R', op: '>=', value: 0 } }] };
    const posted = await call('/api/v1/backtest?asOf=2024-06-30', { method: 'POST', body: JSON.stringify({ policy: draft }) });
    expect(posted.status).toBe(200);
    expect(((await posted.json()) as { policyVersion: string; rules: { red: { recall: number } } })).toMatchObject({ policyVersion: 'draft-2', rules: { red: { recall: 1 } } });
  });

  it('says why it cannot back-test: a window not yet observed, an invalid draft', async () => {
    const call = await start(await t.open());
    const late = await call('/api/v1/backtest?asOf=2024-12-01');
    expect(late.status).toBe(400);
    expect(((await late.json()) as { error: { message: string } }).error.message).toMatch(/not all in the data/);
    const bad = await call('/api/v1/backtest', { method: 'POST', body: JSON.stringify({ policy: { ...defaultPolicy(), risk: 'high' } }) });
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as { error: { details: { field: string }[] } }).error.details[0]!.field).toMatch(/^policy\.risk/);
  });
});
