import { describe, expect, it } from 'vitest';
import { parseDay } from '../domain/dates.js';
import { CHURN_FEATURES } from './churn-features.js';
import type { PredictionModels } from './model-schemas.js';
import { predictCustomer, TOP_VALUE_CLV } from './predict-customer.js';
import { summarizeVisits } from './visit-summary.js';
import type { ChurnInput } from './churn-features.js';

const day = parseDay;
/** Fader, Hardie & Lee (2005) on CDNOW, in weeks. */
const cdnow = { r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 };

describe('a customer’s visit history in BTYD terms', () => {
  it('is born at delivery, counts repeat visit days (not visits), and ignores the future', () => {
    const s = summarizeVisits(
      {
        since: day('2024-01-01'),
        visits: [
          { day: day('2024-02-01'), amount: 500 },
          { day: day('2024-03-01'), amount: 0 },
          { day: day('2024-03-01'), amount: 300 },
          { day: day('2024-08-01'), amount: 900 },
        ],
      },
      day('2024-06-30'),
    );
    expect(s).toEqual({ frequency: 2, recency: 60, T: 181, visits: 3, paidVisits: 2, meanPaid: 400 });
  });

  it('is born at the first visit when that comes before the recorded start, and is null before birth', () => {
    expect(summarizeVisits({ since: day('2024-05-01'), visits: [{ day: day('2024-04-01'), amount: 0 }] }, day('2024-04-11'))).toMatchObject({ frequency: 0, recency: 0, T: 10 });
    expect(summarizeVisits({ since: day('2024-05-01'), visits: [] }, day('2024-04-11'))).toBeNull();
  });
});

describe('the prediction of one customer', () => {
  const input = { features: {}, risk: { score: 50 }, health: { score: 50 }, signals: [], lifecycle: 'active' } as unknown as ChurnInput;
  const history = { since: day('2024-01-01'), visits: [{ day: day('2024-02-01'), amount: 500 }, { day: day('2024-03-01'), amount: 300 }] };
  const asOf = day('2024-06-30');

  it('is all null without models', () => {
    expect(predictCustomer(input, history, asOf, { bgNbd: null, gammaGamma: null, churn: null })).toEqual({
      pAlive: null, expectedVisits90: null, churnProbability: null, clv: null, topValue: false, models: null,
    });
  });

  it('reads days in the model’s unit: P(alive) is the BG/NBD closed form at x = 2, t_x = 60/7, T = 181/7 weeks', () => {
    const p = predictCustomer(input, history, asOf, { bgNbd: { params: cdnow, unitDays: 7 }, gammaGamma: null, churn: null });
    const [x, tx, T] = [2, 60 / 7, 181 / 7];
    const closedForm = 1 / (1 + (cdnow.a / (cdnow.b + x - 1)) * ((cdnow.alpha + T) / (cdnow.alpha + tx)) ** (cdnow.r + x));
    expect(p.pAlive).toBeCloseTo(closedForm, 4);
    expect(p.expectedVisits90).toBeGreaterThan(0);
    expect(p.churnProbability).toBeNull();
  });

  it('marks a top-value customer above the spec’s CLV of ¥100,000', () => {
    const rich: PredictionModels = {
      bgNbd: { params: cdnow, unitDays: 7 },
      // A population mean ticket of pγ/(q−1) = ¥1,000,000.
      gammaGamma: { params: { p: 1, q: 2, v: 1_000_000 }, paidShare: 1, clvMonths: 60, monthlyDiscountRate: 0.01 },
      churn: null,
    };
    const p = predictCustomer(input, history, asOf, rich);
    expect(p.clv).toBeGreaterThan(TOP_VALUE_CLV);
    expect(p.topValue).toBe(true);
    const modest = { ...rich, gammaGamma: { ...rich.gammaGamma!, params: { p: 1, q: 2, v: 100 } } };
    expect(predictCustomer(input, history, asOf, modest).topValue).toBe(false);
  });

  it('refuses a churn model trained on other features instead of misreading it', () => {
    const churn = { horizonDays: 180, features: ['R'], means: [0], scales: [1], weights: [1], intercept: 0, l2: 1 };
    expect(() => predictCustomer(input, history, asOf, { bgNbd: { params: cdnow, unitDays: 7 }, gammaGamma: null, churn })).toThrow(/other features/);
    expect(CHURN_FEATURES.length).toBeGreaterThan(40);
  });
});
