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

  it('clamps month arithmetic to the end of the month', () => {
    expect(formatDay(addMonthsClamped(parseDay('2023-08-31'), 6))).toBe('2024-02-29');
    expect(formatDay(addMonthsClamped(parseDay('2022-08-31'), 6))).toBe('2023-02-28');
    expect(formatDay(addMonthsClamped(parseDay('2024-01-31'), 1))).toBe('2024-02-29');
    expect(formatDay(addMonthsClamped(parseDay('2024-11-15'), 14))).toBe('2026-01-15');
  });
});
