import { DateTime } from 'luxon';
import { storeZone } from '../domain/store-zone.js';
import type { Duration } from './duration.js';
import type { IfTimePassed, WorkingHours } from './program-schema.js';
import { addWorkingMinutes, snapToWorking } from './working-time.js';

export type Timing = 'wall_clock' | 'working_time';

/** What the planner knows of the store: its zone, and its working hours for working-time programs. */
export interface StoreClock {
  timeZone: string;
  workingHours: WorkingHours;
}

/** An ISO instant (with an offset, or store-local wall time without one) seen in the store's zone. */
export function instantIn(iso: string, timeZone: string): DateTime {
  const t = DateTime.fromISO(iso, { zone: storeZone(timeZone) });
  if (!t.isValid) throw new Error(`not an ISO timestamp: ${iso} (${t.invalidExplanation ?? t.invalidReason})`);
  return t;
}

/** The stored form: ISO 8601 with the store's offset, to the second (`2024-06-03T10:05:00+08:00`). */
export function formatInstant(t: DateTime): string {
  return t.set({ millisecond: 0 }).toISO({ suppressMilliseconds: true })!;
}

/** Wall-clock addition: days move the calendar (same local time across DST), minutes are elapsed time. */
export function addWall(t: DateTime, d: Duration): DateTime {
  return t.plus({ days: d.days }).plus({ minutes: d.minutes });
}

/**
 * This local time on `t`'s day. When it has already passed: that time on the next day
 * (`next_day`, the default), or `t` itself (`at_once`: the same day, as late as it is).
 */
export function atLocalTime(t: DateTime, hhmm: string, ifPassed: IfTimePassed = 'next_day'): DateTime {
  const set = (day: DateTime) => day.set({ hour: Number(hhmm.slice(0, 2)), minute: Number(hhmm.slice(3, 5)), second: 0, millisecond: 0 });
  const same = set(t);
  if (same >= t) return same;
  return ifPassed === 'at_once' ? t : set(t.startOf('day').plus({ days: 1 }));
}

/** The moment `offset` after `base`, moved to the step's local time of day when it has one. */
export function landing(base: DateTime, offset: Duration, at: { atLocalTime?: string | null; ifTimePassed?: IfTimePassed | null }): DateTime {
  const t = addWall(base, offset);
  return at.atLocalTime ? atLocalTime(t, at.atLocalTime, at.ifTimePassed ?? 'next_day') : t;
}

/**
 * When a step starts: offsets are calendar arithmetic; in working time a start outside the
 * store's hours waits for the next opening (a 18:01 landing moves to 09:00 the next day).
 */
export function startAt(t: DateTime, timing: Timing, clock: StoreClock): DateTime {
  return timing === 'working_time' ? snapToWorking(t, clock.workingHours) : t;
}

/** A deadline from a step's start: wall-clock, or counted in working minutes (days stay calendar days). */
export function deadlineFrom(start: DateTime, d: Duration, timing: Timing, clock: StoreClock): DateTime {
  if (timing === 'wall_clock') return addWall(start, d);
  return addWorkingMinutes(start.plus({ days: d.days }), d.minutes, clock.workingHours);
}
