import { describe, expect, it } from 'vitest';
import type { SignalHit } from './evaluation.js';
import { defaultPolicy } from './policy/default-policy.js';
import { frequencyAnomaly, monetaryAnomaly, rBand } from './rfm.js';
import { features } from './testing/facts-builder.js';

const p = defaultPolicy();

describe('R bands and anomalies (§4)', () => {
  it.each([
    [0, 'green'], [30, 'green'], [31, 'yellow'], [60, 'yellow'], [61, 'orange'], [90, 'orange'],
    [91, 'red'], [120, 'red'], [121, 'black'],
  ])('R = %i is %s', (R, band) => {
    expect(rBand(R, p.rBands)).toBe(band);
  });

  it('flags a frequency drop to half or less of at least two visits', () => {
    const f = (visits365: number, visitsPrev365: number) => frequencyAnomaly(features({ visits365, visitsPrev365 }), p.anomalies.frequency);
    expect(f(1, 2)).toBe(true);
    expect(f(2, 4)).toBe(true);
    expect(f(3, 4)).toBe(false);
    expect(f(0, 1)).toBe(false);
  });

  it('flags a falling ticket, signal 6, or unpaid visits only', () => {
    const m = (over: Parameters<typeof features>[0], signals: SignalHit[] = []) =>
      monetaryAnomaly(features(over), signals, p.anomalies.monetary);
    expect(m({ ticketTrend: 0.7 })).toBe(true);
    expect(m({ ticketTrend: 0.7001 })).toBe(false);
    expect(m({}, [{ id: 'value_add_refused', severity: 2, penalty: 5, detail: '' }])).toBe(true);
    expect(m({ visits365: 2, spend365: 0 })).toBe(true);
    expect(m({ visits365: 0, spend365: 0 })).toBe(false);
  });
});
