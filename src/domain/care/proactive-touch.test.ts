import { describe, expect, it } from 'vitest';
import { buildTimeline } from '../features/timeline.js';
import { defaultPolicy } from '../policy/default-policy.js';
import { AS_OF, ago, facts, type FactsBuilder } from '../testing/facts-builder.js';
import { lastProactiveTouch } from './proactive-touch.js';

const last = (b: FactsBuilder) => {
  const f = b.build();
  return lastProactiveTouch(buildTimeline(f.events, f.timeZone, AS_OF), defaultPolicy().care);
};

describe('what counts as a proactive touch', () => {
  it('an answered call out, a WeChat out, a message by staff, an automated care message', () => {
    expect(last(facts().event('call', 5, { direction: 'out', answered: true, staffId: 'sa1', outcome: null }))).toEqual({ day: AS_OF - 5, kind: 'call' });
    expect(last(facts().event('wechat', 6, { direction: 'out' }))).toEqual({ day: AS_OF - 6, kind: 'wechat' });
    expect(last(facts().event('message', 7, { channel: 'sms', purpose: 'maintenance_reminder', staffId: 'sa1' }))).toEqual({ day: AS_OF - 7, kind: 'message' });
    expect(last(facts().event('message', 8, { channel: 'sms', purpose: 'birthday' }))).toEqual({ day: AS_OF - 8, kind: 'message' });
  });

  it('not an unanswered call, anything inbound, a reply, a visit, an automated service notice', () => {
    const b = facts()
      .event('call', 1, { direction: 'out', answered: false, staffId: 'sa1', outcome: null })
      .event('call', 2, { direction: 'in', answered: true, staffId: null, outcome: null })
      .event('wechat', 3, { direction: 'in' })
      .event('reply', 4, { channel: 'sms', text: '好的' })
      .visit(5)
      .event('message', 6, { channel: 'sms', purpose: 'maintenance_reminder' })
      .event('message', 7, { channel: 'sms', purpose: 'survey' });
    expect(last(b)).toBeNull();
  });

  it('the latest one wins, by time of day within a day', () => {
    const b = facts()
      .event('wechat', `${ago(3)}T16:00:00+08:00`, { direction: 'out' })
      .event('call', `${ago(3)}T09:00:00+08:00`, { direction: 'out', answered: true, staffId: 'sa1', outcome: null })
      .event('message', 20, { channel: 'sms', purpose: 'care' });
    expect(last(b)).toEqual({ day: AS_OF - 3, kind: 'wechat' });
  });
});
