import type { Day } from '../dates.js';
import type { Features } from '../evaluation.js';
import { lastAnswerDay } from './interactions.js';
import type { Timeline } from './timeline.js';

export type ReminderFeatures = Pick<Features, 'remindersUnanswered' | 'refusedToBook'>;

/**
 * Reminders and refusals count from `windowDays` before the due date. A reminder is answered by
 * a reply, booking or visit on or after its date (same day included, as the spec says). A refusal
 * is "followed by" a booking or visit that comes after it in time order, so a booking earlier the
 * same day does not undo a later refusal.
 */
export function reminderFeatures(t: Timeline, due: Day | null, windowDays: number): ReminderFeatures {
  if (due === null) return { remindersUnanswered: 0, refusedToBook: false };
  const from = due - windowDays;
  const answered = lastAnswerDay(t) ?? -Infinity;
  let remindersUnanswered = 0;
  for (const m of t.of('message')) {
    if (m.e.purpose === 'maintenance_reminder' && m.day >= from && m.day > answered) remindersUnanswered++;
  }
  const lastBookingOrVisit = Math.max(t.of('appointment_booked').at(-1)?.seq ?? -1, t.of('visit').at(-1)?.seq ?? -1);
  const refusedToBook = t.of('maintenance_refused').some((r) => r.day >= from && r.seq > lastBookingOrVisit);
  return { remindersUnanswered, refusedToBook };
}
