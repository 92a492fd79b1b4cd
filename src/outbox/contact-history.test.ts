import { describe, expect, it } from 'vitest';
import { toInstant } from '../domain/dates.js';
import type { Customer, RetainEvent } from '../domain/records.js';
import { contactFactsFromEvents, historyOf, recipientOf } from './contact-history.js';
import { decideSend } from './decide-send.js';
import { defaultContactPolicy } from './default-contact-policy.js';

const SH = 'Asia/Shanghai';
const policy = defaultContactPolicy();
const customer: Customer = {
  id: 'c1', storeId: 'sh-01', name: '王芳', phone: '13800000000', wechat: 'zw_88', email: null, advisorId: 'sa-li',
  since: '2022-06-10', hasApp: true, birthday: null,
  consent: { sms: true, phone: true, wechat: true, app: true, email: true },
};
let n = 0;
const ev = (at: string, type: string, fields: Record<string, unknown> = {}) => ({ id: `e${++n}`, customerId: 'c1', at, type, ...fields }) as RetainEvent;

describe('contact facts from events', () => {
  it('touches, calls, opt-outs and bounced numbers', () => {
    const facts = contactFactsFromEvents([
      ev('2024-06-02T10:00:00+08:00', 'message', { channel: 'sms', purpose: 'care' }),
      ev('2024-06-03T11:00:00+08:00', 'call', { direction: 'out', answered: false }),
      ev('2024-06-03T12:00:00+08:00', 'reply', { channel: 'wechat', text: '退订' }),
      ev('2024-06-03T12:05:00+08:00', 'reply', { channel: 'sms', text: '好的' }),
      ev('2024-06-04', 'contact_invalid', { channel: 'phone' }),
    ], SH, policy);
    expect(facts.automatedTouches).toEqual([toInstant('2024-06-02T10:00:00+08:00', SH)]);
    expect(facts.humanCalls).toEqual([toInstant('2024-06-03T11:00:00+08:00', SH)]);
    expect([...facts.optedOut]).toEqual(['wechat']);
    expect([...facts.invalid]).toEqual(['sms']);

    const r = recipientOf(customer, facts, { lifecycle: 'active', doNotContact: false });
    expect(r.consent).toEqual({ sms: true, wechat: false, app: true, email: true });
    expect(r.reachable).toEqual({ sms: false, wechat: true, app: true, email: false });
  });

  it('a contact_updated after a bounce makes the number usable again', () => {
    const facts = contactFactsFromEvents([ev('2024-06-05', 'contact_updated'), ev('2024-06-04', 'contact_invalid', { channel: 'sms' })], SH, policy);
    expect(facts.invalid.size).toBe(0);
  });

  it('a farewell counts for the current give-up only', () => {
    const farewell = ev('2024-03-01T10:00:00+08:00', 'message', { channel: 'sms', purpose: 'farewell' });
    const first = ev('2024-02-28', 'abandoned', { reason: 'refuses contact' });
    expect(contactFactsFromEvents([farewell, first], SH, policy).farewellSent).toBe(true);
    const again = ev('2024-09-01', 'abandoned', { reason: 'moved' });
    expect(contactFactsFromEvents([farewell, first, again], SH, policy).farewellSent).toBe(false);
  });

  it('feeds decideSend end to end: an abandoned customer gets exactly one farewell', () => {
    const events = [ev('2024-06-01', 'abandoned', { reason: 'sold the car' })];
    const now = toInstant('2024-06-03T10:00:00', SH);
    const decide = (purpose: string, key: string) => {
      const facts = contactFactsFromEvents(events, SH, policy);
      return decideSend({
        message: { customerId: 'c1', channel: 'wechat', purpose, dedupeKey: key, createdAt: now },
        recipient: recipientOf(customer, facts, { lifecycle: 'abandoned', doNotContact: false }),
        history: historyOf(facts, new Set()), timeZone: SH, now, policy,
      });
    };
    expect(decide('care', 'care-1')).toEqual(expect.objectContaining({ action: 'block', reason: 'lifecycle' }));
    expect(decide('farewell', 'bye-1')).toEqual({ action: 'send' });
    events.push(ev('2024-06-03T10:00:00+08:00', 'message', { channel: 'wechat', purpose: 'farewell' }));
    expect(decide('farewell', 'bye-2')).toEqual(expect.objectContaining({ action: 'block', reason: 'lifecycle' }));
  });
});
