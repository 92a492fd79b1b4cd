import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachDatabase } from '../../test/databases.js';
import { writeDemoFiles } from '../demo/write-demo-files.js';
import { parseDay } from '../domain/dates.js';
import { evaluateCustomer } from '../domain/evaluate-customer.js';
import { defaultPolicy } from '../domain/policy/default-policy.js';
import { importPath } from '../ingest/import-path.js';
import { readModelHistory } from '../store/read-model.js';
import { refitModels } from './fit-models.js';
import { loadFacts } from './load-facts.js';
import { loadPredictionModels } from './load-prediction-models.js';
import { scoreCustomers } from './score-customers.js';

const asOf = '2026-06-30';
let dir: string;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'retain-models-'));
  await writeDemoFiles(dir, { customers: 400, stores: 1, seed: 11, asOf });
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describeEachDatabase('refitting the prediction models', (t) => {
  it("stores each store's models with their metrics and data window, the newest in force", async () => {
    const db = await t.open();
    await importPath(db, dir, {});
    // A 400-customer demo loses a handful a half-year: let the churn model train on few outcomes.
    const first = await refitModels(db, parseDay(asOf), { now: new Date('2026-06-30T02:00:00+08:00'), by: 'test', churn: { minOutcomes: 3 } });
    expect(first.map((r) => r.kind)).toEqual(['bgnbd', 'gammagamma', 'churn']);
    for (const r of first) expect(r.id, `${r.kind}: ${r.reason}`).not.toBeNull();

    const rows = await db.query<{ kind: string; as_of: string; window_from: string; window_to: string; customers: number; metrics: Record<string, unknown> }>(
      'SELECT kind, as_of, window_from, window_to, customers, metrics FROM prediction_models ORDER BY id',
    );
    for (const row of rows) {
      expect(row.window_to).toBe(asOf);
      expect(row.as_of).toBe(asOf);
      // The demo's stores opened two years before its "today".
      expect(row.window_from >= '2024-06-30' && row.window_from < '2025-01-01').toBe(true);
    }
    const [bg, gg, churn] = rows;
    expect(bg!.customers).toBe(400);
    expect(bg!.metrics.logLik).toBeLessThan(0);
    expect(gg!.metrics.converged).toBe(true);
    // Trained on half-yearly outcomes known by asOf, back-tested one horizon earlier on a model that never saw them.
    const bt = churn!.metrics.backtest as { testDate: string; trainDates: string[]; auc: number; brier: number; baseRateBrier: number };
    expect(bt.testDate).toBe('2026-01-01');
    expect(bt.trainDates.every((d) => d <= '2025-07-05')).toBe(true);
    expect(bt.auc).toBeGreaterThan(0.6);
    expect(bt.brier).toBeLessThan(bt.baseRateBrier);

    const again = await refitModels(db, parseDay(asOf), { now: new Date('2026-07-01T02:00:00+08:00'), by: 'test', kinds: ['bgnbd'] });
    const history = await readModelHistory(db, 'sh-01', 'bgnbd');
    expect(history.map((h) => h.id)).toEqual([again[0]!.id, first[0]!.id]);
  });

  it('gives the evaluation record its prediction from the models in force', async () => {
    const db = await t.open();
    await importPath(db, dir, {});
    const models = await loadPredictionModels(db);
    expect(models.size).toBe(0);
    await refitModels(db, parseDay(asOf), { now: new Date('2026-06-30T02:00:00+08:00'), by: 'test', churn: { minOutcomes: 3 } });
    const byStore = await loadPredictionModels(db);
    const storeModels = byStore.get('sh-01')!;
    expect(storeModels.bgNbd && storeModels.gammaGamma && storeModels.churn).toBeTruthy();

    const ids = (await db.query<{ id: string }>('SELECT id FROM customers ORDER BY id LIMIT 50')).map((r) => r.id);
    const facts = await loadFacts(db, ids);
    const predictions = facts.map((f) => evaluateCustomer(f, defaultPolicy(), parseDay(asOf), { models: storeModels }).prediction);
    for (const p of predictions) {
      expect(p.pAlive).toBeGreaterThanOrEqual(0);
      expect(p.pAlive).toBeLessThanOrEqual(1);
      expect(p.churnProbability).toBeGreaterThanOrEqual(0);
      expect(p.churnProbability).toBeLessThanOrEqual(1);
      expect(p.expectedVisits90).toBeGreaterThanOrEqual(0);
      expect(p.clv).toBeGreaterThanOrEqual(0);
      expect(p.topValue).toBe(p.clv! > 100_000);
    }
    // Customers differ: the model is not handing everyone the same number.
    expect(new Set(predictions.map((p) => p.churnProbability)).size).toBeGreaterThan(10);

    // The evaluation run stores the same prediction in each record (the risk list sorts on it).
    await scoreCustomers(db, { asOf: parseDay(asOf), now: new Date('2026-06-30T03:00:00+08:00'), policy: defaultPolicy(), workers: 1 });
    const stored = await db.query<{ customer_id: string; record: { prediction: unknown } }>(
      'SELECT customer_id, record FROM evaluations WHERE as_of = $1 AND customer_id = ANY($2::text[]) ORDER BY customer_id',
      [asOf, ids],
    );
    expect(stored.map((r) => r.record.prediction)).toEqual(predictions);

    // A stored model that no longer fits its schema is refused, naming it.
    await db.query(`UPDATE prediction_models SET model = '{"params": {"r": -1}}'::jsonb WHERE kind = 'bgnbd'`);
    await expect(loadPredictionModels(db)).rejects.toThrow(/bgnbd model of store sh-01/);
  });
});
