import type { Day } from '../domain/dates.js';
import { hours } from './calendar.js';
import { mayCall, type Ctx } from './context.js';
import { customerId, personaAndSince, storeOf, type Frame } from './customer-profile.js';
import { staffIds } from './stores.js';

const TOPICS = ['维修质量', '等待时间过长', '收费争议', '服务态度', '配件延误'];

/**
 * The complaining story: a complaint opened the evening after the bad visit, a call from the
 * service manager, then either closed (and the customer goes quiet: complaint silence) or left
 * open. A drifting customer sometimes complains about the wait too, closed within days.
 */
function complaints(ctx: Ctx): void {
  const { plan, rand, sink } = ctx;
  if (plan.turn === null) return;
  const id = `${ctx.customer.id}-cp1`;
  if (plan.persona === 'complaining') {
    const topic = rand.pick(TOPICS);
    sink.add(plan.turn, 20 * 60 + rand.int(0, 90), { type: 'complaint_opened', complaintId: id, topic });
    if (mayCall(ctx)) {
      sink.add(plan.turn + 1, hours.office(rand), { type: 'call', direction: 'out', answered: rand.chance(0.8), staffId: staffIds.serviceManager(ctx.store.id), outcome: '已致歉并记录诉求' });
    }
    if (plan.complaintClosed !== null) {
      sink.add(plan.complaintClosed, hours.office(rand), { type: 'complaint_closed', complaintId: id, topic });
    }
  } else if (plan.persona === 'drifting' && rand.chance(0.05)) {
    const topic = '等待时间过长';
    sink.add(plan.turn, 20 * 60 + rand.int(0, 60), { type: 'complaint_opened', complaintId: id, topic });
    sink.add(plan.turn + rand.int(1, 5), hours.office(rand), { type: 'complaint_closed', complaintId: id, topic });
  }
}

/** Posts on 小红书/微博/大众点评: angry ones after a complaint, happy ones from fans. */
function socialPosts(ctx: Ctx): void {
  const { plan, rand, sink } = ctx;
  const postId = `${ctx.customer.id}-sp1`;
  const turn = plan.turn;
  if (turn !== null && (plan.persona === 'complaining' ? rand.chance(0.4) : plan.persona === 'drifting' && rand.chance(0.05))) {
    const day = turn + rand.int(0, 3);
    sink.add(day, hours.personal(rand), { type: 'social_post', sentiment: 'negative', postId });
    if (rand.chance(0.35)) sink.add(day + rand.int(3, 20), hours.office(rand), { type: 'social_resolved', postId });
  } else if (plan.persona === 'healthy' && rand.chance(0.03)) {
    const visit = ctx.visits[rand.int(0, Math.max(0, ctx.visits.length - 1))];
    if (visit) sink.add(visit.day, Math.min(23 * 60, visit.closedAt + 120), { type: 'social_post', sentiment: rand.chance(0.8) ? 'positive' : 'neutral', postId });
  }
}

/**
 * Word of mouth: a few steady customers bring a friend who buys a car at the same store.
 * The referred customer is a real customer of the run whose delivery follows the referral
 * by days to weeks; the search draws candidates' delivery dates without building them.
 * Candidates have a lower index, so they exist in every run that holds this customer and
 * the bundle does not depend on the run's size.
 */
function referrals(ctx: Ctx, frame: Frame): void {
  const { plan, rand, sink } = ctx;
  const self = ctx.frame.index;
  const stores = frame.stores.length;
  const slot = self % stores; // customers of the same store are every `stores`-th index
  if (plan.persona !== 'healthy' || self < stores || !rand.chance(0.06)) return;
  const day = rand.int(ctx.since + 60, ctx.lastDay - 10);
  if (day > ctx.lastDay - 10) return;
  for (let attempt = 0; attempt < 30; attempt++) {
    const j = rand.int(0, Math.floor((self - 1 - slot) / stores)) * stores + slot;
    if (storeOf(frame, j).id !== ctx.store.id) continue;
    const since: Day = personaAndSince(frame, j).since;
    if (since >= day + 3 && since <= day + 60) {
      sink.add(day, hours.office(rand), { type: 'referral', referredCustomerId: customerId(j) });
      return;
    }
  }
}

/** The sale or the move, told to the advisor (who records it in the DMS). */
function departures(ctx: Ctx): void {
  const { plan, rand, sink } = ctx;
  if (plan.turn === null) return;
  const minute = hours.office(rand);
  if (plan.persona === 'sold') {
    ctx.vehicles.forEach((v, i) => {
      if (v.delivered <= plan.turn!) sink.add(plan.turn!, minute + i, { type: 'vehicle_sold', vin: v.record.vin });
    });
  } else if (plan.persona === 'moved') {
    sink.add(plan.turn, minute, { type: 'moved_away' });
  }
}

export function generateIncidents(ctx: Ctx, frame: Frame): void {
  complaints(ctx);
  socialPosts(ctx);
  referrals(ctx, frame);
  departures(ctx);
}
