import { describe, expect, it } from 'vitest';
import { defaultPrograms } from '../programs/default-programs.js';
import { campaignSchema, type CampaignInput } from './campaign-schema.js';
import { defaultCatalogue } from './default-offers.js';
import { defaultSettings } from './default-settings.js';
import { planCampaign, type PlanInput } from './plan-campaign.js';
import { candidate } from './testing-candidates.js';

const settings = defaultSettings();
const base: CampaignInput = { id: 'camp-1', name: '召回', budget: 1_000_000, startsOn: '2024-06-01', endsOn: '2024-06-30', ownerId: 'st-zhao' };
const plan = (over: Partial<CampaignInput>, candidates = many(200), extra: Partial<PlanInput> = {}) =>
  planCampaign({
    campaign: campaignSchema.parse({ ...base, ...over }), candidates, activeElsewhere: new Set(), catalogue: defaultCatalogue(),
    settings, programs: defaultPrograms(), ...extra,
  });
const many = (n: number, over = {}) => Array.from({ length: n }, (_, i) => candidate(`c-${i}`, over));

describe('campaign planning', () => {
  it('selects the segment: recall level, lifecycle, value tier, store, dormant type', () => {
    const cs = [
      candidate('a', { recallLevel: 1, valueTier: 'high' }), candidate('b', { recallLevel: 2 }), candidate('c', { recallLevel: 3, storeId: 'bj-01' }),
      candidate('d', { recallLevel: null, lifecycle: 'dormant', dormantType: 'dissatisfied' }), candidate('e', { recallLevel: null, lifecycle: 'active' }),
    ];
    const ids = (p: ReturnType<typeof plan>) => p.members.map((m) => m.candidate.customerId).sort();
    expect(ids(plan({ segment: { recallLevels: [1, 2] }, holdOutShare: 0 }, cs))).toEqual(['a', 'b']);
    expect(ids(plan({ segment: { storeIds: ['bj-01'] }, holdOutShare: 0 }, cs))).toEqual(['c']);
    expect(ids(plan({ segment: { dormantTypes: ['dissatisfied'] }, holdOutShare: 0 }, cs))).toEqual(['d']);
    expect(ids(plan({ segment: { valueTiers: ['high'] }, holdOutShare: 0 }, cs))).toEqual(['a']);
    // "auto" has no program for an active customer without a recall level.
    expect(plan({ holdOutShare: 0 }, cs).counts.noProgram).toBe(1);
    // A saved filter narrows further.
    expect(ids(plan({ holdOutShare: 0 }, cs, { savedFilter: { recallLevels: [3] } }))).toEqual(['c']);
  });

  it('runs the recall preset of each level, the dormant wake-up otherwise, or the program named', () => {
    const cs = [candidate('a', { recallLevel: 1 }), candidate('d', { recallLevel: null, lifecycle: 'dormant' })];
    expect(plan({ holdOutShare: 0 }, cs).members.map((m) => m.programId)).toEqual(['recall_level_1', 'dormant_wakeup']);
    expect(plan({ holdOutShare: 0, program: 'recall_level_2' }, cs).members.map((m) => m.programId)).toEqual(['recall_level_2', 'recall_level_2']);
  });

  it('holds out about the share, and the same customers every time', () => {
    const a = plan({ holdOutShare: 0.1, seed: 's1' }, many(2000));
    expect(a.counts.heldOut / (a.counts.heldOut + a.counts.treated)).toBeGreaterThan(0.08);
    expect(a.counts.heldOut / (a.counts.heldOut + a.counts.treated)).toBeLessThan(0.12);
    const b = plan({ holdOutShare: 0.1, seed: 's1' }, many(2000).reverse());
    const held = (p: typeof a) => p.members.filter((m) => m.group === 'held_out').map((m) => m.candidate.customerId).sort();
    expect(held(b)).toEqual(held(a));
    expect(plan({ holdOutShare: 0 }).counts.heldOut).toBe(0);
    expect(plan({ holdOutShare: 1 }).counts.treated).toBe(0);
    // The default share is the settings' 10 %.
    expect(plan({}).holdOutShare).toBe(0.1);
  });

  it('does not target a customer who is in another active campaign', () => {
    const p = plan({}, many(10), { activeElsewhere: new Set(['c-3', 'c-7']) });
    expect(p.counts.alreadyTargeted).toBe(2);
    expect(p.members.map((m) => m.candidate.customerId)).not.toContain('c-3');
    expect(p.members).toHaveLength(8);
  });

  it('commits no more than the budget, cutting both groups at the same place', () => {
    // Level 3, reason unknown: 20 % off (¥40) + an SMS (¥0.05) and a WeChat message (¥0.01) = ¥40.06 a treated customer.
    const p = plan({ budget: 1000, holdOutShare: 0.2, seed: 'b' }, many(100));
    expect(p.committed).toBeLessThanOrEqual(1000);
    expect(p.counts.treated).toBe(Math.floor(1000 / 40.06));
    expect(p.counts.overBudget).toBe(100 - p.members.length);
    expect(p.members.every((m) => (m.group === 'treated' ? Math.abs(m.reserved - 40.06) < 1e-9 : m.reserved === 0))).toBe(true);
    // The expected cost counts the offer at the level's target recall rate (15 %).
    expect(p.expectedCost).toBeCloseTo(p.counts.treated * (40 * 0.15 + 0.06), 6);
    // Level 1 comes first when the budget is short.
    const mixed = [candidate('low', { recallLevel: 3, historicalAnnualSpend: 9000 }), candidate('top', { recallLevel: 1 })];
    expect(plan({ budget: 200, holdOutShare: 0 }, mixed).members.map((m) => m.candidate.customerId)).toEqual(['top']);
  });
});
