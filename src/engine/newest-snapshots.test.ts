import { expect, it } from 'vitest';
import { describeEachDatabase } from '../../test/databases.js';
import { newestSnapshots } from './newest-snapshots.js';
import { saveEvaluations, type StoredSnapshot } from './save-evaluations.js';

const snapshot = (customerId: string): StoredSnapshot => ({
  customerId, storeId: 's1', level: 'green', riskScore: 10, healthScore: 90, record: '{}',
  listing: { healthTier: 'healthy', valueTier: 'C', lifecycle: 'active', careTier: null, careStatus: null, recallLevel: null, churnProbability: null,
    daysSinceVisit: 10, lastSatisfaction: null, lastNps: null, pAlive: null, clv: null, networkModel: false, signalIds: [], ruleIds: [], reason: null },
});

describeEachDatabase('newest snapshots', (t) => {
  const now = new Date('2026-06-30T02:00:00Z');

  it('leaves out the customers evaluated after the day, and only them', async () => {
    const db = await t.open();
    await saveEvaluations(db, '2026-06-29', 'v1', [snapshot('c1'), snapshot('c2')], now);
    await saveEvaluations(db, '2026-06-30', 'v1', [snapshot('c1')], now);
    const ids = async (asOf: string) => (await newestSnapshots(db, asOf, ['c1', 'c2', 'c3'].map(snapshot))).map((s) => s.customerId);
    expect(await ids('2026-06-28')).toEqual(['c3']); // a back-fill: c1 and c2 have newer days
    expect(await ids('2026-06-29')).toEqual(['c2', 'c3']); // the same day is not newer
    expect(await ids('2026-06-30')).toEqual(['c1', 'c2', 'c3']);
    expect(await ids('2026-07-01')).toEqual(['c1', 'c2', 'c3']);
  });
});
