import { DateTime } from 'luxon';
import { storeZone } from '../domain/store-zone.js';
import { localDayOfInstant } from '../domain/dates.js';
import type { ContactPolicy } from './contact-policy.js';
import type { Instant } from './outbox-types.js';

export interface CapHold {
  until: Instant;
  detail: string;
}

/** The instant a touch stops counting: the same store-local wall-clock time `days` later. */
function leavesWindow(touch: Instant, zone: string, days: number): Instant {
  return DateTime.fromMillis(touch, { zone: storeZone(zone) }).plus({ days }).toMillis();
}

/**
 * The frequency cap at `at` (programs.md §10): null when a touch may go out, else until when it
 * must wait. Two rules, the human one first because it frees later in the day than it started:
 * - a person called the customer on this store-local day → wait for the next local midnight;
 * - `maxTouches` automated touches in the rolling window → wait until enough of them have left
 *   it that one slot is free (the oldest one, when exactly at the cap).
 * Touches after `at` are ignored: they have not happened yet at `at`.
 */
export function frequencyCapHold(
  at: Instant,
  zone: string,
  touches: readonly Instant[],
  humanCalls: readonly Instant[],
  cap: ContactPolicy['frequencyCap'],
): CapHold | null {
  if (cap.noTouchOnHumanCallDay) {
    const today = localDayOfInstant(at, zone);
    if (humanCalls.some((c) => c <= at && localDayOfInstant(c, zone) === today)) {
      const nextDay = DateTime.fromMillis(at, { zone: storeZone(zone) }).startOf('day').plus({ days: 1 }).toMillis();
      return { until: nextDay, detail: 'a person called the customer today' };
    }
  }
  const expiries = touches
    .filter((t) => t <= at)
    .map((t) => leavesWindow(t, zone, cap.windowDays))
    .filter((e) => e > at)
    .sort((a, b) => a - b);
  if (expiries.length < cap.maxTouches) return null;
  // With k touches in the window, one slot is free once k - max + 1 of them have left it.
  const until = expiries[expiries.length - cap.maxTouches]!;
  return { until, detail: `${expiries.length} automated touches in ${cap.windowDays} days (cap ${cap.maxTouches})` };
}
