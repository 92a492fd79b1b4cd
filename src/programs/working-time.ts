import type { DateTime } from 'luxon';
import type { WorkingHours } from './program-schema.js';

/**
 * Store working hours, minimal but real: one window [start, end) per working weekday, in the
 * store's zone (the DateTime carries it). No holidays and no lunch break: a store that needs them
 * is a later setting, not a different model.
 */

function at(day: DateTime, hhmm: string): DateTime {
  return day.set({ hour: Number(hhmm.slice(0, 2)), minute: Number(hhmm.slice(3, 5)), second: 0, millisecond: 0 });
}

function nextDay(t: DateTime): DateTime {
  return t.startOf('day').plus({ days: 1 });
}

/** The instant itself when the store is open, otherwise the next opening (18:00 sharp is closed). */
export function snapToWorking(t: DateTime, wh: WorkingHours): DateTime {
  let cur = t;
  // Seven days always reach a working day (the schema requires at least one); eight covers "today, too late".
  for (let i = 0; i < 8; i++) {
    if (wh.days.includes(cur.weekday)) {
      const open = at(cur, wh.start);
      if (cur < open) return open;
      if (cur < at(cur, wh.end)) return cur;
    }
    cur = nextDay(cur);
  }
  throw new Error('working hours have no working day');
}

/**
 * `minutes` of working time after `t`: the clock runs only while the store is open, so a 2 h
 * deadline set at 17:00 ends at 10:00 the next working day. A deadline may end exactly at closing.
 */
export function addWorkingMinutes(t: DateTime, minutes: number, wh: WorkingHours): DateTime {
  let cur = snapToWorking(t, wh);
  let left = minutes;
  for (;;) {
    const close = at(cur, wh.end);
    const available = close.diff(cur, 'minutes').minutes;
    if (left <= available) return cur.plus({ minutes: left });
    left -= available;
    cur = snapToWorking(nextDay(cur), wh);
  }
}
