import { formatDay, parseDay, type Day } from '../dates.js';
import type { CustomerFacts, Features } from '../evaluation.js';
import type { Customer, EventOf, EventType, RetainEvent, Vehicle } from '../records.js';

/** Test helpers: facts and features built from a few readable calls instead of long literals. */

export const AS_OF: Day = parseDay('2024-06-30');

/** A date `n` days before AS_OF ('YYYY-MM-DD'). */
export function ago(n: number, asOf: Day = AS_OF): string {
  return formatDay(asOf - n);
}

/** Either days before AS_OF, or an ISO date/timestamp used as it is. */
export type When = number | string;

type Fields<T extends EventType> = Omit<EventOf<T>, 'id' | 'customerId' | 'type' | 'at'>;

export class FactsBuilder {
  private readonly customer: Customer;
  private readonly vehicles: Vehicle[] = [];
  private readonly events: RetainEvent[] = [];
  private timeZone = 'Asia/Shanghai';
  private nextId = 1;

  constructor(id = 'c-001', private readonly asOf: Day = AS_OF) {
    this.customer = {
      id, storeId: 'sh-01', name: 'Test', phone: null, wechat: null, email: null, advisorId: null,
      since: formatDay(asOf - 1000), hasApp: false, birthday: null,
      consent: { sms: true, phone: true, wechat: true, app: true, email: false },
    };
  }

  private at(when: When): string {
    return typeof when === 'number' ? formatDay(this.asOf - when) : when;
  }

  since(when: When): this {
    this.customer.since = this.at(when).slice(0, 10);
    return this;
  }

  withApp(hasApp = true): this {
    this.customer.hasApp = hasApp;
    return this;
  }

  withWechat(handle: string | null = 'wx_1'): this {
    this.customer.wechat = handle;
    return this;
  }

  inTimeZone(zone: string): this {
    this.timeZone = zone;
    return this;
  }

  vehicle(v: { vin?: string; delivered: When; months?: number | null; km?: number | null }): this {
    this.vehicles.push({
      vin: v.vin ?? `VIN${this.vehicles.length + 1}`, customerId: this.customer.id, model: 'Model 3',
      deliveredAt: this.at(v.delivered).slice(0, 10), warrantyEnd: null,
      maintenanceIntervalMonths: v.months ?? null, maintenanceIntervalKm: v.km ?? null,
    });
    return this;
  }

  event<T extends EventType>(type: T, when: When, fields: Fields<T>, id?: string): this {
    const e = { id: id ?? `e${this.nextId++}`, customerId: this.customer.id, type, at: this.at(when), ...fields };
    this.events.push(e as unknown as RetainEvent);
    return this;
  }

  visit(when: When, v: Partial<Fields<'visit'>> = {}, id?: string): this {
    return this.event('visit', when, {
      visitId: `v${this.nextId}`, kind: 'repair', amount: 500, basicOnly: false, items: [], ...v,
    }, id);
  }

  nps(when: When, score: number): this {
    return this.event('nps', when, { score });
  }

  /** `n` events of one type, one per day starting `when` days ago and moving forward. */
  repeat<T extends EventType>(n: number, type: T, when: number, fields: Fields<T>): this {
    for (let i = 0; i < n; i++) this.event(type, when - i, fields);
    return this;
  }

  build(): CustomerFacts {
    return { customer: { ...this.customer }, vehicles: [...this.vehicles], events: [...this.events], timeZone: this.timeZone };
  }
}

export function facts(id?: string): FactsBuilder {
  return new FactsBuilder(id);
}

/** A quiet customer's features: recent visit, nothing wrong; override what a test is about. */
export function features(overrides: Partial<Features> = {}): Features {
  return {
    R: 10, visits365: 3, visitsPrev365: 3, spend365: 3000, spendPrev365: 3000, ticketTrend: null,
    lastNps: null, prevNps: null, lastSatisfaction: null, sat5: null, maintenanceDue: null, secondDue: null,
    overdueDays: null, remindersUnanswered: 0, refusedToBook: false, cancellations90: 0, reschedules90: 0,
    hasApp: false, appLogins30: 0, appBaseline: 0, wechatPerMonth: null, interactionsPerMonth: 0,
    callAnswerRate: null, complaints365: 0, complaintSilenceDays: null, valueAddDeclineStreak: 0,
    basicOnlyStreak: 0, invited365: 0, attended365: 0, contactInvalid: false, socialNegativeOpen: false,
    referrals365: 0, annualSpend: 3000, historicalAnnualSpend: 3000, tenureDays: 1000, returnedAt: null,
    ...overrides,
  };
}
