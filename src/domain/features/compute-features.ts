import { formatDay, parseDay, type Day } from '../dates.js';
import type { CustomerFacts, Features } from '../evaluation.js';
import type { Policy } from '../policy/policy-schema.js';
import { engagementFeatures } from './engagement.js';
import { maintenanceDue } from './maintenance-due.js';
import { ratingFeatures } from './ratings.js';
import { relationshipFeatures } from './relationship.js';
import { reminderFeatures } from './reminders.js';
import { buildTimeline, type Timeline } from './timeline.js';
import { visitFeatures } from './visit-features.js';

/** The §1 features, and the timeline they were read from (signal 3 and the lifecycle need events). */
export interface FeatureSet {
  features: Features;
  timeline: Timeline;
}

/**
 * scoring.md §1 as of `asOf`. Fractional features are rounded to 4 decimals here, once, so
 * every later step reads the numbers the record shows.
 */
export function computeFeatures(facts: CustomerFacts, policy: Policy, asOf: Day): FeatureSet {
  const t = buildTimeline(facts.events, facts.timeZone, asOf);
  const since = parseDay(facts.customer.since);
  const { due, secondDue } = maintenanceDue(facts.vehicles, t, policy.features.mileageLookbackDays);
  const v = visitFeatures(t, since, policy.lifecycle);
  const r = ratingFeatures(t, policy.features.npsToSat5);
  const m = reminderFeatures(t, due, policy.features.reminderWindowDays);
  const e = engagementFeatures(t, facts.customer);
  const c = relationshipFeatures(t);
  // Listed in the order of the Features type, which is the order the record shows.
  const features: Features = {
    R: v.R,
    visits365: v.visits365,
    visitsPrev365: v.visitsPrev365,
    spend365: v.spend365,
    spendPrev365: v.spendPrev365,
    ticketTrend: v.ticketTrend,
    lastNps: r.lastNps,
    prevNps: r.prevNps,
    lastSatisfaction: r.lastSatisfaction,
    sat5: r.sat5,
    maintenanceDue: due === null ? null : formatDay(due),
    secondDue: secondDue === null ? null : formatDay(secondDue),
    overdueDays: due !== null && asOf > due ? asOf - due : null,
    remindersUnanswered: m.remindersUnanswered,
    refusedToBook: m.refusedToBook,
    cancellations90: e.cancellations90,
    reschedules90: e.reschedules90,
    hasApp: e.hasApp,
    appLogins30: e.appLogins30,
    appBaseline: e.appBaseline,
    wechatPerMonth: e.wechatPerMonth,
    interactionsPerMonth: e.interactionsPerMonth,
    callAnswerRate: e.callAnswerRate,
    complaints365: c.complaints365,
    complaintSilenceDays: c.complaintSilenceDays,
    valueAddDeclineStreak: c.valueAddDeclineStreak,
    basicOnlyStreak: v.basicOnlyStreak,
    invited365: e.invited365,
    attended365: e.attended365,
    contactInvalid: c.contactInvalid,
    socialNegativeOpen: c.socialNegativeOpen,
    referrals365: e.referrals365,
    annualSpend: v.spend365,
    historicalAnnualSpend: v.historicalAnnualSpend,
    tenureDays: asOf - since,
    returnedAt: v.returnedAt,
  };
  return { features, timeline: t };
}
