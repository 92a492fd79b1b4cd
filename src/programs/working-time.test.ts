import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { formatInstant } from './step-clock.js';
import { addWorkingMinutes, snapToWorking } from './working-time.js';

const everyDay = { start: '09:00', end: '18:00', days: [1, 2, 3, 4, 5, 6, 7] };
const weekdays = { start: '09:00', end: '18:00', days: [1, 2, 3, 4, 5] };
const t = (iso: string, zone: string) => DateTime.fromISO(iso, { zone });
const snap = (iso: string, zone: string, wh = everyDay) => formatInstant(snapToWorking(t(iso, zone), wh));

describe('snapping a start into working hours', () => {
  it('17:59 stays, 18:00 and 18:01 wait for 09:00 the next day (Asia/Shanghai)', () => {
    expect(snap('2024-06-03T17:59:00', 'Asia/Shanghai')).toBe('2024-06-03T17:59:00+08:00');
    expect(snap('2024-06-03T18:00:00', 'Asia/Shanghai')).toBe('2024-06-04T09:00:00+08:00');
    expect(snap('2024-06-03T18:01:00', 'Asia/Shanghai')).toBe('2024-06-04T09:00:00+08:00');
  });

  it('before opening waits for the same day; 09:00 sharp is open', () => {
    expect(snap('2024-06-03T08:59:00', 'Asia/Shanghai')).toBe('2024-06-03T09:00:00+08:00');
    expect(snap('2024-06-03T09:00:00', 'Asia/Shanghai')).toBe('2024-06-03T09:00:00+08:00');
  });

  it('in a DST zone the next opening is 09:00 local on the other side of the shift (Europe/Berlin)', () => {
    // 30 → 31 March 2024: clocks go from +01:00 to +02:00.
    expect(snap('2024-03-30T18:01:00', 'Europe/Berlin')).toBe('2024-03-31T09:00:00+02:00');
    expect(snap('2024-03-30T17:59:00', 'Europe/Berlin')).toBe('2024-03-30T17:59:00+01:00');
    // 26 → 27 October 2024: back to +01:00.
    expect(snap('2024-10-26T18:01:00', 'Europe/Berlin')).toBe('2024-10-27T09:00:00+01:00');
  });

  it('skips closed weekdays', () => {
    // Friday 7 June 2024 after hours → Monday 10 June.
    expect(snap('2024-06-07T18:30:00', 'Asia/Shanghai', weekdays)).toBe('2024-06-10T09:00:00+08:00');
    expect(snap('2024-06-08T12:00:00', 'Asia/Shanghai', weekdays)).toBe('2024-06-10T09:00:00+08:00');
  });
});

describe('counting working minutes', () => {
  const add = (iso: string, minutes: number, zone = 'Asia/Shanghai', wh = everyDay) =>
    formatInstant(addWorkingMinutes(t(iso, zone), minutes, wh));

  it('a 2 h deadline at 16:00 ends at closing; at 17:00 it ends 10:00 the next day', () => {
    expect(add('2024-06-03T16:00:00', 120)).toBe('2024-06-03T18:00:00+08:00');
    expect(add('2024-06-03T17:00:00', 120)).toBe('2024-06-04T10:00:00+08:00');
  });

  it('started outside hours, it counts from the next opening', () => {
    expect(add('2024-06-03T20:00:00', 30)).toBe('2024-06-04T09:30:00+08:00');
  });

  it('runs across several days and a weekend', () => {
    // Friday 17:00: one hour on Friday, nine on Monday — it ends at Monday's closing, one more minute runs into Tuesday.
    expect(add('2024-06-07T17:00:00', 10 * 60, 'Asia/Shanghai', weekdays)).toBe('2024-06-10T18:00:00+08:00');
    expect(add('2024-06-07T17:00:00', 10 * 60 + 1, 'Asia/Shanghai', weekdays)).toBe('2024-06-11T09:01:00+08:00');
  });

  it('across the Berlin spring shift a working hour is still 60 real minutes', () => {
    expect(add('2024-03-30T17:30:00', 60, 'Europe/Berlin')).toBe('2024-03-31T09:30:00+02:00');
  });
});
