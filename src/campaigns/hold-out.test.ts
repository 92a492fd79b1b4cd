import { describe, expect, it } from 'vitest';
import { holdOutDraw, isHeldOut } from './hold-out.js';

const ids = Array.from({ length: 20_000 }, (_, i) => `c-${i}`);

describe('hold-out assignment', () => {
  it('is stable per seed, campaign and customer', () => {
    expect(holdOutDraw('s', 'camp-1', 'c-1')).toBe(holdOutDraw('s', 'camp-1', 'c-1'));
    expect(holdOutDraw('s', 'camp-1', 'c-1')).not.toBe(holdOutDraw('s', 'camp-2', 'c-1'));
    expect(holdOutDraw('s', 'camp-1', 'c-1')).not.toBe(holdOutDraw('t', 'camp-1', 'c-1'));
    // Separators keep the parts apart.
    expect(holdOutDraw('s', 'ab', 'c')).not.toBe(holdOutDraw('s', 'a', 'bc'));
  });

  it('holds out about the configured share, reproducibly', () => {
    const held = ids.filter((id) => isHeldOut(0.1, 'seed', 'camp', id)).length / ids.length;
    expect(held).toBeGreaterThan(0.09);
    expect(held).toBeLessThan(0.11);
    const again = ids.filter((id) => isHeldOut(0.1, 'seed', 'camp', id)).length / ids.length;
    expect(again).toBe(held);
  });

  it('a larger share keeps everyone a smaller share held out (nested groups)', () => {
    const small = ids.filter((id) => isHeldOut(0.1, 'seed', 'camp', id));
    expect(small.every((id) => isHeldOut(0.2, 'seed', 'camp', id))).toBe(true);
  });

  it('holds out nobody at 0 and everybody at 1; refuses shares outside 0..1', () => {
    expect(ids.some((id) => isHeldOut(0, 'seed', 'camp', id))).toBe(false);
    expect(ids.every((id) => isHeldOut(1, 'seed', 'camp', id))).toBe(true);
    expect(() => isHeldOut(1.01, 'seed', 'camp', 'c')).toThrow(RangeError);
    expect(() => isHeldOut(-0.1, 'seed', 'camp', 'c')).toThrow(RangeError);
    expect(() => isHeldOut(Number.NaN, 'seed', 'camp', 'c')).toThrow(RangeError);
  });

  it('draws lie in [0, 1)', () => {
    for (const id of ids.slice(0, 2000)) {
      const d = holdOutDraw('x', 'y', id);
      expect(d).toBeGreaterThanOrEqual(0);
      expect(d).toBeLessThan(1);
    }
  });
});
