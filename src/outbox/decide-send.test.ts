import { describe, expect, it } from 'vitest';
import { toInstant } from '../domain/dates.js';
import type { Lifecycle } from '../domain/evaluation.js';
import { decideSend } from './decide-send.js';
import { defaultContactPolicy } from './default-contact-policy.js';
import type { ContactHistory, MessageChannel, OutboxMessage, Recipient } from './outbox-types.js';

const SH = 'Asia/Shanghai';
const NY = 'America/New_York';
const at = (local: string, zone = SH) => toInstant(local, zone);
const all = (v: boolean): Record<MessageChannel, boolean> => ({ sms: v, wechat: v, app: v, email: v });

interface Case {
  now: string;
  zone?: string;
  message?: Partial<OutboxMessage>;
  recipient?: Partial<Recipient>;
  history?: Partial<ContactHistory>;
}

function decide(c: Case) {
  const zone = c.zone ?? SH;
  const message: OutboxMessage = { customerId: 'c1', channel: 'sms', purpose: 'care', dedupeKey: 'k1', createdAt: at(c.now, zone), ...c.message };
  const recipient: Recipient = { customerId: 'c1', consent: all(true), reachable: all(true), doNotContact: false, lifecycle: 'active', ...c.recipient };
  const history: ContactHistory = { automatedTouches: [], humanCalls: [], sentKeys: new Set(), farewellSent: false, ...c.history };
  return decideSend({ message, recipient, history, timeZone: zone, now: at(c.now, zone), policy: defaultContactPolicy() });
}

const held = (until: number, reason: string) => expect.objectContaining({ action: 'hold', until, reason });
const blocked = (reason: string) => expect.objectContaining({ action: 'block', reason });

describe('quiet hours 21:00–09:00 store time: the message waits', () => {
  it('Asia/Shanghai at the boundaries', () => {
    expect(decide({ now: '2024-06-03T20:59:59' })).toEqual({ action: 'send' });
    expect(decide({ now: '2024-06-03T21:00:00' })).toEqual(held(at('2024-06-04T09:00:00'), 'quiet_hours'));
    expect(decide({ now: '2024-06-04T00:30:00' })).toEqual(held(at('2024-06-04T09:00:00'), 'quiet_hours'));
    expect(decide({ now: '2024-06-04T08:59:00' })).toEqual(held(at('2024-06-04T09:00:00'), 'quiet_hours'));
    expect(decide({ now: '2024-06-04T09:00:00' })).toEqual({ action: 'send' });
    // 09:00 Shanghai is 01:00 UTC: the rules work on store time, not the server's.
    expect(at('2024-06-04T09:00:00')).toBe(Date.parse('2024-06-04T01:00:00Z'));
  });

  it('a DST zone: the same wall-clock boundaries, and a night that is an hour shorter', () => {
    // New York springs forward at 02:00 on 2024-03-10 (EST −5 → EDT −4).
    expect(decide({ zone: NY, now: '2024-03-09T20:59:00' })).toEqual({ action: 'send' });
    const evening = decide({ zone: NY, now: '2024-03-09T21:00:00' });
    expect(evening).toEqual(held(Date.parse('2024-03-10T13:00:00Z'), 'quiet_hours'));
    expect(evening.action === 'hold' && evening.until - at('2024-03-09T21:00:00', NY)).toBe(11 * 3_600_000);
    expect(decide({ zone: NY, now: '2024-03-10T08:59:00' })).toEqual(held(Date.parse('2024-03-10T13:00:00Z'), 'quiet_hours'));
    expect(decide({ zone: NY, now: '2024-03-10T09:00:00' })).toEqual({ action: 'send' });
    // …and falls back on 2024-11-03: that night is 13 hours long, morning still 09:00 EST.
    expect(decide({ zone: NY, now: '2024-11-02T21:00:00' })).toEqual(held(Date.parse('2024-11-03T14:00:00Z'), 'quiet_hours'));
  });
});

describe('frequency cap: 2 automated touches per 7 days, none on a human-call day', () => {
  const t1 = at('2024-06-01T10:00:00');
  const t2 = at('2024-06-03T15:00:00');

  it('a third touch waits until the first leaves the 7-day window', () => {
    expect(decide({ now: '2024-06-05T10:00:00', history: { automatedTouches: [t1] } })).toEqual({ action: 'send' });
    expect(decide({ now: '2024-06-05T10:00:00', history: { automatedTouches: [t1, t2] } }))
      .toEqual(held(at('2024-06-08T10:00:00'), 'frequency_cap'));
    expect(decide({ now: '2024-06-08T09:59:59', history: { automatedTouches: [t2, t1] } }))
      .toEqual(held(at('2024-06-08T10:00:00'), 'frequency_cap'));
    expect(decide({ now: '2024-06-08T10:00:00', history: { automatedTouches: [t1, t2] } })).toEqual({ action: 'send' });
  });

  it('when the slot frees during quiet hours, the hold runs on to the morning', () => {
    const late = at('2024-06-01T22:30:00'); // e.g. sent by a human-triggered exception; leaves the window at 22:30
    expect(decide({ now: '2024-06-05T10:00:00', history: { automatedTouches: [late, t2] } }))
      .toEqual(held(at('2024-06-09T09:00:00'), 'frequency_cap'));
  });

  it('a human call that store day holds automated touches to the next day', () => {
    const call = at('2024-06-05T08:30:00');
    expect(decide({ now: '2024-06-05T16:00:00', history: { humanCalls: [call] } }))
      .toEqual(held(at('2024-06-06T09:00:00'), 'frequency_cap'));
    expect(decide({ now: '2024-06-06T09:00:00', history: { humanCalls: [call] } })).toEqual({ action: 'send' });
    // A call yesterday evening does not count today; a call later today has not happened yet.
    expect(decide({ now: '2024-06-06T10:00:00', history: { humanCalls: [call, at('2024-06-06T15:00:00')] } })).toEqual({ action: 'send' });
  });

  it('an exempt purpose is neither counted nor held by the cap (quiet hours still apply)', () => {
    const policy = structuredClone(defaultContactPolicy());
    policy.frequencyCap.exemptPurposes = ['vehicle_ready'];
    const base = {
      message: { customerId: 'c1', channel: 'sms' as const, purpose: 'vehicle_ready', dedupeKey: 'r1', createdAt: 0 },
      recipient: { customerId: 'c1', consent: all(true), reachable: all(true), doNotContact: false, lifecycle: 'active' as const },
      history: { automatedTouches: [t1, t2], humanCalls: [t2], sentKeys: new Set<string>(), farewellSent: false },
      timeZone: SH, policy,
    };
    expect(decideSend({ ...base, now: at('2024-06-03T16:00:00') })).toEqual({ action: 'send' });
    expect(decideSend({ ...base, now: at('2024-06-03T22:00:00') })).toEqual(held(at('2024-06-04T09:00:00'), 'quiet_hours'));
  });
});

describe('blocks', () => {
  it('consent off for the channel → no_consent; other channels still go', () => {
    const recipient = { consent: { ...all(true), email: false } };
    expect(decide({ now: '2024-06-05T10:00:00', recipient, message: { channel: 'email' } })).toEqual(blocked('no_consent'));
    expect(decide({ now: '2024-06-05T10:00:00', recipient, message: { channel: 'wechat' } })).toEqual({ action: 'send' });
  });

  it('no usable contact detail on the channel → no_consent', () => {
    const d = decide({ now: '2024-06-05T10:00:00', recipient: { reachable: { ...all(true), sms: false } } });
    expect(d).toEqual(blocked('no_consent'));
    expect(d.action === 'block' && d.detail).toMatch(/contact/);
  });

  it('do-not-contact beats consent and lifecycle', () => {
    expect(decide({ now: '2024-06-05T10:00:00', recipient: { doNotContact: true, consent: all(false), lifecycle: 'abandoned' } }))
      .toEqual(blocked('do_not_contact'));
  });

  it.each<Lifecycle>(['abandoned', 'sold_or_moved'])('%s → lifecycle, except one farewell', (lifecycle) => {
    const now = '2024-06-05T10:00:00';
    expect(decide({ now, recipient: { lifecycle } })).toEqual(blocked('lifecycle'));
    expect(decide({ now, recipient: { lifecycle }, message: { purpose: 'farewell' } })).toEqual({ action: 'send' });
    expect(decide({ now, recipient: { lifecycle }, message: { purpose: 'farewell', dedupeKey: 'f2' }, history: { farewellSent: true } }))
      .toEqual(blocked('lifecycle'));
  });

  it('the farewell still waits for the morning and respects consent', () => {
    const farewell = { purpose: 'farewell' };
    expect(decide({ now: '2024-06-05T22:00:00', recipient: { lifecycle: 'abandoned' }, message: farewell }))
      .toEqual(held(at('2024-06-06T09:00:00'), 'quiet_hours'));
    expect(decide({ now: '2024-06-05T10:00:00', recipient: { lifecycle: 'abandoned', consent: all(false) }, message: farewell }))
      .toEqual(blocked('no_consent'));
  });

  it.each<Lifecycle>(['active', 'observation', 'dormant', 'lost'])('%s gets outreach', (lifecycle) => {
    expect(decide({ now: '2024-06-05T10:00:00', recipient: { lifecycle } })).toEqual({ action: 'send' });
  });

  it('a key already sent → duplicate, checked before everything else', () => {
    const history = { sentKeys: new Set(['k1']) };
    expect(decide({ now: '2024-06-05T10:00:00', history })).toEqual(blocked('duplicate'));
    expect(decide({ now: '2024-06-05T23:00:00', history, recipient: { doNotContact: true } })).toEqual(blocked('duplicate'));
    expect(decide({ now: '2024-06-05T10:00:00', history, message: { dedupeKey: 'k2' } })).toEqual({ action: 'send' });
  });

  it('order: consent before lifecycle, lifecycle before quiet hours and cap', () => {
    const night = '2024-06-05T23:00:00';
    expect(decide({ now: night, recipient: { consent: all(false), lifecycle: 'abandoned' } })).toEqual(blocked('no_consent'));
    expect(decide({ now: night, recipient: { lifecycle: 'abandoned' } })).toEqual(blocked('lifecycle'));
    const full = { automatedTouches: [at('2024-06-04T10:00:00'), at('2024-06-05T10:00:00')] };
    expect(decide({ now: night, history: full })).toEqual(expect.objectContaining({ reason: 'quiet_hours', until: at('2024-06-11T10:00:00') }));
  });

  it('refuses a message decided against another customer', () => {
    expect(() => decide({ now: '2024-06-05T10:00:00', message: { customerId: 'c2' } })).toThrow(/c2/);
  });
});
