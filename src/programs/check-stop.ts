import type { Level } from '../domain/evaluation.js';
import type { Program, StopKind } from './program-schema.js';
import { instantIn } from './step-clock.js';
import type { PlannedStep, TriggerOccurrence, WaitingStep } from './types.js';
import { defaultContactPolicy } from '../outbox/default-contact-policy.js';
import { detectOptOut } from '../outbox/detect-opt-out.js';

/**
 * Something that happened after a trigger: a raw event type of records.ts (`reply`,
 * `appointment_booked`, `visit`, …), `opt_out` as the outbox records it, or `level` for a new
 * evaluation. `subjectId` is the visit, complaint or post it concerns.
 */
export interface StopEvent {
  type: string;
  at: string;
  /** Absent on a visit that names no visit (a DMS export without check-ins): see `concerns`. */
  subjectId?: string;
  level?: Level;
  /** A reply's text: an opt-out word in it is an opt-out (programs.md §10). */
  text?: string;
  /** Whether a reply opts out, read by the engine with the contact policy in force; else the shipped words decide. */
  optOut?: boolean;
  /** A call or WeChat that is a proactive touch by staff (an answered call out, a WeChat out): `contacted`. */
  proactive?: boolean;
}

export interface Stop {
  reason: StopKind;
  at: string;
}

/** The stop kinds tied to one visit, complaint or post: another one's event does not stop the program. */
const boundToSubject = new Set<StopKind>(['visit', 'complaint_closed', 'social_resolved']);

/** One reading of opt-out words for the whole product: the outbox's, with the contact policy's words. */
export function isOptOutReply(text: string, optOut = defaultContactPolicy().optOut): boolean {
  return detectOptOut({ channel: 'sms', text }, optOut).optOut;
}

/** The stop kinds an event stands for; an opt-out reply is both an opt-out and a reply. */
function kindsOf(e: StopEvent): StopKind[] {
  switch (e.type) {
    case 'reply': return (e.optOut ?? (e.text !== undefined && isOptOutReply(e.text))) ? ['opt_out', 'reply'] : ['reply'];
    case 'appointment_booked': return ['booking'];
    case 'visit': return ['visit'];
    case 'opt_out': return ['opt_out'];
    case 'level': return e.level === 'green' ? ['green'] : [];
    case 'complaint_closed': return ['complaint_closed'];
    case 'social_resolved': return ['social_resolved'];
    case 'contact_updated': return ['contact_updated'];
    case 'call': case 'wechat': return e.proactive ? ['contacted'] : [];
    default: return [];
  }
}

/**
 * Whether an event of kind `k` is about the run's subject. A visit that names no visit is the
 * hand-over of whichever visit is open: check-ins may come from a reception system with its own
 * visit numbers while the DMS sends the visit without one, and the wait must still end.
 */
function concerns(e: StopEvent, o: Pick<TriggerOccurrence, 'subjectId'>, k: StopKind): boolean {
  if (!boundToSubject.has(k) || o.subjectId === undefined) return true;
  if (e.subjectId === undefined) return k === 'visit';
  return e.subjectId === o.subjectId;
}

/** The kinds, among `wanted`, that the event stands for and that concern the occurrence's subject. */
function kindsFor(e: StopEvent, o: Pick<TriggerOccurrence, 'subjectId'>, wanted: readonly StopKind[]): StopKind[] {
  return kindsOf(e).filter((k) => wanted.includes(k) && concerns(e, o, k));
}

/**
 * The first event strictly after the trigger that meets one of the program's stop conditions,
 * or null. Events may come in any order; at equal instants the earlier listed wins.
 */
export function checkStop(program: Pick<Program, 'stopWhen'>, o: Pick<TriggerOccurrence, 'at' | 'subjectId'>, events: StopEvent[], timeZone: string): Stop | null {
  const trigger = instantIn(o.at, timeZone).toMillis();
  let best: { ms: number; stop: Stop } | null = null;
  for (const e of events) {
    const ms = instantIn(e.at, timeZone).toMillis();
    if (ms <= trigger || (best && ms >= best.ms)) continue;
    const [reason] = kindsFor(e, o, program.stopWhen);
    if (reason) best = { ms, stop: { reason, at: e.at } };
  }
  return best?.stop ?? null;
}

/**
 * Whether the event is the one a waiting step starts on: its kind, strictly after the trigger,
 * and about the run's visit, complaint or post when the kind is bound to one — the same reading
 * as a stop's.
 */
export function startsStep(after: StopKind, o: Pick<TriggerOccurrence, 'at' | 'subjectId'>, e: StopEvent, timeZone: string): boolean {
  return instantIn(e.at, timeZone) > instantIn(o.at, timeZone) && kindsFor(e, o, [after]).length > 0;
}

export interface StopEffect {
  /** Steps not yet due at the stop: never to be done. */
  cancel: string[];
  /** Steps already started: their task (or response window) closes with the stop as outcome, if still open. */
  close: string[];
}

/**
 * What a stop does to a plan. A step marked `ignoresStop` survives, unless the step it needs was
 * itself cancelled (the evening call after a wait that never reached 60 minutes). A step still
 * waiting for its event is cancelled whatever it says: a stopped run hears no more events.
 */
export function applyStop(plan: (PlannedStep | WaitingStep)[], stop: Stop, timeZone: string): StopEffect {
  const at = instantIn(stop.at, timeZone).toMillis();
  const dueBy = (s: PlannedStep | WaitingStep) => s.due !== null && instantIn(s.due, timeZone).toMillis() <= at;
  const cancelled = new Set(plan.filter((s) => s.due === null || (!dueBy(s) && !s.ignoresStop)).map((s) => s.key));
  // Needs may chain and the plan may come in any order: repeat until nothing more falls.
  for (let more = true; more; ) {
    more = false;
    for (const s of plan) {
      if (s.needs !== null && cancelled.has(s.needs) && !cancelled.has(s.key)) {
        cancelled.add(s.key);
        more = true;
      }
    }
  }
  return {
    cancel: plan.filter((s) => cancelled.has(s.key)).map((s) => s.key),
    close: plan.filter((s) => !cancelled.has(s.key) && dueBy(s) && !s.ignoresStop).map((s) => s.key),
  };
}
