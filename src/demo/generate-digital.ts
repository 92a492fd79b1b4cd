import type { Day } from '../domain/dates.js';
import { hours } from './calendar.js';
import { APP_GAP_DAYS, CHAT_GAP_DAYS, type Conduct } from './conduct.js';
import { conductOn, inWechatLog, type Ctx } from './context.js';
import { odometer } from './vehicles.js';

/** New owners ask a lot in their first weeks (charging, the app, the car's functions). */
const ONBOARDING_DAYS = 45;

/**
 * A habit as a renewal process: the next occurrence comes `gap × factor` days after the
 * last, where the factor follows the customer's phase; in a phase without the habit we
 * look again a week later (a returning customer picks the habit up again).
 */
function habit(
  ctx: Ctx,
  first: Day,
  baseGap: number,
  jitter: number,
  factorOf: (c: Conduct, day: Day) => number | null,
  emit: (day: Day) => void,
): void {
  const { rand } = ctx;
  let d = first;
  while (d <= ctx.lastDay) {
    const factor = factorOf(conductOn(ctx, d), d);
    if (factor === null) {
      d += 7;
      continue;
    }
    emit(d);
    d += rand.gap(baseGap * factor, jitter);
  }
}

/** The log starts at delivery for new owners, else somewhere in the first gap of the export. */
function firstDay(ctx: Ctx, logFrom: Day, gap: number): Day {
  return ctx.since >= logFrom ? ctx.since : logFrom + ctx.rand.int(0, gap - 1);
}

/**
 * App logins, WeChat messages and odometer readings from the connected car, inside the
 * windows the sources export. Steady customers write on WeChat about every 12 days (≥ 2 a month, the
 * silent-customer threshold) and open the app about every 13 (never 30 days without a login).
 */
export function generateDigital(ctx: Ctx): void {
  const { rand, sink, customer } = ctx;
  const onboarding = (day: Day) => (day - ctx.since < ONBOARDING_DAYS ? 0.45 : 1);
  if (customer.wechat) {
    habit(ctx, firstDay(ctx, ctx.wechatLogFrom, CHAT_GAP_DAYS), CHAT_GAP_DAYS, 0.35, (c, d) => (c.chatGap === null ? null : c.chatGap * onboarding(d)), (day) => {
      if (!inWechatLog(ctx, day)) return;
      const minute = hours.personal(rand);
      sink.add(day, minute, { type: 'wechat', direction: 'in' });
      // The advisor answers in office hours; an evening message gets its answer next morning.
      if (rand.chance(0.15)) {
        const sameDay = minute < 18 * 60;
        sink.add(sameDay ? day : day + 1, sameDay ? minute + rand.int(5, 40) : hours.office(rand), { type: 'wechat', direction: 'out' });
      }
    });
  }
  // The advisor sets the app up with the owner at delivery: the first login is on that day.
  if (customer.hasApp) {
    habit(ctx, firstDay(ctx, ctx.appLogFrom, APP_GAP_DAYS), APP_GAP_DAYS, 0.4, (c) => c.appGap, (day) => sink.add(day, hours.personal(rand), { type: 'app_login' }));
  }
  // The connected car reports its odometer through the app (single-car households only: the
  // app's export names no VIN, so with two cars the readings would mix).
  const car = ctx.vehicles[0];
  if (customer.hasApp && car && ctx.vehicles.length === 1) {
    habit(ctx, firstDay(ctx, ctx.appLogFrom, 60) + 20, 60, 0.3, (c) => c.appGap, (day) => sink.add(day, hours.personal(rand), { type: 'mileage', km: odometer(car, day) }));
  }
}
