import { expect, it } from 'vitest';
import { describeEachDatabase } from '../../../test/databases.js';
import { defaultCatalogue } from '../../campaigns/default-offers.js';
import { saveOfferCatalogue } from '../../store/offer-catalogue.js';
import { createCampaign } from './create-campaign.js';
import { decideGrant } from './decide-grant.js';
import { grantOffer } from './grant-offer.js';
import { launchCampaign } from './launch-campaign.js';
import { AS_OF, LAUNCH, campaignDoc, loadLostCustomers } from './testing/campaign-fixture.js';

const at = new Date('2024-07-02T10:00:00+08:00');

describeEachDatabase('offers within limits and budget', (t) => {
  it('routes an offer above the advisor’s limit to the store manager, and refuses past the budget', async () => {
    const db = await t.open();
    await loadLostCustomers(db, { h0: 9000, h1: 9000 });
    // Each level-1 member reserves ¥180 (50 % off) + ¥15.6 of calls and WeChat: ¥391.2 of ¥450.
    await createCampaign(db, campaignDoc({ budget: 450, holdOutShare: 0 }), LAUNCH);
    const launched = await launchCampaign(db, 'summer', { now: LAUNCH, asOf: AS_OF });
    expect(launched.ok && launched.preview.committed).toBe(391.2);

    const asked = await grantOffer(db, { campaignId: 'summer', customerId: 'h0', offerId: 'l1-voucher-200', staffId: 'sa-li', role: 'advisor' }, at);
    expect(asked).toMatchObject({ status: 'pending_approval', approverRole: 'store_manager', cost: 200 });
    if (asked.status !== 'pending_approval') return;
    const [task] = await db.query<{ type: string; role: string; assignee_id: string; status: string }>(
      'SELECT type, role, assignee_id, status FROM tasks WHERE id = $1', [asked.taskId]);
    expect(task).toEqual({ type: 'approval', role: 'store_manager', assignee_id: 'st-zhao', status: 'open' });

    expect(await decideGrant(db, asked.grantId, { approve: true, staffId: 'sa-li', role: 'advisor' }, at)).toMatchObject({ status: 'not_allowed' });
    expect(await decideGrant(db, asked.grantId, { approve: true, staffId: 'st-zhao', role: 'store_manager' }, at)).toEqual({ status: 'granted' });
    const [closed] = await db.query<{ status: string; outcome: string }>('SELECT status, outcome FROM tasks WHERE id = $1', [asked.taskId]);
    expect(closed).toEqual({ status: 'closed', outcome: 'approved' });

    // Within the service manager's limit it is granted at once; then the budget is nearly spent.
    const direct = await grantOffer(db, { campaignId: 'summer', customerId: 'h1', offerId: 'l1-pickup', staffId: 'sm-wang', role: 'service_manager' }, at);
    expect(direct).toMatchObject({ status: 'granted', cost: 120 });
    // Committed: 2 × ¥15.6 + ¥200 + ¥120 = ¥351.2; another ¥120 would pass ¥450.
    const over = await grantOffer(db, { campaignId: 'summer', customerId: 'h0', offerId: 'l1-pickup', staffId: 'gm-chen', role: 'general_manager' }, at);
    expect(over).toEqual({ status: 'refused', grantId: expect.any(Number), reason: 'over_budget' });
    const small = await grantOffer(db, { campaignId: 'summer', customerId: 'h0', offerId: 'l3-free-wash', staffId: 'sa-li', role: 'advisor' }, at);
    expect(small).toMatchObject({ status: 'granted' });
  });

  it('sends an offer above the store manager’s limit to the general manager', async () => {
    const db = await t.open();
    await loadLostCustomers(db, { h0: 9000 });
    const catalogue = structuredClone(defaultCatalogue());
    catalogue.offers.push({ id: 'vip-year', name: { 'zh-CN': '一年免费保养', en: 'A free year of service' }, kind: 'free_labour', value: 1, unitCost: 900, validDays: 365, active: true });
    await saveOfferCatalogue(db, catalogue, at);
    await createCampaign(db, campaignDoc({ budget: 5000, holdOutShare: 0 }), LAUNCH);
    await launchCampaign(db, 'summer', { now: LAUNCH, asOf: AS_OF });
    const asked = await grantOffer(db, { campaignId: 'summer', customerId: 'h0', offerId: 'vip-year', staffId: 'sa-li', role: 'advisor' }, at);
    expect(asked).toMatchObject({ status: 'pending_approval', approverRole: 'general_manager' });
    if (asked.status !== 'pending_approval') return;
    expect(await decideGrant(db, asked.grantId, { approve: true, staffId: 'st-zhao', role: 'store_manager' }, at)).toMatchObject({ status: 'not_allowed' });
    expect(await decideGrant(db, asked.grantId, { approve: false, staffId: 'gm-chen', role: 'general_manager', note: '价值不足' }, at))
      .toEqual({ status: 'refused', reason: '价值不足' });
    expect(await grantOffer(db, { campaignId: 'summer', customerId: 'nobody', offerId: 'l3-free-wash', staffId: 'sa-li', role: 'advisor' }, at))
      .toEqual({ status: 'refused', grantId: null, reason: 'not_a_treated_member' });
  });
});
