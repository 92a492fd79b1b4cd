import { DateTime } from 'luxon';
import { DEFAULT_TIME_ZONE } from '../domain/dates.js';

/**
 * The boards' calendar: "this month" and "this week" (Monday first) begin at local midnight in
 * the organisation's time zone (Asia/Shanghai by default; a region spanning zones reads one clock).
 */
export function monthStart(now: Date, zone = DEFAULT_TIME_ZONE): Date {
  return DateTime.fromJSDate(now).setZone(zone).startOf('month').toJSDate();
}

export function weekStart(now: Date, zone = DEFAULT_TIME_ZONE): Date {
  return DateTime.fromJSDate(now).setZone(zone).startOf('week').toJSDate();
}

/** The first day of the month `months` before this one, as 'YYYY-MM-DD'. */
export function monthsBack(now: Date, months: number, zone = DEFAULT_TIME_ZONE): string {
  return DateTime.fromJSDate(now).setZone(zone).startOf('month').minus({ months }).toISODate()!;
}

export function localToday(now: Date, zone = DEFAULT_TIME_ZONE): string {
  return DateTime.fromJSDate(now).setZone(zone).toISODate()!;
}
