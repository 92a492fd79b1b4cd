import { describe, expect, it } from 'vitest';
import { CHURN_FEATURES } from './churn-features.js';
import { churnFactors } from './churn-factors.js';
import type { PredictionModels } from './model-schemas.js';

const k = CHURN_FEATURES.length;
const zeros = () => Array.from({ length: k }, () => 0);
const at = (name: string) => CHURN_FEATURES.indexOf(name);

/** A churn model whose only weights are on days since the last visit (up) and visits in the year (down). */
function models(): PredictionModels {
  const weights = zeros();
  weights[at('logR')] = 2;
  weights[at('visits365')] = -1;
  return {
    bgNbd: { params: { r: 1, alpha: 30, a: 0.5, b: 3 }, unitDays: 1 },
    gammaGamma: null,
    churn: { horizonDays: 180, features: [...CHURN_FEATURES], means: zeros(), scales: zeros().map(() => 1), weights, intercept: 0, l2: 1 },
  };
}
const input = (R: number, visits365: number) => ({
  features: { R, visits365, visitsPrev365: 0, spend365: 0, spendPrev365: 0, ticketTrend: null, lastNps: null, sat5: null, overdueDays: null,
    remindersUnanswered: 0, refusedToBook: false, cancellations90: 0, reschedules90: 0, hasApp: false, appLogins30: 0, appBaseline: 0,
    wechatPerMonth: null, interactionsPerMonth: 0, callAnswerRate: null, complaints365: 0, complaintSilenceDays: null, valueAddDeclineStreak: 0,
    basicOnlyStreak: 0, invited365: 0, attended365: 0, contactInvalid: false, socialNegativeOpen: false, referrals365: 0, tenureDays: 0, returnedAt: null },
  risk: { score: 0 }, health: { score: 0 }, signals: [], lifecycle: 'active',
}) as unknown as Parameters<typeof churnFactors>[0];
const history = { since: 0, visits: [{ day: 10, amount: 100 }, { day: 200, amount: 100 }] };

describe('the factors of a churn probability', () => {
  it('names the inputs that raise and lower the log-odds, largest first, with their terms', () => {
    const f = churnFactors(input(100, 3), history, 300, models())!;
    expect(f.raises).toEqual([{ feature: 'logR', contribution: Math.round(2 * Math.log1p(100) * 1000) / 1000 }]);
    expect(f.lowers).toEqual([{ feature: 'visits365', contribution: -3 }]);
  });

  it('leaves out inputs at the average (no term) and is null without the churn and BG/NBD models', () => {
    const f = churnFactors(input(0, 0), history, 300, models())!;
    expect(f).toEqual({ raises: [], lowers: [] });
    expect(churnFactors(input(100, 3), history, 300, { ...models(), churn: null })).toBeNull();
    expect(churnFactors(input(100, 3), history, 300, { ...models(), bgNbd: null })).toBeNull();
  });
});
