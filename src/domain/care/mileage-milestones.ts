import { formatDay, parseDay, type Day } from '../dates.js';
import type { Timeline } from '../features/timeline.js';
import type { Vehicle } from '../records.js';
import type { CareMoment } from './care-result.js';

interface Reading {
  day: Day;
  km: number;
}

/**
 * The car's odometer history in time order: the delivery at 0 km, then the mileage of its visits
 * and the mileage readings (a reading or visit without a vin counts for every car of the
 * customer, as for maintenance due).
 */
function readingsOf(v: Vehicle, t: Timeline): Reading[] {
  const mine = (vin: string | null | undefined) => !vin || vin === v.vin;
  const dated = [
    ...t.of('visit').filter((x) => x.e.mileage != null && mine(x.e.vin)).map((x) => ({ seq: x.seq, day: x.day, km: x.e.mileage! })),
    ...t.of('mileage').filter((x) => mine(x.e.vin)).map((x) => ({ seq: x.seq, day: x.day, km: x.e.km })),
  ].sort((a, b) => a.seq - b.seq);
  return [{ day: parseDay(v.deliveredAt), km: 0 }, ...dated.map(({ day, km }) => ({ day, km }))];
}

/**
 * Faster than any car is driven (1,500 km is 19 hours at 80 km/h, every day): readings that
 * imply it are a typing error or a car delivered long before the data says, not a pace.
 */
const MAX_KM_PER_DAY = 1500;
const plausible = (a: Reading, b: Reading) => b.day > a.day && (b.km - a.km) / (b.day - a.day) <= MAX_KM_PER_DAY;

interface Crossing {
  /** When the car passed the milestone, as best the readings tell. */
  estimate: Day;
  /** From when Retain can know it: the reading that showed it, or the projected day itself. */
  known: Day;
  projected: boolean;
}

/**
 * When the odometer passed `km`. Seen in the readings: between the last reading below it and the
 * first at or past it, by linear interpolation (known from that reading on). Not yet seen: projected
 * from the last two readings on different days, if the last is recent enough to trust its pace.
 * Readings on one day, or an impossible pace between them, tell nothing.
 */
function crossing(readings: Reading[], km: number, asOf: Day, lookbackDays: number): Crossing | null {
  const i = readings.findIndex((r) => r.km >= km);
  if (i > 0) {
    const prev = readings[i - 1]!;
    const next = readings[i]!;
    if (!plausible(prev, next)) return null;
    const estimate = prev.day + Math.ceil(((km - prev.km) * (next.day - prev.day)) / (next.km - prev.km));
    return { estimate, known: next.day, projected: false };
  }
  if (i === 0) return null;
  const last = readings.at(-1)!;
  let prev: Reading | undefined;
  for (let j = readings.length - 2; j >= 0 && !prev; j--) if (readings[j]!.day < last.day) prev = readings[j];
  if (!prev || last.km <= prev.km || !plausible(prev, last) || asOf - last.day > lookbackDays) return null;
  const estimate = last.day + Math.ceil(((km - last.km) * (last.day - prev.day)) / (last.km - prev.km));
  return { estimate, known: estimate, projected: true };
}

/**
 * Mileage milestones (10,000 / 50,000 / 100,000 km by default) passed or projected to be passed by
 * `asOf`, congratulated only when that was within `recentDays` — a car first seen at 120,000 km has
 * long passed its 10,000. Of several passed at once, only the highest.
 */
export function milestoneMoments(vehicles: readonly Vehicle[], t: Timeline, milestones: readonly number[], recentDays: number, lookbackDays: number): CareMoment[] {
  const out: CareMoment[] = [];
  for (const v of vehicles) {
    if (parseDay(v.deliveredAt) > t.asOf) continue;
    const readings = readingsOf(v, t);
    let best: CareMoment | null = null;
    for (const km of milestones) {
      const c = crossing(readings, km, t.asOf, lookbackDays);
      if (!c || c.known > t.asOf || t.asOf - c.estimate > recentDays) continue;
      best = { key: `mileage:${v.vin}:${km}`, moment: 'mileage_milestone', day: formatDay(Math.min(c.known, t.asOf)), facts: { vin: v.vin, milestoneKm: km, projected: c.projected } };
    }
    if (best) out.push(best);
  }
  return out;
}
