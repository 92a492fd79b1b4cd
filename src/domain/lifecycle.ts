import { formatDay } from './dates.js';
import type { Features, Lifecycle } from './evaluation.js';
import type { Dated, Timeline } from './features/timeline.js';
import type { Policy } from './policy/policy-schema.js';
import type { Vehicle } from './records.js';

/**
 * A sale or move after the last visit (in time order; a visit later the same day wins). A move
 * or a sale without a vin ends the relationship; a sale naming one vehicle ends it only when
 * every vehicle of the customer has been sold by then (an earlier sale of another car counts).
 */
function soldOrMoved(t: Timeline, vehicles: readonly Vehicle[], lastVisitSeq: number): boolean {
  const afterLastVisit = (d: Dated): boolean => d.seq > lastVisitSeq;
  if (t.of('moved_away').some(afterLastVisit)) return true;
  const sales = t.of('vehicle_sold');
  const recent = sales.filter(afterLastVisit);
  if (recent.length === 0) return false;
  if (recent.some((s) => !s.e.vin)) return true;
  const sold = new Set(sales.map((s) => s.e.vin));
  return vehicles.every((v) => sold.has(v.vin));
}

/**
 * scoring.md §10, first match wins. "After" is time order (timestamp, then file order), so an
 * `abandoned` event and a visit on the same day are told apart by their times: a visit after
 * the give-up brings the customer back.
 */
export function lifecycle(f: Features, t: Timeline, vehicles: readonly Vehicle[], p: Policy['lifecycle']): Lifecycle {
  const lastVisitSeq = t.of('visit').at(-1)?.seq ?? -1;
  if ((t.of('abandoned').at(-1)?.seq ?? -1) > lastVisitSeq) return 'abandoned';
  if (soldOrMoved(t, vehicles, lastVisitSeq)) return 'sold_or_moved';
  if (f.returnedAt !== null) return 'observation';
  if (f.R >= p.dormantMinR) return 'dormant';
  if (p.dormantAfterSecondDue && f.secondDue !== null && formatDay(t.asOf) > f.secondDue) return 'dormant';
  return f.R > p.lostAboveR ? 'lost' : 'active';
}
