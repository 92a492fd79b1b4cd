import { expect, it } from 'vitest';
import { describeEachDatabase } from '../../../test/databases.js';
import { isHeldOut } from '../../campaigns/hold-out.js';
import type { Db } from '../../store/db.js';
import { createCampaign } from './create-campaign.js';
import { launchCampaign } from './launch-campaign.js';
import { previewCampaign } from './preview-campaign.js';
import { runCampaign } from './run-campaign.js';
import { AS_OF, LAUNCH, campaignDoc, loadLostCustomers } from './testing/campaign-fixture.js';

const spend = Object.fromEntries([
  ...Array.from({ length: 4 }, (_, i) => [`h${i}`, 9000]),
  ...Array.from({ length: 6 }, (_, i) => [`m${i}`, 5000]),
  ...Array.from({ length: 10 }, (_, i) => [`b${i}`, 1000]),
]);

async function create(db: Db, over: Record<string, unknown> = {}) {
  const r = await createCampaign(db, campaignDoc(over), LAUNCH);
  if (!r.ok) throw new Error(JSON.stringify(r.errors));
  return r.record;
}

describeEachDatabase('campaign launch', (t) => {
  it('refuses a bad document with the field, and unknown references', async () => {
    const db = await t.open();
    await loadLostCustomers(db, { b0: 1000 });
    const bad = await createCampaign(db, campaignDoc({ budget: -1, endsOn: '2024-06-01', ownerId: 'nobody' }), LAUNCH);
    expect(bad.ok).toBe(false);
    expect(!bad.ok && bad.errors.map((e) => e.field).sort()).toEqual(['budget', 'endsOn']);
    const unknown = await createCampaign(db, campaignDoc({ ownerId: 'nobody', program: 'nope' }), LAUNCH);
    expect(!unknown.ok && unknown.errors.map((e) => e.field)).toEqual(['ownerId', 'program']);
    await create(db);
    const again = await createCampaign(db, campaignDoc(), LAUNCH);
    expect(!again.ok && again.errors[0]!.field).toBe('id');
  });

  it('previews who it reaches and what it may cost, then launches exactly that', async () => {
    const db = await t.open();
    await loadLostCustomers(db, spend);
    await create(db, { holdOutShare: 0.25, seed: 'p' });
    const preview = (await previewCampaign(db, 'summer', { asOf: AS_OF }))!;
    const held = Object.keys(spend).filter((id) => isHeldOut(0.25, 'p', 'summer', id));
    expect(preview.inSegment).toBe(20);
    expect(preview.heldOut).toBe(held.length);
    expect(preview.reaches).toBe(20 - held.length);
    expect(preview.byLevel.map((l) => l.recallLevel)).toEqual([1, 2, 3]);
    expect(preview.committed).toBeGreaterThan(preview.expectedCost);
    const launched = await launchCampaign(db, 'summer', { now: LAUNCH, asOf: AS_OF });
    expect(launched.ok && launched.preview).toEqual({ ...preview, status: 'active' });
    const members = await db.query<{ customer_id: string; grp: string; program_id: string }>('SELECT customer_id, grp, program_id FROM campaign_members ORDER BY customer_id');
    expect(members.filter((m) => m.grp === 'held_out').map((m) => m.customer_id).sort()).toEqual(held.sort());
    expect(new Set(members.map((m) => m.program_id))).toEqual(new Set(['recall_level_1', 'recall_level_2', 'recall_level_3']));
    expect(await launchCampaign(db, 'summer', { now: LAUNCH })).toEqual({ ok: false, reason: 'not_draft', status: 'active' });
  });

  it('keeps the hold-out out of the program: its recall runs stop and its tasks close', async () => {
    const db = await t.open();
    await loadLostCustomers(db, spend);
    await create(db, { holdOutShare: 0.5, seed: 'h' });
    await launchCampaign(db, 'summer', { now: LAUNCH, asOf: AS_OF });
    const held = Object.keys(spend).filter((id) => isHeldOut(0.5, 'h', 'summer', id));
    // Their warnings still get the early-warning response; the recall program is what they are held out of.
    const recall = "program_id LIKE 'recall_level_%'";
    const active = await db.query(`SELECT customer_id FROM program_runs WHERE status = 'active' AND ${recall} AND customer_id = ANY($1::text[])`, [held]);
    expect(active).toEqual([]);
    const open = await db.query(`SELECT id FROM tasks WHERE status = 'open' AND ${recall} AND customer_id = ANY($1::text[])`, [held]);
    expect(open).toEqual([]);
    const cancelled = await db.query<{ n: number }>(
      "SELECT count(*)::int AS n FROM program_steps WHERE status_reason = 'campaign_hold_out' AND customer_id = ANY($1::text[])", [held]);
    expect(cancelled[0]!.n).toBeGreaterThan(0);
    const pending = await db.query(`SELECT s.key FROM program_steps s JOIN program_runs r ON r.id = s.run_id
      WHERE s.status = 'pending' AND r.${recall} AND s.customer_id = ANY($1::text[])`, [held]);
    expect(pending).toEqual([]);
    const treated = Object.keys(spend).filter((id) => !held.includes(id));
    const runs = await db.query<{ n: number }>("SELECT count(DISTINCT customer_id)::int AS n FROM program_runs WHERE status = 'active' AND program_id LIKE 'recall_level_%' AND customer_id = ANY($1::text[])", [treated]);
    expect(runs[0]!.n).toBe(treated.length);
  });

  it('never targets a customer twice while a campaign is active, and frees them when it ends', async () => {
    const db = await t.open();
    await loadLostCustomers(db, spend);
    await create(db, { segment: { recallLevels: [1, 2] } });
    await launchCampaign(db, 'summer', { now: LAUNCH, asOf: AS_OF });
    await create(db, { id: 'autumn', segment: { recallLevels: [2, 3] } });
    const second = await launchCampaign(db, 'autumn', { now: LAUNCH, asOf: AS_OF });
    expect(second.ok && second.preview.excluded.alreadyTargeted).toBe(6);
    expect(second.ok && second.preview.reaches + second.preview.heldOut).toBe(10);
    const twice = await db.query('SELECT customer_id FROM campaign_members WHERE active GROUP BY customer_id HAVING count(*) > 1');
    expect(twice).toEqual([]);
    // The database refuses it too, whoever tries.
    await expect(db.query(
      `INSERT INTO campaign_members (campaign_id, customer_id, store_id, grp, program_id, lifecycle, value_tier, quadrant, level, churn_reason,
                                     historical_spend, offer_reserved, contact_reserved, status, active, joined_at)
       VALUES ('autumn', 'h0', 'sh-01', 'treated', 'recall_level_1', 'lost', 'basic', 'high_recent', 'red', 'unknown', 0, 0, 0, 'open', true, now())`,
    )).rejects.toThrow();
    // After the first campaign's last day its customers are free again.
    await runCampaign(db, 'summer', new Date('2024-08-01T09:00:00+08:00'));
    await create(db, { id: 'winter', segment: { recallLevels: [1] } });
    const third = await launchCampaign(db, 'winter', { now: new Date('2024-08-01T10:00:00+08:00'), asOf: AS_OF });
    expect(third.ok && third.preview.reaches + third.preview.heldOut).toBe(4);
  });

  it('commits no more than the budget', async () => {
    const db = await t.open();
    await loadLostCustomers(db, spend);
    await create(db, { budget: 1000, holdOutShare: 0.1 });
    const launched = await launchCampaign(db, 'summer', { now: LAUNCH, asOf: AS_OF });
    expect(launched.ok).toBe(true);
    if (!launched.ok) return;
    expect(launched.preview.committed).toBeLessThanOrEqual(1000);
    expect(launched.preview.excluded.overBudget).toBeGreaterThan(0);
    const [row] = await db.query<{ reserved: number }>('SELECT sum(offer_reserved + contact_reserved)::numeric AS reserved FROM campaign_members WHERE campaign_id = $1', ['summer']);
    expect(row!.reserved).toBeCloseTo(launched.preview.committed, 2);
  });
});
