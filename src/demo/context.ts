import type { Day } from '../domain/dates.js';
import type { Customer, Store } from '../domain/records.js';
import { CONDUCT, type Conduct } from './conduct.js';
import type { EventSink } from './event-sink.js';
import { phaseAt, type Phase, type Plan } from './personas.js';
import type { Rand } from './rng.js';
import type { StoreEvent } from './store-events.js';
import type { DemoVehicle } from './vehicles.js';

/** A visit as the other generators need to know it. */
export interface VisitLog {
  day: Day;
  kind: 'maintenance' | 'repair' | 'inspection' | 'warranty' | 'free' | 'other';
  vin: string;
  /** closing minute of the day */
  closedAt: number;
}

/** Everything one customer's generators share. */
export interface Ctx {
  rand: Rand;
  sink: EventSink;
  customer: Customer;
  vehicles: DemoVehicle[];
  plan: Plan;
  store: Store;
  storeEvents: readonly StoreEvent[];
  since: Day;
  lastDay: Day;
  /**
   * App logins (and the car's odometer readings) exist only from this day on: the app backend
   * exports four months — what scoring reads (30 days + a 90-day baseline).
   */
  appLogFrom: Day;
  /**
   * WeChat messages exist only from this day on: the WeCom (企业微信) archive export keeps
   * 90 days — scoring's WeChat window. Old chatter is what would inflate the event count most.
   */
  wechatLogFrom: Day;
  visits: VisitLog[];
  /** maintenance visit days per VIN, in order */
  maintenance: Map<string, Day[]>;
  /** the customer's share of the store's staff */
  advisorId: string;
  frame: { seed: number; index: number };
}

export function phaseOn(ctx: Ctx, day: Day): Phase {
  return phaseAt(ctx.plan, day);
}

export function conductOn(ctx: Ctx, day: Day): Conduct {
  return CONDUCT[phaseAt(ctx.plan, day)];
}

export type MessageChannel = 'sms' | 'wechat' | 'app' | 'email';

/**
 * The channel the store would use for a written message, honouring consent: WeChat first,
 * then the app, then SMS, then e-mail; null when the customer opted out of all of them.
 */
export function messageChannel(ctx: Ctx, prefer?: MessageChannel): MessageChannel | null {
  const c = ctx.customer.consent;
  const allowed: MessageChannel[] = [];
  if (c.wechat && ctx.customer.wechat) allowed.push('wechat');
  if (c.app && ctx.customer.hasApp) allowed.push('app');
  if (c.sms && ctx.customer.phone) allowed.push('sms');
  if (c.email && ctx.customer.email) allowed.push('email');
  if (prefer && allowed.includes(prefer)) return prefer;
  return allowed[0] ?? null;
}

export function mayCall(ctx: Ctx): boolean {
  return ctx.customer.consent.phone && !!ctx.customer.phone;
}

/** WeChat events exist for customers with a handle, inside the exported window. */
export function inWechatLog(ctx: Ctx, day: Day): boolean {
  return !!ctx.customer.wechat && day >= ctx.wechatLogFrom && day <= ctx.lastDay;
}
