import { expect, it } from 'vitest';
import { describeEachDatabase } from '../../test/databases.js';
import type { Db } from '../store/db.js';
import { migrate } from '../store/migrate.js';
import { saveEvaluations, type StoredSnapshot } from './save-evaluations.js';

// A record with every character COPY text escapes, and one it does not, and the parts the lists read.
const snapshot = (i: number, level: StoredSnapshot['level'] = 'red'): StoredSnapshot => {
  const listing = {
    healthTier: 'warning', valueTier: i % 2 ? 'A' : 'C', lifecycle: 'active', careTier: i % 2 ? 'A' : null, careStatus: i % 3 ? 'due' : null,
    recallLevel: i % 2 ? null : 2, churnProbability: i % 2 ? 0.125 * (i % 8) : null,
    daysSinceVisit: 30 * i, lastSatisfaction: i % 2 ? 4 : null, lastNps: i % 3 ? null : 9, pAlive: i % 2 ? 0.5 : null,
    clv: i % 2 ? 1234.5 : null, networkModel: i % 2 === 1, signalIds: i % 2 ? ['S1', 'S3'] : [], ruleIds: i % 2 ? ['R2'] : [],
    reason: i % 2 ? `tab\there\\back\nline 王${i}` : null,
  };
  const record = {
    customerId: `c${i}`, note: `tab\there\\back\nline\r王${i}`, health: { tier: listing.healthTier }, valueTier: listing.valueTier,
    lifecycle: listing.lifecycle, care: { tier: listing.careTier, status: listing.careStatus }, recall: { level: listing.recallLevel },
    features: { R: listing.daysSinceVisit, lastSatisfaction: listing.lastSatisfaction, lastNps: listing.lastNps },
    prediction: {
      churnProbability: listing.churnProbability, pAlive: listing.pAlive, clv: listing.clv,
      models: listing.networkModel ? { churn: { id: 1, network: true } } : null,
    },
    signals: listing.signalIds.map((id) => ({ id })), rules: listing.ruleIds.map((id) => ({ id })), reasons: listing.reason ? [listing.reason, 'second'] : [],
  };
  return { customerId: `c${String(i).padStart(2, '0')}`, storeId: 's1', level, riskScore: 60 + i / 4, healthScore: 40.5, record: JSON.stringify(record), listing };
};

const current = (db: Db) => db.query<Record<string, unknown>>(
  `SELECT customer_id, as_of, urgency, level, risk_score, health_score, health_tier, value_tier, lifecycle, care_tier, care_status,
          recall_level, churn_probability, days_since_visit, last_satisfaction, last_nps, p_alive, clv, network_model,
          signal_ids, rule_ids, reason FROM current_evaluations ORDER BY customer_id`,
);

const stored = (db: Db) => db.query<{ customer_id: string; as_of: string; level: string; risk_score: number; health_score: number; record: string; policy_version: string }>(
  'SELECT customer_id, as_of, level, risk_score, health_score, record::text AS record, policy_version FROM evaluations ORDER BY customer_id',
);

describeEachDatabase('saving evaluations', (t) => {
  const now = new Date('2026-06-30T02:00:00Z');

  it('stores a few snapshots by one INSERT and many by COPY, with the same rows', async () => {
    const db = await t.open();
    const few = [1, 2, 3].map((i) => snapshot(i));
    const many = Array.from({ length: 17 }, (_, i) => snapshot(i + 1)); // one past the direct path
    await saveEvaluations(db, '2026-06-29', 'v1', few, now);
    const direct = await stored(db);
    await db.query('DELETE FROM evaluations');
    await saveEvaluations(db, '2026-06-29', 'v1', many, now);
    const staged = await stored(db);
    expect(staged).toHaveLength(17);
    expect(direct).toEqual(staged.slice(0, 3));
    expect(JSON.parse(direct[1]!.record)).toMatchObject({ customerId: 'c2', note: 'tab\there\\back\nline\r王2' });
    expect(direct[1]).toMatchObject({ as_of: '2026-06-29', level: 'red', risk_score: 60.5, health_score: 40.5, policy_version: 'v1' });
  });

  it('keeps each customer\'s newest day as its current evaluation on both paths, with every listed column', async () => {
    const db = await t.open();
    for (const count of [3, 17]) {
      await db.query('DELETE FROM current_evaluations');
      const first = Array.from({ length: count }, (_, i) => snapshot(i + 1));
      await saveEvaluations(db, '2026-06-29', 'v1', first, now);
      const rows = await current(db);
      expect(rows).toHaveLength(count);
      expect(rows[0]).toEqual({
        customer_id: 'c01', as_of: '2026-06-29', urgency: 1, level: 'red', risk_score: 60.25, health_score: 40.5, health_tier: 'warning',
        value_tier: 'A', lifecycle: 'active', care_tier: 'A', care_status: 'due', recall_level: null, churn_probability: 0.125,
        days_since_visit: 30, last_satisfaction: 4, last_nps: null, p_alive: 0.5, clv: 1234.5, network_model: true,
        signal_ids: ['S1', 'S3'], rule_ids: ['R2'], reason: 'tab\there\\back\nline 王1',
      });
      expect(rows[1]).toMatchObject({
        customer_id: 'c02', value_tier: 'C', care_tier: null, recall_level: 2, churn_probability: null, days_since_visit: 60,
        last_satisfaction: null, p_alive: null, clv: null, network_model: false, signal_ids: [], rule_ids: [], reason: null,
      });
      expect(rows[2]).toMatchObject({ customer_id: 'c03', care_status: null });
      // An older day (a month end scored afterwards) leaves it; the same day or a newer one replaces it.
      await saveEvaluations(db, '2026-05-31', 'v1', first.map((s) => snapshot(Number(s.customerId.slice(1)), 'green')), now);
      expect((await current(db)).map((r) => [r.as_of, r.level])).toEqual(rows.map(() => ['2026-06-29', 'red']));
      await saveEvaluations(db, '2026-06-29', 'v1', first.map((s) => snapshot(Number(s.customerId.slice(1)), 'yellow')), now);
      expect((await current(db)).map((r) => [r.as_of, r.urgency])).toEqual(rows.map(() => ['2026-06-29', 3]));
      await saveEvaluations(db, '2026-06-30', 'v1', first.slice(0, 1).map(() => snapshot(1, 'orange')), now);
      const after = await current(db);
      expect(after.map((r) => [r.customer_id, r.as_of, r.level, r.urgency]).slice(0, 2)).toEqual([['c01', '2026-06-30', 'orange', 2], ['c02', '2026-06-29', 'yellow', 3]]);
    }
  });

  it('is filled from the stored snapshots by its migrations, as saving fills it', async () => {
    const db = await t.open();
    const all = Array.from({ length: 6 }, (_, i) => snapshot(i + 1));
    await saveEvaluations(db, '2026-06-29', 'v1', all, now);
    await saveEvaluations(db, '2026-06-30', 'v1', all.slice(0, 2).map((_, i) => snapshot(i + 1, 'green')), now);
    await saveEvaluations(db, '2026-05-31', 'v1', all.map((_, i) => snapshot(i + 1, 'yellow')), now);
    const saved = await current(db);
    await db.exec('DROP TABLE current_evaluations; DELETE FROM schema_migrations WHERE version IN (16, 17)');
    expect(await migrate(db)).toEqual(['016_current_evaluations.sql', '017_current_evaluation_listing.sql']);
    expect(await current(db)).toEqual(saved);
    expect(saved.map((r) => r.as_of)).toEqual(['2026-06-30', '2026-06-30', '2026-06-29', '2026-06-29', '2026-06-29', '2026-06-29']);
  });

  it('replaces the snapshot of the same day on every path, inside a transaction too, and keeps other days', async () => {
    const db = await t.open();
    for (const count of [2, 20]) {
      await db.query('DELETE FROM evaluations');
      const first = Array.from({ length: count }, (_, i) => snapshot(i + 1));
      await saveEvaluations(db, '2026-06-28', 'v1', first, now);
      await saveEvaluations(db, '2026-06-29', 'v1', first, now);
      // Inside an evaluation's transaction, which goes on after the replacing save.
      await db.transaction(async (tx) => {
        await saveEvaluations(tx, '2026-06-29', 'v2', first.map((s) => snapshot(Number(s.customerId.slice(1)), 'green')), now);
        await tx.query("UPDATE evaluations SET policy_version = 'v3' WHERE customer_id = 'c02' AND as_of = '2026-06-29'");
      });
      const rows = await stored(db);
      expect(rows).toHaveLength(2 * count);
      const c1 = rows.filter((r) => r.customer_id === 'c01');
      expect(c1.map((r) => [r.as_of, r.level, r.policy_version])).toEqual([['2026-06-28', 'red', 'v1'], ['2026-06-29', 'green', 'v2']]);
      expect(rows.find((r) => r.customer_id === 'c02' && r.as_of === '2026-06-29')?.policy_version).toBe('v3');
    }
  });
});
