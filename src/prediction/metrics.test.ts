import { describe, expect, it } from 'vitest';
import { auc, brierScore, calibrationTable, precisionRecall } from './metrics.js';

describe('evaluation metrics', () => {
  it("AUC: scikit-learn's documented example gives 0.75, and ties count half", () => {
    // roc_auc_score([0, 0, 1, 1], [0.1, 0.4, 0.35, 0.8]) = 0.75
    expect(auc([0.1, 0.4, 0.35, 0.8], [false, false, true, true])).toBe(0.75);
    expect(auc([0.5, 0.5, 0.5, 0.5], [false, true, false, true])).toBe(0.5);
    expect(auc([0.9, 0.1], [false, true])).toBe(0);
    expect(auc([0.3, 0.4], [true, true])).toBeNull();
  });

  it("Brier score: scikit-learn's documented example gives 0.0375", () => {
    // brier_score_loss([0, 1, 1, 0], [0.1, 0.9, 0.8, 0.3]) = 0.0375
    expect(brierScore([0.1, 0.9, 0.8, 0.3], [false, true, true, false])).toBeCloseTo(0.0375, 12);
  });

  it('calibration: predicted and observed rates per bin, the top bin closed at 1', () => {
    const table = calibrationTable([0.05, 0.08, 0.95, 1, 0.55], [false, true, true, true, false], 2);
    expect(table).toEqual([
      { from: 0, to: 0.5, count: 2, meanPredicted: 0.065, observedRate: 0.5 },
      { from: 0.5, to: 1, count: 3, meanPredicted: (0.95 + 1 + 0.55) / 3, observedRate: 2 / 3 },
    ]);
  });

  it('precision and recall of a flag', () => {
    expect(precisionRecall([true, true, false, false], [true, false, true, false])).toEqual({ flagged: 2, truePositives: 1, precision: 0.5, recall: 0.5 });
    expect(precisionRecall([false, false], [true, false])).toEqual({ flagged: 0, truePositives: 0, precision: null, recall: 0 });
  });
});
