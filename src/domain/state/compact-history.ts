import type { Day } from '../dates.js';
import type { CustomerFacts } from '../evaluation.js';
import { historyInOrder } from '../features/timeline.js';
import type { Policy } from '../policy/policy-schema.js';
import type { EventOf, EventType, RetainEvent } from '../records.js';

/**
 * The rules of compaction below, as a number: state compacted by other rules is rebuilt from
 * the event log (raise it whenever `THINNED` or the reminder rule changes).
 */
export const STATE_FORMAT = 1;

/**
 * How far back a customer's state keeps every event: the longest window any §1 feature counts
 * events over (365 days: store events, referrals, complaints), or the policy's own windows if
 * they are longer. A policy that needs more than a state kept makes that state invalid for it,
 * and it is rebuilt from the event log (customer-state.ts).
 */
export function stateWindowDays(policy: Pick<Policy, 'features'>): number {
  return Math.max(365, policy.features.reminderWindowDays, policy.features.mileageLookbackDays);
}

type Signature<T extends EventType> = (e: EventOf<T>) => string;

/**
 * The frequent event types whose old events matter only as "the last one of its kind": before
 * the window the evaluation reads them through "the last answered call", "the last proactive
 * WeChat", "the last login" and the like, never by count. The signature is every field such a
 * "last one where …" reads, so each distinct question keeps its answer. Every other type (visits
 * for the models and streaks, ratings, complaints, posts, mileage, vehicles) is kept whole.
 */
const THINNED: { [T in EventType]?: Signature<T> } = {
  app_login: () => '',
  wechat: (e) => e.direction,
  call: (e) => `${e.direction} ${e.answered}`,
  message: (e) => `${e.purpose} ${e.staffId ? 'staff' : 'auto'}`,
  reply: () => '',
  appointment_booked: () => '',
  appointment_cancelled: () => '',
  appointment_rescheduled: () => '',
  event_invited: () => '',
  event_attended: () => '',
  referral: () => '',
};

/** A maintenance reminder counts until a visit answers it, however old (features/reminders.ts). */
const isReminder = (e: RetainEvent): boolean => e.type === 'message' && e.purpose === 'maintenance_reminder';

/**
 * The customer's events with what no evaluation as of `cutoff + stateWindowDays` or later can
 * read dropped: of the thinned types, an event on or before `cutoff` is kept only if it is the
 * last of its signature there, or a reminder no visit before the cutoff has answered. The rest
 * is kept as it came, in time order; a repeated id keeps its first record, as in the timeline.
 * Events after the cutoff are never touched, so adding events later and compacting again gives
 * the same state as compacting everything at once.
 */
export function compactHistory(events: readonly RetainEvent[], timeZone: string, cutoff: Day): RetainEvent[] {
  const history = historyInOrder(events, timeZone);
  let lastVisitBefore = -Infinity;
  for (const d of history) if (d.e.type === 'visit' && d.day <= cutoff && d.day > lastVisitBefore) lastVisitBefore = d.day;
  const seen = new Set<string>();
  const keep: boolean[] = new Array(history.length);
  for (let i = history.length - 1; i >= 0; i--) {
    const { e, day } = history[i]!;
    const signature = THINNED[e.type] as Signature<EventType> | undefined;
    if (day > cutoff || !signature) {
      keep[i] = true;
      continue;
    }
    const key = `${e.type} ${signature(e)}`;
    keep[i] = !seen.has(key) || (isReminder(e) && day >= lastVisitBefore);
    seen.add(key);
  }
  return history.filter((_, i) => keep[i]).map((d) => d.e);
}

/**
 * Compaction reaches this much further back than the policy's window, so that a state also
 * serves the dates just before the one it was compacted for (a store's "today" in another
 * time zone, last week's run again); older dates are evaluated from the event log.
 */
const MARGIN_DAYS = 31;

/** The day a state compacted for an evaluation as of `asOf` is thinned to. */
export function stateCutoff(policy: Pick<Policy, 'features'>, asOf: Day): Day {
  return asOf - stateWindowDays(policy) - MARGIN_DAYS;
}

/** The customer's facts with its events as its state keeps them for `asOf`: what the database's evaluation reads. */
export function stateOfFacts<F extends CustomerFacts>(facts: F, policy: Pick<Policy, 'features'>, asOf: Day): F {
  return { ...facts, events: compactHistory(facts.events, facts.timeZone, stateCutoff(policy, asOf)) };
}
