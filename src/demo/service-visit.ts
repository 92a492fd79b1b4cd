import type { Day } from '../domain/dates.js';
import { hours, stamp } from './calendar.js';
import { conductOn, inWechatLog, mayCall, phaseOn, type Ctx, type VisitLog } from './context.js';
import { recordMaintenance } from './maintenance.js';
import { moodFor, rateVisit, type VisitTrigger } from './ratings.js';
import { odometer, type DemoVehicle } from './vehicles.js';
import { hasRepairOrder, RECOMMENDATIONS, serviceMinutes, visitContent } from './visit-content.js';

export interface VisitSpec {
  day: Day;
  vehicle: DemoVehicle;
  kind: VisitLog['kind'];
  trigger: VisitTrigger | null;
  /** the appointment was already booked by the caller (the cancelling story books its own) */
  booked: boolean;
}

const CANCEL_REASONS = ['临时有事', '出差', '时间冲突', '车况良好，暂不需要', '已在其他门店处理', '价格原因'];
const CALL_OUTCOMES_OK = ['车辆使用正常', '客户满意', '客户咨询下次保养时间', '客户反馈轻微异响，已约复查'];

/**
 * The booking before a visit with a repair order. Steady customers book most maintenance;
 * now and then one cancels and rebooks or moves the slot — ordinary noise, kept rare
 * because a cancellation in the last 30 days is signal 3 under the default policy.
 */
function bookAppointment(ctx: Ctx, spec: VisitSpec, checkinMinute: number): void {
  const { rand, sink } = ctx;
  const bookDay = Math.max(ctx.since, spec.day - rand.int(1, 8));
  if (rand.chance(0.03) && bookDay - 6 >= ctx.since) {
    sink.add(bookDay - 6, hours.personal(rand), { type: 'appointment_booked', appointmentAt: stamp(bookDay - 2, 600) });
    sink.add(bookDay - 3, hours.personal(rand), { type: 'appointment_cancelled', reason: rand.pick(CANCEL_REASONS) });
  }
  sink.add(bookDay, hours.personal(rand), { type: 'appointment_booked', appointmentAt: stamp(spec.day, checkinMinute) });
  if (rand.chance(0.05) && bookDay < spec.day) sink.add(spec.day - 1, hours.personal(rand), { type: 'appointment_rescheduled' });
}

/** Recommendations at a maintenance visit; accepted ones go on the bill. */
function recommend(ctx: Ctx, day: Day, minute: number, accept: number): (readonly [string, number])[] {
  const { rand, sink } = ctx;
  const count = rand.chance(0.45) ? 1 : rand.chance(0.15) ? 2 : 0;
  const accepted: (readonly [string, number])[] = [];
  for (let i = 0; i < count; i++) {
    const rec = rand.pick(RECOMMENDATIONS);
    const ok = rand.chance(accept);
    sink.add(day, minute + i, { type: 'recommendation', item: rec[0], accepted: ok });
    if (ok) accepted.push(rec);
  }
  return accepted;
}

/** The after-care of program §3: the advisor calls ~2 hours after hand-back, WeChats the next day. */
function followUp(ctx: Ctx, spec: VisitSpec, closedAt: number): void {
  const { rand, sink } = ctx;
  const conduct = conductOn(ctx, spec.day);
  const serious = spec.kind === 'maintenance' || spec.kind === 'repair' || spec.kind === 'warranty';
  // After a visit that went wrong (or a return) the call is almost certain; otherwise one in five.
  if (serious && mayCall(ctx) && rand.chance(spec.trigger ? 0.8 : 0.2)) {
    const callDay = closedAt + 120 <= 18 * 60 + 30 ? spec.day : spec.day + 1;
    const minute = callDay === spec.day ? closedAt + rand.int(100, 150) : hours.office(rand);
    const answered = rand.chance(conduct.answerCall);
    const unhappy = spec.trigger !== null && spec.trigger !== 'return';
    const outcome = !answered ? '未接通' : unhappy ? '客户表达不满，已记录' : rand.pick(CALL_OUTCOMES_OK);
    sink.add(callDay, minute, { type: 'call', direction: 'out', answered, staffId: ctx.advisorId, outcome });
  }
  if (inWechatLog(ctx, spec.day + 1) && rand.chance(0.15)) sink.add(spec.day + 1, hours.office(rand), { type: 'wechat', direction: 'out' });
}

/** One visit with everything around it: booking, check-in, recommendations, the bill, survey, after-care. */
export function emitServiceVisit(ctx: Ctx, spec: VisitSpec): VisitLog {
  const { rand, sink } = ctx;
  const conduct = conductOn(ctx, spec.day);
  const repairOrder = hasRepairOrder(spec.kind);
  let minutes = serviceMinutes(rand, spec.kind);
  // A long wait: 4–5.5 hours for a job promised in one or two. Now and then it happens to anyone.
  if (spec.trigger === 'long_wait') minutes = rand.int(240, 330);
  else if (repairOrder && rand.chance(0.03)) minutes += rand.int(90, 150);
  let start = repairOrder ? hours.checkin(rand) : hours.quick(rand);
  start = Math.min(start, 19 * 60 + 30 - minutes); // the desk hands cars back by 19:30
  const closedAt = start + minutes;
  if (repairOrder && !spec.booked && rand.chance(spec.kind === 'maintenance' ? 0.7 : 0.35)) bookAppointment(ctx, spec, start);

  const visitId = `${ctx.customer.id}-v${ctx.visits.length + 1}`;
  const checkinAt = repairOrder ? stamp(spec.day, start) : null;
  if (repairOrder) sink.add(spec.day, start, { type: 'checkin', visitId });
  const accepted = spec.kind === 'maintenance' ? recommend(ctx, spec.day, closedAt - 15, conduct.acceptRecommendation) : [];
  const content = visitContent(rand, spec.kind, spec.vehicle.ticket, spec.vehicle.months, accepted, rand.chance(conduct.basicOnly));
  sink.add(spec.day, closedAt, {
    type: 'visit',
    visitId,
    kind: spec.kind,
    amount: content.amount,
    basicOnly: content.basicOnly,
    items: content.items,
    checkinAt,
    mileage: odometer(spec.vehicle, spec.day),
    ...(ctx.vehicles.length > 1 ? { vin: spec.vehicle.record.vin } : {}),
  });
  if (spec.kind === 'maintenance') recordMaintenance(ctx, spec.vehicle, spec.day);
  if (repairOrder) rateVisit(ctx, spec.day, closedAt, moodFor(phaseOn(ctx, spec.day), spec.trigger));
  followUp(ctx, spec, closedAt);
  const log: VisitLog = { day: spec.day, kind: spec.kind, vin: spec.vehicle.record.vin, closedAt };
  ctx.visits.push(log);
  return log;
}
