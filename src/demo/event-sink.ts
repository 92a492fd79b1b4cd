import type { Day } from '../domain/dates.js';
import type { RetainEvent } from '../domain/records.js';
import { stamp } from './calendar.js';

type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;

/** An event without the fields the sink fills in (id, customerId, at). */
export type EventBody = DistributiveOmit<RetainEvent, 'id' | 'customerId' | 'at' | 'extra'>;

interface Draft {
  day: Day;
  minute: number;
  seq: number;
  body: EventBody;
}

/**
 * Collects one customer's events in any order; `finish()` clips them to the customer's
 * window, sorts them by time and numbers them. Generators may plan past the window (an
 * appointment next week, a follow-up call after today): the sink drops those, which keeps
 * "nothing after asOf" true in one place instead of in every generator.
 */
export class EventSink {
  private readonly drafts: Draft[] = [];

  constructor(
    private readonly customerId: string,
    /** first day events may carry (the delivery) */
    readonly firstDay: Day,
    /** last day events may carry: the day before asOf — the demo's data was exported last night */
    readonly lastDay: Day,
  ) {}

  add(day: Day, minute: number, body: EventBody): void {
    this.drafts.push({ day, minute, seq: this.drafts.length, body });
  }

  /** True when an event on `day` would be kept. */
  inWindow(day: Day): boolean {
    return day >= this.firstDay && day <= this.lastDay;
  }

  finish(): RetainEvent[] {
    const kept = this.drafts.filter((d) => this.inWindow(d.day));
    kept.sort((a, b) => a.day - b.day || a.minute - b.minute || a.seq - b.seq);
    return kept.map((d, i) => {
      const { type, ...fields } = d.body;
      // Ids are the customer id plus the event's rank in time: stable for a seed, unique per run.
      const id = `${this.customerId}-e${String(i + 1).padStart(4, '0')}`;
      return { id, customerId: this.customerId, type, at: stamp(d.day, d.minute), ...fields } as RetainEvent;
    });
  }
}
