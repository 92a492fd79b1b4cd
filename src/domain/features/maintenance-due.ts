import { addMonthsClamped, parseDay, type Day } from '../dates.js';
import type { EventOf, Vehicle } from '../records.js';
import { round } from '../round.js';
import { within, type Dated, type Timeline } from './timeline.js';

export interface MaintenanceDue {
  due: Day | null;
  /** The same with twice the interval (scoring.md §10: past it, the customer is dormant). */
  secondDue: Day | null;
}

interface Reading {
  day: Day;
  km: number;
}

function earlier(a: Day | null, b: Day | null): Day | null {
  if (a === null) return b;
  if (b === null) return a;
  return Math.min(a, b);
}

/**
 * When the mileage reaches `target`. One reading at or past it is enough: the first such reading's
 * date, even when a later reading is lower (an odometer typed wrong later does not undo a reading
 * that showed the car due). Only a future date needs two readings: the projection from the latest
 * reading at the daily km between the first and latest. A flat or falling odometer, or readings
 * all on one day, give no daily km and so no date.
 */
export function distanceDue(readings: readonly Reading[], target: number): Day | null {
  const reached = readings.find((r) => r.km >= target);
  if (reached) return reached.day;
  const latest = readings.at(-1);
  if (!latest) return null;
  const first = readings[0]!;
  const days = latest.day - first.day;
  const km = latest.km - first.km;
  if (days <= 0 || km <= 0) return null;
  // remaining km × days ÷ km keeps integer readings exact; rounding drops binary noise before ceil.
  return latest.day + Math.ceil(round(((target - latest.km) * days) / km, 6));
}

/** The vehicle's readings: like visits, a mileage event with a vin is that vehicle's, one without every vehicle's. */
function readingsFor(vin: string, own: readonly Dated<EventOf<'visit'>>[], t: Timeline, lookbackDays: number): Reading[] {
  const visits = own.filter((v) => v.e.mileage != null && within(v.day, t.asOf, lookbackDays));
  const events = t.of('mileage').filter((m) => (!m.e.vin || m.e.vin === vin) && within(m.day, t.asOf, lookbackDays));
  const merged: { seq: number; reading: Reading }[] = [
    ...visits.map((v) => ({ seq: v.seq, reading: { day: v.day, km: v.e.mileage! } })),
    ...events.map((m) => ({ seq: m.seq, reading: { day: m.day, km: m.e.km } })),
  ];
  return merged.sort((a, b) => a.seq - b.seq).map((x) => x.reading);
}

/**
 * One vehicle's maintenance due, and whether it has had a maintenance visit at all (proactive
 * care reminds a new car's first service, counted from the delivery).
 */
export function vehicleMaintenanceDue(vehicle: Vehicle, t: Timeline, lookbackDays: number): MaintenanceDue & { serviced: boolean } {
  const own = t.of('visit').filter((v) => !v.e.vin || v.e.vin === vehicle.vin);
  let base: { day: Day; km: number | null } = { day: parseDay(vehicle.deliveredAt), km: 0 };
  let serviced = false;
  for (let i = own.length - 1; i >= 0; i--) {
    const v = own[i]!;
    if (v.e.kind === 'maintenance') {
      // A maintenance visit without an odometer reading leaves the distance target unknown.
      base = { day: v.day, km: v.e.mileage ?? null };
      serviced = true;
      break;
    }
  }
  const months = vehicle.maintenanceIntervalMonths;
  const km = vehicle.maintenanceIntervalKm;
  const readings = km && base.km !== null ? readingsFor(vehicle.vin, own, t, lookbackDays) : [];
  const dueAfter = (intervals: number): Day | null =>
    earlier(
      months ? addMonthsClamped(base.day, months * intervals) : null,
      km && base.km !== null ? distanceDue(readings, base.km + km * intervals) : null,
    );
  return { due: dueAfter(1), secondDue: dueAfter(2), serviced };
}

/**
 * scoring.md "Maintenance due", earliest across the customer's vehicles. A vehicle delivered
 * after `asOf` is not the customer's yet, so it has no maintenance due.
 */
export function maintenanceDue(vehicles: readonly Vehicle[], t: Timeline, lookbackDays: number): MaintenanceDue {
  let due: Day | null = null;
  let secondDue: Day | null = null;
  for (const v of vehicles) {
    if (parseDay(v.deliveredAt) > t.asOf) continue;
    const d = vehicleMaintenanceDue(v, t, lookbackDays);
    due = earlier(due, d.due);
    secondDue = earlier(secondDue, d.secondDue);
  }
  return { due, secondDue };
}
