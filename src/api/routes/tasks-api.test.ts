import { afterEach, expect, it } from 'vitest';
import { describeEachDatabase } from '../../../test/databases.js';
import { FIXTURE_PASSWORD, loadStaffFixture } from '../../auth/testing/staff-fixture.js';
import { defaultPolicy } from '../../domain/policy/default-policy.js';
import { createApiToken } from '../../store/api-tokens.js';
import type { Db } from '../../store/db.js';
import { startServer, type RunningServer } from '../serve.js';
import { seedTask } from '../testing/seed-task.js';
import { sessionClient } from '../testing/session-client.js';

let server: RunningServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

const NOW = '2024-06-30T10:00:00+08:00';
const h = (hours: number) => new Date(new Date(NOW).getTime() + hours * 3_600_000).toISOString();

type Task = { id: string; category: string; overdue: boolean; assigneeId: string | null; status: string; attempts: number; outcome: string | null };
type Page = { items: Task[]; total: number; page: number; pageSize: number };

/** sa-li has five open tasks (two overdue), one closed; sa-zhao one; hz-01 and bj-01 one each. */
async function start(db: Db) {
  await loadStaffFixture(db, new Date(NOW));
  const ids = {
    later: await seedTask(db, { customerId: 'c-li-1', due: h(48), createdAt: h(-1) }),
    late2h: await seedTask(db, { customerId: 'c-li-1', due: h(-2), createdAt: h(-80) }),
    late30h: await seedTask(db, { customerId: 'c-li-2', due: h(-30), createdAt: h(-100) }),
    noDeadline: await seedTask(db, { customerId: 'c-li-2', due: null, createdAt: h(-5), type: 'checklist' }),
    soon: await seedTask(db, { customerId: 'c-li-1', due: h(2), createdAt: h(-3) }),
    closed: await seedTask(db, { customerId: 'c-li-1', due: h(-50), createdAt: h(-120) }),
    zhao: await seedTask(db, { customerId: 'c-zhao-1', due: h(5), createdAt: h(-1) }),
    hz: await seedTask(db, { customerId: 'c-hz-1', due: h(5), createdAt: h(-1), role: 'service_manager', assigneeId: null }),
    bj: await seedTask(db, { customerId: 'c-bj-1', due: h(5), createdAt: h(-1) }),
  };
  await db.query("UPDATE tasks SET status = 'closed', outcome = 'reached', closed_at = $2 WHERE id = $1", [ids.closed, new Date(h(-60))]);
  const token = await createApiToken(db, 'test', new Date(NOW));
  server = await startServer({ db, policy: async () => defaultPolicy(), clock: () => new Date(NOW) }, { port: 0 });
  const as = async (username: string) => {
    const b = sessionClient(server!.url);
    expect((await b.signIn(username, FIXTURE_PASSWORD)).status).toBe(200);
    return b;
  };
  const withToken = (path: string) => fetch(server!.url + path, { headers: { authorization: `Bearer ${token}` } });
  return { ids, as, withToken };
}

const idsOf = (p: Page) => p.items.map((t) => t.id);

describeEachDatabase('task inbox API', (t) => {
  it("lists the signed-in advisor's open tasks, overdue first, then by deadline, with server pages", async () => {
    const { ids, as } = await start(await t.open());
    const li = await as('sa-li');
    const mine = await li.json<Page>('/api/v1/tasks');
    expect(idsOf(mine)).toEqual([ids.late30h, ids.late2h, ids.soon, ids.later, ids.noDeadline]);
    expect(mine.items.map((i) => i.overdue)).toEqual([true, true, false, false, false]);
    expect(mine.total).toBe(5);
    // Overdue first even before an older deadline that is no longer open.
    expect(idsOf(await li.json<Page>('/api/v1/tasks?status=all'))).toEqual([ids.late30h, ids.late2h, ids.closed, ids.soon, ids.later, ids.noDeadline]);
    expect(idsOf(await li.json<Page>('/api/v1/tasks?overdue=true'))).toEqual([ids.late30h, ids.late2h]);
    const page2 = await li.json<Page>('/api/v1/tasks?pageSize=2&page=2');
    expect(page2).toMatchObject({ total: 5, page: 2, pageSize: 2 });
    expect(idsOf(page2)).toEqual([ids.soon, ids.later]);
    expect((await li.call('/api/v1/tasks?status=done')).status).toBe(400);
  });

  it('filters by category: warning work apart from proactive care and follow-ups; a bad category is a 400 naming it', async () => {
    const db = await t.open();
    const { ids, as } = await start(db);
    await db.query("UPDATE tasks SET category = 'care' WHERE id = ANY($1)", [[ids.soon, ids.noDeadline]]);
    await db.query("UPDATE tasks SET category = 'follow_up' WHERE id = $1", [ids.later]);
    await db.query("UPDATE tasks SET category = 'warning' WHERE id = ANY($1)", [[ids.late2h, ids.late30h]]);
    const li = await as('sa-li');
    const care = await li.json<Page>('/api/v1/tasks?category=care');
    expect(idsOf(care)).toEqual([ids.soon, ids.noDeadline]);
    expect(care.items.map((i) => i.category)).toEqual(['care', 'care']);
    expect(care.total).toBe(2);
    expect(idsOf(await li.json<Page>('/api/v1/tasks?category=warning'))).toEqual([ids.late30h, ids.late2h]);
    expect(idsOf(await li.json<Page>('/api/v1/tasks?category=follow_up'))).toEqual([ids.later]);
    const bad = await li.call('/api/v1/tasks?category=birthday');
    expect(bad.status).toBe(400);
    expect(JSON.stringify(await bad.json())).toContain('category');
  });

  it("an advisor cannot see or act on another advisor's task; managers see their store, a general manager the region", async () => {
    const { ids, as, withToken } = await start(await t.open());
    const li = await as('sa-li');
    expect((await li.call(`/api/v1/tasks/${ids.zhao}`)).status).toBe(403);
    expect((await li.post(`/api/v1/tasks/${ids.zhao}/outcome`, { result: 'reached' })).status).toBe(403);
    expect((await li.call('/api/v1/tasks/t-none')).status).toBe(404);
    expect(idsOf(await li.json<Page>('/api/v1/tasks?assigneeId=sa-zhao'))).toEqual([]);
    // The team inbox is the caller's scope: an advisor asking for everyone's still sees only their own customers'.
    expect(idsOf(await li.json<Page>('/api/v1/tasks?assigneeId=any')).sort()).toEqual([ids.later, ids.late2h, ids.late30h, ids.noDeadline, ids.soon].sort());
    const sm = await as('sm-sh');
    expect(await sm.json<Page>('/api/v1/tasks')).toMatchObject({ total: 0 });
    const store = await sm.json<Page>('/api/v1/tasks?assigneeId=any');
    expect(idsOf(store).sort()).toEqual([ids.later, ids.late2h, ids.late30h, ids.noDeadline, ids.soon, ids.zhao].sort());
    expect((await sm.call(`/api/v1/tasks/${ids.bj}`)).status).toBe(403);
    const gm = await as('gm-east');
    expect(idsOf(await gm.json<Page>('/api/v1/tasks?assigneeId=unassigned'))).toEqual([ids.hz]);
    expect(idsOf(await gm.json<Page>('/api/v1/tasks?storeId=bj-01'))).toEqual([]);
    const all = (await (await withToken('/api/v1/tasks')).json()) as Page;
    expect(all.total).toBe(8);
  });

  it('records an outcome in one call; a second outcome on the closed task is a 409', async () => {
    const db = await t.open();
    const { ids, as } = await start(db);
    const li = await as('sa-li');
    const attempt = await li.post(`/api/v1/tasks/${ids.soon}/outcome`, { result: 'no_answer' });
    expect(attempt.status).toBe(200);
    expect(await attempt.json()).toMatchObject({ status: 'attempt', attempts: 1, task: { status: 'open' } });
    const refusedBare = await li.post(`/api/v1/tasks/${ids.soon}/outcome`, { result: 'refused' });
    expect(refusedBare.status).toBe(400);
    expect(((await refusedBare.json()) as { error: { details: { field: string }[] } }).error.details[0]!.field).toBe('reason');
    expect((await li.post(`/api/v1/tasks/${ids.soon}/outcome`, { result: 'maybe' })).status).toBe(400);
    const refused = await li.post(`/api/v1/tasks/${ids.soon}/outcome`, { result: 'refused', reason: '太贵了', churnReason: 'price' });
    expect(refused.status).toBe(200);
    expect(await refused.json()).toMatchObject({ status: 'closed', task: { status: 'closed', outcome: 'refused', outcomeDetail: '太贵了', churnReason: 'price', closedBy: 'sa-li' } });
    const again = await li.post(`/api/v1/tasks/${ids.soon}/outcome`, { result: 'booked' });
    expect(again.status).toBe(409);
    expect(((await again.json()) as { error: { code: string } }).error.code).toBe('conflict');
    const [outreach] = await db.query<{ churn_reason: string }>("SELECT churn_reason FROM customer_outreach WHERE customer_id = 'c-li-1'");
    expect(outreach!.churn_reason).toBe('price');
  });

  it('reassigns an open task (managers only, to staff of the store or region)', async () => {
    const { ids, as } = await start(await t.open());
    const li = await as('sa-li');
    expect((await li.post(`/api/v1/tasks/${ids.later}/reassign`, { staffId: 'sa-zhao' })).status).toBe(403);
    const sm = await as('sm-sh');
    const moved = await sm.post(`/api/v1/tasks/${ids.later}/reassign`, { staffId: 'sa-zhao' });
    expect(moved.status).toBe(200);
    expect(await moved.json()).toMatchObject({ task: { id: ids.later, assigneeId: 'sa-zhao', assigneeName: '赵磊' } });
    // The task is now sa-zhao's, though the customer is still sa-li's.
    const zhao = await as('sa-zhao');
    expect(idsOf(await zhao.json<Page>('/api/v1/tasks'))).toEqual([ids.zhao, ids.later]);
    expect((await zhao.call(`/api/v1/tasks/${ids.later}`)).status).toBe(200);
    const outside = await sm.post(`/api/v1/tasks/${ids.later}/reassign`, { staffId: 'sa-bj' });
    expect(outside.status).toBe(400);
    expect(((await outside.json()) as { error: { details: { field: string }[] } }).error.details[0]!.field).toBe('staffId');
    expect((await sm.post(`/api/v1/tasks/${ids.later}/reassign`, { staffId: 'nobody' })).status).toBe(400);
    expect((await sm.post(`/api/v1/tasks/${ids.closed}/reassign`, { staffId: 'sa-zhao' })).status).toBe(409);
  });
});
