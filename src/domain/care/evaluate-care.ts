import { formatDay, parseDay, type Day } from '../dates.js';
import type { CustomerFacts, Level, Lifecycle, ValueTier } from '../evaluation.js';
import type { Timeline } from '../features/timeline.js';
import type { Policy } from '../policy/policy-schema.js';
import type { CareMoment, CareResult } from './care-result.js';
import { contactInterval } from './contact-interval.js';
import { firstServiceMoments } from './first-service.js';
import { milestoneMoments } from './mileage-milestones.js';
import { lastProactiveTouch } from './proactive-touch.js';
import { softwareUpdateMoments } from './software-update.js';
import { anniversaryMoments, birthdayMoment, holidayMoments, warrantyMoments } from './yearly-moments.js';

export interface CareInput {
  facts: Pick<CustomerFacts, 'customer' | 'vehicles'>;
  timeline: Timeline;
  valueTier: ValueTier;
  level: Level;
  lifecycle: Lifecycle;
}

/**
 * Proactive care as of `asOf` (programs.md §13): how the tier's contact interval is kept, and the
 * care moments open now, each keyed by its occurrence so that it starts its program once. The
 * contact interval opens work only for customers the policy's levels and lifecycles allow; the
 * other moments are listed for everyone (the engine gives a customer who is gone no outreach).
 */
export function evaluateCare(input: CareInput, policy: Policy, asOf: Day): CareResult {
  const { care } = policy;
  const tier = care.tiers[input.valueTier];
  const { customer, vehicles } = input.facts;
  const touch = lastProactiveTouch(input.timeline, care);
  const interval = contactInterval(touch?.day ?? parseDay(customer.since), tier.intervalDays, care.overdueAfterDays, asOf);
  const eligible = tier.intervalDays !== null && care.contactLevels.includes(input.level) && care.contactLifecycles.includes(input.lifecycle);
  const m = care.moments;
  const moments: CareMoment[] = [];
  if (eligible && interval.occurrence !== null) {
    const day = formatDay(interval.occurrence);
    moments.push({ key: `contact:${day}`, moment: 'contact_interval', day, facts: { intervalDays: tier.intervalDays!, ...(touch ? { lastTouch: formatDay(touch.day) } : {}) } });
  }
  if (tier.birthday) {
    const b = birthdayMoment(customer, asOf);
    if (b) moments.push(b);
  }
  moments.push(
    ...anniversaryMoments(vehicles, asOf, m.anniversaryLeadDays),
    ...milestoneMoments(vehicles, input.timeline, m.mileageMilestonesKm, m.milestoneRecentDays, policy.features.mileageLookbackDays),
    ...firstServiceMoments(vehicles, input.timeline, m.firstServiceLeadDays, policy.features.mileageLookbackDays),
    ...warrantyMoments(vehicles, asOf, m.warrantyNoticeDays),
    ...softwareUpdateMoments(input.timeline, m.softwareUpdateDays),
    ...holidayMoments(care, tier.holidays, asOf, m.holidayLeadDays),
  );
  moments.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  return {
    tier: input.valueTier,
    intervalDays: tier.intervalDays,
    lastTouch: touch ? formatDay(touch.day) : null,
    lastTouchKind: touch?.kind ?? null,
    due: interval.due === null ? null : formatDay(interval.due),
    status: interval.status,
    eligible,
    priorityBooking: tier.priorityBooking,
    advisor: tier.advisor,
    moments,
  };
}
