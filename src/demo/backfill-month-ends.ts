import { addMonthsClamped, dayFromYmd, ymdOf, type Day } from '../domain/dates.js';
import type { Policy } from '../domain/policy/policy-schema.js';
import { scoreCustomers } from '../engine/score-customers.js';
import type { Db } from '../store/db.js';

/**
 * Scores the demo as of the last day of each of the `months` months before today's, so the
 * health trend and each customer's score history have points to draw from the first run. Run
 * after today's evaluation: an older evaluation leaves the warnings alone.
 */
export async function backfillMonthEnds(
  db: Db,
  options: { today: Day; months: number; now: Date; policy: Policy; onMonth?: (done: number) => void },
): Promise<Day[]> {
  const { y, m } = ymdOf(options.today);
  const firstOfThisMonth = dayFromYmd(y, m, 1);
  const days: Day[] = [];
  for (let i = options.months; i >= 1; i--) days.push(addMonthsClamped(firstOfThisMonth, -i + 1) - 1);
  for (const [i, asOf] of days.entries()) {
    await scoreCustomers(db, { asOf, now: options.now, policy: options.policy });
    options.onMonth?.(i + 1);
  }
  return days;
}
