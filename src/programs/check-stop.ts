import type { Level } from '../domain/evaluation.js';
import type { Program, StopKind } from './program-schema.js';
import { instantIn } from './step-clock.js';
import type { PlannedStep, TriggerOccurrence } from './types.js';
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
  subjectId?: string;
  level?: Level;
  /** A reply's text: an opt-out word in it is an opt-out (programs.md §10). */
  text?: string;
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
    case 'reply': return e.text !== undefined && isOptOutReply(e.text) ? ['opt_out', 'reply'] : ['reply'];
    case 'appointment_booked': return ['booking'];
    case 'visit': return ['visit'];
    case 'opt_out': return ['opt_out'];
    case 'level': return e.level === 'green' ? ['green'] : [];
    case 'complaint_closed': return ['complaint_closed'];
    case 'social_resolved': return ['social_resolved'];
    case 'contact_updated': return ['contact_updated'];
    default: return [];
  }
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
    const reason = kindsOf(e).find((k) => program.stopWhen.includes(k)
      && !(boundToSubject.has(k) && o.subjectId !== undefined && e.subjectId !== o.subjectId));
    if (reason) best = { ms, stop: { reason, at: e.at } };
  }
  return best?.stop ?? null;
}

export interface StopEffect {
  /** Steps not yet due at the stop: never to be done. */
  cancel: string[];
  /** Steps already started: their task (or response window) closes with the stop as outcome, if still open. */
  close: string[];
}

/**
 * What a stop does to a plan. A step marked `ignoresStop` survives, unless the step it needs was
 * itself cancelled (the evening call after a wait that never reached 60 minutes).
 */
export function applyStop(plan: PlannedStep[], stop: Stop, timeZone: string): StopEffect {
  const at = instantIn(stop.at, timeZone).toMillis();
  const cancelled = new Set<string>();
  const close: string[] = [];
  for (const s of plan) {
    const due = instantIn(s.due, timeZone).toMillis();
    const needsGone = s.needs !== null && cancelled.has(s.needs);
    if (needsGone || (due > at && !s.ignoresStop)) cancelled.add(s.key);
    else if (due <= at && !s.ignoresStop) close.push(s.key);
  }
  return { cancel: plan.filter((s) => cancelled.has(s.key)).map((s) => s.key), close };
}
