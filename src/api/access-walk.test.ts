import { expect, it } from 'vitest';
import { describeEachDatabase } from '../../test/databases.js';
import { fixtureCustomers } from '../auth/testing/staff-fixture.js';
import { defaultPolicy } from '../domain/policy/default-policy.js';
import { reevaluateCustomers } from '../engine/reevaluate-customers.js';
import type { Db } from '../store/db.js';
import { OPENAPI_PATH } from './app.js';
import { SIGN_IN_PATH } from './routes/post-sign-in.js';
import { seedTask } from './testing/seed-task.js';
import { staffServer } from './testing/staff-server.js';

const now = new Date('2024-06-30T10:00:00+08:00');
const start = staffServer();

interface Route {
  method: string;
  path: string;
}

async function routesOf(url: string): Promise<Route[]> {
  const doc = (await (await fetch(url + OPENAPI_PATH)).json()) as { paths: Record<string, Record<string, unknown>> };
  return Object.entries(doc.paths).flatMap(([path, ops]) => Object.keys(ops).map((m) => ({ method: m.toUpperCase(), path })));
}

const isPublic = (r: Route) => r.path === OPENAPI_PATH || (r.method === 'POST' && r.path === SIGN_IN_PATH);
const fill = (path: string, id: string) => path.replace(/\{[^}]+\}/g, id);

// Valid bodies, so a refusal is the scope's and not the body's.
const validBodies: Record<string, unknown> = {
  '/api/v1/customers/{id}/notes': { notes: { drink: '绿茶' } },
  '/api/v1/customers/{id}/abandon': { reason: '车辆已出售' },
  '/api/v1/tasks/{id}/outcome': { result: 'reached' },
  '/api/v1/tasks/{id}/reassign': { staffId: 'sa-li' },
};

/** The fixture evaluated, so lists hold customers, and a task of another advisor's customer. */
async function prepare(db: Db): Promise<string> {
  await reevaluateCustomers(db, Object.keys(fixtureCustomers), defaultPolicy(), now);
  return seedTask(db, { customerId: 'c-zhao-1', due: '2024-07-02T18:00:00+08:00', createdAt: '2024-06-30T09:00:00+08:00' });
}

describeEachDatabase('access to every route', (t) => {
  it('no token, a wrong token, a malformed header or a forged session: 401 on every route but the public ones', async () => {
    const db = await t.open();
    const { url } = await start(db, now, () => now);
    const routes = (await routesOf(url)).filter((r) => !isPublic(r));
    expect(routes.length).toBeGreaterThan(60);
    const callers: Record<string, Record<string, string>> = {
      'no credentials': {},
      'a wrong token': { authorization: 'Bearer rt_0000000000000000' },
      'an empty bearer': { authorization: 'Bearer ' },
      'basic auth': { authorization: 'Basic YWRtaW46c2VjcmV0' },
      'two tokens': { authorization: 'Bearer a b' },
      'a forged session': { cookie: 'retain_session=forged-session-token' },
    };
    const wrong: string[] = [];
    for (const route of routes) {
      for (const [who, headers] of Object.entries(callers)) {
        const res = await fetch(url + fill(route.path, 'c-li-1'), {
          method: route.method,
          headers: { ...headers, ...(route.method === 'GET' ? {} : { 'content-type': 'application/json' }) },
          ...(route.method === 'GET' ? {} : { body: '{}' }),
        });
        const body = await res.text();
        if (res.status !== 401 || !body.includes('"unauthorized"') || body.includes('客户')) wrong.push(`${route.method} ${route.path} with ${who}: ${res.status}`);
      }
    }
    expect(wrong).toEqual([]);
  });

  it('every change on a session needs the CSRF token and this origin', async () => {
    const db = await t.open();
    const { url, as } = await start(db, now, () => now);
    const admin = await as('admin');
    const changes = (await routesOf(url)).filter((r) => r.method !== 'GET' && !isPublic(r));
    expect(changes.length).toBeGreaterThanOrEqual(25);
    const wrong: string[] = [];
    for (const route of changes) {
      const path = fill(route.path, 'c-li-1');
      const json = { 'content-type': 'application/json' };
      const missing = await admin.call(path, { method: route.method, body: '{}', headers: json });
      const foreign = await admin.call(path, { method: route.method, body: '{}', headers: { ...json, origin: 'https://evil.example' } });
      for (const [what, res] of [['no token', missing], ['another origin', foreign]] as const) {
        if (res.status !== 403) wrong.push(`${route.method} ${route.path} with ${what}: ${res.status}`);
      }
    }
    expect(wrong).toEqual([]);
    // The session still works: the refusals changed nothing.
    expect((await admin.call('/api/v1/auth/me')).status).toBe(200);
  });

  it("each role is kept from another store's and another advisor's customers and tasks, and no list leaks them", async () => {
    const db = await t.open();
    let zhaoTask = '';
    const { url, as } = await start(db, now, () => now, async () => {
      zhaoTask = await prepare(db);
    });
    const routes = await routesOf(url);
    const customerRoutes = routes.filter((r) => r.path.startsWith('/api/v1/customers/{id}'));
    expect(customerRoutes.length).toBeGreaterThanOrEqual(10);
    const lists = routes.filter((r) => r.method === 'GET' && !r.path.includes('{') && !r.path.endsWith('/export') && !isPublic(r));

    // Who must not see whom; and one customer each sees, as a control.
    const cases: { username: string; hidden: string[]; visible: string }[] = [
      { username: 'sa-li', hidden: ['c-zhao-1', 'c-bj-1'], visible: 'c-li-1' },
      { username: 'sm-sh', hidden: ['c-hz-1', 'c-bj-1'], visible: 'c-zhao-1' },
      { username: 'gm-east', hidden: ['c-bj-1'], visible: 'c-hz-1' },
    ];
    const names = Object.fromEntries(Object.keys(fixtureCustomers).map((id, i) => [id, `客户${i + 1}`]));
    const wrong: string[] = [];
    for (const { username, hidden, visible } of cases) {
      const b = await as(username);
      for (const id of hidden) {
        for (const route of customerRoutes) {
          const res = route.method === 'GET' ? await b.call(fill(route.path, id)) : await b.send(route.method, fill(route.path, id), validBodies[route.path] ?? {});
          const body = await res.text();
          if (![403, 404].includes(res.status) || body.includes(names[id]!)) wrong.push(`${username} ${route.method} ${fill(route.path, id)}: ${res.status}`);
        }
      }
      const own = await b.call(`/api/v1/customers/${visible}/timeline`);
      if (own.status !== 200) wrong.push(`${username} cannot see ${visible}: ${own.status}`);
      let listed = 0;
      for (const route of lists) {
        const res = await b.call(route.path);
        const body = await res.text();
        if (res.status >= 500) wrong.push(`${username} GET ${route.path}: ${res.status}`);
        for (const id of hidden) if (body.includes(`"${id}"`) || body.includes(names[id]!)) wrong.push(`${username} GET ${route.path} shows ${id}`);
        if (body.includes(`"${visible}"`)) listed++;
      }
      if (listed === 0) wrong.push(`${username}: no list shows ${visible}`);
    }
    const li = await as('sa-li');
    for (const route of routes.filter((r) => r.path.startsWith('/api/v1/tasks/{id}'))) {
      const path = fill(route.path, zhaoTask);
      const res = route.method === 'GET' ? await li.call(path) : await li.send(route.method, path, validBodies[route.path] ?? {});
      if (![403, 404].includes(res.status)) wrong.push(`sa-li ${route.method} ${path}: ${res.status}`);
    }
    expect(wrong).toEqual([]);
  });
});
