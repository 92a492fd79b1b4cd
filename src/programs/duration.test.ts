import { describe, expect, it } from 'vitest';
import { parseDuration } from './duration.js';

describe('durations', () => {
  it('reads ISO 8601-like strings', () => {
    expect(parseDuration('PT72H')).toEqual({ days: 0, minutes: 4320 });
    expect(parseDuration('P3D')).toEqual({ days: 3, minutes: 0 });
    expect(parseDuration('PT30M')).toEqual({ days: 0, minutes: 30 });
    expect(parseDuration('P1DT2H30M')).toEqual({ days: 1, minutes: 150 });
    expect(parseDuration('P2W')).toEqual({ days: 14, minutes: 0 });
    expect(parseDuration('PT0M')).toEqual({ days: 0, minutes: 0 });
  });

  it('reads days / hours / minutes objects', () => {
    expect(parseDuration({ hours: 2, minutes: 30 })).toEqual({ days: 0, minutes: 150 });
    expect(parseDuration({ days: 21 })).toEqual({ days: 21, minutes: 0 });
  });

  it('refuses months, fractions, negatives, empty and unknown units', () => {
    for (const bad of ['P1M', 'P', 'P1DT', 'PT1.5H', '72h', '-PT1H', {}, { weeks: 1 }, { hours: -1 }, { hours: 1.5 }, 72, null, []])
      expect(parseDuration(bad), JSON.stringify(bad)).toBeNull();
  });
});
