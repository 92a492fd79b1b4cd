import { afterEach, expect, it } from 'vitest';
import { describeEachDatabase } from '../../../test/databases.js';
import { defaultPolicy } from '../../domain/policy/default-policy.js';
import { AS_OF, campaignDoc, loadLostCustomers } from '../../engine/campaigns/testing/campaign-fixture.js';
import { createApiToken } from '../../store/api-tokens.js';
import type { Db } from '../../store/db.js';
import { startServer, type RunningServer } from '../serve.js';

let now: Date;
let server: RunningServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

async function start(db: Db) {
  const token = await createApiToken(db, 'test', now);
  server = await startServer({ db, policy: async () => defaultPolicy(), clock: () => now }, { port: 0 });
  return async (method: string, path: string, body?: unknown) => {
    const res = await fetch(server!.url + path, {
      method, headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` }, ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    return { status: res.status, body: (await res.json()) as any }; // eslint-disable-line @typescript-eslint/no-explicit-any
  };
}

describeEachDatabase('campaign API', (t) => {
  it('creates, previews, launches and runs a campaign; grants and approves an offer; reports ROI, the board and the review', async () => {
    now = new Date('2024-07-01T09:00:00+08:00');
    const db = await t.open();
    await loadLostCustomers(db, { h0: 9000, h1: 9000, b0: 1000, b1: 1000 }, [
      { id: 'vx', customerId: 'b0', type: 'visit', at: '2024-07-10T10:00:00+08:00', visitId: 'vx', kind: 'maintenance', amount: 900, offerId: 'l3-free-wash' },
    ]);
    const api = await start(db);

    const bad = await api('POST', '/api/v1/campaigns', { ...campaignDoc(), budget: 'lots' });
    expect(bad.status).toBe(400);
    expect(bad.body.error.details[0].field).toBe('budget');
    const unknownOwner = await api('POST', '/api/v1/campaigns', campaignDoc({ ownerId: 'nobody' }));
    expect(unknownOwner.body.error.details).toEqual([{ field: 'ownerId', reason: 'unknown staff member "nobody"' }]);
    const created = await api('POST', '/api/v1/campaigns', campaignDoc({ holdOutShare: 0 }));
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ status: 'draft', holdOutShare: 0, attributionDays: 90 });

    const preview = await api('GET', `/api/v1/campaigns/summer/preview?asOf=${AS_OF}`);
    expect(preview.body).toMatchObject({ reaches: 4, heldOut: 0, inSegment: 4 });
    const launched = await api('POST', `/api/v1/campaigns/summer/launch?asOf=${AS_OF}`);
    expect(launched.status).toBe(200);
    expect(launched.body.reaches).toBe(4);
    expect((await api('POST', '/api/v1/campaigns/summer/launch')).status).toBe(400);

    const attempt = { customerId: 'h1', channel: 'call', at: '2024-07-02T18:30:00+08:00', connected: false, staffId: 'sm-wang' };
    expect((await api('POST', '/api/v1/campaigns/summer/attempts', attempt)).status).toBe(201);
    expect((await api('POST', '/api/v1/campaigns/summer/attempts', { ...attempt, customerId: 'nobody' })).status).toBe(404);
    expect((await api('POST', '/api/v1/campaigns/summer/attempts', { ...attempt, channel: 'pigeon' })).status).toBe(400);
    const asked = await api('POST', '/api/v1/campaigns/summer/offers', { customerId: 'h0', offerId: 'l1-voucher-200', staffId: 'sa-li' });
    expect(asked.body).toMatchObject({ status: 'pending_approval', approverRole: 'store_manager' });
    const refusedByAdvisor = await api('POST', `/api/v1/offer-grants/${asked.body.grantId}/decision`, { approve: true, staffId: 'sa-li' });
    expect(refusedByAdvisor.status).toBe(403);
    const approved = await api('POST', `/api/v1/offer-grants/${asked.body.grantId}/decision`, { approve: true, staffId: 'st-zhao' });
    expect(approved.body).toEqual({ status: 'granted' });

    now = new Date('2024-08-05T09:00:00+08:00');
    const run = await api('POST', '/api/v1/campaigns/summer/run');
    expect(run.body).toMatchObject({ status: 'finished', recovered: 1 });
    const redemptions = await api('GET', '/api/v1/offers/redemptions?campaignId=summer');
    expect(redemptions.body.items).toEqual([{ eventId: 'vx', campaignId: 'summer', customerId: 'b0', offerId: 'l3-free-wash', at: '2024-07-10T02:00:00.000Z', amount: 900 }]);

    const roi = await api('GET', '/api/v1/roi?by=level&lang=en');
    expect(roi.body.items.map((r: { key: string; treated: number }) => `${r.key}:${r.treated}`)).toEqual(['1:2', '3:2']);
    expect(roi.body.total.verdict).toBe('No held-out customers: the uplift cannot be measured.');
    const board = await api('GET', '/api/v1/recall-board/campaigns');
    expect(board.body.campaigns[0]).toMatchObject({ id: 'summer', status: 'finished' });
    expect(board.body.campaigns[0].byLevel.map((r: { key: string }) => r.key)).toEqual(['1', '3']);
    const review = await api('GET', '/api/v1/reviews/monthly?month=2024-07');
    expect(review.body.recovered).toMatchObject({ customers: 1, fromCampaigns: 1 });
    expect((await api('GET', '/api/v1/reviews/monthly?month=2024-13')).status).toBe(400);
    const incentives = await api('GET', '/api/v1/incentives?month=2024-07');
    expect(incentives.body).toEqual({ month: '2024-07', items: [] });

    const doc = await api('GET', '/api/v1/openapi.json');
    expect(Object.keys(doc.body.paths)).toEqual(expect.arrayContaining([
      '/api/v1/campaigns', '/api/v1/campaigns/{id}/preview', '/api/v1/campaigns/{id}/launch', '/api/v1/campaigns/{id}/offers',
      '/api/v1/offer-grants/{id}/decision', '/api/v1/roi', '/api/v1/recall-board/campaigns', '/api/v1/reviews/monthly', '/api/v1/incentives',
    ]));
  });
});
