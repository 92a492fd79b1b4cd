import type { Day } from '../dates.js';
import type { CareStatus } from './care-result.js';

export interface ContactInterval {
  due: Day | null;
  status: CareStatus | null;
  /**
   * The due day of the interval now open, when at least one has passed without a touch: each
   * further interval without one opens a new occurrence (a customer who never answers is still
   * called again next month), and a touch moves them all.
   */
  occurrence: Day | null;
}

/**
 * The tier's contact interval counted from `base` (the last proactive touch, or the customer's
 * start when there was none): within it until the due day, due from that day, overdue
 * `overdueAfterDays` later.
 */
export function contactInterval(base: Day, intervalDays: number | null, overdueAfterDays: number, asOf: Day): ContactInterval {
  if (intervalDays === null) return { due: null, status: null, occurrence: null };
  const due = base + intervalDays;
  const status: CareStatus = asOf < due ? 'within' : asOf < due + overdueAfterDays ? 'due' : 'overdue';
  const passed = Math.floor((asOf - base) / intervalDays);
  return { due, status, occurrence: passed >= 1 ? base + passed * intervalDays : null };
}
