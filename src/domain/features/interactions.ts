import type { Day } from '../dates.js';
import type { EventOf } from '../records.js';
import type { Dated, Timeline } from './timeline.js';

function lastDayWhere<E extends Dated>(list: readonly E[], keep: (d: E) => boolean): Day | null {
  for (let i = list.length - 1; i >= 0; i--) if (keep(list[i]!)) return list[i]!.day;
  return null;
}

function latest(days: readonly (Day | null)[]): Day | null {
  let best: Day | null = null;
  for (const d of days) if (d !== null && (best === null || d > best)) best = d;
  return best;
}

const any = (): boolean => true;

/** The last day a reminder or contact could have been answered: a reply, a booking or a visit. */
export function lastAnswerDay(t: Timeline): Day | null {
  return latest([lastDayWhere(t.of('reply'), any), lastDayWhere(t.of('appointment_booked'), any), lastDayWhere(t.of('visit'), any)]);
}

/** The last interaction (data-format.md): visit, reply, answered call, inbound WeChat, app login, booking. */
export function lastInteractionDay(t: Timeline): Day | null {
  return latest([
    lastAnswerDay(t),
    lastDayWhere(t.of('call'), (c: Dated<EventOf<'call'>>) => c.e.answered),
    lastDayWhere(t.of('wechat'), (w: Dated<EventOf<'wechat'>>) => w.e.direction === 'in'),
    lastDayWhere(t.of('app_login'), any),
  ]);
}
