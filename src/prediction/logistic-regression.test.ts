import { describe, expect, it } from 'vitest';
import { fitLogistic, predictLogistic } from './logistic-regression.js';
import { auc, brierScore } from './metrics.js';
import { loadTelco, shuffledIndices } from './testing/telco.js';

const telco = loadTelco();
const pick = <T>(xs: readonly T[], idx: readonly number[]) => idx.map((i) => xs[i]!);
const labels01 = (idx: readonly number[]) => idx.map((i) => (telco.churn[i] ? 1 : 0));

describe('the churn learner on the labelled Telco data', () => {
  it('reads the file as published: 7,043 customers, 1,869 churned', () => {
    expect(telco.rows).toHaveLength(7043);
    expect(telco.churn.filter(Boolean)).toHaveLength(1869);
  });

  it('reaches the published baseline on a held-out fifth: AUC ≥ 0.84, accuracy above the majority class', () => {
    const idx = shuffledIndices(telco.rows.length, 1);
    const test = idx.slice(0, 1409);
    const train = idx.slice(1409);
    const fit = fitLogistic(pick(telco.rows, train), labels01(train), telco.features);
    expect(fit.converged).toBe(true);
    const p = test.map((i) => predictLogistic(fit.model, telco.rows[i]!));
    const y = test.map((i) => telco.churn[i]!);
    // Published (DataTalksClub ML Zoomcamp, scikit-learn, C = 1): 0.844 validation, 0.857 test.
    expect(auc(p, y)).toBeGreaterThanOrEqual(0.84);
    const accuracy = p.filter((pi, i) => pi >= 0.5 === y[i]).length / y.length;
    const majority = y.filter((v) => !v).length / y.length;
    expect(accuracy).toBeGreaterThan(0.79);
    expect(accuracy).toBeGreaterThan(majority + 0.05);
    // Calibrated enough to beat always predicting the base rate.
    const base = train.filter((i) => telco.churn[i]).length / train.length;
    expect(brierScore(p, y)).toBeLessThan(brierScore(y.map(() => base), y) * 0.75);
  });

  it('matches the published 5-fold cross-validated AUC (0.841 ± 0.008)', () => {
    const idx = shuffledIndices(telco.rows.length, 7);
    const scores: number[] = [];
    for (let fold = 0; fold < 5; fold++) {
      const held = idx.filter((_, j) => j % 5 === fold);
      const rest = idx.filter((_, j) => j % 5 !== fold);
      const { model } = fitLogistic(pick(telco.rows, rest), labels01(rest), telco.features);
      scores.push(auc(held.map((i) => predictLogistic(model, telco.rows[i]!)), held.map((i) => telco.churn[i]!))!);
    }
    const mean = scores.reduce((a, b) => a + b, 0) / scores.length;
    expect(Math.abs(mean - 0.841)).toBeLessThan(0.01);
  });

  it('shrinks the weights as the penalty grows, and leaves the intercept to match the base rate', () => {
    const idx = shuffledIndices(telco.rows.length, 3).slice(0, 2000);
    const norm = (l2: number) => {
      const { model } = fitLogistic(pick(telco.rows, idx), labels01(idx), telco.features, { l2 });
      return { size: Math.hypot(...model.weights), model };
    };
    const light = norm(1);
    const heavy = norm(1e6);
    expect(heavy.size).toBeLessThan(light.size / 100);
    // With the weights all but gone, every prediction is the base rate.
    const rate = labels01(idx).reduce<number>((a, b) => a + b, 0) / idx.length;
    expect(predictLogistic(heavy.model, telco.rows[idx[0]!]!)).toBeCloseTo(rate, 2);
  });
});
