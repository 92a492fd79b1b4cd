import { describe, expect, it } from 'vitest';
import { evaluateCustomer } from '../evaluate-customer.js';
import { defaultPolicy } from '../policy/default-policy.js';
import type { Policy } from '../policy/policy-schema.js';
import { AS_OF, ago, facts, type FactsBuilder } from '../testing/facts-builder.js';

const care = (b: FactsBuilder, asOf = AS_OF, policy: Policy = defaultPolicy()) => evaluateCustomer(b.build(), policy, asOf).care;
/** A healthy high-value regular: ¥9,000 over three recent visits. */
const regular = () => facts().since(800).visit(5, { amount: 3000 }).visit(90, { amount: 3000 }).visit(170, { amount: 3000 });

describe('proactive care in the evaluation (programs.md §13)', () => {
  it('a high-value customer is due for contact 30 days after the last touch, overdue 7 days later', () => {
    const b = regular().event('call', 30, { direction: 'out', answered: true, staffId: 'sa1', outcome: '已沟通' });
    const c = care(b);
    expect(c).toMatchObject({ tier: 'high', intervalDays: 30, lastTouch: ago(30), lastTouchKind: 'call', due: ago(0), status: 'due', eligible: true, priorityBooking: true, advisor: 'named' });
    expect(c.moments.map((m) => m.key)).toEqual([`contact:${ago(0)}`]);
    expect(care(b, AS_OF - 1)).toMatchObject({ status: 'within', moments: [] });
    expect(care(b, AS_OF + 7).status).toBe('overdue');
  });

  it('the tier sets the interval: mid value 90 days', () => {
    const b = facts().since(800).visit(5, { amount: 2500 }).visit(120, { amount: 2500 }).event('wechat', 89, { direction: 'out' });
    expect(care(b)).toMatchObject({ tier: 'mid', intervalDays: 90, status: 'within', eligible: true });
    expect(care(b, AS_OF + 1)).toMatchObject({ status: 'due' });
  });

  it('without any touch the interval counts from the customer\'s start', () => {
    const b = regular().since(45);
    expect(care(b)).toMatchObject({ lastTouch: null, due: ago(15), status: 'overdue' });
    expect(care(b).moments[0]?.key).toBe(`contact:${ago(15)}`);
  });

  it('orange and red customers are worked by their warning, dormant ones by their wake-up: no contact moment', () => {
    const orange = regular().nps(3, 7);
    expect(evaluateCustomer(orange.build(), defaultPolicy(), AS_OF).level).toBe('orange');
    expect(care(orange)).toMatchObject({ status: 'overdue', eligible: false, moments: [] });
    const dormant = facts().since(800).visit(200, { amount: 9000 }).event('call', 100, { direction: 'out', answered: true, staffId: 'sa1', outcome: null });
    expect(care(dormant)).toMatchObject({ eligible: false });
  });

  it('a tier without an interval keeps no contact promise', () => {
    const policy = structuredClone(defaultPolicy()) as Policy;
    policy.care.tiers.high.intervalDays = null;
    expect(care(regular(), AS_OF, policy)).toMatchObject({ intervalDays: null, due: null, status: null, eligible: false, moments: [] });
  });

  it('a tier without birthday care gets no birthday moment', () => {
    const b = regular().event('call', 1, { direction: 'out', answered: true, staffId: 'sa1', outcome: null });
    const withBirthday = (bd: string) => { const f = b.build(); f.customer.birthday = bd; return f; };
    expect(evaluateCustomer(withBirthday('1980-07-02'), defaultPolicy(), AS_OF).care.moments).toEqual([]);
    expect(evaluateCustomer(withBirthday('1980-06-30'), defaultPolicy(), AS_OF).care.moments.map((m) => m.key)).toEqual(['birthday:2024']);
    const policy = structuredClone(defaultPolicy()) as Policy;
    policy.care.tiers.high.birthday = false;
    expect(evaluateCustomer(withBirthday('1980-06-30'), policy, AS_OF).care.moments).toEqual([]);
  });

  it('a new car\'s first service is open from 14 days before its due day to the day; a maintenance visit ends it', () => {
    // Delivered 2023-07-10 with a 12-month interval: first service due 2024-07-10.
    const b = () => facts().since('2023-07-10').vehicle({ vin: 'V1', delivered: '2023-07-10', months: 12 }).event('call', 1, { direction: 'out', answered: true, staffId: 'sa1', outcome: null });
    const first = (x: FactsBuilder, asOf = AS_OF) => care(x, asOf).moments.filter((m) => m.moment === 'first_service_due');
    expect(first(b(), AS_OF - 5)).toEqual([]);
    expect(first(b(), AS_OF - 4)).toEqual([{ key: 'first_service:V1', moment: 'first_service_due', day: '2024-07-10', facts: { vin: 'V1', firstServiceDue: '2024-07-10', vehicleModel: 'Model 3' } }]);
    expect(first(b(), AS_OF + 10)).toHaveLength(1);
    expect(first(b(), AS_OF + 11)).toEqual([]);
    expect(first(b().visit(2, { kind: 'maintenance', amount: 600 }), AS_OF)).toEqual([]);
  });

  it('a software update worth a visit is open for 30 days, until the customer visits', () => {
    const update = (x: FactsBuilder) => x.event('software_update', 10, { updateId: 'ota-5.2', version: '5.2', title: '电池管理升级', vin: null, visitRecommended: true });
    const moments = (x: FactsBuilder, asOf = AS_OF) => care(x, asOf).moments.filter((m) => m.moment === 'software_update');
    // Last visit 15 days ago, before the update arrived.
    const regular = () => facts().since(800).visit(15, { amount: 3000 });
    expect(moments(update(regular()))).toEqual([{ key: 'software_update:ota-5.2', moment: 'software_update', day: ago(10), facts: { updateId: 'ota-5.2', updateTitle: '电池管理升级', updateVersion: '5.2' } }]);
    expect(moments(update(regular()), AS_OF + 20)).toHaveLength(1);
    expect(moments(update(regular()), AS_OF + 21)).toEqual([]);
    expect(moments(update(regular()).visit(3, { amount: 0, kind: 'free' }))).toEqual([]);
    expect(moments(regular().event('software_update', 10, { updateId: 'ota-5.3', version: null, title: null, vin: null, visitRecommended: false }))).toEqual([]);
  });
});
