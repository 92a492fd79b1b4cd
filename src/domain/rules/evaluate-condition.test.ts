import { describe, expect, it } from 'vitest';
import type { SignalId } from '../signal-ids.js';
import { features } from '../testing/facts-builder.js';
import type { Condition } from './condition.js';
import { explainCondition, holdsCondition } from './evaluate-condition.js';
import type { RuleContext } from './fields.js';

const ctx = (over: Parameters<typeof features>[0] = {}, fired: SignalId[] = []): RuleContext => ({
  features: features(over),
  riskScore: 48,
  healthScore: 51.5,
  fired: new Set(fired),
});
const leaf = (field: string, op: '<' | '<=' | '>' | '>=' | '==' | '!=', value: number | boolean | string): Condition => ({ field, op, value });

describe('rule conditions', () => {
  it.each([
    ['<', 90, false], ['<=', 90, true], ['>', 90, false], ['>=', 90, true], ['==', 90, true], ['!=', 90, false],
    ['>', 89, true], ['<', 91, true],
  ] as const)('R 90 %s %i is %s', (op, value, expected) => {
    expect(holdsCondition(leaf('R', op, value), ctx({ R: 90 }))).toBe(expected);
  });

  it('is false for any comparison with a missing value, so its negation is true', () => {
    const c = ctx({ lastNps: null });
    expect(holdsCondition(leaf('lastNps', '<=', 6), c)).toBe(false);
    expect(holdsCondition(leaf('lastNps', '>', 6), c)).toBe(false);
    expect(holdsCondition({ not: leaf('lastNps', '<=', 6) }, c)).toBe(true);
  });

  it('reads scores, the signal count, each signal and dates', () => {
    const c = ctx({ maintenanceDue: '2024-05-01' }, ['nps_drop']);
    expect(holdsCondition(leaf('risk.score', '<', 50), c)).toBe(true);
    expect(holdsCondition(leaf('health.score', '>=', 51.5), c)).toBe(true);
    expect(holdsCondition(leaf('signals.count', '==', 1), c)).toBe(true);
    expect(holdsCondition(leaf('signal.nps_drop', '==', true), c)).toBe(true);
    expect(holdsCondition(leaf('signal.basic_only', '==', true), c)).toBe(false);
    expect(holdsCondition(leaf('maintenanceDue', '<', '2024-06-01'), c)).toBe(true);
  });

  it('combines with all, any and not', () => {
    const c = ctx({ R: 100, lastNps: 8 });
    expect(holdsCondition({ all: [leaf('R', '>', 90), leaf('lastNps', '<=', 8)] }, c)).toBe(true);
    expect(holdsCondition({ all: [leaf('R', '>', 90), leaf('lastNps', '<=', 7)] }, c)).toBe(false);
    expect(holdsCondition({ any: [leaf('R', '>', 120), leaf('lastNps', '<=', 8)] }, c)).toBe(true);
    expect(holdsCondition({ not: { any: [leaf('R', '>', 120), leaf('lastNps', '<', 8)] } }, c)).toBe(true);
  });

  it('explains with the actual numbers: all parts of an all, the parts of an any that hold', () => {
    const c = ctx({ R: 112, lastNps: 6, hasApp: true, appLogins30: 0 });
    expect(explainCondition(leaf('lastNps', '<=', 6), c)).toEqual({ detail: 'lastNps 6 ≤ 6', supporting: [{ field: 'lastNps', value: 6 }] });
    expect(explainCondition(leaf('R', '>', 90), c).detail).toBe('R 112 > 90');
    expect(explainCondition({ all: [leaf('hasApp', '==', true), leaf('appLogins30', '==', 0)] }, c).detail).toBe('hasApp true = true and appLogins30 0 = 0');
    const any = explainCondition({ any: [leaf('R', '>', 200), { all: [leaf('R', '>', 90), leaf('lastNps', '!=', 9)] }] }, c);
    expect(any.detail).toBe('(R 112 > 90 and lastNps 6 ≠ 9)');
    expect(any.supporting.map((s) => s.field)).toEqual(['R', 'lastNps']);
    expect(explainCondition({ not: leaf('R', '<', 50) }, c)).toEqual({ detail: 'not (R 112 < 50)', supporting: [] });
  });
});
