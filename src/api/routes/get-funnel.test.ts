import { afterEach, expect, it } from 'vitest';
import { describeEachDatabase } from '../../../test/databases.js';
import { FIXTURE_PASSWORD, loadStaffFixture } from '../../auth/testing/staff-fixture.js';
import { defaultPolicy } from '../../domain/policy/default-policy.js';
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

interface Counts { warned: number; tasked: number; contacted: number; booked: number; returned: number; recovered: number }
interface Funnel {
  from: string; to: string; total: Counts; stores: (Counts & { storeId: string })[]; advisors: (Counts & { advisorId: string | null })[];
  problems: Record<'notFollowedUp' | 'followUpFailed' | 'needsEscalation', { customerId: string; taskId: string | null }[]>;
}

async function warning(db: Db, customerId: string, storeId: string, level: string, openedAt: string, closedAt: string | null = null) {
  await db.query(
    `INSERT INTO warnings (store_id, customer_id, level, reasons, as_of, policy_version, opened_at, changed_at, closed_at)
     VALUES ($1, $2, $3, '[]', $4::timestamptz::date, 'v1', $4, $4, $5)`,
    [storeId, customerId, level, new Date(openedAt), closedAt && new Date(closedAt)],
  );
}

async function event(db: Db, id: string, customerId: string, type: string, at: string) {
  await db.query(
    `INSERT INTO events (id, store_id, customer_id, type, at, day, record) VALUES ($1, 'sh-01', $2, $3, $4, $4::timestamptz::date, '{}')`,
    [id, customerId, type, new Date(at)],
  );
}

/**
 * June: c-li-1 goes all the way (task booked, visit, warning closed); c-li-2's red warning has no
 * task; c-zhao-1 refused. c-hz-1's warning is from May.
 */
async function start(db: Db) {
  await loadStaffFixture(db, new Date(NOW));
  await warning(db, 'c-li-1', 'sh-01', 'orange', '2024-06-10T09:00:00+08:00', '2024-06-25T02:00:00+08:00');
  await warning(db, 'c-li-2', 'sh-01', 'red', '2024-06-12T09:00:00+08:00');
  await warning(db, 'c-zhao-1', 'sh-01', 'orange', '2024-06-15T09:00:00+08:00');
  await warning(db, 'c-hz-1', 'hz-01', 'orange', '2024-05-20T09:00:00+08:00');
  const booked = await seedTask(db, { customerId: 'c-li-1', due: '2024-06-14T09:00:00+08:00', createdAt: '2024-06-11T09:00:00+08:00' });
  await db.query("UPDATE tasks SET status = 'closed', outcome = 'booked', closed_at = $2 WHERE id = $1", [booked, new Date('2024-06-12T09:00:00+08:00')]);
  await event(db, 'v1', 'c-li-1', 'visit', '2024-06-20T10:00:00+08:00');
  const refused = await seedTask(db, { customerId: 'c-zhao-1', due: '2024-06-18T09:00:00+08:00', createdAt: '2024-06-15T10:00:00+08:00' });
  await db.query("UPDATE tasks SET status = 'closed', outcome = 'refused', closed_at = $2 WHERE id = $1", [refused, new Date('2024-06-16T09:00:00+08:00')]);
  const overdue = await seedTask(db, { customerId: 'c-hz-1', due: '2024-05-25T09:00:00+08:00', createdAt: '2024-05-21T09:00:00+08:00' });
  server = await startServer({ db, policy: async () => defaultPolicy(), clock: () => new Date(NOW) }, { port: 0 });
  const as = async (username: string) => {
    const b = sessionClient(server!.url);
    expect((await b.signIn(username, FIXTURE_PASSWORD)).status).toBe(200);
    return b;
  };
  return { as, refused, overdue };
}

const all = (n: number[]) => ({ warned: n[0], tasked: n[1], contacted: n[2], booked: n[3], returned: n[4], recovered: n[5] });

describeEachDatabase('retention funnel API', (t) => {
  it("counts this month's warnings through each nested stage, per store and advisor, within the caller's scope", async () => {
    const { as, refused, overdue } = await start(await t.open());
    const sm = await (await as('sm-sh')).json<Funnel>('/api/v1/funnel');
    expect(sm).toMatchObject({ from: '2024-06-01', to: '2024-06-30' });
    expect(sm.total).toEqual(all([3, 2, 1, 1, 1, 1]));
    expect(sm.stores.map((s) => s.storeId)).toEqual(['sh-01']);
    expect(sm.advisors.map((a) => [a.advisorId, a.warned, a.tasked, a.recovered])).toEqual([['sa-li', 2, 1, 1], ['sa-zhao', 1, 1, 0]]);
    expect(sm.problems.notFollowedUp.map((p) => p.customerId)).toEqual(['c-li-2']);
    expect(sm.problems.followUpFailed.map((p) => p.taskId)).toEqual([refused]);

    const li = await (await as('sa-li')).json<Funnel>('/api/v1/funnel');
    expect(li.total).toEqual(all([2, 1, 1, 1, 1, 1]));
    expect(li.problems.followUpFailed).toEqual([]);

    const gm = await (await as('gm-east')).json<Funnel>('/api/v1/funnel?from=2024-05-01&to=2024-06-30');
    expect(gm.total.warned).toBe(4);
    expect(gm.stores.map((s) => s.storeId).sort()).toEqual(['hz-01', 'sh-01']);
    expect(gm.problems.needsEscalation.map((p) => p.taskId)).toEqual([overdue]);
  });

  it('matches nothing for a filter outside the scope and refuses a reversed period', async () => {
    const { as } = await start(await t.open());
    const li = await as('sa-li');
    expect((await li.json<Funnel>('/api/v1/funnel?advisorId=sa-zhao')).total.warned).toBe(0);
    expect((await li.call('/api/v1/funnel?from=2024-06-10&to=2024-06-01')).status).toBe(400);
  });
});
