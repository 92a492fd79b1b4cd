import { describe, expect, it } from 'vitest';
import { evaluateCustomer, evaluateCustomers } from './evaluate-customer.js';
import { defaultPolicy } from './policy/default-policy.js';
import { AS_OF, ago, facts } from './testing/facts-builder.js';

const policy = defaultPolicy();
/** The spec's worked example: last visit 105 days ago, one NPS rating of 6, nothing else. */
const example = () => facts('c-001').visit(105).nps(105, 6).build();

describe('evaluateCustomer', () => {
  it('reproduces the worked example: 48.0 orange by score, red by rule 5 and the response level', () => {
    const e = evaluateCustomer(example(), policy, AS_OF, { lang: 'en' });
    expect(e.features).toMatchObject({ R: 105, lastNps: 6, prevNps: null, sat5: 3, visits365: 1 });
    expect(e.signals).toEqual([]);
    expect(e.risk).toEqual({ score: 48, tier: 'orange', components: { r: 20, signals: 100, nps: 40 } });
    expect(e.rBand).toBe('red');
    expect(e.responseLevel).toBe('red');
    expect(e.rules).toEqual([
      { id: '1', level: 'yellow', detail: 'R 105 > 60' },
      { id: '2', level: 'orange', detail: 'R 105 > 90' },
      { id: '4', level: 'orange', detail: 'lastNps 6 ≤ 7' },
      { id: '5', level: 'red', detail: 'lastNps 6 ≤ 6' },
    ]);
    expect(e.silent.level).toBe('orange');
    expect(e.level).toBe('red');
  });

  it('explains every cause, most severe first, in English', () => {
    expect(evaluateCustomer(example(), policy, AS_OF, { lang: 'en' }).reasons).toEqual([
      'red because: response level 3 (R = 105 days; NPS 6)',
      'red because: NPS 6 (rule 5)',
      'orange because: risk score 48.0 = 0.5 × R 20 + 0.3 × signals 100 + 0.2 × NPS 40',
      'orange because: R = 105 days (rule 2)',
      'orange because: NPS 6 (rule 4)',
      'orange because: silent customer, 2 abnormal indicators: R = 105 days (warning), satisfaction 3/5 (warning)',
      'yellow because: R = 105 days (rule 1)',
    ]);
  });

  it('explains in zh-CN by default', () => {
    const reasons = evaluateCustomer(example(), policy, AS_OF).reasons;
    expect(reasons).toContain('红色：最近 NPS 6（规则 5）');
    expect(reasons).toContain('橙色：距上次到店 105 天（规则 2）');
    expect(reasons[0]).toBe('红色：三级响应（距上次到店 105 天；最近 NPS 6）');
  });

  it.each([[60, []], [61, ['1']], [90, ['1']], [91, ['1', '2']]])('rules 1–2 at R = %i fire %j', (R, ids) => {
    const e = evaluateCustomer(facts().visit(R).build(), policy, AS_OF);
    expect(e.rules.map((r) => r.id)).toEqual(ids);
  });

  it('follows a changed policy number (rule 1 at R > 45)', () => {
    const changed = structuredClone(policy);
    changed.rules[0]!.when = { field: 'R', op: '>', value: 45 };
    const customer = facts().visit(50).build();
    expect(evaluateCustomer(customer, policy, AS_OF)).toMatchObject({ rules: [], level: 'yellow' });
    const e = evaluateCustomer(customer, changed, AS_OF);
    expect(e.rules).toEqual([{ id: '1', level: 'yellow', detail: 'R 50 > 45' }]);
    changed.rules[0]!.enabled = false;
    expect(evaluateCustomer(customer, changed, AS_OF).rules).toEqual([]);
  });

  it('raises a returning customer under observation to orange and says why', () => {
    const b = facts().withApp().visit(300).visit(10).build();
    const e = evaluateCustomer(b, policy, AS_OF, { lang: 'en' });
    expect(e.lifecycle).toBe('observation');
    expect(e.signals.map((s) => s.id)).toEqual(['app_inactive']);
    expect(e.level).toBe('orange');
    expect(e.reasons[0]).toBe(`orange because: under observation after returning on ${ago(10)} (raised from yellow)`);
    expect(e.reasons.at(-1)).toBe('signal 4 "app inactive" (★★★, penalty 5): 0 app logins in 30 days, app baseline 0 logins per 30 days');
  });

  it('lists signals after the causes that carry a level, by their stars', () => {
    const b = facts().visit(10).event('social_post', 5, { sentiment: 'negative', postId: 'p' })
      .event('contact_invalid', 5, { channel: 'sms' }).repeat(3, 'recommendation', 30, { item: 'membership', accepted: false }).build();
    const signals = evaluateCustomer(b, policy, AS_OF, { lang: 'en' }).reasons.filter((r) => r.startsWith('signal'));
    expect(signals.map((r) => r.split(' "')[0])).toEqual(['signal 10', 'signal 9', 'signal 6']);
  });

  it('gives a green customer no reasons and a recall level only when lost or dormant', () => {
    const green = evaluateCustomer(facts().visit(5, { amount: 9000 }).nps(5, 10).build(), policy, AS_OF);
    expect(green).toMatchObject({ level: 'green', reasons: [], valueTier: 'high', lifecycle: 'active', recall: { level: null } });
    // Gone 400 days: no spend this year, but the last active year's ¥9000 makes a high-value, long-gone recall.
    const gone = evaluateCustomer(facts().visit(400, { amount: 9000 }).build(), policy, AS_OF);
    expect(gone).toMatchObject({ lifecycle: 'dormant', valueTier: 'basic', recall: { level: 2 } });
    const recent = evaluateCustomer(facts().visit(200, { amount: 9000 }).build(), policy, AS_OF);
    expect(recent).toMatchObject({ lifecycle: 'dormant', valueTier: 'high', recall: { level: 1 } });
  });
});

describe('evaluateCustomers', () => {
  it('builds the §12 record: asOf, policy version, customers sorted by id, plain JSON', () => {
    const record = evaluateCustomers([facts('c-b').build(), facts('c-a').build(), facts('c-10').build()], policy, AS_OF);
    expect(record.asOf).toBe('2024-06-30');
    expect(record.policyVersion).toBe(policy.version);
    expect(record.customers.map((c) => c.customerId)).toEqual(['c-10', 'c-a', 'c-b']);
    expect(JSON.parse(JSON.stringify(record))).toEqual(record);
  });
});
