import { describe, expect, it } from 'vitest';
import { checkCondition } from './check-condition.js';

const paths = (c: unknown) => checkCondition(c).map((i) => i.path.join('.'));

describe('checking a condition written by a person', () => {
  it('accepts comparisons over features, scores, signals and dates, and the combinators', () => {
    expect(checkCondition({ field: 'R', op: '>', value: 60 })).toEqual([]);
    expect(checkCondition({ all: [{ field: 'hasApp', op: '==', value: true }, { not: { field: 'signal.nps_drop', op: '!=', value: false } }] })).toEqual([]);
    expect(checkCondition({ any: [{ field: 'risk.score', op: '<', value: 35 }, { field: 'returnedAt', op: '>=', value: '2024-01-01' }] })).toEqual([]);
  });

  it('names an unknown field, op or signal', () => {
    expect(checkCondition({ field: 'Recency', op: '>', value: 60 })[0]).toMatchObject({ path: ['field'], message: expect.stringContaining('unknown field "Recency"') });
    expect(paths({ field: 'signal.unknown', op: '==', value: true })).toEqual(['field']);
    expect(checkCondition({ field: 'R', op: '=>', value: 60 })[0]).toMatchObject({ path: ['op'], message: expect.stringContaining('unknown op') });
  });

  it('refuses a value or op that does not fit the field', () => {
    expect(checkCondition({ field: 'R', op: '>', value: '60' })[0]).toMatchObject({ path: ['value'], message: expect.stringContaining('must be a number') });
    expect(paths({ field: 'hasApp', op: '==', value: 1 })).toEqual(['value']);
    expect(paths({ field: 'hasApp', op: '<', value: true })).toEqual(['op']);
    expect(paths({ field: 'maintenanceDue', op: '<', value: '2024-02-30' })).toEqual(['value']);
  });

  it('points into nested conditions and at missing or stray keys', () => {
    expect(paths({ all: [{ field: 'R', op: '>', value: 1 }, { any: [{ field: 'x', op: '>', value: 1 }] }] })).toEqual(['all.1.any.0.field']);
    expect(paths({ field: 'R', op: '>' })).toEqual(['value']);
    expect(paths({ field: 'R', op: '>', value: 1, level: 'red' })).toEqual(['level']);
    expect(paths({ all: [] })).toEqual(['all']);
    expect(paths({ all: [], any: [] })).toEqual(['any']);
    expect(paths('R > 60')).toEqual(['']);
  });
});
