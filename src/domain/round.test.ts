import { describe, expect, it } from 'vitest';
import { round } from './round.js';

describe('round', () => {
  it('rounds half away from zero despite binary noise', () => {
    expect(round(0.5 * 20 + 0.3 * 100 + 0.2 * 40, 1)).toBe(48);
    expect(round(34.949999999999996, 1)).toBe(35);
    expect(round(1.005, 2)).toBe(1.01);
    expect(round(0.1 + 0.2, 2)).toBe(0.3);
    expect(round(16 / 3, 4)).toBe(5.3333);
    expect(round(2 / 3, 4)).toBe(0.6667);
    expect(round(-2.5, 0)).toBe(-3);
  });

  it('keeps values just below a half', () => {
    expect(round(34.94, 1)).toBe(34.9);
    expect(round(84.9499, 1)).toBe(84.9);
  });
});
