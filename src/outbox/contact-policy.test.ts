import { describe, expect, it } from 'vitest';
import { parseContactPolicy } from './contact-policy.js';
import { defaultContactPolicy } from './default-contact-policy.js';

const doc = (): Record<string, any> => structuredClone(defaultContactPolicy()) as Record<string, any>;
function errorsOf(input: unknown) {
  const r = parseContactPolicy(input);
  if (r.ok) throw new Error('expected the contact policy to be refused');
  return r.errors;
}

describe('the contact policy', () => {
  it('ships the §10 defaults, versioned and frozen', () => {
    const p = defaultContactPolicy();
    expect(p.version).toMatch(/\S/);
    expect(p.quietHours).toEqual({ start: '21:00', end: '09:00' });
    expect(p.frequencyCap).toMatchObject({ maxTouches: 2, windowDays: 7, noTouchOnHumanCallDay: true });
    expect(p.lifecycle.noOutreach).toEqual(['abandoned', 'sold_or_moved']);
    expect(p.optOut.words).toEqual(['退订', 'TD', 'STOP']);
    expect(p.retry.maxAttempts).toBeGreaterThan(1);
    expect(Object.isFrozen(p.retry)).toBe(true);
  });

  it('survives a JSON round trip', () => {
    const r = parseContactPolicy(JSON.parse(JSON.stringify(defaultContactPolicy())));
    expect(r.ok && r.policy).toEqual(defaultContactPolicy());
  });

  it('refuses bad fields with their path', () => {
    const d = doc();
    d.quietHours.start = '24:00';
    d.frequencyCap.maxTouches = 0;
    d.lifecycle.noOutreach = ['gone'];
    d.retry.maxDelaySeconds = 10;
    d.extra = true;
    delete d.optOut;
    const paths = errorsOf(d).map((e) => e.path);
    expect(paths).toEqual(expect.arrayContaining(['quietHours.start', 'frequencyCap.maxTouches', 'lifecycle.noOutreach.0', 'optOut', 'extra']));
    expect(errorsOf(d).find((e) => e.path === 'optOut')!.message).toBe('is required');
  });

  it('checks the retry cap against the first delay', () => {
    const d = doc();
    d.retry.maxDelaySeconds = 30;
    expect(errorsOf(d)).toEqual([{ path: 'retry.maxDelaySeconds', message: 'must not be below initialDelaySeconds' }]);
  });
});
