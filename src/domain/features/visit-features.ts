import { formatDay, type Day } from '../dates.js';
import type { Features } from '../evaluation.js';
import type { Policy } from '../policy/policy-schema.js';
import { round } from '../round.js';
import { within, type Timeline } from './timeline.js';

export type VisitFeatures = Pick<
  Features,
  | 'R' | 'visits365' | 'visitsPrev365' | 'spend365' | 'spendPrev365' | 'ticketTrend' | 'basicOnlyStreak'
  | 'historicalAnnualSpend' | 'returnedAt'
>;

const TREND_VISITS = 3;

const money = (x: number): number => round(x, 2);

function mean(xs: readonly number[]): number {
  return xs.reduce((a, b) => a + b, 0) / xs.length;
}

/** Everything read from `visit` events (recency, frequency, money, streaks, the return). */
export function visitFeatures(t: Timeline, since: Day, lifecycle: Policy['lifecycle']): VisitFeatures {
  const visits = t.of('visit');
  const asOf = t.asOf;
  const lastVisit = visits.at(-1);
  let visits365 = 0, visitsPrev365 = 0, spend365 = 0, spendPrev365 = 0, historical = 0;
  const paid: number[] = [];
  for (const v of visits) {
    if (within(v.day, asOf, 365)) {
      visits365++;
      spend365 += v.e.amount;
    } else if (within(v.day, asOf, 730)) {
      visitsPrev365++;
      spendPrev365 += v.e.amount;
    }
    if (lastVisit && within(v.day, lastVisit.day, 365)) historical += v.e.amount;
    if (v.e.amount > 0) paid.push(v.e.amount);
  }

  let basicOnlyStreak = 0;
  for (let i = visits.length - 1; i >= 0; i--) {
    const v = visits[i]!.e;
    if (v.amount <= 0) continue;
    if (!v.basicOnly) break;
    basicOnlyStreak++;
  }

  const ticketTrend = paid.length >= 2 * TREND_VISITS
    ? round(mean(paid.slice(-TREND_VISITS)) / mean(paid.slice(-2 * TREND_VISITS, -TREND_VISITS)), 4)
    : null;

  let returnedAt: string | null = null;
  for (let i = visits.length - 1; i >= 1; i--) {
    const v = visits[i]!;
    if (!within(v.day, asOf, lifecycle.observationDays)) break;
    if (v.day - visits[i - 1]!.day >= lifecycle.returnGapDays) {
      returnedAt = formatDay(v.day);
      break;
    }
  }

  return {
    R: asOf - (lastVisit ? lastVisit.day : since),
    visits365,
    visitsPrev365,
    spend365: money(spend365),
    spendPrev365: money(spendPrev365),
    ticketTrend,
    basicOnlyStreak,
    historicalAnnualSpend: money(historical),
    returnedAt,
  };
}
