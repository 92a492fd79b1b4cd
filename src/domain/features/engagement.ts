import type { Day } from '../dates.js';
import type { Customer } from '../records.js';
import type { Features } from '../evaluation.js';
import { round } from '../round.js';
import { countWithin, within, type Timeline } from './timeline.js';

export type EngagementFeatures = Pick<
  Features,
  | 'cancellations90' | 'reschedules90' | 'hasApp' | 'appLogins30' | 'appBaseline' | 'wechatPerMonth'
  | 'interactionsPerMonth' | 'callAnswerRate' | 'invited365' | 'attended365' | 'referrals365'
>;

const perMonth = (countIn90: number): number => round(countIn90 / 3, 4);

function distinctWithin(list: readonly { day: Day; e: { eventId: string } }[], asOf: Day, n: number): number {
  const ids = new Set<string>();
  for (const d of list) if (within(d.day, asOf, n)) ids.add(d.e.eventId);
  return ids.size;
}

/** Appointments, app, WeChat, calls, store events and referrals over their windows. */
export function engagementFeatures(t: Timeline, customer: Customer): EngagementFeatures {
  const asOf = t.asOf;
  const logins = t.of('app_login');
  const appLogins30 = countWithin(logins, asOf, 30);
  let wechatIn90 = 0;
  for (const w of t.of('wechat')) if (w.e.direction === 'in' && within(w.day, asOf, 90)) wechatIn90++;
  let answered90 = 0, attemptsOut90 = 0, answeredOut90 = 0;
  for (const c of t.of('call')) {
    if (!within(c.day, asOf, 90)) continue;
    if (c.e.answered) answered90++;
    if (c.e.direction === 'out') {
      attemptsOut90++;
      if (c.e.answered) answeredOut90++;
    }
  }
  return {
    cancellations90: countWithin(t.of('appointment_cancelled'), asOf, 90),
    reschedules90: countWithin(t.of('appointment_rescheduled'), asOf, 90),
    hasApp: customer.hasApp,
    appLogins30,
    // The 90 days before the last 30: (asOf − 120, asOf − 30].
    appBaseline: perMonth(countWithin(logins, asOf, 120) - appLogins30),
    wechatPerMonth: customer.wechat ? perMonth(wechatIn90) : null,
    interactionsPerMonth: perMonth(wechatIn90 + countWithin(logins, asOf, 90) + answered90),
    callAnswerRate: attemptsOut90 >= 2 ? round(answeredOut90 / attemptsOut90, 4) : null,
    // One store event counts once however many invitations or check-ins it produced.
    invited365: distinctWithin(t.of('event_invited'), asOf, 365),
    attended365: distinctWithin(t.of('event_attended'), asOf, 365),
    referrals365: countWithin(t.of('referral'), asOf, 365),
  };
}
