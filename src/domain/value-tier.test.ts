import { describe, expect, it } from 'vitest';
import type { Lifecycle } from './evaluation.js';
import { defaultPolicy } from './policy/default-policy.js';
import { recallLevel } from './recall.js';
import { features } from './testing/facts-builder.js';
import { valueTier } from './value-tier.js';

const p = defaultPolicy();

describe('value tier and recall (§10)', () => {
  it.each([[0, 'basic'], [3999.99, 'basic'], [4000, 'mid'], [8000, 'mid'], [8000.01, 'high']])('annual spend %f is %s', (spend, tier) => {
    expect(valueTier(spend, p.valueTier)).toBe(tier);
  });

  const recall = (R: number, historicalAnnualSpend: number, lc: Lifecycle = 'lost') =>
    recallLevel(lc, features({ R, historicalAnnualSpend }), p).level;

  it.each([
    [210, 9000, 1], [211, 9000, 2], [300, 9000, 2], [301, 9000, 2],
    [210, 5000, 2], [301, 5000, 2],
    [210, 1000, 3], [211, 1000, 3], [300, 1000, 3], [301, 1000, null],
  ])('R %i with last-year spend %i → level %s', (R, spend, level) => {
    expect(recall(R, spend)).toBe(level);
  });

  it('recalls only lost and dormant customers', () => {
    expect(recall(200, 9000, 'dormant')).toBe(1);
    for (const lc of ['active', 'observation', 'abandoned', 'sold_or_moved'] as const) expect(recall(200, 9000, lc)).toBe(null);
  });
});
