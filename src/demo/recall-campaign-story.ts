import { stamp } from './calendar.js';
import type { Frame } from './customer-profile.js';
import { demoCampaign, LAUNCH_MINUTE } from './demo-campaign.js';
import type { CustomerBundle } from './generate-customer.js';
import { drawReason, recallMember, type RecallMember } from './recall-members.js';
import { dayOfEvent, respond, type Planned } from './recall-response.js';
import { Rand } from './rng.js';

/** Its own random stream (beside rng.ts's 1–4), so the campaign never shifts anyone's other events. */
const CAMPAIGN_STREAM = 101;
const amountFor = (tier: string, rand: Rand) => (tier === 'high' ? rand.int(1500, 3200) : tier === 'mid' ? rand.int(900, 1800) : rand.int(380, 900));

/**
 * The demo's recall campaign in the customer's history (issue item 7): a member's recorded churn
 * reason (a call before the campaign), then for the treated the attempts and — depending on the
 * reason and level — a booking and a paid return visit redeeming the offer; a natural returner
 * who was treated redeems the offer on the visit they made anyway. Held-out members get nothing.
 * A lost customer won back is, from then on, a returned one (the persona follows the story).
 */
export function withRecallCampaign(frame: Frame, index: number, bundle: CustomerBundle): CustomerBundle {
  const c = demoCampaign(frame.asOf);
  if (c.attributionDays + c.launchDay >= frame.asOf || c.selectedOn - 200 < frame.open) return bundle;
  const found = recallMember(c, bundle.customer, bundle.vehicles, bundle.events);
  if (!found) return bundle;
  const rand = new Rand(frame.seed, CAMPAIGN_STREAM, index);
  const m: RecallMember = { ...found, reason: drawReason(rand, found, bundle.persona) };
  const customer = bundle.customer;
  const planned: Planned[] = [];
  // The reason was recorded on an earlier call (the program engine and the launch read it from there).
  const reasonDay = rand.int(Math.max(m.lastVisit + 1, c.selectedOn - 40), c.selectedOn - 3);
  planned.push({ day: reasonDay, minute: 660, body: { type: 'call', direction: 'out', answered: true, staffId: customer.advisorId ?? null, outcome: 'reached', churnReason: m.reason } as Planned['body'] });
  const end = c.launchDay + c.attributionDays - 1;
  const after = bundle.events.filter((e) => dayOfEvent(e) > c.selectedOn);
  const gone = after.some((e) => e.type === 'vehicle_sold' || e.type === 'moved_away');
  const natural = after.find((e) => e.type === 'visit' && e.amount > 0 && dayOfEvent(e) <= end);
  let events = bundle.events;
  let persona = bundle.persona;
  if (m.treated) {
    const r = respond(rand, {
      member: m, campaign: c, storeId: customer.storeId, advisorId: customer.advisorId ?? '',
      consent: { phone: customer.consent.phone && !!customer.phone, sms: customer.consent.sms && !!customer.phone, wechat: customer.consent.wechat && !!customer.wechat },
      // A return that still reads as one today: 180+ days after the last visit, within the last 88 days, inside the window.
      returnWindow: gone ? [1, 0] : [Math.max(m.lastVisit + 180, frame.asOf - 88), Math.min(end, frame.asOf - 2)],
      naturalReturn: natural ? dayOfEvent(natural) : null,
    });
    planned.push(...r.events);
    if (r.returned !== null) {
      planned.push({ day: r.returned, minute: 600 + rand.int(0, 300), body: {
        type: 'visit', visitId: `${customer.id}-recall`, kind: 'maintenance', amount: amountFor(m.evaluation.features.historicalAnnualSpend > 8000 ? 'high' : m.evaluation.features.historicalAnnualSpend >= 4000 ? 'mid' : 'basic', rand),
        basicOnly: false, items: ['保养', '召回礼遇'], ...(r.offerId ? { offerId: r.offerId } : {}),
      } as Planned['body'] });
      if (persona === 'lost') persona = 'returned';
      // Nobody gives up on a customer who came back: the give-up in their story never happens.
      events = events.filter((e) => !(e.type === 'abandoned' && dayOfEvent(e) > c.selectedOn));
    }
    if (natural && r.offerId && dayOfEvent(natural) >= c.launchDay) {
      const offerId = r.offerId;
      events = events.map((e) => (e === natural ? ({ ...e, offerId } as unknown as typeof e) : e));
    }
  }
  const added = planned
    .filter((p) => p.day <= frame.asOf - 1)
    .map((p, i) => ({ id: `${customer.id}-r${i + 1}`, customerId: customer.id, at: stamp(p.day, p.day === c.launchDay ? Math.max(p.minute, LAUNCH_MINUTE + 1) : p.minute), ...p.body }) as CustomerBundle['events'][number]);
  return { ...bundle, persona, events: [...events, ...added].sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : 0)) };
}
