import { z } from 'zod';
import { DEFAULT_TIME_ZONE, isIsoDate, isIsoDateOrTimestamp, isValidTimeZone } from './dates.js';

/** The records of data-format.md, validated at every boundary (import, API, evaluate). */

const id = z.string().trim().min(1, 'must not be empty');
const isoDate = z.string().refine(isIsoDate, 'must be a date (YYYY-MM-DD)');
const isoTime = z.string().refine(isIsoDateOrTimestamp, 'must be an ISO 8601 date or timestamp');
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
    visitId: id,
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
  ev('message', { channel: messageChannel, purpose: z.string().min(1) }),
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
  ev('mileage', { km: z.number().nonnegative('must not be negative') }),
  ev('vehicle_sold', { vin: z.string().nullish() }),
  ev('moved_away', { vin: z.string().nullish() }),
  ev('abandoned', { reason: z.string().min(1), staffId: z.string().nullish() }),
]);

export const eventTypes = eventSchema.options.map((o) => o.shape.type.value);

type Extra = { extra?: Record<string, unknown> };
export type Store = z.infer<typeof storeSchema> & Extra;
export type Staff = z.infer<typeof staffSchema> & Extra;
export type Customer = z.infer<typeof customerSchema> & Extra;
export type Vehicle = z.infer<typeof vehicleSchema> & Extra;
export type RetainEvent = z.infer<typeof eventSchema> & Extra;
export type EventType = RetainEvent['type'];
export type EventOf<T extends EventType> = Extract<RetainEvent, { type: T }>;

export const recordKinds = ['stores', 'staff', 'customers', 'vehicles', 'events'] as const;
export type RecordKind = (typeof recordKinds)[number];
export interface RecordOf {
  stores: Store;
  staff: Staff;
  customers: Customer;
  vehicles: Vehicle;
  events: RetainEvent;
}
export const recordSchemas = {
  stores: storeSchema,
  staff: staffSchema,
  customers: customerSchema,
  vehicles: vehicleSchema,
  events: eventSchema,
} as const;
