import { dayFromYmd, daysInMonth, ymdOf, type Day } from '../dates.js';

/**
 * The same month and day in `year`; 29 February falls on the 28th in a common year, so a leap-day
 * birthday or delivery is still celebrated every year.
 */
export function sameDayIn(year: number, m: number, d: number): Day {
  return dayFromYmd(year, m, Math.min(d, daysInMonth(year, m)));
}

/** The yearly recurrence of `day` in `year`. */
export function recurrenceIn(day: Day, year: number): Day {
  const { m, d } = ymdOf(day);
  return sameDayIn(year, m, d);
}
