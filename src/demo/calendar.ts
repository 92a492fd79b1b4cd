import { formatDay, type Day } from '../domain/dates.js';
import type { Rand } from './rng.js';

/**
 * Every demo store is in mainland China, which keeps one zone (Asia/Shanghai) all year with
 * no daylight saving — so a fixed +08:00 offset is exact, and formatting needs no zone lookup
 * (which matters when writing a few million events for the benchmark).
 */
export const DEMO_TIME_ZONE = 'Asia/Shanghai';
const OFFSET = '+08:00';

/**
 * `YYYY-MM-DD` of a day, memoised: a run formats millions of timestamps over a few hundred
 * distinct days, and building a Date for each was a fifth of the generation time.
 */
const dayTexts = new Map<Day, string>();
export function dayText(day: Day): string {
  let s = dayTexts.get(day);
  if (s === undefined) {
    s = formatDay(day);
    dayTexts.set(day, s);
  }
  return s;
}

/** `2024-03-01T10:30:00+08:00` from a calendar day and a minute of that local day. */
export function stamp(day: Day, minuteOfDay: number): string {
  const m = Math.max(0, Math.min(24 * 60 - 1, Math.round(minuteOfDay)));
  const hh = String(Math.floor(m / 60)).padStart(2, '0');
  const mm = String(m % 60).padStart(2, '0');
  return `${dayText(day)}T${hh}:${mm}:00${OFFSET}`;
}

/** 0 = Sunday … 6 = Saturday (1970-01-01 was a Thursday). */
export function weekday(day: Day): number {
  return (((day + 4) % 7) + 7) % 7;
}

/**
 * Minutes-of-day windows for the different kinds of activity. Service desks open 08:30–18:00;
 * people chat and open the app mostly in the evening; the store calls in office hours.
 */
export const hours = {
  /** when cars are handed in */
  checkin: (r: Rand) => r.weighted([[r.int(8 * 60 + 30, 10 * 60 + 30), 5], [r.int(10 * 60 + 30, 14 * 60), 3], [r.int(14 * 60, 16 * 60 + 30), 2]]),
  /** quick visits (wash, free check) without a repair order */
  quick: (r: Rand) => r.int(9 * 60, 17 * 60 + 30),
  office: (r: Rand) => r.int(9 * 60 + 15, 18 * 60),
  /** customers writing or opening the app: spread over the day, heavier in the evening */
  personal: (r: Rand) => r.weighted([[r.int(7 * 60, 9 * 60), 2], [r.int(9 * 60, 18 * 60), 4], [r.int(18 * 60, 23 * 60), 5]]),
  /** automated messages go out in a morning batch, never in quiet hours */
  batch: (r: Rand) => r.int(9 * 60 + 30, 11 * 60),
} as const;

