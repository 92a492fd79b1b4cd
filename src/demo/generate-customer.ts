import type { Customer, RetainEvent, Vehicle } from '../domain/records.js';
import type { Ctx } from './context.js';
import { makeProfile, storeOf, type Frame } from './customer-profile.js';
import { EventSink } from './event-sink.js';
import { generateCareTouches } from './generate-care-touches.js';
import { generateDigital } from './generate-digital.js';
import { generateIncidents } from './generate-incidents.js';
import { generateOutreach } from './generate-outreach.js';
import { generateReminders } from './generate-reminders.js';
import { generateSoftwareUpdates } from './generate-software-updates.js';
import { generateVisits } from './generate-visits.js';
import { completePlan, type Persona } from './personas.js';
import { withRecallCampaign } from './recall-campaign-story.js';
import { Rand, Stream } from './rng.js';
import { generateStoreEvents, type StoreEvent } from './store-events.js';

/** One customer with everything about them. `persona` is the story behind the data (not written to files). */
export interface CustomerBundle {
  customer: Customer;
  vehicles: Vehicle[];
  events: RetainEvent[];
  persona: Persona;
}

/** Days of history the app backend and the WeCom archive export (see Ctx). */
export const APP_LOG_DAYS = 120;
export const WECHAT_LOG_DAYS = 90;

/**
 * Builds customer `index` from scratch: profile from one random stream, behaviour from
 * another, so the result depends only on (seed, asOf, years, stores, index) — not on how
 * many customers the run has or which were built before.
 */
export function generateCustomer(frame: Frame, index: number, calendars: ReadonlyMap<string, readonly StoreEvent[]>): CustomerBundle {
  const profile = makeProfile(frame, index);
  const rand = new Rand(frame.seed, Stream.behaviour, index);
  const lastDay = frame.asOf - 1;
  const plan = completePlan(rand, profile.draft, lastDay);
  const store = storeOf(frame, index);
  const ctx: Ctx = {
    rand,
    sink: new EventSink(profile.customer.id, profile.since, lastDay),
    customer: profile.customer,
    vehicles: profile.vehicles,
    plan,
    store,
    storeEvents: calendars.get(store.id) ?? [],
    since: profile.since,
    lastDay,
    appLogFrom: frame.asOf - APP_LOG_DAYS,
    wechatLogFrom: frame.asOf - WECHAT_LOG_DAYS,
    visits: [],
    maintenance: new Map(),
    advisorId: profile.customer.advisorId ?? '',
    frame: { seed: frame.seed, index },
  };
  // Visits first: reminders, follow-ups and contact updates hang off them.
  generateVisits(ctx);
  generateReminders(ctx);
  generateDigital(ctx);
  generateOutreach(ctx);
  generateIncidents(ctx, frame);
  generateStoreEvents(ctx);
  generateSoftwareUpdates(ctx);
  generateCareTouches(ctx);
  return withRecallCampaign(frame, index, {
    customer: profile.customer,
    vehicles: profile.vehicles.map((v) => v.record),
    events: ctx.sink.finish(),
    persona: plan.persona,
  });
}
