import { expect, it } from 'vitest';
import { describeEachDatabase } from '../../test/databases.js';
import { nps, visit, writeStoreFiles } from '../../test/fixtures.js';
import { parseDay } from '../domain/dates.js';
import { defaultPolicy } from '../domain/policy/default-policy.js';
import { importPath } from '../ingest/import-path.js';
import type { Db } from '../store/db.js';
import { reevaluateCustomers } from './reevaluate-customers.js';
import { scoreCustomers } from './score-customers.js';

const policy = defaultPolicy();
const at = (s: string) => new Date(s);

async function loadStore(db: Db): Promise<void> {
  // c1 visited recently and rated well; c2 has not been seen for months.
  const dir = writeStoreFiles([{ id: 'c1' }, { id: 'c2' }], [
    visit('c1', '2024-06-20T10:00:00+08:00'),
    nps('c1', '2024-06-21T10:00:00+08:00', 10),
    visit('c2', '2024-02-01T10:00:00+08:00'),
  ]);
  const summary = await importPath(db, dir, {});
  expect(summary.total.rejected).toBe(0);
}

async function warnings(db: Db) {
  return db.query<{ customer_id: string; level: string; closed_at: Date | null }>(
    'SELECT customer_id, level, closed_at FROM warnings ORDER BY id',
  );
}

describeEachDatabase('evaluation runs', (t) => {
  it('stores one snapshot per customer per day and keeps the history', async () => {
    const db = await t.open();
    await loadStore(db);
    await scoreCustomers(db, { asOf: parseDay('2024-06-30'), now: at('2024-06-30T02:00:00+08:00'), policy });
    await scoreCustomers(db, { asOf: parseDay('2024-07-01'), now: at('2024-07-01T02:00:00+08:00'), policy });
    const again = await scoreCustomers(db, { asOf: parseDay('2024-07-01'), now: at('2024-07-01T03:00:00+08:00'), policy });
    expect(again.customers).toBe(2);
    const rows = await db.query<{ customer_id: string; as_of: string; policy_version: string }>(
      'SELECT customer_id, as_of, policy_version FROM evaluations ORDER BY customer_id, as_of',
    );
    expect(rows.map((r) => `${r.customer_id}@${r.as_of}`)).toEqual(['c1@2024-06-30', 'c1@2024-07-01', 'c2@2024-06-30', 'c2@2024-07-01']);
    expect(new Set(rows.map((r) => r.policy_version))).toEqual(new Set([policy.version]));
  });

  it('opens one warning for a drifting customer and none for a healthy one', async () => {
    const db = await t.open();
    await loadStore(db);
    const outcome = await scoreCustomers(db, { asOf: parseDay('2024-06-30'), now: at('2024-06-30T02:00:00+08:00'), policy });
    expect(outcome.warnings.opened).toBe(1);
    const open = await warnings(db);
    expect(open).toHaveLength(1);
    expect(open[0]).toMatchObject({ customer_id: 'c2', closed_at: null });
    expect(open[0]!.level).not.toBe('green');
    // The same run again changes nothing.
    const again = await scoreCustomers(db, { asOf: parseDay('2024-06-30'), now: at('2024-06-30T03:00:00+08:00'), policy });
    expect(again.warnings).toEqual({ opened: 0, raised: 0, lowered: 0, closed: 0 });
  });

  it('raises a warning the moment a low NPS arrives, and closes it when the customer is green again', async () => {
    const db = await t.open();
    await loadStore(db);
    await scoreCustomers(db, { asOf: parseDay('2024-06-30'), now: at('2024-06-30T02:00:00+08:00'), policy });
    expect((await warnings(db)).filter((w) => w.customer_id === 'c1')).toHaveLength(0);

    await importPath(db, writeStoreFiles([{ id: 'c1' }, { id: 'c2' }], [nps('c1', '2024-06-30T11:00:00+08:00', 4)]), {});
    const outcome = await reevaluateCustomers(db, ['c1'], policy, at('2024-06-30T11:00:05+08:00'));
    expect(outcome.warnings.opened).toBe(1);
    const c1 = (await warnings(db)).filter((w) => w.customer_id === 'c1');
    expect(c1).toEqual([{ customer_id: 'c1', level: 'red', closed_at: null }]);

    await importPath(db, writeStoreFiles([{ id: 'c1' }, { id: 'c2' }], [nps('c1', '2024-07-01T11:00:00+08:00', 10), nps('c1', '2024-07-02T11:00:00+08:00', 10)]), {});
    const later = await reevaluateCustomers(db, ['c1'], policy, at('2024-07-02T12:00:00+08:00'));
    expect(later.levels.green).toBe(1);
    expect(later.warnings.closed).toBe(1);
    const changes = await db.query<{ change: string; store_id: string }>("SELECT change, store_id FROM warning_changes WHERE customer_id = 'c1' ORDER BY id");
    const [store] = await db.query<{ store_id: string }>("SELECT store_id FROM customers WHERE id = 'c1'");
    expect(changes).toEqual([{ change: 'opened', store_id: store!.store_id }, { change: 'closed', store_id: store!.store_id }]);
  });

  it('leaves warnings alone when back-filling an older date', async () => {
    const db = await t.open();
    await loadStore(db);
    await scoreCustomers(db, { asOf: parseDay('2024-06-30'), now: at('2024-06-30T02:00:00+08:00'), policy });
    const before = await warnings(db);
    // On 2024-02-02 c2 had just visited: green. The newer evaluation keeps its warning open.
    const old = await scoreCustomers(db, { asOf: parseDay('2024-02-02'), now: at('2024-06-30T04:00:00+08:00'), policy });
    expect(old.warnings.closed).toBe(0);
    expect(await warnings(db)).toEqual(before);
  });
});
