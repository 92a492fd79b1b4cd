import { describe, expect, it } from 'vitest';
import { healthScore } from './health.js';
import { defaultPolicy } from './policy/default-policy.js';
import { features } from './testing/facts-builder.js';

const p = defaultPolicy().health;
const components = (over: Parameters<typeof features>[0]) => healthScore(features(over), p).components;

describe('health score (§8)', () => {
  it.each([[3, 100], [2, 80], [1, 50], [0, 0]])('visits365 %i → %i', (visits365, v) => {
    expect(components({ visits365 }).visits).toBe(v);
  });

  it.each([[8000, 100], [7999.99, 80], [4000, 80], [1500, 60], [1499, 40], [0.01, 40], [0, 0]])('spend365 %f → %i', (spend365, v) => {
    expect(components({ spend365 }).spend).toBe(v);
  });

  it.each([[5, 100], [4, 80], [3, 50], [2, 20], [1, 0], [null, 60]])('sat5 %s → %i', (sat5, v) => {
    expect(components({ sat5 }).satisfaction).toBe(v);
  });

  it.each([[2, 100], [1.9999, 70], [1, 70], [0.3333, 40], [0, 0]])('interactionsPerMonth %f → %i', (interactionsPerMonth, v) => {
    expect(components({ interactionsPerMonth }).interaction).toBe(v);
  });

  it.each([[1, 100], [0, 0]])('referrals365 %i → %i', (referrals365, v) => {
    expect(components({ referrals365 }).referral).toBe(v);
  });

  it('weights the components 0.30/0.25/0.25/0.15/0.05', () => {
    // 0.3·80 + 0.25·40 + 0.25·50 + 0.15·40 + 0.05·0 = 24 + 10 + 12.5 + 6 = 52.5
    const h = healthScore(features({ visits365: 2, spend365: 1000, sat5: 3, interactionsPerMonth: 0.5, referrals365: 0 }), p);
    expect([h.score, h.tier]).toEqual([52.5, 'yellow']);
  });

  it('reads tiers at 90/70/50/30 from the score', () => {
    const tier = (score: number) => healthScore(features({ visits365: 0 }), { ...p, weights: { visits: 0, spend: 0, satisfaction: 0, interaction: 0, referral: 1 }, referral: { bands: [], otherwise: score } }).tier;
    expect([tier(90), tier(89.9), tier(70), tier(69.9), tier(50), tier(49.9), tier(30), tier(29.9)]).toEqual([
      'green', 'blue', 'blue', 'yellow', 'yellow', 'orange', 'orange', 'red',
    ]);
  });

  it('opens a warning for yellow/orange/red only from 180 days of tenure', () => {
    const poor = { visits365: 1, spend365: 500, sat5: 3, interactionsPerMonth: 0 };
    expect(healthScore(features({ ...poor, tenureDays: 180 }), p).warning).toBe(true);
    expect(healthScore(features({ ...poor, tenureDays: 179 }), p)).toMatchObject({ tier: 'orange', warning: false });
    const good = { visits365: 3, spend365: 9000, sat5: 5, interactionsPerMonth: 2, referrals365: 1 };
    expect(healthScore(features({ ...good, tenureDays: 900 }), p)).toMatchObject({ score: 100, tier: 'green', warning: false });
  });
});
