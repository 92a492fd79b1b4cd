import { expect, it } from 'vitest';
import { describeEachDatabase } from '../../test/databases.js';
import type { Db } from '../store/db.js';
import { saveEvaluations, type StoredSnapshot } from './save-evaluations.js';

// A record with every character COPY text escapes, and one it does not.
const snapshot = (i: number, level: StoredSnapshot['level'] = 'red'): StoredSnapshot => ({
  customerId: `c${String(i).padStart(2, '0')}`, storeId: 's1', level, riskScore: 60 + i / 4, healthScore: 40.5,
  record: JSON.stringify({ customerId: `c${i}`, note: `tab\there\\back\nline\r王${i}` }),
});

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
    expect(JSON.parse(direct[1]!.record)).toEqual({ customerId: 'c2', note: 'tab\there\\back\nline\r王2' });
    expect(direct[1]).toMatchObject({ as_of: '2026-06-29', level: 'red', risk_score: 60.5, health_score: 40.5, policy_version: 'v1' });
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
