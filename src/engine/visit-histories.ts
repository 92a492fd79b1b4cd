import { localDay, parseDay, type Day } from '../domain/dates.js';
import type { CustomerFacts } from '../domain/evaluation.js';
import type { VisitHistory } from '../prediction/visit-summary.js';

/**
 * A customer's visits as calendar days in the store's time zone, every visit on record (also
 * after any asOf: the labels of past snapshots are read from them). A repeated event id counts once.
 */
export function visitHistoryOf(facts: CustomerFacts): VisitHistory {
  const seen = new Set<string>();
  const visits: { day: Day; amount: number }[] = [];
  for (const e of facts.events) {
    if (e.type !== 'visit' || seen.has(e.id)) continue;
    seen.add(e.id);
    visits.push({ day: localDay(e.at, facts.timeZone), amount: e.amount });
  }
  visits.sort((a, b) => a.day - b.day);
  return { since: parseDay(facts.customer.since), visits };
}

/** Whether the customer visited in (from, from + days]: a snapshot's label is the opposite, "lost". */
export function visitedWithin(history: VisitHistory, from: Day, days: number): boolean {
  return history.visits.some((v) => v.day > from && v.day <= from + days);
}
