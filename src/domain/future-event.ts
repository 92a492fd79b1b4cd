import type { FieldError } from './validate-record.js';

// Source systems' clocks and time zones differ by hours; an event days ahead of the import is
// a wrong date (a typed year, a planned date in the "done" column), not news from tomorrow.
const TOLERANCE_MS = 24 * 3_600_000;

/** Why an event's `at` cannot be taken at `now`, or undefined. A bare date counts as its UTC midnight. */
export function futureEventError(at: string, now: Date): FieldError | undefined {
  const t = Date.parse(at);
  if (!(t > now.getTime() + TOLERANCE_MS)) return undefined;
  return { field: 'at', reason: `is in the future (more than a day after ${now.toISOString()}): check the source's date, clock or time zone` };
}
