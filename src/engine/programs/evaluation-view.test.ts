import { describe, expect, it } from 'vitest';
import { formatDay } from '../../domain/dates.js';
import { evaluateCustomer } from '../../domain/evaluate-customer.js';
import { defaultPolicy } from '../../domain/policy/default-policy.js';
import { AS_OF, facts } from '../../domain/testing/facts-builder.js';
import { evaluationView } from './evaluation-view.js';

describe('the evaluation as programs see it', () => {
  const record = evaluateCustomer(facts().visit(40).build(), defaultPolicy(), AS_OF);

  it('marks a top-value customer from the prediction, and nobody without one', () => {
    const day = formatDay(AS_OF);
    expect(evaluationView(record, day).topValue).toBe(false);
    expect(evaluationView({ ...record, prediction: { ...record.prediction, clv: 150_000, topValue: true } }, day).topValue).toBe(true);
    // A record stored before predictions existed.
    const { prediction: _, ...older } = record;
    expect(evaluationView(older as typeof record, day).topValue).toBe(false);
  });

  it('anchors the last visit R days before the evaluation date', () => {
    expect(evaluationView(record, formatDay(AS_OF)).lastVisitDay).toBe(formatDay(AS_OF - 40));
  });
});
