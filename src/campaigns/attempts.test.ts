import { describe, expect, it } from 'vitest';
import { mayGiveUp, nextAttempt, planAttempts, timeOfDay, type Attempt } from './attempts.js';
import { defaultSettings } from './default-settings.js';

const s = defaultSettings();
const at = (hhmm: string) => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3));
const call = (hhmm: string): Attempt => ({ channel: 'call', localMinute: at(hhmm) });
const wechat = (hhmm: string): Attempt => ({ channel: 'wechat', localMinute: at(hhmm) });

describe('attempts before giving up (programs.md §8)', () => {
  it('names the time of day of an attempt', () => {
    expect(timeOfDay(at('09:15'), s.timesOfDay)).toBe('morning');
    expect(timeOfDay(at('12:00'), s.timesOfDay)).toBe('afternoon');
    expect(timeOfDay(at('16:59'), s.timesOfDay)).toBe('afternoon');
    expect(timeOfDay(at('18:30'), s.timesOfDay)).toBe('evening');
  });

  it('plans three level-1 attempts at three times of day through two channels', () => {
    const plan = planAttempts(1, s);
    expect(plan).toHaveLength(3);
    expect(new Set(plan.map((p) => p.timeOfDay))).toEqual(new Set(['morning', 'afternoon', 'evening']));
    expect(new Set(plan.map((p) => p.channel)).size).toBeGreaterThanOrEqual(2);
    expect(plan.map((p) => `${p.channel}@${p.at}`)).toEqual(['call@10:30', 'wechat@15:00', 'call@18:30']);
  });

  it('does not give up on a level-1 customer after three calls at the same time of day', () => {
    const same = [call('10:00'), call('10:30'), call('11:00')];
    expect(mayGiveUp(1, same, s)).toBe(false);
    // The next attempt moves to another time of day and another channel.
    expect(nextAttempt(1, same, s)).toMatchObject({ channel: 'wechat', timeOfDay: 'afternoon' });
  });

  it('does not give up after three times of day through one channel only', () => {
    const oneChannel = [call('10:00'), call('14:00'), call('18:00')];
    expect(mayGiveUp(1, oneChannel, s)).toBe(false);
    expect(nextAttempt(1, oneChannel, s)?.channel).toBe('wechat');
  });

  it('gives up only after at least three attempts across times and channels', () => {
    expect(mayGiveUp(1, [call('10:00'), wechat('15:00')], s)).toBe(false);
    expect(mayGiveUp(1, [call('10:00'), wechat('15:00'), call('18:30')], s)).toBe(true);
    expect(nextAttempt(1, [call('10:00'), wechat('15:00'), call('18:30')], s)).toBeNull();
  });

  it('levels 2 and 3 need one attempt by default', () => {
    expect(planAttempts(2, s)).toHaveLength(1);
    expect(mayGiveUp(3, [], s)).toBe(false);
    expect(mayGiveUp(3, [{ channel: 'sms', localMinute: at('10:00') }], s)).toBe(true);
  });
});
