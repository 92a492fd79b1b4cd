import { z } from 'zod';
import { DEFAULT_TIME_ZONE, isIsoDate, isIsoDateOrTimestamp, isValidTimeZone } from './dates.js';

/** The records of data-format.md, validated at every boundary (import, API, evaluate). */

const id = z.string().trim().min(1, 'must not be empty');
// Years outside this range are typing or export errors (0000-01-01 as "no date", 9999 as "never"),
// and some of them PostgreSQL's timestamptz cannot hold.
const MIN_YEAR = 1900;
const MAX_YEAR = 2199;
const inYears = (s: string) => {
  const year = Number(s.slice(0, 4));
  return year >= MIN_YEAR && year <= MAX_YEAR;
};
const yearsReason = `must be in the years ${MIN_YEAR} to ${MAX_YEAR}`;
const isoDate = z.string().refine(isIsoDate, { error: 'must be a date (YYYY-MM-DD)', abort: true }).refine(inYears, yearsReason);
const isoTime = z
  .string()
  .refine(isIsoDateOrTimestamp, { error: 'must be an ISO 8601 date or timestamp', abort: true })
  .refine(inYears, yearsReason);
const amount = z.number().finite().nonnegative('must not be negative');
const optionalText = z.string().nullish();

export const staffRoles = [
  'advisor',
  'service_manager',
  'store_manager',
  'general_manager',
  'retention_specialist',
  'admin',
] as const;
export type StaffRole = (typeof staffRoles)[number];

export const storeSchema = z.object({
  id,
  name: z.string().min(1),
  region: z.string().min(1).default('default'),
  timeZone: z.string().refine(isValidTimeZone, 'must be an IANA time zone such as Asia/Shanghai').default(DEFAULT_TIME_ZONE),
});

export const staffSchema = z.object({
  id,
  storeId: id,
  name: z.string().min(1),
  role: z.enum(staffRoles),
});

export const channels = ['sms', 'phone', 'wechat', 'app', 'email'] as const;
export type Channel = (typeof channels)[number];

export const consentSchema = z.object({
  sms: z.boolean().default(false),
  phone: z.boolean().default(false),
  wechat: z.boolean().default(false),
  app: z.boolean().default(false),
  email: z.boolean().default(false),
});

export const customerSchema = z.object({
  id,
  storeId: id,
  name: z.string().min(1),
  phone: optionalText,
  wechat: optionalText,
  email: optionalText,
  advisorId: optionalText,
  since: isoDate,
  hasApp: z.boolean().default(false),
  birthday: isoDate.nullish(),
  consent: consentSchema.default({ sms: false, phone: false, wechat: false, app: false, email: false }),
});

export const vehicleSchema = z.object({
  vin: id,
  customerId: id,
  model: z.string().nullish(),
  deliveredAt: isoDate,
  warrantyEnd: isoDate.nullish(),
  maintenanceIntervalMonths: z.number().int().positive().nullish(),
  maintenanceIntervalKm: z.number().positive().nullish(),
});

const base = { id, customerId: id, at: isoTime };
const ev = <T extends string, S extends z.ZodRawShape>(type: T, shape: S) =>
  z.object({ ...base, type: z.literal(type), ...shape });

export const visitKinds = ['maintenance', 'repair', 'inspection', 'warranty', 'free', 'other'] as const;
const messageChannel = z.enum(['sms', 'wechat', 'app', 'email']);

export const eventSchema = z.discriminatedUnion('type', [
  ev('checkin', { visitId: id }),
  ev('visit', {
    // Most DMS exports have no check-ins and so no visit number. The record is stored as the
    // source sent it (an export shows what was imported); code that needs the visit's id asks
    // visitIdOf (visit-id.ts), where the event id stands in.
    visitId: id.nullish(),
    kind: z.enum(visitKinds),
    amount,
    basicOnly: z.boolean().default(false),
    items: z.array(z.string()).default([]),
    checkinAt: isoTime.nullish(),
    mileage: z.number().nonnegative('must not be negative').nullish(),
    vin: z.string().nullish(),
  }),
  ev('nps', { score: z.number().int().min(0).max(10) }),
  ev('satisfaction', { score: z.number().int().min(1).max(5) }),
  ev('appointment_booked', { appointmentAt: isoTime.nullish() }),
  ev('appointment_cancelled', { reason: z.string().nullish() }),
  ev('appointment_rescheduled', {}),
  ev('app_login', {}),
  ev('wechat', { direction: z.enum(['in', 'out']) }),
  ev('call', {
    direction: z.enum(['in', 'out']),
    answered: z.boolean(),
    staffId: z.string().nullish(),
    outcome: z.string().nullish(),
  }),
  // A message a staff member wrote names them; an automated one does not.
  ev('message', { channel: messageChannel, purpose: z.string().min(1), staffId: z.string().nullish() }),
  ev('reply', { channel: messageChannel, text: z.string().default('') }),
  ev('maintenance_refused', {}),
  ev('complaint_opened', { complaintId: id, topic: z.string().nullish() }),
  ev('complaint_closed', { complaintId: id, topic: z.string().nullish() }),
  ev('recommendation', { item: z.string().min(1), accepted: z.boolean() }),
  ev('event_invited', { eventId: id }),
  ev('event_attended', { eventId: id }),
  ev('contact_invalid', { channel: z.enum(['sms', 'phone']) }),
  ev('contact_updated', {}),
  ev('social_post', { sentiment: z.enum(['negative', 'neutral', 'positive']), postId: id }),
  ev('social_resolved', { postId: id }),
  ev('referral', { referredCustomerId: id }),
  ev('mileage', { km: z.number().nonnegative('must not be negative'), vin: z.string().nullish() }),
  ev('vehicle_sold', { vin: z.string().nullish() }),
  ev('moved_away', { vin: z.string().nullish() }),
  ev('abandoned', { reason: z.string().min(1), staffId: z.string().nullish() }),
  // An over-the-air update; unless the maker says otherwise it is worth a visit to the store.
  ev('software_update', {
    updateId: id,
    version: z.string().nullish(),
    title: z.string().nullish(),
    vin: z.string().nullish(),
    visitRecommended: z.boolean().default(true),
  }),
]);

export const eventTypes = eventSchema.options.map((o) => o.shape.type.value);

/**
 * A store-wide notice (programs.md §13: bad-weather notices as segment messages): every customer
 * of the store the outbox may write to gets it once, within the caps, from its `at` on.
 */
export const noticeSchema = z.object({
  id,
  storeId: id,
  kind: z.enum(['bad_weather']),
  at: isoTime,
  /** What the message names (`台风"海葵"橙色预警`); the template around it says the rest. */
  title: z.string().trim().min(1, 'must not be empty').max(40, 'at most 40 characters: it goes into an SMS'),
});

/**
 * Personal notes (programs.md §13): what the customer told staff, one topic per note. An empty
 * `text` (or null: an empty CSV cell) clears the topic; every note is a new version, never an
 * update (migration 013). Written by staff through the API or imported as `notes` files.
 */
export const noteTopics = ['drink', 'family', 'job', 'open_question', 'other'] as const;
export type NoteTopic = (typeof noteTopics)[number];
/** Long enough for what was said on a call, short enough to read beside a script on a phone. */
export const NOTE_MAX_CHARS = 500;
export const noteText = z.string().trim().max(NOTE_MAX_CHARS, `at most ${NOTE_MAX_CHARS} characters`);
export const noteSchema = z.object({
  customerId: id,
  topic: z.enum(noteTopics),
  text: noteText.nullable(),
  at: isoTime,
  staffId: id.nullish(),
});

type Extra = { extra?: Record<string, unknown> };
export type Store = z.infer<typeof storeSchema> & Extra;
export type Staff = z.infer<typeof staffSchema> & Extra;
export type Customer = z.infer<typeof customerSchema> & Extra;
export type Vehicle = z.infer<typeof vehicleSchema> & Extra;
export type RetainEvent = z.infer<typeof eventSchema> & Extra;
export type EventType = RetainEvent['type'];
export type EventOf<T extends EventType> = Extract<RetainEvent, { type: T }>;
export type Notice = z.infer<typeof noticeSchema> & Extra;
export type Note = z.infer<typeof noteSchema> & Extra;

export const recordKinds = ['stores', 'staff', 'customers', 'vehicles', 'events', 'notices', 'notes'] as const;
export type RecordKind = (typeof recordKinds)[number];
export interface RecordOf {
  stores: Store;
  staff: Staff;
  customers: Customer;
  vehicles: Vehicle;
  events: RetainEvent;
  notices: Notice;
  notes: Note;
}
export const recordSchemas = {
  stores: storeSchema,
  staff: staffSchema,
  customers: customerSchema,
  vehicles: vehicleSchema,
  events: eventSchema,
  notices: noticeSchema,
  notes: noteSchema,
} as const;
