import { describe, expect, it } from 'vitest';
import { describeUplift } from './describe-uplift.js';
import { compareGroups } from './uplift.js';

describe('treated vs held-out', () => {
  it('computes rates, the difference, its interval and the incremental recoveries', () => {
    const u = compareGroups({ n: 70, recovered: 56 }, { n: 80, recovered: 48 });
    expect(u.treated.rate).toBeCloseTo(0.8, 10);
    expect(u.heldOut.rate).toBeCloseTo(0.6, 10);
    expect(u.difference).toBeCloseTo(0.2, 10);
    expect(u.interval![0]).toBeCloseTo(0.0524, 4);
    expect(u.interval![1]).toBeCloseTo(0.3339, 4);
    expect(u.incrementalRecoveries).toBeCloseTo(14, 10);
    expect(u.incrementalInterval![0]).toBeCloseTo(0.0524 * 70, 2);
    expect(u.significant).toBe(true);
    expect(u.verdict).toBe('better');
    expect(describeUplift(u, 'en')).toMatch(/^Significant at 95 %/);
    expect(describeUplift(u, 'zh-CN')).toMatch(/^差异显著（95%）/);
  });

  it('says plainly when the difference is not significant', () => {
    const u = compareGroups({ n: 141, recovered: 34 }, { n: 16, recovered: 2 });
    expect(u.interval![0]).toBeLessThan(0);
    expect(u.interval![1]).toBeGreaterThan(0);
    expect(u.significant).toBe(false);
    expect(u.verdict).toBe('not_significant');
    const en = describeUplift(u, 'en');
    expect(en).toMatch(/^Not significant: the interval includes 0/);
    expect(en).toContain('24.1% (34 of 141)');
    expect(en).toContain('12.5% (2 of 16)');
    expect(en).toContain('+11.6 points');
    expect(describeUplift(u, 'zh-CN')).toMatch(/^差异不显著：置信区间包含 0/);
  });

  it('a significantly worse treatment is named as such', () => {
    const u = compareGroups({ n: 100, recovered: 5 }, { n: 100, recovered: 30 });
    expect(u.verdict).toBe('worse');
    expect(describeUplift(u, 'en')).toContain('came back less often');
  });

  it('cannot measure without a hold-out group', () => {
    const u = compareGroups({ n: 50, recovered: 10 }, { n: 0, recovered: 0 });
    expect(u).toMatchObject({ difference: null, interval: null, significant: false, verdict: 'no_hold_out' });
    expect(describeUplift(u, 'en')).toBe('No held-out customers: the uplift cannot be measured.');
    expect(compareGroups({ n: 0, recovered: 0 }, { n: 5, recovered: 1 }).verdict).toBe('no_treated');
  });
});
