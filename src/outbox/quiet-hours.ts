import { DateTime } from 'luxon';
import { storeZone } from '../domain/store-zone.js';
import { minutesOfClock, type ContactPolicy } from './contact-policy.js';
import type { Instant } from './outbox-types.js';

/** Minutes after local midnight of the wall clock in `zone` at `at`. */
function localMinutes(at: Instant, zone: string): number {
  const t = DateTime.fromMillis(at, { zone: storeZone(zone) });
  return t.hour * 60 + t.minute;
}

/** True when `minute` of a local day lies in [start, end), the window possibly wrapping midnight. */
function inWindow(minute: number, start: number, end: number): boolean {
  if (start === end) return false;
  return start < end ? minute >= start && minute < end : minute >= start || minute < end;
}

/**
 * When the quiet hours around `at` end: the next store-local `end` wall-clock time (09:00 today
 * if it is before 09:00, else 09:00 tomorrow), or null if `at` is outside quiet hours.
 * Wall-clock in the store's zone, so a DST shift inside the night shortens or lengthens the wait
 * rather than moving the morning to 08:00 or 10:00.
 */
export function quietHoursEnd(at: Instant, zone: string, quiet: ContactPolicy['quietHours']): Instant | null {
  const start = minutesOfClock(quiet.start);
  const end = minutesOfClock(quiet.end);
  if (!inWindow(localMinutes(at, zone), start, end)) return null;
  const local = DateTime.fromMillis(at, { zone: storeZone(zone) });
  const endToday = local.set({ hour: Math.floor(end / 60), minute: end % 60, second: 0, millisecond: 0 });
  const until = endToday.toMillis() > at ? endToday : endToday.plus({ days: 1 });
  return until.toMillis();
}
