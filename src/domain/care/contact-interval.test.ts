import { describe, expect, it } from 'vitest';
import { parseDay } from '../dates.js';
import { contactInterval } from './contact-interval.js';

const base = parseDay('2024-05-01');

describe('the contact interval of a tier (programs.md §13)', () => {
  it('is within until the due day, due from it, overdue overdueAfterDays later', () => {
    const at = (n: number) => contactInterval(base, 30, 7, base + n);
    expect(at(29)).toEqual({ due: base + 30, status: 'within', occurrence: null });
    expect(at(30)).toEqual({ due: base + 30, status: 'due', occurrence: base + 30 });
    expect(at(36).status).toBe('due');
    expect(at(37).status).toBe('overdue');
  });

  it('opens a new occurrence for each further interval without a touch, the same one in between', () => {
    expect(contactInterval(base, 30, 7, base + 59).occurrence).toBe(base + 30);
    expect(contactInterval(base, 30, 7, base + 60).occurrence).toBe(base + 60);
    expect(contactInterval(base, 30, 7, base + 95).occurrence).toBe(base + 90);
  });

  it('with no interval for the tier, there is nothing to keep', () => {
    expect(contactInterval(base, null, 7, base + 400)).toEqual({ due: null, status: null, occurrence: null });
  });

  it('with no grace, the due day itself is overdue', () => {
    expect(contactInterval(base, 90, 0, base + 90).status).toBe('overdue');
    expect(contactInterval(base, 90, 0, base + 89).status).toBe('within');
  });
});
