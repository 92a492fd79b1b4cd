import { parseDay, ymdOf } from '../domain/dates.js';
import type { Customer, NoteTopic, RetainEvent, Staff, Store, Vehicle } from '../domain/records.js';
import type { Fact } from '../programs/types.js';
import { formatDate, formatItems, formatKm, formatMaintenanceItem, formatVisitKind } from './format-values.js';
import { momentFields } from './moment-fields.js';
import { nameWithTitle, parseGender, type Gender } from './name-with-title.js';
import { noteContext } from './note-fields.js';
import type { FieldValue, ScriptContext } from './render.js';
import { openComplaintTopic, visitFacts } from './visit-facts.js';

export interface ContextInput {
  /** The store-local date the script is used on (`YYYY-MM-DD`). */
  asOf: string;
  customer: Customer;
  store: Store;
  /** The customer's own service advisor. */
  advisor?: Staff | null;
  /** Who calls or sends, when not the advisor (a manager's call); defaults to the advisor. */
  caller?: Staff | null;
  vehicles?: readonly Vehicle[];
  events?: readonly RetainEvent[];
  /** `features.maintenanceDue` of the customer's evaluation: scoring owns that computation. */
  maintenanceDue?: string | null;
  /** Else read from `customer.extra.gender` (or `sex`). */
  gender?: Gender | null;
  /** An honorific the store uses (总, 老师); else `customer.extra.title`. */
  title?: string | null;
  offer?: { text: FieldValue; deadline?: string | null } | null;
  slot?: FieldValue | null;
  /**
   * §13 personal notes: the current text of each topic that has one ('' = cleared). Without an
   * `other` note, `customer.extra.notes` (or `note`) of the imported record stands in.
   */
  notes?: Partial<Record<NoteTopic, string>>;
  /** What the store changed after a complaint or low rating, for the apology scripts. */
  changeMade?: FieldValue | null;
  /** Else the latest open complaint's topic. */
  complaintTopic?: string | null;
  link?: string | null;
  /** The facts of the care moment (or other trigger) the script is for: the holiday, the milestone… */
  moment?: Readonly<Record<string, Fact>> | null;
}

function extraString(c: Customer, ...keys: string[]): string | null {
  for (const k of keys) {
    const v = c.extra?.[k];
    if (typeof v === 'string' && v.trim() !== '') return v.trim();
  }
  return null;
}

/** Whole years since the newest vehicle's delivery; null before the first anniversary. */
function yearsSinceDelivery(vehicles: readonly Vehicle[], asOf: string): number | null {
  const newest = [...vehicles].sort((a, b) => b.deliveredAt.localeCompare(a.deliveredAt))[0];
  if (!newest) return null;
  const d = ymdOf(parseDay(newest.deliveredAt));
  const now = ymdOf(parseDay(asOf));
  const years = now.y - d.y - (now.m < d.m || (now.m === d.m && now.d < d.d) ? 1 : 0);
  return years >= 1 ? years : null;
}

/**
 * Everything a script may say about this customer, as of a date. Fields the data cannot supply
 * stay absent, so they render as a visible "to fill" placeholder instead of a wrong guess.
 */
export function buildContext(input: ContextInput): ScriptContext {
  const { customer, store, asOf } = input;
  const vehicles = input.vehicles ?? [];
  const events = input.events ?? [];
  const day = parseDay(asOf);
  const facts = visitFacts(events, vehicles, day, store.timeZone);
  const gender = input.gender !== undefined ? input.gender : parseGender(customer.extra?.['gender'] ?? customer.extra?.['sex']);
  const title = input.title !== undefined ? input.title : extraString(customer, 'title');
  const caller = input.caller ?? input.advisor;
  const last = facts.lastVisit;
  const model = [...vehicles].sort((a, b) => b.deliveredAt.localeCompare(a.deliveredAt))[0]?.model;
  return {
    customerName: nameWithTitle(customer.name, gender, title),
    advisorName: input.advisor?.name,
    staffName: caller?.name,
    storeName: store.name,
    vehicleModel: model ?? undefined,
    daysSinceLastVisit: last ? day - parseDay(last.day) : undefined,
    mileage: facts.mileage !== null ? formatKm(facts.mileage) : undefined,
    maintenanceDue: input.maintenanceDue ? formatDate(input.maintenanceDue, asOf) : undefined,
    maintenanceItem: vehicles.length > 0 ? formatMaintenanceItem(facts.nextServiceKm) : undefined,
    lastVisitDate: last ? formatDate(last.day, asOf) : undefined,
    lastVisitKind: last ? formatVisitKind(last.kind) : undefined,
    lastVisitItems: last ? formatItems(last.items) : undefined,
    offer: input.offer?.text,
    offerDeadline: input.offer?.deadline ? formatDate(input.offer.deadline, asOf) : undefined,
    slot: input.slot,
    ...noteContext(input.notes ?? {}, extraString(customer, 'notes', 'note')),
    changeMade: input.changeMade,
    complaintTopic: input.complaintTopic !== undefined ? input.complaintTopic : openComplaintTopic(events, day, store.timeZone),
    link: input.link,
    years: yearsSinceDelivery(vehicles, asOf) ?? undefined,
    ...(input.moment ? momentFields(input.moment, asOf) : {}),
  };
}
