import { DateTime } from 'luxon';
import { storeZone } from '../../domain/store-zone.js';
import { formatInstant } from '../../programs/step-clock.js';

/** An instant as the contract prints it: ISO 8601 to the second with the store's offset. */
export function isoInZone(at: Date, timeZone: string): string {
  return formatInstant(DateTime.fromJSDate(at, { zone: storeZone(timeZone) }));
}

/** An ISO instant of the planner (with an offset, or store-local wall time) as a Date. */
export function dateOf(iso: string, timeZone: string): Date {
  const t = DateTime.fromISO(iso, { zone: storeZone(timeZone) });
  if (!t.isValid) throw new Error(`not an ISO timestamp: ${iso}`);
  return t.toJSDate();
}

/** The store-local calendar date of an instant (`YYYY-MM-DD`). */
export function localDate(at: Date, timeZone: string): string {
  return DateTime.fromJSDate(at, { zone: storeZone(timeZone) }).toISODate()!;
}
