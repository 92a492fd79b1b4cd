import { z } from 'zod';
import { careMoments } from '../domain/care/care-result.js';
import { signalIds } from '../domain/signal-ids.js';
import { programCrossChecks } from './cross-checks.js';
import { DURATION_MESSAGE, parseDuration, type DurationInput } from './duration.js';

/**
 * The program document (programs.md): programs are data — a trigger, ordered steps, stop
 * conditions and escalation — versioned like the scoring policy and validated on load with the
 * path of every bad field (`programs.2.steps.1.offset`).
 */

const id = z.string().trim().regex(/^[a-z0-9][a-z0-9_-]*$/, 'must be lower-case letters, digits, "_" or "-"');
const warningLevel = z.enum(['yellow', 'orange', 'red']);
const duration = z.custom<DurationInput>((v) => parseDuration(v) !== null, { message: DURATION_MESSAGE });
const localTime = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'must be a local time HH:MM');

/** Who does a step: staff roles of records.ts (admin excluded: it configures, it does not call), or the outbox. */
export const stepRoles = ['advisor', 'service_manager', 'store_manager', 'general_manager', 'retention_specialist', 'automated'] as const;
export type StepRole = (typeof stepRoles)[number];
export type HumanRole = Exclude<StepRole, 'automated'>;
const humanRole = z.enum(stepRoles).exclude(['automated']);

export const taskTypes = ['call', 'wechat', 'visit', 'approval', 'checklist'] as const;
export type TaskType = (typeof taskTypes)[number];
export const messageChannels = ['sms', 'wechat', 'app', 'email'] as const;
export type MessageChannel = (typeof messageChannels)[number];

/** Event-like triggers; `low_rating`, `visit_closed` and `social_negative` are refinements of raw events. */
export const triggerEvents = [
  'visit_closed', 'checkin', 'low_rating', 'appointment_cancelled', 'complaint_opened', 'complaint_closed',
  'social_negative', 'contact_invalid',
] as const;
export type TriggerEvent = (typeof triggerEvents)[number];
export const segments = ['silent', 'dormant', 'lost', 'returned', 'abandoned'] as const;

const triggerSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('warning'), source: z.enum(['risk', 'health']), level: warningLevel }),
  z.strictObject({
    kind: z.literal('event'),
    event: z.enum(triggerEvents),
    /** low_rating only: the thresholds and the window after the visit (programs.md §3). */
    maxSatisfaction: z.number().int().min(1).max(5).optional(),
    maxNps: z.number().int().min(0).max(10).optional(),
    withinHoursOfVisit: z.number().int().positive().optional(),
  }),
  z.strictObject({ kind: z.literal('signal'), signal: z.enum(signalIds) }),
  z.strictObject({
    kind: z.literal('segment'),
    segment: z.enum(segments),
    /** silent only: the silent level reached. */
    level: warningLevel.optional(),
    /** lost only: the recall level of scoring §10. */
    recallLevel: z.union([z.literal(1), z.literal(2), z.literal(3)]).optional(),
  }),
  /** A care moment (programs.md §13): the scoring policy says when each occurs, the program what is done. */
  z.strictObject({ kind: z.literal('care'), moment: z.enum(careMoments) }),
]);

/** A missed deadline moves the work one rung: to a role with a new deadline, or raises the warning level. */
const rungSchema = z.union([
  z.strictObject({ role: humanRole, deadline: duration }),
  z.strictObject({ raiseLevel: z.enum(['orange', 'red']) }),
]);

/** `contacted`: a proactive touch by staff — an answered call out or a WeChat out (care is kept, the care task is moot). */
export const stopKinds = ['reply', 'booking', 'visit', 'opt_out', 'green', 'complaint_closed', 'social_resolved', 'contact_updated', 'contacted'] as const;
export type StopKind = (typeof stopKinds)[number];
/** What a step can wait for (`after`): the stop kinds that are events; `green` is an evaluation's. */
export const stepEvents = ['reply', 'booking', 'visit', 'opt_out', 'complaint_closed', 'social_resolved', 'contact_updated', 'contacted'] as const satisfies readonly StopKind[];
export type StepEvent = (typeof stepEvents)[number];
export const ifTimePassedValues = ['next_day', 'at_once'] as const;
export type IfTimePassed = (typeof ifTimePassedValues)[number];

/** Step fields shared by tasks and messages. */
const stepBase = {
  id,
  /**
   * Where the offset counts from: the trigger, the store-local start of the last visit's day
   * (`R` = offset days), or of a care moment's own day (the birthday, while the trigger is the
   * start of the birthday month). A step with `after` counts from its event instead.
   */
  anchor: z.enum(['trigger', 'last_visit', 'moment']).default('trigger'),
  offset: duration,
  /**
   * The due moves to this store-local time on the day the offset lands on (recall attempts at
   * different times of day, a call in the evening). What happens when the offset lands after that
   * time is `ifTimePassed`.
   */
  atLocalTime: localTime.optional(),
  /**
   * With `atLocalTime`, when the offset lands after that time of day: `next_day` (the default)
   * waits for that time the next day; `at_once` starts when the offset lands, that same day
   * ("that evening" for a wait reaching 60 minutes at 18:30).
   */
  ifTimePassed: z.enum(ifTimePassedValues).optional(),
  /**
   * The step waits for this event within the run and has no due time until it happens; `offset`
   * then counts from the event (a re-visit call after the rating is resolved). Events are those of
   * the stop conditions; a subject-bound one (`visit`, `complaint_closed`, `social_resolved`) must
   * concern the run's visit, complaint or post when it has one. Never happened before the run
   * stops: the step is cancelled with the run.
   */
  after: z.enum(stepEvents).optional(),
  /** Only when every listed fact of the trigger occurrence equals the value (a list: any of them). */
  when: z.record(z.string(), z.union([z.string(), z.number(), z.boolean(), z.array(z.union([z.string(), z.number()]))])).optional(),
  /** Time allowed from the step's start; for a message, the response window. */
  deadline: duration.optional(),
  escalation: z.array(rungSchema).default([]),
  /** This step happens only if that earlier step was reached before any stop. */
  needs: id.optional(),
  /** A stop condition does not cancel this step (e.g. the effect check after a booking). */
  ignoresStop: z.boolean().default(false),
};

const taskStep = z.strictObject({
  ...stepBase,
  kind: z.literal('task'),
  taskType: z.enum(taskTypes),
  role: humanRole,
  /** Script id; `{fact}` is filled from the occurrence (`dormant_call_{dormantType}`), `default` when missing. */
  script: z.string().min(1).optional(),
  /** The customer's single early-warning task (programs.md §1): merged with the other warning's call. */
  slot: z.literal('early_warning').optional(),
});

const messageStep = z.strictObject({
  ...stepBase,
  kind: z.literal('message'),
  channel: z.enum(messageChannels),
  purpose: z.string().trim().min(1, 'must not be empty'),
  role: z.literal('automated', 'a message is sent by the outbox: role must be "automated"'),
  template: z.string().min(1).optional(),
});

const stepSchema = z.discriminatedUnion('kind', [taskStep, messageStep]);


const programSchema = z.strictObject({
  id,
  name: z.strictObject({ 'zh-CN': z.string().min(1), en: z.string().min(1) }),
  enabled: z.boolean(),
  description: z.string().optional(),
  trigger: triggerSchema,
  timing: z.enum(['wall_clock', 'working_time']),
  steps: z.array(stepSchema).min(1, 'a program needs at least one step'),
  stopWhen: z.array(z.enum(stopKinds)).default([]),
});

/** The store's working hours for working-time programs: [start, end) on the listed ISO weekdays (1 = Monday). */
export const workingHoursSchema = z.strictObject({
  start: localTime,
  end: localTime,
  days: z.array(z.number().int().min(1).max(7)).min(1, 'at least one working day'),
});

const documentShape = z.strictObject({
  version: z.string().trim().min(1, 'must not be empty'),
  workingHours: workingHoursSchema,
  programs: z.array(programSchema),
});

export type ProgramDocument = z.infer<typeof documentShape>;
export type Program = ProgramDocument['programs'][number];
export type ProgramStep = Program['steps'][number];
export type TaskStep = Extract<ProgramStep, { kind: 'task' }>;
export type MessageStep = Extract<ProgramStep, { kind: 'message' }>;
export type ProgramTrigger = Program['trigger'];
export type EscalationRung = ProgramStep['escalation'][number];
export type WorkingHours = z.infer<typeof workingHoursSchema>;

export const programDocumentSchema = documentShape.superRefine(programCrossChecks);
