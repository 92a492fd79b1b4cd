import { expect, it } from 'vitest';
import { describeEachDatabase } from '../../test/databases.js';
import { writeBacktestStore } from '../../test/fixtures.js';
import { parseDay } from '../domain/dates.js';
import { defaultPolicy } from '../domain/policy/default-policy.js';
import { parsePolicy } from '../domain/policy/parse-policy.js';
import { importPath } from '../ingest/import-path.js';
import type { Db } from '../store/db.js';
import { BacktestWindowError, backtestPolicy } from './backtest-policy.js';

/** The back-test's four customers (test/fixtures.ts): c2 and c4 are lost in the 180 days after 2024-06-30. */
async function loadStore(db: Db): Promise<void> {
  const dir = writeBacktestStore();
  expect((await importPath(db, dir, {})).total.rejected).toBe(0);
}

describeEachDatabase('the policy back-test', (t) => {
  it('scores the warning levels of a past date against who was lost in the 180 days after', async () => {
    const db = await t.open();
    await loadStore(db);
    const r = await backtestPolicy(db, { asOf: parseDay('2024-06-30') });
    expect(r).toMatchObject({ asOf: '2024-06-30', horizonDays: 180, policyVersion: defaultPolicy().version, customers: 4, lost: 2, lostRate: 0.5 });
    // c2 and c3 are red (R > 90), c1 and c4 green: red catches one of the two lost (c2) and one who came back (c3).
    expect(r.rules.levels).toEqual({
      green: { customers: 2, lost: 1, precision: 0.5, recall: 0.5 },
      yellow: { customers: 0, lost: 0, precision: null, recall: 0 },
      orange: { customers: 0, lost: 0, precision: null, recall: 0 },
      red: { customers: 2, lost: 1, precision: 0.5, recall: 0.5 },
    });
    expect(r.rules.red).toEqual({ flagged: 2, truePositives: 1, precision: 0.5, recall: 0.5 });
    expect(r.rules.orangeOrRed).toEqual(r.rules.red);
    // Risk scores pair up (c1 = c4 high, c2 = c3 low), so the score orders lost against kept no better than chance.
    expect(r.rules.riskScoreAuc).toBe(0.5);
    // Four customers are far too few to train a churn model on.
    expect(r.churnModel).toBeNull();
  });

  it('back-tests a draft policy without activating it', async () => {
    const db = await t.open();
    await loadStore(db);
    const base = defaultPolicy();
    const parsed = parsePolicy({
      ...base,
      version: 'draft-everyone-red',
      rules: [...base.rules, { id: 'all', level: 'red', enabled: true, when: { field: 'R', op: '>=', value: 0 } }],
    });
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
    const r = await backtestPolicy(db, { asOf: parseDay('2024-06-30'), policy: parsed.policy });
    expect(r.policyVersion).toBe('draft-everyone-red');
    expect(r.rules.red).toEqual({ flagged: 4, truePositives: 2, precision: 0.5, recall: 1 });
    // The policy in force is unchanged.
    expect((await backtestPolicy(db, { asOf: parseDay('2024-06-30') })).policyVersion).toBe(base.version);
  });

  it('refuses a date whose outcome window is not all in the data, and defaults to the latest one that is', async () => {
    const db = await t.open();
    await loadStore(db);
    // The data end on 2024-12-28: the latest complete window starts 180 days before.
    await expect(backtestPolicy(db, { asOf: parseDay('2024-07-02') })).rejects.toThrow(BacktestWindowError);
    await expect(backtestPolicy(db, { asOf: parseDay('2024-07-02') })).rejects.toThrow(/ends 2024-12-28.*on or before 2024-07-01/);
    const latest = await backtestPolicy(db);
    expect(latest.asOf).toBe('2024-07-01');
  });
});
