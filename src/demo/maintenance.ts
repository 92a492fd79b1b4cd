import { addMonthsClamped, type Day } from '../domain/dates.js';
import type { Ctx } from './context.js';
import type { DemoVehicle } from './vehicles.js';

/** addMonthsClamped, memoised (it is asked for the same few hundred days over and over). */
const monthsLater = new Map<number, Day>();
function plusMonths(day: Day, months: number): Day {
  const key = day * 64 + months;
  let d = monthsLater.get(key);
  if (d === undefined) {
    d = addMonthsClamped(day, months);
    monthsLater.set(key, d);
  }
  return d;
}

/**
 * When a vehicle's next maintenance is due after a maintenance on `base` (or its delivery at
 * 0 km): the earlier of base + interval months and the day the odometer passes base + interval
 * km. This mirrors scoring.md's "maintenance due" for a car driven at a constant daily
 * distance, which is how the demo drives them.
 */
export function dueAfter(v: DemoVehicle, base: Day): Day {
  const byTime = plusMonths(base, v.months);
  const byKm = base + Math.ceil(v.km / v.dailyKm);
  return Math.min(byTime, byKm);
}

function lastMaintenance(ctx: Ctx, v: DemoVehicle): Day {
  const days = ctx.maintenance.get(v.record.vin);
  return days && days.length > 0 ? days[days.length - 1]! : v.delivered;
}

function dueOf(ctx: Ctx, v: DemoVehicle): Day {
  return dueAfter(v, lastMaintenance(ctx, v));
}

/** The vehicle (delivered by `day`) whose maintenance is due first, and its due date. */
export function earliestDue(ctx: Ctx, day: Day): { vehicle: DemoVehicle; due: Day } | null {
  let best: { vehicle: DemoVehicle; due: Day } | null = null;
  for (const v of ctx.vehicles) {
    if (v.delivered > day) continue;
    const due = dueOf(ctx, v);
    if (!best || due < best.due) best = { vehicle: v, due };
  }
  return best;
}

export function recordMaintenance(ctx: Ctx, v: DemoVehicle, day: Day): void {
  const days = ctx.maintenance.get(v.record.vin);
  if (days) days.push(day);
  else ctx.maintenance.set(v.record.vin, [day]);
}
