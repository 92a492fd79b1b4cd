import { describe, expect, it } from 'vitest';
import { defaultPolicy } from '../policy/default-policy.js';
import { AS_OF, facts, type FactsBuilder } from '../testing/facts-builder.js';
import { computeFeatures } from './compute-features.js';

const feat = (b: FactsBuilder) => computeFeatures(b.build(), defaultPolicy(), AS_OF).features;

describe('engagement features', () => {
  it('counts cancellations and reschedules in the last 90 days', () => {
    const b = facts().event('appointment_cancelled', 89, {}).event('appointment_cancelled', 90, {})
      .repeat(3, 'appointment_rescheduled', 50, {});
    expect(feat(b)).toMatchObject({ cancellations90: 1, reschedules90: 3 });
  });

  it('appLogins30 over (asOf − 30, asOf], appBaseline per 30 days over the 90 days before', () => {
    const b = facts().withApp().event('app_login', 29, {}).event('app_login', 30, {})
      .repeat(15, 'app_login', 119, {}).event('app_login', 120, {});
    expect(feat(b)).toMatchObject({ hasApp: true, appLogins30: 1, appBaseline: 5.3333 });
  });

  it('wechatPerMonth counts inbound messages over 90 days ÷ 3, null without a WeChat handle', () => {
    const b = facts().event('wechat', 10, { direction: 'in' }).event('wechat', 11, { direction: 'out' }).event('wechat', 90, { direction: 'in' });
    expect(feat(b).wechatPerMonth).toBe(null);
    expect(feat(b.withWechat()).wechatPerMonth).toBe(0.3333);
  });

  it('interactionsPerMonth adds inbound WeChat, app logins and answered calls over 90 days', () => {
    const b = facts().event('wechat', 5, { direction: 'in' }).repeat(2, 'app_login', 60, {})
      .event('call', 7, { direction: 'in', answered: true }).event('call', 8, { direction: 'out', answered: false })
      .event('call', 95, { direction: 'out', answered: true });
    expect(feat(b).interactionsPerMonth).toBe(1.3333);
  });

  it('callAnswerRate is answered ÷ attempted outbound calls, null under 2 attempts', () => {
    const one = facts().event('call', 5, { direction: 'out', answered: true }).event('call', 6, { direction: 'in', answered: true });
    expect(feat(one).callAnswerRate).toBe(null);
    const three = one.event('call', 7, { direction: 'out', answered: false }).event('call', 8, { direction: 'out', answered: true });
    expect(feat(three).callAnswerRate).toBe(0.6667);
  });

  it('counts store events invited to and attended, and referrals, in 365 days', () => {
    const b = facts().event('event_invited', 10, { eventId: 'a' }).event('event_invited', 11, { eventId: 'a' })
      .event('event_invited', 364, { eventId: 'b' }).event('event_invited', 365, { eventId: 'c' })
      .event('event_attended', 10, { eventId: 'a' })
      .event('referral', 100, { referredCustomerId: 'c-2' }).event('referral', 400, { referredCustomerId: 'c-3' });
    expect(feat(b)).toMatchObject({ invited365: 2, attended365: 1, referrals365: 1 });
  });
});
