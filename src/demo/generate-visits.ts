import { addMonthsClamped, type Day } from '../domain/dates.js';
import { hours, stamp } from './calendar.js';
import { CONDUCT, type Conduct } from './conduct.js';
import { conductOn, phaseOn, type Ctx, type VisitLog } from './context.js';
import { earliestDue } from './maintenance.js';
import type { Plan } from './personas.js';
import type { VisitTrigger } from './ratings.js';
import type { Rand } from './rng.js';
import { emitServiceVisit } from './service-visit.js';
import type { DemoVehicle } from './vehicles.js';
import { unscheduledKind } from './visit-content.js';

/** The visit (or, cancelling, the booking) the story turns on happens exactly on the plan's turn day. */
function forcedVisitDay(plan: Plan): Day | null {
  const p = plan.persona;
  return p === 'drifting' || p === 'complaining' || p === 'returned' || p === 'lost' || p === 'cancelling' ? plan.turn : null;
}

function triggerOf(plan: Plan, rand: Rand): VisitTrigger | null {
  switch (plan.persona) {
    case 'drifting':
      return rand.chance(0.65) ? 'long_wait' : 'low_rating';
    case 'complaining':
      return 'complaint';
    case 'returned':
      return 'return';
    default:
      return null;
  }
}

/** Which car comes in and for what: maintenance when it falls in the due window, else a wash, a repair, … */
function chooseWork(ctx: Ctx, day: Day, trigger: VisitTrigger | null, conduct: Conduct): { vehicle: DemoVehicle; kind: VisitLog['kind'] } {
  const { rand } = ctx;
  const next = earliestDue(ctx, day)!; // the first car is delivered on `since`, before any visit
  const inWindow = day >= next.due - 30;
  if (trigger === 'complaint') return { vehicle: next.vehicle, kind: rand.chance(0.75) ? 'repair' : 'warranty' };
  if (trigger === 'return') return { vehicle: next.vehicle, kind: day >= next.due - 60 ? 'maintenance' : 'inspection' };
  if (trigger !== null) return { vehicle: next.vehicle, kind: inWindow ? 'maintenance' : 'repair' };
  if (inWindow && rand.chance(conduct.takesMaintenance)) return { vehicle: next.vehicle, kind: 'maintenance' };
  const vehicle = rand.pick(ctx.vehicles.filter((v) => v.delivered <= day));
  return { vehicle, kind: unscheduledKind(rand, day < addMonthsClamped(vehicle.delivered, 48)) };
}

/**
 * The cancelling story: every planned visit is booked first; the first is cancelled, later
 * ones mostly too, some moved by a few days, the rest kept. Returns the visit day, or null.
 */
function tryAppointment(ctx: Ctx, day: Day, first: boolean): Day | null {
  const { rand, sink } = ctx;
  const bookDay = Math.max(ctx.since, day - rand.int(2, 6));
  const slot = hours.checkin(rand);
  sink.add(bookDay, hours.personal(rand), { type: 'appointment_booked', appointmentAt: stamp(day, slot) });
  const r = first ? 0 : rand.float();
  if (r < 0.65) {
    const reason = rand.pick(['临时有事', '出差', '时间冲突', '车况良好，暂不需要', '已在其他门店处理', '价格原因']);
    sink.add(Math.max(bookDay, day - rand.int(0, 1)), hours.office(rand), { type: 'appointment_cancelled', reason });
    return null;
  }
  if (r < 0.8) {
    sink.add(Math.max(bookDay, day - 1), hours.personal(rand), { type: 'appointment_rescheduled' });
    return day + rand.int(2, 7);
  }
  return day;
}

function nextVisitDay(ctx: Ctx, day: Day, forced: Day | null): Day {
  const { rand, plan } = ctx;
  const conduct = conductOn(ctx, day);
  let nd = day + rand.gap(plan.pace * (conduct.visitGap ?? 1), 0.25);
  if (conduct.onSchedule) {
    // A steady customer books the maintenance before it is due (2–12 days ahead).
    const next = earliestDue(ctx, nd);
    if (next && nd > next.due - 2) nd = Math.max(day + 1, next.due - rand.int(2, 12));
  }
  if (forced !== null && day < forced && nd > forced) nd = forced;
  return nd;
}

/** A steady customer whose next maintenance is near has usually booked it already. */
function bookUpcoming(ctx: Ctx, nextDay: Day): void {
  const { rand } = ctx;
  if (!conductOn(ctx, ctx.lastDay).onSchedule) return;
  const next = earliestDue(ctx, nextDay);
  if (!next || nextDay < next.due - 30 || !rand.chance(0.6)) return;
  const last = ctx.visits[ctx.visits.length - 1]?.day ?? ctx.since;
  const bookDay = Math.max(last + 1, nextDay - rand.int(1, 8));
  ctx.sink.add(bookDay, hours.personal(rand), { type: 'appointment_booked', appointmentAt: stamp(nextDay, hours.checkin(rand)) });
}

/** The customer's visits over the whole history, as their persona's phases dictate. */
export function generateVisits(ctx: Ctx): void {
  const { rand, plan } = ctx;
  const end = Math.min(plan.visitsUntil, ctx.lastDay);
  const forced = forcedVisitDay(plan);
  // New owners come back within a few weeks (first wash, first check of the new car).
  let d = ctx.since + rand.int(5, 28);
  while (d <= end) {
    const phase = phaseOn(ctx, d);
    if (phase === 'away') {
      if (plan.turn === null || plan.turn <= d) break;
      d = plan.turn;
      continue;
    }
    const conduct = CONDUCT[phase];
    if (conduct.visitGap === null) break;
    let day = d;
    let booked = false;
    if (phase === 'cancelling') {
      const kept = tryAppointment(ctx, d, d === forced);
      if (kept === null) {
        d += rand.gap(plan.pace * 0.7, 0.3);
        continue;
      }
      if (kept > end) break;
      day = kept;
      booked = true;
    }
    const trigger = day === forced ? triggerOf(plan, rand) : null;
    const { vehicle, kind } = chooseWork(ctx, day, trigger, conduct);
    emitServiceVisit(ctx, { day, vehicle, kind, trigger, booked });
    d = nextVisitDay(ctx, day, forced);
  }
  if (end === ctx.lastDay) bookUpcoming(ctx, d);
}
