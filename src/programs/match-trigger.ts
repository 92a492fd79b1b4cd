import type { CareMomentKind } from '../domain/care/care-result.js';
import type { Level } from '../domain/evaluation.js';
import type { RetainEvent } from '../domain/records.js';
import type { SignalId } from '../domain/signal-ids.js';
import type { Program, ProgramDocument, TriggerEvent } from './program-schema.js';

/** Something that may start programs: a warning level reached, an event, a signal, a segment entered. */
export type Happening =
  | { kind: 'warning'; source: 'risk' | 'health'; level: Level }
  /** `hoursSinceVisit`: for a rating, the hours since the visit it rates (low_rating's window). */
  | { kind: 'event'; event: RetainEvent; hoursSinceVisit?: number }
  | { kind: 'signal'; signal: SignalId }
  | { kind: 'segment'; segment: 'silent' | 'dormant' | 'lost' | 'returned' | 'abandoned'; level?: Level; recallLevel?: 1 | 2 | 3 | null }
  | { kind: 'care'; moment: CareMomentKind };

/** The trigger event a raw event stands for (a rating only via the low_rating thresholds). */
function eventTrigger(e: RetainEvent): TriggerEvent | null {
  switch (e.type) {
    case 'visit': return 'visit_closed';
    case 'checkin': case 'appointment_cancelled': case 'complaint_opened': case 'complaint_closed': case 'contact_invalid': return e.type;
    case 'social_post': return e.sentiment === 'negative' ? 'social_negative' : null;
    default: return null;
  }
}

function lowRating(t: Extract<Program['trigger'], { kind: 'event' }>, e: RetainEvent, hours: number | undefined): boolean {
  if (t.withinHoursOfVisit !== undefined && (hours === undefined || hours > t.withinHoursOfVisit)) return false;
  if (e.type === 'satisfaction') return t.maxSatisfaction !== undefined && e.score <= t.maxSatisfaction;
  if (e.type === 'nps') return t.maxNps !== undefined && e.score <= t.maxNps;
  return false;
}

export function triggerMatches(p: Program, h: Happening): boolean {
  const t = p.trigger;
  switch (h.kind) {
    case 'warning': return t.kind === 'warning' && t.source === h.source && t.level === h.level;
    case 'signal': return t.kind === 'signal' && t.signal === h.signal;
    case 'care': return t.kind === 'care' && t.moment === h.moment;
    case 'segment':
      return t.kind === 'segment' && t.segment === h.segment
        && (t.level === undefined || t.level === h.level)
        && (t.recallLevel === undefined || t.recallLevel === h.recallLevel);
    case 'event':
      if (t.kind !== 'event') return false;
      return t.event === 'low_rating' ? lowRating(t, h.event, h.hoursSinceVisit) : t.event === eventTrigger(h.event);
  }
}

/** The enabled programs a happening starts, in document order. */
export function programsFor(doc: ProgramDocument, h: Happening): Program[] {
  return doc.programs.filter((p) => p.enabled && triggerMatches(p, h));
}
