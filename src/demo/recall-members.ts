import { isHeldOut } from '../campaigns/hold-out.js';
import type { ChurnReason } from '../campaigns/vocabulary.js';
import { parseDay, type Day } from '../domain/dates.js';
import { evaluateCustomer } from '../domain/evaluate-customer.js';
import type { CustomerEvaluation } from '../domain/evaluation.js';
import { defaultPolicy } from '../domain/policy/default-policy.js';
import type { Customer, RetainEvent, Vehicle } from '../domain/records.js';
import { DEMO_TIME_ZONE } from './calendar.js';
import type { DemoCampaign } from './demo-campaign.js';
import type { Persona } from './personas.js';
import type { Rand } from './rng.js';

export interface RecallMember {
  level: 1 | 2 | 3;
  treated: boolean;
  reason: ChurnReason;
  evaluation: CustomerEvaluation;
  lastVisit: Day;
}

const policy = defaultPolicy();
const dayOf = (e: RetainEvent) => parseDay(e.at.slice(0, 10));

/**
 * Whether the customer is in the demo campaign: lost or dormant with a recall level on the
 * selection day, by the same scoring the database runs (default policy), and in which group —
 * the same seeded hash as the launch, so generator and database agree. Customers seen within
 * 60 days cannot be lost, so most are not evaluated at all.
 */
export function recallMember(c: DemoCampaign, customer: Customer, vehicles: Vehicle[], events: RetainEvent[]): Omit<RecallMember, 'reason'> | null {
  let lastVisit = -Infinity;
  for (const e of events) if (e.type === 'visit' && dayOf(e) <= c.selectedOn) lastVisit = Math.max(lastVisit, dayOf(e));
  if (c.selectedOn - lastVisit <= 60) return null;
  const evaluation = evaluateCustomer({ customer, vehicles, events, timeZone: DEMO_TIME_ZONE }, policy, c.selectedOn);
  const level = evaluation.recall.level;
  if (level === null || (evaluation.lifecycle !== 'lost' && evaluation.lifecycle !== 'dormant')) return null;
  return { level, treated: !isHeldOut(c.holdOutShare, c.seed, c.id, customer.id), evaluation, lastVisit };
}

/**
 * Why they left. A complaint or a low rating makes it the service. Customers who will come back
 * on their own (the returned persona) just had no need for a while: passive. The ones truly gone
 * left over price, convenience or the service, a few passively.
 */
export function drawReason(rand: Rand, m: Omit<RecallMember, 'reason'>, persona: Persona): ChurnReason {
  const f = m.evaluation.features;
  if (f.complaints365 > 0 || (f.sat5 !== null && f.sat5 <= 3) || (f.lastNps !== null && f.lastNps <= 6)) return 'service';
  return persona === 'returned' ? 'passive' : rand.weighted([['price', 3], ['convenience', 3], ['service', 2], ['passive', 1]] as const);
}
