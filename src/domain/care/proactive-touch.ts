import type { Day } from '../dates.js';
import type { Dated, Timeline } from '../features/timeline.js';
import type { CarePolicy } from './care-schema.js';
import type { ProactiveTouchKind } from './care-result.js';

export interface ProactiveTouch {
  day: Day;
  kind: ProactiveTouchKind;
}

/**
 * A proactive touch is contact the store starts without the customer asking (programs.md §13):
 * - a `call` out that was answered — a call nobody picked up reached nobody, it is an attempt;
 * - a `wechat` out, which the customer sees whenever they open it;
 * - a `message` written by staff (it names a staffId), or an automated one whose purpose is a
 *   care purpose of the policy — a maintenance reminder or a survey is service, not care.
 * Inbound contact, replies and visits are the customer's own doing and do not count.
 */
export function lastProactiveTouch(t: Timeline, care: Pick<CarePolicy, 'proactivePurposes'>): ProactiveTouch | null {
  const candidates: [Dated | undefined, ProactiveTouchKind][] = [
    [findLast(t.of('call'), (c) => c.e.direction === 'out' && c.e.answered), 'call'],
    [findLast(t.of('wechat'), (w) => w.e.direction === 'out'), 'wechat'],
    [findLast(t.of('message'), (m) => !!m.e.staffId || care.proactivePurposes.includes(m.e.purpose)), 'message'],
  ];
  let last: ProactiveTouch & { seq: number } | null = null;
  for (const [d, kind] of candidates) if (d && (last === null || d.seq > last.seq)) last = { day: d.day, kind, seq: d.seq };
  return last && { day: last.day, kind: last.kind };
}

function findLast<T>(list: readonly T[], ok: (x: T) => boolean): T | undefined {
  for (let i = list.length - 1; i >= 0; i--) if (ok(list[i]!)) return list[i];
  return undefined;
}
