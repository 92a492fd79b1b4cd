import { z } from 'zod';
import { isIsoDate } from '../dates.js';

/**
 * Proactive care (programs.md §13) as policy: how often each value tier is contacted before any
 * warning, which care moments it gets, the holiday calendar and the windows of the moments. Part
 * of the scoring policy, versioned and validated with it; every number here is a default a store
 * may change in Settings.
 */

const days = z.number().int().nonnegative();
const id = z.string().trim().regex(/^[a-z0-9][a-z0-9_-]*$/, 'must be lower-case letters, digits, "_" or "-"');
const MONTH_DAY = /^(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;

/** A holiday's day: a dated `YYYY-MM-DD` (lunar holidays move), or `MM-DD` for every year. */
const holidayDate = z.string().refine(
  (s) => isIsoDate(s) || (MONTH_DAY.test(s) && s !== '02-29' && isIsoDate(`2023-${s}`)),
  'must be a date YYYY-MM-DD, or MM-DD for every year (02-29 only as a dated YYYY-02-29)',
);

const tierCare = z.strictObject({
  /** The longest a customer of the tier goes without a proactive touch; null: no contact interval. */
  intervalDays: z.number().int().positive().nullable(),
  /** Which holidays the tier is greeted on. */
  holidays: z.enum(['all', 'major', 'none']),
  birthday: z.boolean(),
  /** Shown to the advisor and the booking desk: the customer gets the first free slot. */
  priorityBooking: z.boolean(),
  /** named: one advisor who knows the customer personally; fixed: an assigned advisor; team: whoever is free. */
  advisor: z.enum(['named', 'fixed', 'team']),
});

const holiday = z.strictObject({
  id,
  name: z.strictObject({ 'zh-CN': z.string().trim().min(1), en: z.string().trim().min(1) }),
  major: z.boolean(),
  dates: z.array(holidayDate).min(1, 'a holiday needs at least one date'),
});

const levels = ['green', 'yellow', 'orange', 'red'] as const;
const lifecycles = ['active', 'observation', 'dormant', 'lost', 'abandoned', 'sold_or_moved'] as const;

export const careShape = z.strictObject({
  /**
   * What counts as a proactive touch besides a staff member's answered outbound call and outbound
   * WeChat: a `message` written by staff (it carries a staffId), or an automated message with one
   * of these purposes (care messages, not service notices such as a maintenance reminder).
   */
  proactivePurposes: z.array(z.string().trim().min(1)),
  /** The contact interval applies only to customers at these warning levels and lifecycles: the rest are worked by their warning or their wake-up cadence. */
  contactLevels: z.array(z.enum(levels)).min(1),
  contactLifecycles: z.array(z.enum(lifecycles)).min(1),
  /** Past the due day by this many days without a touch, the customer is overdue (the care task's deadline). */
  overdueAfterDays: days,
  tiers: z.strictObject({ high: tierCare, mid: tierCare, basic: tierCare }),
  moments: z.strictObject({
    anniversaryLeadDays: days,
    holidayLeadDays: days,
    mileageMilestonesKm: z.array(z.number().int().positive()),
    /** A milestone is congratulated only if it was passed (or is projected) within these days. */
    milestoneRecentDays: days,
    firstServiceLeadDays: days,
    warrantyNoticeDays: days,
    /** An update stays worth a visit this long, until the customer visits. */
    softwareUpdateDays: days,
  }),
  holidays: z.array(holiday),
});

export type CarePolicy = z.infer<typeof careShape>;
export type TierCare = CarePolicy['tiers']['high'];
export type Holiday = CarePolicy['holidays'][number];
