import { describe, expect, it } from 'vitest';
import { defaultPolicy } from './policy/default-policy.js';
import { responseLevel } from './response-level.js';
import { features } from './testing/facts-builder.js';

const p = defaultPolicy().responseLevels;
const level = (R: number, signals = 0, lastNps: number | null = null) => responseLevel(features({ R, lastNps }), signals, p).level;

describe('response level (§5)', () => {
  it.each([
    [30, null], [31, 'yellow'], [60, 'yellow'], [61, 'orange'], [90, 'orange'], [91, 'red'], [121, 'red'],
  ])('R = %i → %s', (R, expected) => {
    expect(level(R)).toBe(expected);
  });

  it.each([[0, null], [1, 'yellow'], [2, 'orange'], [3, 'red'], [4, 'red']])('%i signals → %s', (n, expected) => {
    expect(level(5, n)).toBe(expected);
  });

  it('goes to level 3 on a last NPS of 6 or less', () => {
    expect(level(5, 0, 6)).toBe('red');
    expect(level(5, 0, 7)).toBe(null);
  });

  it('takes the highest level any trigger reaches, and says which triggers', () => {
    expect(responseLevel(features({ R: 45, lastNps: 9 }), 2, p)).toEqual({
      level: 'orange',
      triggers: [{ kind: 'signals', value: 2, min: 2 }],
    });
    expect(responseLevel(features({ R: 105, lastNps: 6 }), 0, p).triggers).toEqual([
      { kind: 'R', value: 105, min: 91 },
      { kind: 'lastNps', value: 6, max: 6 },
    ]);
  });
});
