import type { Day } from '../domain/dates.js';
import { hours } from './calendar.js';
import { conductOn, mayCall, messageChannel, phaseOn, type Ctx } from './context.js';
import { dueAfter } from './maintenance.js';
import type { DemoVehicle } from './vehicles.js';

/**
 * Days (relative to the due date) on which the DMS sends a maintenance reminder while the
 * maintenance is not done: two weeks ahead, then a chase that slows down over months.
 */
const REMINDER_OFFSETS = [-14, 3, 10, 24, 45, 75, 110, 150];
/** Offsets on which the advisor also calls (program §5: day 7 SA call, day 14 offer …). */
const CALL_OFFSETS = new Set([10, 24]);

const REPLIES = ['好的，这周末过去', '收到，谢谢提醒', '最近比较忙，过段时间再说', '已经约好了', '请问周六有位置吗'];

/** Whether the store still writes to the customer on `day` (it stops once told of a sale or after giving up). */
export function storeStillWrites(ctx: Ctx, day: Day): boolean {
  const { plan } = ctx;
  if (plan.abandonedOn !== null && day > plan.abandonedOn) return false;
  if ((plan.persona === 'sold' || plan.persona === 'moved') && plan.turn !== null && day >= plan.turn) return false;
  return true;
}

function remindCycle(ctx: Ctx, v: DemoVehicle, due: Day, doneOn: Day | null): void {
  const { rand, sink } = ctx;
  for (const offset of REMINDER_OFFSETS) {
    const day = due + offset;
    if ((doneOn !== null && day >= doneOn) || day > ctx.lastDay || !storeStillWrites(ctx, day)) return;
    if (day < v.delivered) continue;
    const conduct = conductOn(ctx, day);
    const channel = messageChannel(ctx, offset < 0 ? 'app' : offset >= 24 ? 'sms' : undefined);
    if (channel) {
      sink.add(day, hours.batch(rand), { type: 'message', channel, purpose: 'maintenance_reminder' });
      if (rand.chance(conduct.reply)) {
        const replyDay = rand.chance(0.7) ? day : day + 1;
        sink.add(replyDay, Math.max(11 * 60 + 5, hours.personal(rand)), { type: 'reply', channel, text: rand.pick(REPLIES) });
      }
    }
    if (CALL_OFFSETS.has(offset) && mayCall(ctx)) {
      const answered = rand.chance(conduct.answerCall);
      const refuses = answered && phaseOn(ctx, day) !== 'steady' && rand.chance(0.35);
      const outcome = !answered ? '未接通' : refuses ? '暂不需要保养' : '客户表示会尽快预约';
      const minute = hours.office(rand);
      sink.add(day, minute, { type: 'call', direction: 'out', answered, staffId: ctx.advisorId, outcome });
      if (refuses) sink.add(day, minute + 3, { type: 'maintenance_refused' });
    }
  }
}

/**
 * Maintenance reminders and chases for every service cycle of every car: from one
 * maintenance (or the delivery) to the next, reminders run until the maintenance is done.
 * Steady customers are usually serviced before the first reminder or right after it.
 */
export function generateReminders(ctx: Ctx): void {
  for (const v of ctx.vehicles) {
    const done = ctx.maintenance.get(v.record.vin) ?? [];
    let base = v.delivered;
    for (let i = 0; ; i++) {
      const due = dueAfter(v, base);
      if (due - 14 > ctx.lastDay) break;
      const doneOn = done[i] ?? null;
      remindCycle(ctx, v, due, doneOn);
      if (doneOn === null) break;
      base = doneOn;
    }
  }
}
