import { describe, expect, it } from 'vitest';
import { planPreset, summary } from './testing/plan-preset.js';

// programs.md §13: the care presets as the planner times them. Nightly evaluations trigger at
// 02:00 store time; the store works 09:00–18:00 every day.
const night = (day: string) => `${day}T02:00:00+08:00`;

describe('care presets (programs.md §13)', () => {
  it('contact interval: high and mid value get their advisor\'s call at 09:00 for the week, basic value a message at 10:00', () => {
    expect(summary(planPreset('care_contact', night('2024-06-03'), { facts: { valueTier: 'high' } }))).toEqual([
      'personal_call advisor call 2024-06-03T09:00:00+08:00 → 2024-06-10T09:00:00+08:00',
    ]);
    expect(summary(planPreset('care_contact', night('2024-06-03'), { facts: { valueTier: 'mid' } })).map((l) => l.split(' ')[0])).toEqual(['personal_call']);
    expect(summary(planPreset('care_contact', night('2024-06-03'), { facts: { valueTier: 'basic' } }))).toEqual([
      'care_message automated sms 2024-06-03T10:00:00+08:00',
    ]);
  });

  it('birthday: the month opens the run, the call or greeting falls on the birthday itself', () => {
    const opened = night('2024-06-01');
    expect(summary(planPreset('care_birthday', opened, { facts: { valueTier: 'high' }, momentAt: '2024-06-12' }))).toEqual([
      'birthday_call advisor call 2024-06-12T10:00:00+08:00 → 2024-06-12T18:00:00+08:00',
    ]);
    expect(summary(planPreset('care_birthday', opened, { facts: { valueTier: 'basic' }, momentAt: '2024-06-12' }))).toEqual([
      'birthday_greeting automated sms 2024-06-12T09:30:00+08:00',
    ]);
  });

  it('birthday: opened on the birthday after 09:30, the greeting goes at once; a leap-day birthday on the 28th in a common year', () => {
    expect(summary(planPreset('care_birthday', '2024-06-12T11:15:00+08:00', { facts: { valueTier: 'mid' }, momentAt: '2024-06-12' }))).toEqual([
      'birthday_greeting automated sms 2024-06-12T11:15:00+08:00',
    ]);
    expect(summary(planPreset('care_birthday', night('2025-02-01'), { facts: { valueTier: 'mid' }, momentAt: '2025-02-28' }))).toEqual([
      'birthday_greeting automated sms 2025-02-28T09:30:00+08:00',
    ]);
  });

  it('a moment already past when its run starts plans nothing for it (no greeting days late)', () => {
    expect(planPreset('care_birthday', night('2024-06-13'), { facts: { valueTier: 'mid' }, momentAt: '2024-06-12' })).toEqual([]);
  });

  it('anniversary: a personal WeChat for high and mid value, an SMS for basic, at 10:00 on the day', () => {
    expect(summary(planPreset('care_anniversary', night('2024-06-07'), { facts: { valueTier: 'mid' }, momentAt: '2024-06-10' }))).toEqual([
      'anniversary_wechat advisor wechat 2024-06-10T10:00:00+08:00 → 2024-06-10T18:00:00+08:00',
    ]);
    expect(summary(planPreset('care_anniversary', night('2024-06-07'), { facts: { valueTier: 'basic' }, momentAt: '2024-06-10' }))).toEqual([
      'anniversary_greeting automated sms 2024-06-10T10:00:00+08:00',
    ]);
  });

  it('first service: the advisor calls at the next opening whatever the tier, a reminder a week later', () => {
    expect(summary(planPreset('care_first_service', night('2024-06-26'), { facts: { valueTier: 'basic' } }))).toEqual([
      'first_service_call advisor call 2024-06-26T09:00:00+08:00 → 2024-06-29T09:00:00+08:00',
      'first_service_reminder automated sms 2024-07-03T10:00:00+08:00',
    ]);
  });

  it('a milestone shown by a reading at 15:40: the message at 10:00 the next day, the call at 09:00 once a whole day has passed', () => {
    expect(summary(planPreset('care_mileage_milestone', '2024-06-20T15:40:00+08:00', { facts: { valueTier: 'high' } }))).toEqual([
      'milestone_message automated sms 2024-06-21T10:00:00+08:00',
      'milestone_call advisor call 2024-06-22T09:00:00+08:00 → 2024-06-25T09:00:00+08:00',
    ]);
  });

  it('a care call opened in the evening (a re-evaluation, the demo\'s first start) shows at once, not the next morning', () => {
    expect(summary(planPreset('care_contact', '2024-06-03T21:40:00+08:00', { facts: { valueTier: 'high' } }))).toEqual([
      'personal_call advisor call 2024-06-03T21:40:00+08:00 → 2024-06-10T21:40:00+08:00',
    ]);
  });

  it('a bad-weather notice goes at once; quiet hours and the cap are the outbox\'s to apply', () => {
    expect(summary(planPreset('care_bad_weather', '2024-07-20T22:10:00+08:00'))).toEqual(['weather_notice automated sms 2024-07-20T22:10:00+08:00']);
  });
});
