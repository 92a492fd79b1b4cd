import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachDatabase } from '../../test/databases.js';
import { writeDemoFiles } from '../demo/write-demo-files.js';
import { parseDay } from '../domain/dates.js';
import { defaultPolicy } from '../domain/policy/default-policy.js';
import type { Policy } from '../domain/policy/policy-schema.js';
import { importPath } from '../ingest/import-path.js';
import { readCurrentModels, readModelHistory } from '../store/read-model.js';
import { NETWORK } from '../store/write-model.js';
import { refitDueModels, refitModels } from './fit-models.js';
import { loadPredictionModels } from './load-prediction-models.js';
import { scoreCustomers } from './score-customers.js';

const asOf = '2026-06-30';
const T0 = new Date('2026-06-30T03:00:00+08:00');
const DAY = 86_400_000;
// A 400-customer demo loses a handful a half-year: let the churn model train on few outcomes.
const churn = { minOutcomes: 3 };
let dir: string;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'retain-refit-'));
  await writeDemoFiles(dir, { customers: 400, stores: 2, seed: 11, asOf });
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const withPrediction = (over: Partial<Policy['prediction']>): Policy => ({ ...defaultPolicy(), prediction: { ...defaultPolicy().prediction, ...over } });
const minCustomers = (n: number) => withPrediction({ minCustomers: n });

describeEachDatabase('prediction models on a schedule', (t) => {
  it("refits a store when the policy's refitEveryDays have passed since its last fit, not before", async () => {
    const db = await t.open();
    await importPath(db, dir, {});
    const policy = minCustomers(50);
    const first = await refitDueModels(db, parseDay(asOf), { now: T0, policy });
    expect(new Set(first.map((r) => r.storeId))).toEqual(new Set(['bj-01', 'sh-01']));
    const by = await db.query<{ fitted_by: string }>('SELECT DISTINCT fitted_by FROM prediction_models');
    expect(by).toEqual([{ fitted_by: 'schedule' }]);

    // The day before the week is up: nothing is due. On the day: every store again.
    expect(await refitDueModels(db, parseDay('2026-07-07'), { now: new Date(T0.getTime() + 7 * DAY - 60_000), policy })).toEqual([]);
    const week = await refitDueModels(db, parseDay('2026-07-07'), { now: new Date(T0.getTime() + 7 * DAY), policy });
    expect(week.filter((r) => r.kind === 'bgnbd').map((r) => r.storeId).sort()).toEqual(['bj-01', 'sh-01']);
    // A longer cadence in the policy: not yet due after another 7 days.
    expect(await refitDueModels(db, parseDay('2026-07-14'), { now: new Date(T0.getTime() + 14 * DAY), policy: withPrediction({ minCustomers: 50, refitEveryDays: 30 }) })).toEqual([]);
  });

  it('keeps a churn fit worse than the one in force on the same test window, without activating it', async () => {
    const db = await t.open();
    await importPath(db, dir, {});
    const policy = minCustomers(50);
    const [good] = (await refitModels(db, parseDay(asOf), { now: T0, by: 'test', policy, kinds: ['churn'], churn, stores: ['sh-01'] }));
    expect(good!.active).toBe(true);

    // A week later, an over-penalised model predicts nearly the base rate for everyone: on its
    // test window the model in force (trained on snapshots before it) scores a better Brier.
    const [flat] = await refitModels(db, parseDay('2026-07-07'), { now: T0, by: 'test', policy, kinds: ['churn'], churn: { ...churn, l2: 1e7 }, stores: ['sh-01'] });
    expect(flat!.id).not.toBeNull();
    expect(flat!.active).toBe(false);
    expect(flat!.reason).toMatch(new RegExp(`worse than .* of model ${good!.id} in force on the same test window \\(\\d{4}-\\d{2}-\\d{2}\\)`));
    const inForce = (await readCurrentModels(db, 'sh-01')).find((m) => m.kind === 'churn' && m.storeId === 'sh-01');
    expect(inForce!.id).toBe(good!.id);
    const history = await readModelHistory(db, 'sh-01', 'churn');
    expect(history.map((h) => [h.id, h.active])).toEqual([[flat!.id, false], [good!.id, true]]);
    expect(history[0]!.note).toBe(flat!.reason);

    // The same recipe as of the same day is compared by its back-test, equal: it goes into force.
    const [again] = await refitModels(db, parseDay(asOf), { now: T0, by: 'test', policy, kinds: ['churn'], churn, stores: ['sh-01'] });
    expect(again!.active).toBe(true);
    expect((await readCurrentModels(db, 'sh-01')).find((m) => m.kind === 'churn' && m.storeId === 'sh-01')!.id).toBe(again!.id);
  });

  it("predicts a store too small to fit with the network's model, marked as the network's in every record", async () => {
    const db = await t.open();
    await importPath(db, dir, {});
    const counts = await db.query<{ n: number }>('SELECT count(*)::int AS n FROM customers GROUP BY store_id');
    const biggest = Math.max(...counts.map((c) => c.n));
    // One customer more than the biggest store has: neither may fit its own; all 400 pooled may.
    const policy = minCustomers(biggest + 1);
    const results = await refitModels(db, parseDay(asOf), { now: T0, by: 'test', policy, churn });
    for (const r of results.filter((x) => x.storeId !== NETWORK)) {
      expect(r.id).toBeNull();
      expect(r.reason).toBe(`${r.customers} customers, fewer than the ${biggest + 1} a fit needs: the network's model is used`);
    }
    const network = results.filter((r) => r.storeId === NETWORK);
    expect(network.map((r) => [r.kind, r.active])).toEqual([['bgnbd', true], ['gammagamma', true], ['churn', true]]);
    const [paid] = await db.query<{ n: number }>("SELECT count(DISTINCT customer_id)::int AS n FROM events WHERE type = 'visit' AND (record->>'amount')::numeric > 0");
    expect(network.map((r) => r.customers)).toEqual([400, paid!.n, 400]);

    const models = (await loadPredictionModels(db)).get('bj-01')!;
    expect(models.used).toEqual({
      bgNbd: { id: network[0]!.id, network: true }, gammaGamma: { id: network[1]!.id, network: true }, churn: { id: network[2]!.id, network: true },
    });
    await scoreCustomers(db, { asOf: parseDay(asOf), now: T0, policy, workers: 1 });
    const [row] = await db.query<{ n: number; with_network: number }>(
      `SELECT count(*)::int AS n, count(*) FILTER (WHERE (record->'prediction'->'models'->'churn'->>'network')::boolean)::int AS with_network
         FROM evaluations WHERE as_of = $1 AND record->'prediction'->>'pAlive' IS NOT NULL`, [asOf]);
    expect(row!.n).toBeGreaterThan(300);
    expect(row!.with_network).toBe(row!.n);

    // Too small even pooled: nothing is fitted, and the reason says so.
    const none = await refitModels(db, parseDay(asOf), { now: T0, by: 'test', policy: minCustomers(401), churn, kinds: ['bgnbd'] });
    expect(none.find((r) => r.storeId === NETWORK)).toEqual({
      storeId: NETWORK, kind: 'bgnbd', id: null, active: false, customers: 400, metrics: null, reason: '400 customers, fewer than the 401 a fit needs',
    });
  });

  it('a store too new to fit: its days of history are named', async () => {
    const db = await t.open();
    await importPath(db, dir, {});
    const results = await refitModels(db, parseDay(asOf), { now: T0, by: 'test', policy: withPrediction({ minCustomers: 50, minHistoryDays: 5000 }), kinds: ['bgnbd'], network: false });
    for (const r of results) expect(r.reason).toMatch(/^\d+ days of history, fewer than the 5000 a fit needs: the network's model is used$/);
    expect(results.some((r) => r.storeId === NETWORK)).toBe(false);
  });
});
