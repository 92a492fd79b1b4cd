import { describe, expect, it } from 'vitest';
import { defaultPolicy } from '../policy/default-policy.js';
import { AS_OF, facts, type FactsBuilder } from '../testing/facts-builder.js';
import { computeFeatures } from './compute-features.js';

const feat = (b: FactsBuilder) => computeFeatures(b.build(), defaultPolicy(), AS_OF).features;

describe('ratings', () => {
  it('takes the two most recent NPS ratings in time order, including within a day', () => {
    const b = facts().nps(100, 9).nps('2024-06-20T15:00:00+08:00', 4).nps('2024-06-20T09:00:00+08:00', 7);
    expect(feat(b)).toMatchObject({ lastNps: 4, prevNps: 7 });
  });

  it('sat5 is the last satisfaction, else the last NPS mapped to 1–5, else null', () => {
    expect(feat(facts().nps(10, 0).event('satisfaction', 20, { score: 4 })).sat5).toBe(4);
    const mapped = (score: number) => feat(facts().nps(10, score)).sat5;
    expect([10, 9, 8, 7, 6, 5, 4, 3, 2, 0].map(mapped)).toEqual([5, 5, 4, 4, 3, 3, 2, 2, 1, 1]);
    expect(feat(facts()).sat5).toBe(null);
  });
});
