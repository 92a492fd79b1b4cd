import { describe, expect, it } from 'vitest';
import { defaultPolicy } from '../policy/default-policy.js';
import { AS_OF, facts } from '../testing/facts-builder.js';
import { computeFeatures } from './compute-features.js';

// Delivered 2023-06-10 with a 12-month interval: due 2024-06-10 = 20 days before asOf.
const overdue = () => facts().vehicle({ delivered: '2023-06-10', months: 12 });
const feat = (b: ReturnType<typeof overdue>) => computeFeatures(b.build(), defaultPolicy(), AS_OF).features;
const reminder = { channel: 'sms', purpose: 'maintenance_reminder' } as const;

describe('reminders and refusals', () => {
  it('counts unanswered reminders from 14 days before the due date', () => {
    const b = overdue().event('message', 34, reminder).event('message', 35, reminder).event('message', 5, reminder)
      .event('message', 6, { channel: 'sms', purpose: 'care' });
    expect(feat(b)).toMatchObject({ overdueDays: 20, remindersUnanswered: 2 });
  });

  it('treats a reply, booking or visit on or after a reminder as its answer', () => {
    const b = overdue().event('message', 30, reminder).event('message', 20, reminder).event('message', 10, reminder);
    expect(feat(b).remindersUnanswered).toBe(3);
    expect(feat(b.event('reply', 20, { channel: 'sms', text: 'ok' })).remindersUnanswered).toBe(1);
    expect(feat(overdue().event('message', 10, reminder).event('appointment_booked', 10, { appointmentAt: null })).remindersUnanswered).toBe(0);
  });

  it('has no reminders or refusals without a due date', () => {
    expect(feat(facts().event('message', 3, reminder).event('maintenance_refused', 3, {}))).toMatchObject({
      remindersUnanswered: 0,
      refusedToBook: false,
    });
  });

  it('refusedToBook: a refusal in the window not followed (in time order) by a booking or visit', () => {
    expect(feat(overdue().event('maintenance_refused', 10, {})).refusedToBook).toBe(true);
    expect(feat(overdue().event('maintenance_refused', 35, {})).refusedToBook).toBe(false);
    expect(feat(overdue().event('maintenance_refused', 10, {}).event('appointment_booked', 5, { appointmentAt: null })).refusedToBook).toBe(false);
    const sameDay = (bookedAt: string) =>
      feat(overdue().event('maintenance_refused', '2024-06-25T12:00:00+08:00', {}).event('appointment_booked', bookedAt, { appointmentAt: null })).refusedToBook;
    expect(sameDay('2024-06-25T09:00:00+08:00')).toBe(true);
    expect(sameDay('2024-06-25T15:00:00+08:00')).toBe(false);
  });
});
