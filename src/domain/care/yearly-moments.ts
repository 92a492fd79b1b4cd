import { dayFromYmd, formatDay, parseDay, ymdOf, type Day } from '../dates.js';
import type { Customer, Vehicle } from '../records.js';
import { recurrenceIn, sameDayIn } from './calendar-day.js';
import type { CarePolicy, Holiday } from './care-schema.js';
import type { CareMoment, MomentFacts } from './care-result.js';

const moment = (key: string, kind: CareMoment['moment'], day: Day, facts: MomentFacts): CareMoment => ({ key, moment: kind, day: formatDay(day), facts });

/**
 * The birthday month: from its first day up to the birthday itself (a greeting after the day
 * would be late). A 29 February birthday is kept on the 28th in a common year.
 */
export function birthdayMoment(customer: Pick<Customer, 'birthday'>, asOf: Day): CareMoment | null {
  if (!customer.birthday) return null;
  const { y } = ymdOf(asOf);
  const b = ymdOf(parseDay(customer.birthday));
  const day = sameDayIn(y, b.m, b.d);
  if (asOf < dayFromYmd(y, b.m, 1) || asOf > day) return null;
  return moment(`birthday:${y}`, 'birthday', day, { birthdayDay: formatDay(day) });
}

/** This year's and next year's recurrence of a yearly day: a window may straddle New Year. */
function nextRecurrences(day: Day, asOf: Day): Day[] {
  const { y } = ymdOf(asOf);
  return [recurrenceIn(day, y), recurrenceIn(day, y + 1)];
}

/** Each delivered car's n-th anniversary (n ≥ 1), from `leadDays` before it to the day. */
export function anniversaryMoments(vehicles: readonly Vehicle[], asOf: Day, leadDays: number): CareMoment[] {
  const out: CareMoment[] = [];
  for (const v of vehicles) {
    const delivered = parseDay(v.deliveredAt);
    if (delivered > asOf) continue;
    for (const day of nextRecurrences(delivered, asOf)) {
      const years = ymdOf(day).y - ymdOf(delivered).y;
      if (years >= 1 && asOf >= day - leadDays && asOf <= day) {
        out.push(moment(`anniversary:${v.vin}:${years}`, 'delivery_anniversary', day, { vin: v.vin, years, ...(v.model ? { vehicleModel: v.model } : {}) }));
      }
    }
  }
  return out;
}

/** A warranty that ends within `noticeDays` (the day it ends included). */
export function warrantyMoments(vehicles: readonly Vehicle[], asOf: Day, noticeDays: number): CareMoment[] {
  return vehicles.flatMap((v) => {
    if (!v.warrantyEnd || parseDay(v.deliveredAt) > asOf) return [];
    const end = parseDay(v.warrantyEnd);
    const left = end - asOf;
    return left >= 0 && left <= noticeDays ? [moment(`warranty:${v.vin}:${v.warrantyEnd}`, 'warranty_ending', end, { vin: v.vin, warrantyEnd: v.warrantyEnd, daysLeft: left })] : [];
  });
}

function holidayDays(h: Holiday, asOf: Day): Day[] {
  return h.dates.flatMap((d) => (d.length === 5 ? nextRecurrences(sameDayIn(2001, Number(d.slice(0, 2)), Number(d.slice(3))), asOf) : [parseDay(d)]));
}

/** The holidays the tier is greeted on (all, or the major ones), from `leadDays` before each to the day. */
export function holidayMoments(care: Pick<CarePolicy, 'holidays'>, which: 'all' | 'major' | 'none', asOf: Day, leadDays: number): CareMoment[] {
  if (which === 'none') return [];
  const out: CareMoment[] = [];
  for (const h of care.holidays) {
    if (which === 'major' && !h.major) continue;
    for (const day of holidayDays(h, asOf)) {
      if (asOf >= day - leadDays && asOf <= day) {
        out.push(moment(`holiday:${h.id}:${formatDay(day)}`, 'holiday', day, { holidayId: h.id, holidayNameZh: h.name['zh-CN'], holidayNameEn: h.name.en, major: h.major }));
      }
    }
  }
  return out;
}
