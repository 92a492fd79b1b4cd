import type { ValueTier } from '../evaluation.js';

/** The care moments of programs.md §13, each a program trigger (`{ kind: 'care', moment }`). */
export const careMoments = [
  'contact_interval', 'birthday', 'delivery_anniversary', 'mileage_milestone', 'first_service_due', 'warranty_ending',
  'software_update', 'holiday', 'bad_weather',
] as const;
export type CareMomentKind = (typeof careMoments)[number];

/** What a care moment tells the steps (`when`) and the scripts (`{{milestoneKm}}`). */
export type MomentFacts = Record<string, string | number | boolean>;

/**
 * One occurrence of a care moment that is open as of the evaluation's date. `key` names the
 * occurrence in the world (the birthday of 2026, the 50,000 km of one car), so it fires once
 * however often it is evaluated; `day` is the moment's own store-local date (the birthday itself,
 * the day the milestone was passed), which steps may count from.
 */
export interface CareMoment {
  key: string;
  moment: CareMomentKind;
  day: string;
  facts: MomentFacts;
}

export type CareStatus = 'within' | 'due' | 'overdue';
export type ProactiveTouchKind = 'call' | 'wechat' | 'message';

/** The care part of the evaluation record: the tier's promise, how it is kept, the moments open now. */
export interface CareResult {
  tier: ValueTier;
  intervalDays: number | null;
  /** The store-local day of the last proactive touch, and what it was. */
  lastTouch: string | null;
  lastTouchKind: ProactiveTouchKind | null;
  /** The next proactive contact is due on this day (the last touch, or the customer's start, plus the interval). */
  due: string | null;
  /** within: before the due day; due: from it; overdue: `overdueAfterDays` past it. Null without an interval. */
  status: CareStatus | null;
  /** Whether the contact interval opens work now (the customer's level and lifecycle allow it). */
  eligible: boolean;
  priorityBooking: boolean;
  advisor: 'named' | 'fixed' | 'team';
  moments: CareMoment[];
}
