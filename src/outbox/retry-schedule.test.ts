import { describe, expect, it } from 'vitest';
import { defaultContactPolicy } from './default-contact-policy.js';
import { nextRetry } from './retry-schedule.js';

const retry = defaultContactPolicy().retry; // 60 s × 2ⁿ, capped at 3600 s, 6 attempts
const T = Date.parse('2024-06-03T02:00:00Z');
const delayAfter = (attempt: number) => {
  const r = nextRetry(attempt, T, retry);
  return r.action === 'retry' ? (r.at - T) / 1000 : r.action;
};

describe('retry back-off', () => {
  it('doubles from 60 s after each attempt and gives up after the last', () => {
    expect([1, 2, 3, 4, 5, 6, 7].map(delayAfter)).toEqual([60, 120, 240, 480, 960, 'failed', 'failed']);
  });

  it('is capped at maxDelaySeconds', () => {
    const long = { ...retry, maxAttempts: 20 };
    expect(nextRetry(7, T, long)).toEqual({ action: 'retry', at: T + 3600_000 });
    expect(nextRetry(19, T, long)).toEqual({ action: 'retry', at: T + 3600_000 });
    expect(nextRetry(20, T, long)).toEqual(expect.objectContaining({ action: 'failed' }));
  });

  it('one attempt only means no retry at all', () => {
    expect(nextRetry(1, T, { ...retry, maxAttempts: 1 }).action).toBe('failed');
  });

  it('refuses attempt numbers below 1', () => {
    expect(() => nextRetry(0, T, retry)).toThrow(/attempt/);
    expect(() => nextRetry(1.5, T, retry)).toThrow(/attempt/);
  });
});
