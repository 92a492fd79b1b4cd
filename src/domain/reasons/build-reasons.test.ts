import { describe, expect, it } from 'vitest';
import { evaluateCustomer } from '../evaluate-customer.js';
import { defaultPolicy } from '../policy/default-policy.js';
import type { Policy } from '../policy/policy-schema.js';
import { AS_OF, facts } from '../testing/facts-builder.js';
import { phrase } from './field-phrases.js';

function withRule(rule: Policy['rules'][number]): Policy {
  const p = structuredClone(defaultPolicy());
  p.rules.push(rule);
  return p;
}

describe('reasons', () => {
  it('words a field and its value in either language', () => {
    expect(phrase('R', 112, 'zh-CN')).toBe('距上次到店 112 天');
    expect(phrase('R', 112, 'en')).toBe('R = 112 days');
    expect(phrase('hasApp', true, 'en')).toBe('app account: yes');
    expect(phrase('ticketTrend', null, 'zh-CN')).toBe('客单价趋势 无');
    expect(phrase('signal.nps_drop', true, 'zh-CN')).toBe('信号「NPS 下降」触发：是');
  });

  it('words a custom rule by the values that made it fire, or by its detail under a `not`', () => {
    const b = facts().visit(20).event('social_post', 3, { sentiment: 'negative', postId: 'p' }).build();
    const signalRule = withRule({ id: 'vip', level: 'red', enabled: true, when: { field: 'signal.social_negative', op: '==', value: true } });
    expect(evaluateCustomer(b, signalRule, AS_OF, { lang: 'en' }).reasons[0]).toBe('red because: signal "negative social post" fired: yes (rule vip)');
    const notRule = withRule({ id: 'n', level: 'orange', enabled: true, when: { not: { field: 'R', op: '<', value: 10 } } });
    expect(evaluateCustomer(b, notRule, AS_OF, { lang: 'en' }).reasons).toContain('orange because: not (R 20 < 10) (rule n)');
  });

  it('words the silent level with each indicator and its grade', () => {
    const b = facts().withWechat().visit(100).event('complaint_opened', 50, { complaintId: 'k' }).build();
    const reasons = evaluateCustomer(b, defaultPolicy(), AS_OF).reasons;
    expect(reasons).toContain('红色：沉默客户，3 项指标异常：距上次到店 100 天（预警）、微信互动 0 次/月（危险）、近一年投诉 1 次（预警）');
  });

  it('leaves out a green risk tier and an empty silent level', () => {
    // R 20 and one signal (−15): risk 50 + 25.5 + 14 = 89.5, green; one signal is response level 1.
    const b = facts().visit(20).event('contact_invalid', 5, { channel: 'phone' }).build();
    expect(evaluateCustomer(b, defaultPolicy(), AS_OF, { lang: 'en' }).reasons).toEqual([
      'yellow because: response level 1 (signals: 1)',
      'signal 9 "contact invalid" (★★★★, penalty 15): contact invalid: yes',
    ]);
  });

  it('words a signal by its features in the reader\'s language', () => {
    // NPS 10 then 6: a drop of 4 (signal 2).
    const b = facts().visit(10).nps(40, 10).nps(5, 6).build();
    const zh = evaluateCustomer(b, defaultPolicy(), AS_OF).reasons;
    expect(zh).toContain('信号 2「NPS 下降」（★★★★★，扣 30 分）：最近 NPS 6，上一次 NPS 10');
    const en = evaluateCustomer(b, defaultPolicy(), AS_OF, { lang: 'en' }).reasons;
    expect(en).toContain('signal 2 "NPS drop" (★★★★★, penalty 30): NPS 6, previous NPS 10');
  });
});
