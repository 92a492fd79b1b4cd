/** A customer's visits as the BTYD models read them: calendar days (whole days since 1970-01-01). */
export interface VisitHistory {
  /** The relationship's start (vehicle delivery or first contact): the "birth" when it comes first. */
  since: number;
  visits: readonly { day: number; amount: number }[];
}

/** RFM in days, plus the paid-ticket facts the spend model reads. */
export interface VisitSummary {
  frequency: number;
  recency: number;
  T: number;
  /** Visits on or before asOf, every kind (free and warranty too). */
  visits: number;
  /** Visits with amount > 0, and their mean amount (0 without any). */
  paidVisits: number;
  meanPaid: number;
}

/**
 * The customer's visit history as of `asOf` in BTYD terms. The birth is the earlier of `since`
 * and the first visit (a delivery is the first "purchase" of a service relationship); each later
 * day with a visit is one repeat purchase, however many visits it had. Null before the birth.
 */
export function summarizeVisits(history: VisitHistory, asOf: number): VisitSummary | null {
  const days = new Set<number>();
  let paid = 0;
  let paidTotal = 0;
  let visits = 0;
  for (const v of history.visits) {
    if (v.day > asOf) continue;
    visits++;
    days.add(v.day);
    if (v.amount > 0) {
      paid++;
      paidTotal += v.amount;
    }
  }
  const birth = Math.min(history.since, ...days);
  if (!(birth <= asOf)) return null;
  let frequency = 0;
  let last = birth;
  for (const d of days) {
    if (d <= birth) continue;
    frequency++;
    if (d > last) last = d;
  }
  return { frequency, recency: last - birth, T: asOf - birth, visits, paidVisits: paid, meanPaid: paid > 0 ? paidTotal / paid : 0 };
}
