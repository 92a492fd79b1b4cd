import { expect, it } from 'vitest';
import { describeEachDatabase } from '../../../test/databases.js';
import { EVERYTHING } from '../../auth/scope.js';
import { createCampaign } from './create-campaign.js';
import { loadMembers, totalFigures } from './campaign-report.js';
import { launchCampaign } from './launch-campaign.js';
import { runCampaign } from './run-campaign.js';
import { AS_OF, LAUNCH, campaignDoc, loadLostCustomers } from './testing/campaign-fixture.js';

const call = (id: string, customerId: string, at: string, answered: boolean, extra: Record<string, unknown> = {}) =>
  ({ id, customerId, type: 'call', at, direction: 'out', answered, staffId: 'sm-wang', outcome: answered ? 'reached' : 'no_answer', ...extra });
const visit = (id: string, customerId: string, at: string, amount: number, extra: Record<string, unknown> = {}) =>
  ({ id, customerId, type: 'visit', at, visitId: id, kind: 'maintenance', amount, ...extra });

/**
 * A hand-made campaign with a known answer. Seed "seed-7" at a 50 % share holds out b3 and b4;
 * b1 and b2 are treated. b1: a 6-minute answered call, then a ¥1200 visit redeeming the ¥50
 * voucher (costs the store ¥40); b2: an unanswered call (1 minute by default) and one SMS.
 * Held-out b3 spends ¥800; b4 nothing. Visits after the 90-day windows do not count.
 */
const events = [
  call('k1', 'b1', '2024-07-02T10:30:00+08:00', true, { minutes: 6 }),
  visit('x1', 'b1', '2024-07-12T11:00:00+08:00', 1200, { offerId: 'l3-voucher-50' }),
  visit('x2', 'b1', '2024-11-30T11:00:00+08:00', 300),
  call('k2', 'b2', '2024-07-02T15:00:00+08:00', false),
  { id: 's1', customerId: 'b2', type: 'message', at: '2024-07-03T10:00:00+08:00', channel: 'sms', purpose: 'recall_offer' },
  visit('x3', 'b3', '2024-07-20T11:00:00+08:00', 800),
  visit('x4', 'b4', '2024-12-01T11:00:00+08:00', 500),
];

describeEachDatabase('campaign ROI', (t) => {
  it('computes cost, return, ROI and the hold-out comparison of a known data set', async () => {
    const db = await t.open();
    await loadLostCustomers(db, { b1: 1000, b2: 1000, b3: 1000, b4: 1000 }, events);
    const created = await createCampaign(db, campaignDoc({ id: 'roi', holdOutShare: 0.5, seed: 'seed-7' }), LAUNCH);
    expect(created.ok).toBe(true);
    await launchCampaign(db, 'roi', { now: LAUNCH, asOf: AS_OF });
    const groups = await db.query<{ customer_id: string; grp: string }>('SELECT customer_id, grp FROM campaign_members ORDER BY customer_id');
    expect(groups.map((g) => `${g.customer_id}:${g.grp}`)).toEqual(['b1:treated', 'b2:treated', 'b3:held_out', 'b4:held_out']);

    const now = new Date('2025-01-15T09:00:00+08:00');
    const run = await runCampaign(db, 'roi', now);
    expect(run).toMatchObject({ attemptsRecorded: 3, recovered: 2, status: 'finished' });
    const { members } = await loadMembers(db, { campaignIds: ['roi'], scope: EVERYTHING, now });
    const f = await totalFigures(db, members, 'en');
    expect(f).toMatchObject({
      treated: 2, heldOut: 2, attempted: 2, connected: 1, connectedRate: 0.5, recalled: 1, recalledRate: 0.5, arrived: 1, offersRedeemed: 1,
      cost: { offers: 40, messages: 0.05, staff: 8.4, total: 48.45 },
      return: 1200,
      // Treated ¥1200 against ¥800 for two held-out customers: ¥400 more than without the campaign.
      incrementalReturn: 400,
    });
    expect(f.roi).toBeCloseTo((1200 - 48.45) / 48.45, 10);
    expect(f.incrementalRoi).toBeCloseTo((400 - 48.45) / 48.45, 10);
    expect(f.uplift).toMatchObject({ treated: { n: 2, recovered: 1 }, heldOut: { n: 2, recovered: 1 }, difference: 0, significant: false });
    expect(f.verdict).toMatch(/^Not significant/);
    // Every attempt is on record with its outcome.
    const attempts = await db.query<{ customer_id: string; channel: string; connected: boolean; outcome: string | null; minutes: number }>(
      'SELECT customer_id, channel, connected, outcome, minutes FROM campaign_attempts ORDER BY at');
    expect(attempts).toEqual([
      { customer_id: 'b1', channel: 'call', connected: true, outcome: 'reached', minutes: 6 },
      { customer_id: 'b2', channel: 'call', connected: false, outcome: 'no_answer', minutes: 1 },
      { customer_id: 'b2', channel: 'sms', connected: false, outcome: null, minutes: 0 },
    ]);
  });
});
