import { localDay, toInstant, type Day } from '../dates.js';
import { eventTypes, type EventOf, type EventType, type RetainEvent } from '../records.js';

/** An event with its store-local date and its position in the customer's history. */
export interface Dated<E extends RetainEvent = RetainEvent> {
  e: E;
  day: Day;
  /** Position in time order: same day by timestamp (a bare date is local midnight), then file order. */
  seq: number;
}

export interface Timeline {
  asOf: Day;
  all: readonly Dated[];
  of<T extends EventType>(type: T): readonly Dated<EventOf<T>>[];
}

/** One object per event from reading to the end: `seq` is set once sorted. */
interface Entry extends Dated {
  /** Parsed only when two events share a day (NaN until then). */
  instant: number;
}

const NONE: readonly Dated[] = Object.freeze([]);
const typeIndex = new Map<EventType, number>(eventTypes.map((t, i) => [t, i]));

/**
 * The customer's history up to `asOf` in time order: the first record of a repeated id wins
 * (re-sending an id is a no-op, whatever its date) and events after `asOf` are dropped.
 * Timestamps are parsed only to order events that share a day.
 */
export function historyInOrder(events: readonly RetainEvent[], timeZone: string, asOf: Day = Infinity): Dated[] {
  const seen = new Set<string>();
  const all: Entry[] = [];
  for (let i = 0; i < events.length; i++) {
    const e = events[i]!;
    if (seen.has(e.id)) continue;
    seen.add(e.id);
    const day = localDay(e.at, timeZone);
    if (day <= asOf) all.push({ e, day, seq: 0, instant: NaN });
  }
  const instant = (x: Entry): number => (Number.isNaN(x.instant) ? (x.instant = toInstant(x.e.at, timeZone)) : x.instant);
  // Events at the same instant go in id order, not arrival order: the database keeps no
  // arrival order, and files and database must give the same evaluation.
  all.sort((a, b) => a.day - b.day || instant(a) - instant(b) || (a.e.id < b.e.id ? -1 : a.e.id > b.e.id ? 1 : 0));
  for (let seq = 0; seq < all.length; seq++) all[seq]!.seq = seq;
  return all;
}

/** The customer's history as of `asOf` (historyInOrder), read once and grouped by type. */
export function buildTimeline(events: readonly RetainEvent[], timeZone: string, asOf: Day): Timeline {
  const all = historyInOrder(events, timeZone, asOf);
  const byType: (Dated[] | undefined)[] = [];
  for (const d of all) (byType[typeIndex.get(d.e.type)!] ??= []).push(d);
  return {
    asOf,
    all,
    of: <T extends EventType>(type: T) => (byType[typeIndex.get(type)!] ?? NONE) as readonly Dated<EventOf<T>>[],
  };
}

/** In the window (asOf − n, asOf]; every event of a timeline is already on or before asOf. */
export function within(day: Day, asOf: Day, n: number): boolean {
  return day > asOf - n;
}

export function countWithin(list: readonly Dated[], asOf: Day, n: number): number {
  let c = 0;
  for (const d of list) if (within(d.day, asOf, n)) c++;
  return c;
}
