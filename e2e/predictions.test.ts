import { describe, expect, it } from 'vitest';
import { writeModel } from '../src/store/write-model.js';
import { newPage, signIn, useHarness } from './harness.js';

/**
 * Predictions from the first start, in headless Chromium: the demo's models are fitted before it
 * is evaluated, so the risk list shows churn probabilities (the network's model: the test demo's
 * stores are below the policy's minimum), sorts and filters by them; the overview shows the
 * model's back-test and calibration; customer 360 shows the prediction and its factors in words.
 */
const h = useHarness();
const MANAGER = 'sh-01-sm';

describe('web app: predictions after the demo', () => {
  it('the risk list shows churn probabilities, P(alive) and the network label; sorts and filters by probability', async () => {
    const { context, page } = await newPage(h);
    await signIn(page, MANAGER);
    await page.goto('/risk');
    const table = page.getByTestId('risk-table');
    await table.locator('tbody tr.ant-table-row').first().waitFor();
    const cells = await table.getByTestId('churn-probability').allTextContents();
    expect(cells.length).toBeGreaterThan(5);
    expect(cells.every((c) => /^\d+%$/.test(c))).toBe(true);
    expect((await table.getByTestId('p-alive').allTextContents()).every((c) => /^\d+%$/.test(c))).toBe(true);
    expect(await table.getByTestId('network-model').count()).toBe(cells.length);

    await table.locator('th').filter({ hasText: '预计流失概率' }).click();
    await expect.poll(async () => {
      const v = (await table.getByTestId('churn-probability').allTextContents()).map((c) => Number(c.replace('%', '')));
      return v.length > 1 && v.every((x, i) => i === 0 || v[i - 1]! >= x);
    }).toBe(true);
    const [top] = await h.db.query<{ p: number }>(
      `SELECT max((e.record->'prediction'->>'churnProbability')::numeric)::float AS p FROM customers c
         JOIN LATERAL (SELECT record FROM evaluations WHERE customer_id = c.id ORDER BY as_of DESC LIMIT 1) e ON true WHERE c.store_id = 'sh-01'`);
    expect(await table.getByTestId('churn-probability').first().textContent()).toBe(`${(top!.p * 100).toFixed(0)}%`);

    await page.getByTestId('min-churn').click();
    await page.locator('.ant-select-item-option').filter({ hasText: '50%' }).click();
    await expect.poll(async () => {
      const v = (await table.getByTestId('churn-probability').allTextContents()).map((c) => Number(c.replace('%', '')));
      return v.every((x) => x >= 50);
    }).toBe(true);
    await context.close();
  });

  it("the overview shows the churn model in force, labelled as the network's, with its back-test and calibration", async () => {
    const { context, page } = await newPage(h);
    await signIn(page, MANAGER);
    const card = page.getByTestId('churn-model');
    await card.getByTestId('model-fitted').waitFor();
    expect(await card.getByTestId('model-network').count()).toBe(1);
    expect(await card.getByTestId('model-message').textContent()).toContain('200');
    expect(await card.getByTestId('model-fitted').textContent()).toContain('demo');

    // 300 customers lose too few a half-year for a back-test; a refit that has one (its figures as
    // stored) is what the card then shows: the AUC, the Brier score and the calibration chart.
    const [inForce] = await h.db.query<{ model: unknown; metrics: Record<string, unknown> }>(
      "SELECT model, metrics FROM prediction_models WHERE store_id = '*' AND kind = 'churn' AND active ORDER BY id DESC LIMIT 1");
    const calibration = [
      { from: 0, to: 0.1, count: 240, meanPredicted: 0.04, observedRate: 0.05 },
      { from: 0.3, to: 0.4, count: 30, meanPredicted: 0.35, observedRate: 0.3 },
      { from: 0.8, to: 0.9, count: 10, meanPredicted: 0.84, observedRate: 0.8 },
    ];
    const backtest = { testDate: '2026-06-01', testRows: 280, lostRate: 0.08, auc: 0.812, brier: 0.061, baseRateBrier: 0.074, calibration, trainDates: [], l2: 100, trainRows: 1000 };
    await writeModel(h.db, {
      storeId: '*', kind: 'churn', asOf: '2026-12-01', windowFrom: '2024-12-01', windowTo: '2026-12-01', customers: 300,
      model: inForce!.model, metrics: { ...inForce!.metrics, backtest }, fittedBy: 'schedule', active: true, note: null,
    }, new Date());
    await page.reload();
    await card.getByTestId('model-auc').waitFor();
    expect(await card.getByTestId('model-auc').textContent()).toContain('0.812');
    expect(await card.getByTestId('model-brier').textContent()).toContain('0.0610');
    await card.getByTestId('model-calibration').locator('canvas').waitFor();
    await context.close();
  });

  it('customer 360 shows P(alive), CLV and the churn probability with its factors in words', async () => {
    const [c] = await h.db.query<{ id: string; p: number }>(
      `SELECT c.id, (e.record->'prediction'->>'churnProbability')::float AS p FROM customers c
         JOIN LATERAL (SELECT record FROM evaluations WHERE customer_id = c.id ORDER BY as_of DESC LIMIT 1) e ON true
        WHERE c.store_id = 'sh-01' AND e.record->'prediction'->>'churnProbability' IS NOT NULL ORDER BY 2 DESC LIMIT 1`);
    const { context, page } = await newPage(h);
    await signIn(page, MANAGER);
    await page.goto(`/customers/${c!.id}`);
    const card = page.getByTestId('prediction-card');
    await card.getByTestId('prediction-churn').waitFor();
    expect(await card.getByTestId('prediction-churn').textContent()).toContain(`${(c!.p * 100).toFixed(0)}%`);
    expect(await card.getByTestId('prediction-p-alive').textContent()).toMatch(/\d+%/);
    expect(await card.getByTestId('prediction-clv').textContent()).toMatch(/¥/);
    const factors = await card.getByTestId('prediction-factors').locator('.ant-tag').allTextContents();
    expect(factors.length).toBeGreaterThan(0);
    // In words, not the model's column names.
    expect(factors.every((f) => /[\u4e00-\u9fff]/.test(f))).toBe(true);
    await context.close();
  });
});
