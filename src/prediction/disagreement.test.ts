import { describe, expect, it } from 'vitest';
import { disagreementOf } from './disagreement.js';

const t = { low: 0.2, high: 0.6 };

describe('rules and model disagreeing', () => {
  it('flags red below low and green above high, at the boundaries not', () => {
    expect(disagreementOf('red', 0.19, t)).toBe('rules_higher');
    expect(disagreementOf('red', 0.2, t)).toBeNull();
    expect(disagreementOf('green', 0.61, t)).toBe('model_higher');
    expect(disagreementOf('green', 0.6, t)).toBeNull();
  });
  it('leaves yellow and orange alone, and a customer without a probability', () => {
    expect(disagreementOf('orange', 0.01, t)).toBeNull();
    expect(disagreementOf('yellow', 0.99, t)).toBeNull();
    expect(disagreementOf('red', null, t)).toBeNull();
  });
});
