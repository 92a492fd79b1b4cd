import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatDay, parseDay, type Day } from '../dates.js';
import { evaluateCustomer } from '../evaluate-customer.js';
import type { CustomerFacts } from '../evaluation.js';
import { defaultPolicy } from '../policy/default-policy.js';
import type { RetainEvent } from '../records.js';
import { FactsBuilder } from '../testing/facts-builder.js';
import { compactHistory, stateWindowDays } from './compact-history.js';

const policy = defaultPolicy();
const W = stateWindowDays(policy);
const BASE: Day = parseDay('2025-06-30');
const purposes = ['maintenance_reminder', 'care', 'survey', 'birthday'];

/** The fields of one event of each type, drawn from small sets so that signatures repeat. */
const fieldsOf: Record<string, fc.Arbitrary<Record<string, unknown>>> = {
  visit: fc.record({
    kind: fc.constantFrom('maintenance', 'repair', 'inspection'), amount: fc.integer({ min: 0, max: 5000 }),
    basicOnly: fc.boolean(), items: fc.constant([]), mileage: fc.option(fc.integer({ min: 0, max: 90000 })), vin: fc.constantFrom('V1', null),
  }),
  nps: fc.record({ score: fc.integer({ min: 0, max: 10 }) }),
  satisfaction: fc.record({ score: fc.integer({ min: 1, max: 5 }) }),
  appointment_booked: fc.constant({}),
  appointment_cancelled: fc.constant({}),
  appointment_rescheduled: fc.constant({}),
  app_login: fc.constant({}),
  wechat: fc.record({ direction: fc.constantFrom('in', 'out') }),
  call: fc.record({ direction: fc.constantFrom('in', 'out'), answered: fc.boolean() }),
  message: fc.record({ channel: fc.constant('sms'), purpose: fc.constantFrom(...purposes), staffId: fc.constantFrom(null, 'sa-1') }),
  reply: fc.record({ channel: fc.constant('sms'), text: fc.constant('好') }),
  maintenance_refused: fc.constant({}),
  complaint_opened: fc.record({ complaintId: fc.constantFrom('k1', 'k2', 'k3') }),
  complaint_closed: fc.record({ complaintId: fc.constantFrom('k1', 'k2', 'k3') }),
  recommendation: fc.record({ item: fc.constant('tyres'), accepted: fc.boolean() }),
  event_invited: fc.record({ eventId: fc.constantFrom('s1', 's2', 's3') }),
  event_attended: fc.record({ eventId: fc.constantFrom('s1', 's2', 's3') }),
  contact_invalid: fc.record({ channel: fc.constantFrom('sms', 'phone') }),
  contact_updated: fc.constant({}),
  social_post: fc.record({ sentiment: fc.constantFrom('negative', 'neutral'), postId: fc.constantFrom('p1', 'p2') }),
  social_resolved: fc.record({ postId: fc.constantFrom('p1', 'p2') }),
  referral: fc.record({ referredCustomerId: fc.constant('c-9') }),
  mileage: fc.record({ km: fc.integer({ min: 0, max: 90000 }), vin: fc.constant('V1') }),
  software_update: fc.record({ updateId: fc.constantFrom('u1', 'u2'), visitRecommended: fc.boolean() }),
  abandoned: fc.record({ reason: fc.constant('moved') }),
};
// Frequent types come up more often, as they do in real histories.
const frequent = ['app_login', 'app_login', 'wechat', 'call', 'message', 'message', 'visit', 'reply', 'appointment_booked'];
const eventType = fc.constantFrom(...frequent, ...Object.keys(fieldsOf));

/** An event `daysAgo` before BASE (negative: after it), as a bare date or a local time. */
const event = fc
  .tuple(eventType, fc.integer({ min: -60, max: 1600 }), fc.option(fc.integer({ min: 0, max: 23 }), { nil: undefined }))
  .chain(([type, daysAgo, hour]) => fieldsOf[type]!.map((fields) => ({ type, daysAgo, hour, fields })));

function history(drawn: { type: string; daysAgo: number; hour: number | undefined; fields: Record<string, unknown> }[]): CustomerFacts {
  const f = new FactsBuilder('c-1', BASE).since(1700).withApp().withWechat().vehicle({ vin: 'V1', delivered: 1700, months: 6, km: 10000 });
  drawn.forEach((d, i) => {
    const day = formatDay(BASE - d.daysAgo);
    const at = d.hour === undefined ? day : `${day}T${String(d.hour).padStart(2, '0')}:00:00+08:00`;
    // Every seventh id repeats an earlier one: the first record must win on both sides.
    f.event(d.type as 'app_login', at, d.fields as never, i % 7 === 6 ? `e${i - 3}` : `e${i}`);
  });
  return f.build();
}

const evaluate = (x: CustomerFacts, events: readonly RetainEvent[], asOf: Day) => evaluateCustomer({ ...x, events: [...events] }, policy, asOf);

describe('compactHistory', () => {
  it('gives every evaluation from the compacted history that the full history gives, for any asOf the state covers', () => {
    fc.assert(
      fc.property(fc.array(event, { minLength: 0, maxLength: 120 }), fc.integer({ min: 0, max: 400 }), fc.array(fc.integer({ min: 0, max: 700 }), { minLength: 1, maxLength: 4 }), (drawn, back, later) => {
        const x = history(drawn);
        const cutoff = BASE - W - back;
        const compacted = compactHistory(x.events, x.timeZone, cutoff);
        // The first day the state covers, then later days.
        for (const asOf of [cutoff + W, ...later.map((n) => cutoff + W + n)]) {
          expect(evaluate(x, compacted, asOf)).toEqual(evaluate(x, x.events, asOf));
        }
      }),
      { numRuns: 300, seed: 20261207 },
    );
  });

  it('compacting again after more events arrive gives what compacting all of them at once gives', () => {
    fc.assert(
      fc.property(fc.array(event, { maxLength: 80 }), fc.array(event, { maxLength: 40 }), fc.integer({ min: 0, max: 300 }), (first, more, step) => {
        // The event log stores an id once, so what reaches a state later never repeats an id.
        const all = history([...first, ...more]).events.filter((e, i, list) => list.findIndex((o) => o.id === e.id) === i);
        const firstCount = all.filter((e) => Number(e.id.slice(1)) < first.length).length;
        const earlier = all.slice(0, firstCount);
        const cutoff = BASE - W;
        const twice = compactHistory([...compactHistory(earlier, 'Asia/Shanghai', cutoff), ...all.slice(firstCount)], 'Asia/Shanghai', cutoff + step);
        expect(twice).toEqual(compactHistory(all, 'Asia/Shanghai', cutoff + step));
      }),
      { numRuns: 300, seed: 7 },
    );
  });

  it('drops all but the last old login, and keeps every event after the cutoff', () => {
    const x = new FactsBuilder('c-1', BASE).repeat(5, 'app_login', 500, {}).repeat(3, 'app_login', 20, {}).build();
    const kept = compactHistory(x.events, x.timeZone, BASE - W);
    expect(kept.map((e) => e.at)).toEqual([formatDay(BASE - 496), ...[20, 19, 18].map((n) => formatDay(BASE - n))]);
  });

  it('keeps an old unanswered reminder until a visit before the cutoff answers it', () => {
    const reminder = { channel: 'sms' as const, purpose: 'maintenance_reminder', staffId: null };
    const open = new FactsBuilder('c-1', BASE).visit(700).event('message', 600, reminder).event('message', 500, reminder).build();
    expect(compactHistory(open.events, open.timeZone, BASE - W).filter((e) => e.type === 'message')).toHaveLength(2);
    const answered = new FactsBuilder('c-1', BASE).event('message', 600, reminder).event('message', 550, reminder).visit(500).event('message', 450, reminder).build();
    expect(compactHistory(answered.events, answered.timeZone, BASE - W).filter((e) => e.type === 'message').map((e) => e.at)).toEqual([formatDay(BASE - 450)]);
  });

  it('needs the longer window of a policy that looks further back', () => {
    expect(W).toBe(365);
    expect(stateWindowDays({ features: { ...policy.features, mileageLookbackDays: 540 } })).toBe(540);
  });
});
