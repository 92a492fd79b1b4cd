import { describe, expect, it } from 'vitest';
import { newcombeInterval, normalQuantile, wilsonInterval, zFor } from './proportions.js';

const z = zFor(0.95);
const round4 = (i: readonly [number, number]) => i.map((v) => Math.round(v * 1e4) / 1e4);

describe('proportion intervals', () => {
  it('normal quantiles match the tables', () => {
    expect(z).toBeCloseTo(1.959964, 6);
    expect(zFor(0.9)).toBeCloseTo(1.644854, 6);
    expect(zFor(0.99)).toBeCloseTo(2.575829, 6);
    expect(normalQuantile(0.5)).toBeCloseTo(0, 9);
    expect(normalQuantile(0.001)).toBeCloseTo(-3.090232, 6);
    expect(() => normalQuantile(0)).toThrow(RangeError);
  });

  it("Wilson's interval (Newcombe 1998, table I)", () => {
    expect(round4(wilsonInterval(81, 263, z))).toEqual([0.2553, 0.3662]);
    expect(round4(wilsonInterval(0, 20, z))).toEqual([0, 0.1611]);
    expect(round4(wilsonInterval(1, 29, z))).toEqual([0.0061, 0.1718]);
  });

  it("Newcombe's hybrid score interval for a difference (Newcombe 1998, table II, method 10)", () => {
    expect(round4(newcombeInterval(56, 70, 48, 80, z))).toEqual([0.0524, 0.3339]);
    expect(round4(newcombeInterval(9, 10, 3, 10, z))).toEqual([0.1705, 0.809]);
    expect(round4(newcombeInterval(6, 7, 2, 7, z))).toEqual([0.0582, 0.8062]);
    expect(round4(newcombeInterval(5, 56, 0, 29, z))).toEqual([-0.0381, 0.1926]);
  });
});
