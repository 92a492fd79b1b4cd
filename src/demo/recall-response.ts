import { defaultOffer } from '../campaigns/choose-offer.js';
import { defaultCatalogue } from '../campaigns/default-offers.js';
import type { ChurnReason } from '../campaigns/vocabulary.js';
import { parseDay, type Day } from '../domain/dates.js';
import type { RetainEvent } from '../domain/records.js';
import type { EventBody } from './event-sink.js';
import { stamp } from './calendar.js';
import { LAUNCH_MINUTE, type DemoCampaign } from './demo-campaign.js';
import type { RecallMember } from './recall-members.js';
import type { Rand } from './rng.js';
import { staffIds } from './stores.js';

/** An event without id, customer and time; the campaign's two extra fields (a call's churnReason, a visit's offerId) allowed. */
type Body = EventBody & { churnReason?: string; offerId?: string };
export interface Planned { day: Day; minute: number; body: Body }

/**
 * How likely a contacted customer is to come back, by why they left: convenience is solved by
 * pick-up and delivery, price by money off, a passive customer by a reminder and a booked slot;
 * a customer the service let down is hard to win back with an offer (programs.md §8's material:
 * the script and offer must follow the reason). Level-1 customers get a manager and three
 * attempts, level-3 an automated message: the level scales the response.
 */
const RESPONSE: Record<ChurnReason, number> = { convenience: 0.6, price: 0.45, passive: 0.3, service: 0.1 };
const LEVEL_FACTOR = { 1: 1.2, 2: 1, 3: 0.7 } as const;
const ANSWERS = 0.55;

interface Contact { day: Day; minute: number; channel: 'call' | 'sms' | 'wechat'; staffId?: string }

/** The attempts the campaign's program makes (recall presets; level 1 per the attempts policy). */
function attempts(m: RecallMember, c: DemoCampaign, storeId: string, advisorId: string, wechat: boolean): Contact[] {
  const d = c.launchDay;
  const sm = staffIds.serviceManager(storeId);
  if (m.level === 1) return [{ day: d, minute: 630, channel: 'call', staffId: sm }, { day: d + 2, minute: 900, channel: 'sms' }, { day: d + 4, minute: 1110, channel: 'call', staffId: sm }];
  if (m.level === 2) return [{ day: d, minute: 640, channel: 'call', staffId: advisorId }, { day: d + 2, minute: 960, channel: 'call', staffId: advisorId }];
  return [{ day: d, minute: 615, channel: 'sms' }, ...(wechat ? [{ day: d + 7, minute: 615, channel: 'wechat' as const }] : [])];
}

export interface ResponseInput {
  member: RecallMember;
  campaign: DemoCampaign;
  storeId: string;
  advisorId: string;
  consent: { phone: boolean; sms: boolean; wechat: boolean };
  /** Days a return may fall on and still read as a return from dormancy today (observation). */
  returnWindow: [Day, Day];
  /** The first paid visit after the launch in the customer's own story, if any. */
  naturalReturn: Day | null;
}

/** What the store did for a treated member and how they answered: attempt events, maybe a booking and a visit with the offer. */
export function respond(rand: Rand, r: ResponseInput): { events: Planned[]; returned: Day | null; offerId: string | null } {
  const { member: m, campaign: c } = r;
  const offer = defaultOffer(defaultCatalogue(), m.level, m.reason);
  const events: Planned[] = [];
  let reached = false;
  let returned: Day | null = null;
  for (const a of attempts(m, c, r.storeId, r.advisorId, r.consent.wechat)) {
    if (returned !== null && a.day >= returned - 5) break; // a booking stops the cadence
    if (a.channel === 'call') {
      if (!r.consent.phone) continue;
      const answered = rand.chance(ANSWERS);
      events.push({ day: a.day, minute: a.minute + rand.int(0, 20), body: { type: 'call', direction: 'out', answered, staffId: a.staffId!, outcome: answered ? 'reached' : 'no_answer' } });
      reached ||= answered;
    } else {
      if (!(a.channel === 'sms' ? r.consent.sms : r.consent.wechat)) continue;
      events.push({ day: a.day, minute: a.minute, body: { type: 'message', channel: a.channel, purpose: 'recall_offer' } });
      reached = true;
    }
    if (reached && returned === null && r.naturalReturn === null && rand.chance(RESPONSE[m.reason] * LEVEL_FACTOR[m.level])) {
      const from = Math.max(a.day + 3, r.returnWindow[0]);
      if (from <= r.returnWindow[1]) returned = rand.int(from, Math.min(r.returnWindow[1], from + 40));
    }
  }
  if (returned !== null) {
    const booked = returned - rand.int(1, 5);
    events.push({ day: Math.max(booked, c.launchDay), minute: LAUNCH_MINUTE + rand.int(60, 480), body: { type: 'appointment_booked', appointmentAt: stamp(returned, 600) } });
  }
  return { events, returned, offerId: offer?.id ?? null };
}

export const dayOfEvent = (e: RetainEvent) => parseDay(e.at.slice(0, 10));
