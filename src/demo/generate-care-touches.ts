import type { Ctx } from './context.js';
import { conductOn, inWechatLog, mayCall } from './context.js';
import { hours } from './calendar.js';
import { storeStillWrites } from './generate-reminders.js';
import { Rand, Stream } from './rng.js';

/**
 * How often an advisor reached out to a customer before Retain, by habit: some keep in touch
 * monthly, most every few months, some hardly. The demo's care coverage on the first day comes
 * from this mix against each tier's interval (30 days for high value, 90 for mid and basic).
 */
const CADENCE_DAYS: readonly (readonly [number, number])[] = [[26, 0.35], [60, 0.4], [150, 0.25]];

/**
 * The store's own proactive care in the history: while the relationship is sound (before a
 * persona's story turns), the advisor calls — answered as the customer answers calls — or writes
 * on WeChat (inside the exported WeChat window). A stream of its own, so the rest of the demo
 * does not shift with it.
 */
export function generateCareTouches(ctx: Ctx): void {
  const rand = new Rand(ctx.frame.seed, Stream.careTouches, ctx.frame.index);
  const cadence = rand.weighted(CADENCE_DAYS);
  const until = Math.min(ctx.lastDay, ctx.plan.turn ?? ctx.lastDay);
  for (let day = ctx.since + rand.int(7, cadence); day <= until; day += rand.gap(cadence, 0.35)) {
    const conduct = conductOn(ctx, day);
    if (conduct.visitGap === null || !storeStillWrites(ctx, day)) continue;
    if (inWechatLog(ctx, day) && rand.chance(0.8)) ctx.sink.add(day, hours.office(rand), { type: 'wechat', direction: 'out' });
    else if (mayCall(ctx)) {
      const answered = rand.chance(conduct.answerCall);
      ctx.sink.add(day, hours.office(rand), { type: 'call', direction: 'out', answered, staffId: ctx.advisorId, outcome: answered ? '关怀回访，客户用车正常' : '未接通' });
    }
  }
}
