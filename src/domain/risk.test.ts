import { describe, expect, it } from 'vitest';
import type { SignalHit } from './evaluation.js';
import { defaultPolicy } from './policy/default-policy.js';
import { riskScore } from './risk.js';
import { features } from './testing/facts-builder.js';

const p = defaultPolicy().risk;
const hit = (penalty: number): SignalHit => ({ id: 'x', severity: 3, penalty, detail: '' });

describe('risk score (§3)', () => {
  it.each([
    [0, 100], [30, 100], [31, 70], [60, 70], [61, 40], [90, 40], [91, 20], [120, 20], [121, 0], [400, 0],
  ])('Rscore at R = %i is %i', (R, expected) => {
    expect(riskScore(features({ R }), [], p).components.r).toBe(expected);
  });

  it.each([
    [10, 100], [9, 100], [8, 70], [7, 70], [6, 40], [5, 40], [4, 0], [0, 0], [null, 70],
  ])('NpsScore at lastNps = %s is %i', (lastNps, expected) => {
    expect(riskScore(features({ lastNps }), [], p).components.nps).toBe(expected);
  });

  it('subtracts the penalties of the signals that fire, never below 0', () => {
    expect(riskScore(features(), [hit(20), hit(30)], p).components.signals).toBe(50);
    expect(riskScore(features(), [hit(30), hit(30), hit(30), hit(15)], p).components.signals).toBe(0);
  });

  it('reproduces the worked example: R = 105, no signal, NPS 6 → 48.0 orange', () => {
    const r = riskScore(features({ R: 105, lastNps: 6 }), [], p);
    expect(r).toEqual({ score: 48, tier: 'orange', components: { r: 20, signals: 100, nps: 40 } });
  });

  // R 10 → 100 and no NPS → 70: score = 50 + 0.3·(100 − penalty) + 14.
  it.each([
    [0, 94, 'green'], [30, 85, 'green'], [35, 83.5, 'yellow'],
  ])('tiers with penalty %i → %f %s', (penalty, score, tier) => {
    const r = riskScore(features({ R: 10 }), penalty ? [hit(penalty)] : [], p);
    expect([r.score, r.tier]).toEqual([score, tier]);
  });

  it('reads tiers from the rounded score at each threshold', () => {
    const tierAt = (score: number) => {
      // Solve for the signal component that gives `score` with R 0 and NPS 0.
      const weights = { r: 0, signals: 1, nps: 0 };
      return riskScore(features({ R: 200, lastNps: 0 }), [hit(100 - score)], { ...p, weights }).tier;
    };
    expect(tierAt(85)).toBe('green');
    expect(tierAt(84.9)).toBe('yellow');
    expect(tierAt(60)).toBe('yellow');
    expect(tierAt(59.9)).toBe('orange');
    expect(tierAt(35)).toBe('orange');
    expect(tierAt(34.9)).toBe('red');
  });

  it('rounds to one decimal before reading the tier (84.95 → 85.0 green, 34.94 → 34.9 red)', () => {
    const at = (signals: number) => riskScore(features({ R: 200, lastNps: 0 }), [hit(100 - signals)], { ...p, weights: { r: 0, signals: 1, nps: 0 } });
    expect(at(84.95)).toMatchObject({ score: 85, tier: 'green' });
    expect(at(34.94)).toMatchObject({ score: 34.9, tier: 'red' });
  });
});
