import { dayFromYmd, parseDay, ymdOf, type Day } from '../domain/dates.js';
import { hours } from './calendar.js';
import { conductOn, inWechatLog, mayCall, messageChannel, type Ctx } from './context.js';
import { storeStillWrites } from './generate-reminders.js';
import type { Persona } from './personas.js';
import { staffIds } from './stores.js';

/**
 * Days after the turn on which the store reaches out, per story. The demo history predates
 * Retain, so this is the store's own ad-hoc effort: a few calls and messages, mostly
 * unanswered by customers who are leaving — which is what the call-answer rate measures.
 */
const TOUCHES: Partial<Record<Persona, readonly number[]>> = {
  drifting: [2, 30, 60, 95],
  silent: [8, 26, 45, 63, 80],
  cancelling: [1, 30, 60],
  lost: [20, 45, 90, 200],
};
const RECALL_OFFERS = [130, 280];

function touch(ctx: Ctx, day: Day, call: boolean, staffId: string): void {
  const { rand, sink } = ctx;
  if (day > ctx.lastDay || !storeStillWrites(ctx, day)) return;
  if (call && mayCall(ctx)) {
    const answered = rand.chance(conductOn(ctx, day).answerCall);
    sink.add(day, hours.office(rand), { type: 'call', direction: 'out', answered, staffId, outcome: answered ? '已沟通，客户表示再考虑' : '未接通' });
  } else if (inWechatLog(ctx, day)) {
    sink.add(day, hours.office(rand), { type: 'wechat', direction: 'out' });
  } else {
    const channel = messageChannel(ctx, 'sms');
    if (channel) sink.add(day, hours.batch(rand), { type: 'message', channel, purpose: 'care' });
  }
}

function message(ctx: Ctx, day: Day, purpose: string, replyText: string | null): void {
  const { rand, sink } = ctx;
  if (day > ctx.lastDay || !storeStillWrites(ctx, day)) return;
  const channel = messageChannel(ctx);
  if (!channel) return;
  sink.add(day, hours.batch(rand), { type: 'message', channel, purpose });
  if (replyText && rand.chance(conductOn(ctx, day).reply * 0.6)) {
    sink.add(day, Math.max(11 * 60 + 5, hours.personal(rand)), { type: 'reply', channel, text: replyText });
  }
}

/** Birthday greetings (关怀), one a year, to everyone the store still writes to. */
function birthdays(ctx: Ctx): void {
  const { birthday } = ctx.customer;
  if (!birthday) return;
  const { m, d } = ymdOf(parseDay(birthday));
  for (let y = ymdOf(ctx.since).y; y <= ymdOf(ctx.lastDay).y; y++) {
    const day = dayFromYmd(y, m, d);
    if (day >= ctx.since && conductOn(ctx, day).visitGap !== null) message(ctx, day, 'care', '谢谢！');
  }
}

/** Touches after the turn, recall offers, farewells and giving up. */
function afterTurn(ctx: Ctx): void {
  const { plan, rand, sink } = ctx;
  if (plan.turn === null) return;
  const sm = staffIds.serviceManager(ctx.store.id);
  const rs = staffIds.retentionSpecialist(ctx.store.id);
  (TOUCHES[plan.persona] ?? []).forEach((offset, i) => touch(ctx, plan.turn! + offset + rand.int(0, 3), i % 2 === 0, i === 0 && plan.persona === 'drifting' ? sm : ctx.advisorId));
  if (plan.persona === 'lost') for (const o of RECALL_OFFERS) message(ctx, plan.turn + o, 'offer', null);
  if (plan.persona === 'returned' && plan.gapStart !== null) {
    touch(ctx, plan.gapStart + 60, true, ctx.advisorId);
    touch(ctx, plan.gapStart + 120, true, rs);
    message(ctx, plan.turn - rand.int(5, 12), 'offer', '这个优惠还有吗？我下周过去');
  }
  if (plan.persona === 'sold' || plan.persona === 'moved') {
    const channel = messageChannel(ctx);
    if (channel) sink.add(plan.turn + rand.int(1, 4), hours.batch(rand), { type: 'message', channel, purpose: 'farewell' });
  }
  if (plan.abandonedOn !== null) {
    const reason = rand.pick(['多次联系无回应', '客户已在其他门店保养', '客户明确表示不再回店']);
    sink.add(plan.abandonedOn, hours.office(rand), { type: 'abandoned', reason, staffId: rs });
    const channel = messageChannel(ctx);
    if (channel) sink.add(plan.abandonedOn, 17 * 60, { type: 'message', channel, purpose: 'farewell' });
  }
}

/** A number that stopped working (SMS bounced, "空号"), and, usually, a new one given at the next visit. */
function contactChanges(ctx: Ctx): void {
  const { plan, rand, sink } = ctx;
  const turn = plan.turn;
  if (plan.persona === 'moved' && turn !== null && rand.chance(0.5)) {
    sink.add(turn + rand.int(10, 60), hours.office(rand), { type: 'contact_invalid', channel: 'phone' });
  } else if (plan.persona === 'lost' && turn !== null && rand.chance(0.2)) {
    sink.add(turn + rand.int(30, Math.max(31, ctx.lastDay - turn)), hours.batch(rand), { type: 'contact_invalid', channel: 'sms' });
  } else if (rand.chance(0.015)) {
    const day = rand.int(ctx.since + 30, ctx.lastDay);
    sink.add(day, hours.batch(rand), { type: 'contact_invalid', channel: rand.chance(0.6) ? 'sms' : 'phone' });
    const fixedAt = ctx.visits.find((v) => v.day > day);
    if (fixedAt && rand.chance(0.85)) sink.add(fixedAt.day, fixedAt.closedAt - 5, { type: 'contact_updated' });
  }
}

/** The customer calling the store: a question about charging, a booking, a noise — a few times a year. */
function inboundCalls(ctx: Ctx): void {
  const { rand, sink } = ctx;
  let d = ctx.since + rand.int(20, 150);
  while (d <= ctx.lastDay) {
    if (conductOn(ctx, d).visitGap !== null && mayCall(ctx)) {
      sink.add(d, hours.office(rand), { type: 'call', direction: 'in', answered: true, staffId: ctx.advisorId, outcome: rand.pick(['咨询充电问题', '咨询保养价格', '预约咨询', '咨询OTA升级']) });
    }
    d += rand.gap(240, 0.5);
  }
}

export function generateOutreach(ctx: Ctx): void {
  birthdays(ctx);
  afterTurn(ctx);
  contactChanges(ctx);
  inboundCalls(ctx);
}
