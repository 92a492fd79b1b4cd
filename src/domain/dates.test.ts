import { describe, expect, it } from 'vitest';
import { addMonthsClamped, daysInMonth, formatDay, isIsoDateOrTimestamp, localDay, parseDay, toInstant } from './dates.js';

describe('calendar days', () => {
  it('round-trips dates', () => {
    expect(formatDay(parseDay('2024-02-29'))).toBe('2024-02-29');
    expect(parseDay('1970-01-02')).toBe(1);
  });

  it('counts the days of every month, leap years by the Gregorian rules', () => {
    expect([1900, 2000, 2023, 2024, 2100].map((y) => daysInMonth(y, 2))).toEqual([28, 29, 28, 29, 28]);
    expect(Array.from({ length: 12 }, (_, i) => daysInMonth(2023, i + 1))).toEqual([31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]);
    expect(isIsoDateOrTimestamp('2000-02-29')).toBe(true);
    expect(isIsoDateOrTimestamp('2100-02-29')).toBe(false);
    expect(isIsoDateOrTimestamp('2024-04-31')).toBe(false);
  });

  it('rejects impossible dates and malformed timestamps', () => {
    expect(isIsoDateOrTimestamp('2023-02-29')).toBe(false);
    expect(isIsoDateOrTimestamp('2024-13-01')).toBe(false);
    expect(isIsoDateOrTimestamp('2024-03-01T25:00:00+08:00')).toBe(false);
    expect(isIsoDateOrTimestamp('01/03/2024')).toBe(false);
    expect(isIsoDateOrTimestamp('2024-03-01T10:30:00+08:00')).toBe(true);
    expect(isIsoDateOrTimestamp('2024-03-01T10:30:00.123Z')).toBe(true);
  });

  it('reads a timestamp with an offset as the store-local calendar date', () => {
    // 20:00 UTC is 04:00 next morning in Shanghai
    expect(formatDay(localDay('2024-03-01T20:00:00Z', 'Asia/Shanghai'))).toBe('2024-03-02');
    expect(formatDay(localDay('2024-03-01T15:59:59Z', 'Asia/Shanghai'))).toBe('2024-03-01');
    expect(formatDay(localDay('2024-03-01T16:00:00Z', 'Asia/Shanghai'))).toBe('2024-03-02');
    expect(formatDay(localDay('2024-03-01T23:30:00+08:00', 'Asia/Shanghai'))).toBe('2024-03-01');
    expect(formatDay(localDay('2024-03-01T23:30:00', 'Asia/Shanghai'))).toBe('2024-03-01');
  });

  it('takes a bare date as the store-local midnight', () => {
    expect(new Date(toInstant('2024-03-01', 'Asia/Shanghai')).toISOString()).toBe('2024-02-29T16:00:00.000Z');
    expect(new Date(toInstant('2024-07-01', 'Europe/Berlin')).toISOString()).toBe('2024-06-30T22:00:00.000Z');
  });

  it('reads every timestamp form with an offset as Date.parse does', () => {
    const offsets = ['+08:00', '-03:30', '+05:45', '+00:00', '-00:00', '+14:00', '-12:00', 'Z', '+0800', '-0330'];
    for (let i = 0; i < 400; i++) {
      // Instants across four years, leap day and year ends included, each written every way.
      const iso = new Date(Date.UTC(2023, 0, 1) + i * 3_943_217_123).toISOString();
      for (const offset of offsets) {
        for (const s of [`${iso.slice(0, 19)}${offset}`, `${iso.slice(0, 16)}${offset}`, `${iso.slice(0, 23)}${offset}`, `${iso.slice(0, 23)}4567${offset}`]) {
          const normalised = /[+-]\d{4}$/.test(s) ? `${s.slice(0, -2)}:${s.slice(-2)}` : s;
          expect(toInstant(s, 'Europe/Berlin'), s).toBe(Date.parse(normalised));
        }
      }
    }
  });

  it('takes a timestamp that only looks like the common form the long way', () => {
    expect(toInstant('2024-03-01T23:30:00.5+08:00', 'UTC')).toBe(Date.parse('2024-03-01T15:30:00.500Z'));
    expect(() => localDay('2024-03-01 23:30:00+08:00', 'UTC')).toThrow(/not a date/); // 25 characters, a space for the T
    expect(() => toInstant('2024-03-01T23:30:00x08:00', 'UTC')).toThrow(/not a date/);
    expect(() => toInstant('2024-03-0xT23:30:00+08:00', 'UTC')).toThrow(/not a date/);
    for (const s of ['0099-03-01T00:00:00+00:00', '0099-03-01T00:00:00.000Z', '0099-03-01T00:00+0000']) expect(new Date(toInstant(s, 'UTC')).getUTCFullYear(), s).toBe(99);
    expect(formatDay(parseDay('0099-03-01'))).toBe('0099-03-01');
  });

  it('clamps month arithmetic to the end of the month', () => {
    expect(formatDay(addMonthsClamped(parseDay('2023-08-31'), 6))).toBe('2024-02-29');
    expect(formatDay(addMonthsClamped(parseDay('2022-08-31'), 6))).toBe('2023-02-28');
    expect(formatDay(addMonthsClamped(parseDay('2024-01-31'), 1))).toBe('2024-02-29');
    expect(formatDay(addMonthsClamped(parseDay('2024-11-15'), 14))).toBe('2026-01-15');
  });
});
