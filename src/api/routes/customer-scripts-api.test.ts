import { expect, it } from 'vitest';
import { describeEachDatabase } from '../../../test/databases.js';
import { defaultPolicy } from '../../domain/policy/default-policy.js';
import { createCampaign } from '../../engine/campaigns/create-campaign.js';
import { reevaluateCustomers } from '../../engine/reevaluate-customers.js';
import type { Db } from '../../store/db.js';
import { seedTask } from '../testing/seed-task.js';
import { staffServer } from '../testing/staff-server.js';
import type { CustomerScripts } from './get-customer-scripts.js';

const startStaffServer = staffServer();

const NOW = '2024-06-30T10:00:00+08:00';

/**
 * The staff fixture scored at NOW without the worker: no task is open. c-li-1 and c-li-2 (sa-li's)
 * are lost at recall level 3; c-zhao-1 is active, so no recall offer is its default.
 */
function start(db: Db) {
  return startStaffServer(db, new Date(NOW), () => new Date(NOW), async () => {
    await reevaluateCustomers(db, ['c-li-1', 'c-li-2', 'c-zhao-1'], defaultPolicy(), new Date(NOW));
  });
}

/** A draft campaign and three grants for c-li-1: one in force, one expired, one refused. */
async function grantOffers(db: Db) {
  const created = await createCampaign(db, {
    id: 'summer', name: '夏季召回', segment: { recallLevels: [3] }, budget: 1000, startsOn: '2024-06-01', endsOn: '2024-07-31', ownerId: 'sm-sh',
  }, new Date(NOW));
  expect(created.ok).toBe(true);
  for (const [offerId, status, validUntil] of [['l3-free-wash', 'granted', '2024-07-30'], ['l3-voucher-50', 'granted', '2024-06-29'], ['l3-20-off', 'refused', '2024-07-30']]) {
    await db.query(
      `INSERT INTO offer_grants (campaign_id, customer_id, store_id, offer_id, cost, status, requester_role, valid_until, created_at)
       VALUES ('summer', 'c-li-1', 'sh-01', $1, 20, $2, 'advisor', $3, $4)`,
      [offerId, status, validUntil, new Date(NOW)],
    );
  }
}

describeEachDatabase('customer 360 scripts and offers API', (t) => {
  it('fills the retention call for a customer without an open task, spoken by the reader, with the offers that apply', async () => {
    const db = await t.open();
    const { as } = await start(db);
    await grantOffers(db);
    expect((await db.query<{ n: number }>("SELECT count(*)::int AS n FROM tasks WHERE customer_id = 'c-li-1'"))[0]!.n).toBe(0);

    const li = await as('sa-li');
    const s = await li.json<CustomerScripts>('/api/v1/customers/c-li-1/scripts');
    expect(s.scripts).toMatchObject({ occasion: 'retention_call', reason: 'unknown', audiences: ['lost_recall', 'basic'] });
    expect(s.scripts.stages.map((x) => x.stage)).toEqual(['opening', 'probing', 'offer', 'closing']);
    expect(s.scripts.stages[0]!.text).toContain('客户1');
    expect(s.scripts.stages[0]!.text).toContain('李明');
    expect(JSON.stringify(s.scripts)).not.toMatch(/undefined|\{\{/);
    expect(s.scripts.templates.every((m) => m.channel === 'sms')).toBe(true);
    expect(s.offers).toMatchObject({ recallLevel: 3, reason: 'unknown' });
    expect(s.offers.suggested.map((o) => [o.reason, o.offerId, o.fits])).toEqual([
      ['unknown', 'l3-20-off', true], ['price', 'l3-voucher-50', false], ['convenience', 'l3-free-wash', false],
      ['service', 'l3-free-inspection', false], ['passive', 'l3-free-wash', false],
    ]);
    expect(s.offers.suggested[0]!.name).toBe('八折');
    expect(s.offers.granted).toEqual([
      { grantId: expect.any(Number), campaignId: 'summer', offerId: 'l3-free-wash', name: '免费洗车一次', status: 'granted', validUntil: '2024-07-30' },
    ]);

    // The manager reading the same page is the one who would call.
    const sm = await as('sm-sh');
    const bySm = await sm.json<CustomerScripts>('/api/v1/customers/c-li-1/scripts');
    expect(bySm.scripts.stages[0]!.text).toContain('王芳');
    const en = await sm.json<CustomerScripts>('/api/v1/customers/c-li-1/scripts?lang=en');
    expect(en.offers.suggested[0]!.name).toBe('20 % off');
    expect(en.scripts.stages[0]!.title).not.toBe(bySm.scripts.stages[0]!.title);
  });

  it('follows the churn reason the customer gave on an earlier call, once that task is closed', async () => {
    const db = await t.open();
    const { as } = await start(db);
    const li = await as('sa-li');
    const taskId = await seedTask(db, { customerId: 'c-li-1', due: NOW, createdAt: NOW });
    expect((await li.post(`/api/v1/tasks/${taskId}/outcome`, { result: 'refused', reason: '太贵了', churnReason: 'price' })).status).toBe(200);
    const s = await li.json<CustomerScripts>('/api/v1/customers/c-li-1/scripts');
    expect(s.scripts.reason).toBe('price');
    expect(s.scripts.otherReasons.map((o) => o.reason)).not.toContain('price');
    expect(s.offers.suggested[0]).toMatchObject({ reason: 'price', offerId: 'l3-voucher-50', fits: true });
  });

  it("is scoped like customer 360: an advisor only their own customers, a manager their store", async () => {
    const { as } = await start(await t.open());
    const li = await as('sa-li');
    expect((await li.call('/api/v1/customers/c-zhao-1/scripts')).status).toBe(403);
    expect((await li.call('/api/v1/customers/c-nobody/scripts')).status).toBe(404);
    const sm = await as('sm-sh');
    expect((await sm.call('/api/v1/customers/c-bj-1/scripts')).status).toBe(403);
    const active = await sm.json<CustomerScripts>('/api/v1/customers/c-zhao-1/scripts');
    expect(active.scripts.stages.length).toBeGreaterThan(0);
    expect(active.offers).toEqual({ recallLevel: null, reason: 'unknown', granted: [], suggested: [] });
  });
});
