import { afterEach, expect, it } from 'vitest';
import { describeEachDatabase } from '../../test/databases.js';
import { FIXTURE_PASSWORD, loadStaffFixture } from '../auth/testing/staff-fixture.js';
import { defaultPolicy } from '../domain/policy/default-policy.js';
import { createApiToken } from '../store/api-tokens.js';
import type { Db } from '../store/db.js';
import { startServer, type RunningServer } from './serve.js';
import { sessionClient } from './testing/session-client.js';

let server: RunningServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

/** A server whose clock the test moves, and a tiny cookie-keeping client per browser. */
async function start(db: Db) {
  const clock = { now: new Date('2024-06-30T10:00:00+08:00') };
  await loadStaffFixture(db, clock.now);
  server = await startServer({ db, policy: async () => defaultPolicy(), clock: () => clock.now }, { port: 0 });
  const url = server.url;
  const browser = () => {
    const b = sessionClient(url);
    return { ...b, cookieHeader: () => b.cookieHeader, signIn: (username: string, password = FIXTURE_PASSWORD) => b.signIn(username, password) };
  };
  return { clock, browser, url };
}

const ids = (body: { items: { id?: string; customerId?: string }[] }) => body.items.map((i) => i.id ?? i.customerId).sort();

describeEachDatabase('sign-in, sessions and scope', (t) => {
  it('signs in with a password and sets a secure, HTTP-only, same-site cookie', async () => {
    const { browser } = await start(await t.open());
    const b = browser();
    expect((await b.call('/api/v1/customers')).status).toBe(401);
    const res = await b.signIn('sa-li');
    expect(res.status).toBe(200);
    const set = res.headers.get('set-cookie')!;
    expect(set).toMatch(/^retain_session=[\w-]{40,};/);
    expect(set).toMatch(/HttpOnly/);
    expect(set).toMatch(/Secure/);
    expect(set).toMatch(/SameSite=Strict/);
    const body = (await res.json()) as { staff: { id: string; role: string }; csrfToken: string; scope: unknown };
    expect(body.staff).toMatchObject({ id: 'sa-li', role: 'advisor' });
    expect(body.scope).toEqual({ storeIds: ['sh-01'], advisorId: 'sa-li' });
    expect((await b.call('/api/v1/auth/me')).status).toBe(200);
  });

  it('refuses a wrong password the same way as an unknown user', async () => {
    const { browser } = await start(await t.open());
    const wrong = await browser().signIn('sa-li', 'nope-nope');
    const unknown = await browser().signIn('nobody', 'nope-nope');
    expect(wrong.status).toBe(401);
    expect(unknown.status).toBe(401);
    expect(((await wrong.json()) as { error: { message: string } }).error.message).toBe(
      ((await unknown.json()) as { error: { message: string } }).error.message,
    );
  });

  it('locks the account after 5 failures in a row, for 15 minutes, even for the right password', async () => {
    const { browser, clock } = await start(await t.open());
    const b = browser();
    for (let i = 0; i < 4; i++) expect((await b.signIn('sa-li', 'wrong-password')).status).toBe(401);
    const fifth = await b.signIn('sa-li', 'wrong-password');
    expect(fifth.status).toBe(429);
    expect(fifth.headers.get('retry-after')).toBe('900');
    expect((await b.signIn('sa-li')).status).toBe(429);
    clock.now = new Date(clock.now.getTime() + 14 * 60_000);
    expect((await b.signIn('sa-li')).status).toBe(429);
    clock.now = new Date(clock.now.getTime() + 61_000);
    expect((await b.signIn('sa-li')).status).toBe(200);
  });

  it('a success resets the count of failures', async () => {
    const { browser } = await start(await t.open());
    const b = browser();
    for (let i = 0; i < 4; i++) await b.signIn('sa-li', 'wrong-password');
    expect((await b.signIn('sa-li')).status).toBe(200);
    for (let i = 0; i < 4; i++) expect((await b.signIn('sa-li', 'wrong-password')).status).toBe(401);
  });

  it('refuses a change without the CSRF token, or from another origin', async () => {
    const { browser } = await start(await t.open());
    const b = browser();
    await b.signIn('sa-li');
    const noToken = await b.call('/api/v1/auth/sign-out', { method: 'POST' });
    expect(noToken.status).toBe(403);
    const evil = await b.call('/api/v1/auth/sign-out', { method: 'POST', headers: { origin: 'https://evil.example' } });
    expect(evil.status).toBe(403);
    const login = await browser().call('/api/v1/auth/sign-in', {
      method: 'POST', json: { username: 'sa-li', password: FIXTURE_PASSWORD }, headers: { origin: 'https://evil.example' },
    });
    expect(login.status).toBe(403);
    expect((await b.call('/api/v1/auth/me')).status).toBe(200);
  });

  it('signs out: the session no longer works, even replayed', async () => {
    const { browser, url } = await start(await t.open());
    const b = browser();
    await b.signIn('sa-li');
    const stolen = b.cookieHeader();
    expect((await b.post('/api/v1/auth/sign-out')).status).toBe(200);
    expect((await b.call('/api/v1/auth/me')).status).toBe(401);
    expect((await fetch(`${url}/api/v1/auth/me`, { headers: { cookie: stolen } })).status).toBe(401);
  });

  it('ends a session after 12 idle hours', async () => {
    const { browser, clock } = await start(await t.open());
    const b = browser();
    await b.signIn('sa-li');
    clock.now = new Date(clock.now.getTime() + 11 * 3_600_000);
    expect((await b.call('/api/v1/auth/me')).status).toBe(200);
    clock.now = new Date(clock.now.getTime() + 12 * 3_600_000 + 1000);
    expect((await b.call('/api/v1/auth/me')).status).toBe(401);
  });

  it("keeps an advisor to their own customers: another advisor's customer is 403", async () => {
    const { browser } = await start(await t.open());
    const b = browser();
    await b.signIn('sa-li');
    expect(ids(await b.json('/api/v1/customers'))).toEqual(['c-li-1', 'c-li-2']);
    for (const path of ['', '/events', '/evaluation', '/evaluations']) {
      expect((await b.call(`/api/v1/customers/c-zhao-1${path}`)).status).toBe(403);
      expect((await b.call(`/api/v1/customers/c-li-1${path}`)).status).toBe(200);
    }
    expect((await b.call('/api/v1/customers/nobody')).status).toBe(404);
    expect(ids(await b.json('/api/v1/customers?advisorId=sa-zhao'))).toEqual([]);
  });

  it('gives a manager their store, a general manager their region, an admin and a token everything', async () => {
    const db = await t.open();
    const { browser, url } = await start(db);
    const sm = browser();
    await sm.signIn('sm-sh');
    expect(ids(await sm.json('/api/v1/customers'))).toEqual(['c-li-1', 'c-li-2', 'c-zhao-1']);
    expect((await sm.call('/api/v1/customers/c-hz-1')).status).toBe(403);
    expect(ids(await sm.json('/api/v1/customers?storeId=bj-01'))).toEqual([]);
    const gm = browser();
    await gm.signIn('gm-east');
    expect(ids(await gm.json('/api/v1/customers'))).toEqual(['c-hz-1', 'c-li-1', 'c-li-2', 'c-zhao-1']);
    expect((await gm.call('/api/v1/customers/c-bj-1')).status).toBe(403);
    const admin = browser();
    await admin.signIn('admin');
    expect(ids(await admin.json('/api/v1/customers'))).toHaveLength(5);
    const token = await createApiToken(db, 'integration', new Date());
    const res = await fetch(`${url}/api/v1/customers`, { headers: { authorization: `Bearer ${token}` } });
    expect(ids((await res.json()) as { items: { id: string }[] })).toHaveLength(5);
  });

  it('masks phone numbers; only the assigned advisor reveals one, and every reveal is audited for admins', async () => {
    const { browser } = await start(await t.open());
    const li = browser();
    await li.signIn('sa-li');
    const detail = await li.json<{ customer: { phone: string } }>('/api/v1/customers/c-li-1');
    expect(detail.customer.phone).toBe('138****1000');
    const revealed = await li.post('/api/v1/customers/c-li-1/reveal-phone');
    expect(revealed.status).toBe(200);
    expect(await revealed.json()).toEqual({ phone: '13812341000' });
    expect((await li.post('/api/v1/customers/c-zhao-1/reveal-phone')).status).toBe(403);
    expect((await li.call('/api/v1/customers/c-li-1/reveal-phone', { method: 'POST' })).status).toBe(403); // no CSRF token

    const sm = browser();
    await sm.signIn('sm-sh');
    expect((await sm.post('/api/v1/customers/c-li-1/reveal-phone')).status).toBe(403);
    expect((await sm.call('/api/v1/audit/phone-reveals')).status).toBe(403);

    const admin = browser();
    await admin.signIn('admin');
    const log = await admin.json<{ total: number; items: { staffId: string; customerId: string; staffName: string }[] }>('/api/v1/audit/phone-reveals');
    expect(log.total).toBe(1);
    expect(log.items[0]).toMatchObject({ staffId: 'sa-li', customerId: 'c-li-1', staffName: '李明' });
  });

  it('lets only integrations and admins send raw events', async () => {
    const { browser } = await start(await t.open());
    const b = browser();
    await b.signIn('sa-li');
    expect((await b.post('/api/v1/events', { events: [{}] })).status).toBe(403);
  });
});
