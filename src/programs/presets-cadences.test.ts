import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { releaseStep } from './release-step.js';
import { planPreset, planPresetRun, summary } from './testing/plan-preset.js';

// Monday 3 June 2024, 02:00: the nightly evaluation that finds segments and signals.
const NIGHT = '2024-06-03T02:00:00+08:00';
const T = '2024-06-03T10:00:00+08:00';

describe('§5 signal-specific chases', () => {
  it('maintenance overdue: day 7 SA call, day 14 personal offer, day 21 service manager — in working hours', () => {
    expect(summary(planPreset('maintenance_chase', NIGHT))).toEqual([
      'day7_call advisor call 2024-06-03T09:00:00+08:00 → 2024-06-04T09:00:00+08:00',
      'day14_offer advisor wechat 2024-06-10T09:00:00+08:00 → 2024-06-11T09:00:00+08:00',
      'day21_inspection service_manager call 2024-06-17T09:00:00+08:00 → 2024-06-18T09:00:00+08:00',
    ]);
  });

  it('NPS drop: service manager call 24 h, improvement plan 48 h, then a new rating asked', () => {
    expect(summary(planPreset('nps_drop', T))).toEqual([
      'manager_call service_manager call 2024-06-03T10:00:00+08:00 → 2024-06-04T10:00:00+08:00',
      'improvement_plan service_manager checklist 2024-06-03T10:00:00+08:00 → 2024-06-05T10:00:00+08:00',
      'new_rating automated sms 2024-06-06T10:00:00+08:00',
    ]);
  });

  it('cancellation: SA call within 1 h', () => {
    expect(summary(planPreset('cancellation', T))).toEqual(['reason_call advisor call 2024-06-03T10:00:00+08:00 → 2024-06-03T11:00:00+08:00']);
  });

  it('negative social post: service manager within 2 h, solution within 24 h; the update is asked only once the post is solved', () => {
    const plan = planPresetRun('social_negative', T, { subjectId: 'p1' });
    expect(plan.steps.map((s) => `${s.step} ${s.role} ${s.deadline}`)).toEqual([
      'manager_contact service_manager 2024-06-03T12:00:00+08:00',
      'solution service_manager 2024-06-04T10:00:00+08:00',
    ]);
    // It used to fall at +24h from the post, solved or not; now it waits for the post's resolution.
    expect(plan.waiting.map((w) => `${w.step} ${w.start.after} ${w.due}`)).toEqual(['ask_update social_resolved null']);
    expect(summary([releaseStep(plan.waiting[0]!, '2024-06-03T17:00:00+08:00', 'Asia/Shanghai')])).toEqual([
      'ask_update advisor call 2024-06-04T17:00:00+08:00 → 2024-06-05T17:00:00+08:00',
    ]);
  });

  it('contact invalid: a flag for the SA (no deadline) and the other channels tried', () => {
    expect(summary(planPreset('contact_invalid', T))).toEqual([
      'flag_update advisor checklist 2024-06-03T10:00:00+08:00',
      'try_wechat automated wechat 2024-06-03T10:00:00+08:00',
      'try_app automated app 2024-06-03T10:00:00+08:00',
    ]);
  });
});

describe('§6 silent wake-up by silent level', () => {
  it('yellow → WeChat reminder; orange → SA call; red → store manager call', () => {
    expect(summary(planPreset('silent_yellow', NIGHT))).toEqual(['friendly_reminder automated wechat 2024-06-03T09:00:00+08:00']);
    expect(summary(planPreset('silent_orange', NIGHT))).toEqual(['care_call advisor call 2024-06-03T09:00:00+08:00 → 2024-06-05T09:00:00+08:00']);
    expect(summary(planPreset('silent_red', NIGHT))).toEqual(['manager_invitation store_manager call 2024-06-03T09:00:00+08:00 → 2024-06-04T09:00:00+08:00']);
  });
});

describe('§7 dormant 21-day wake-up', () => {
  it('day 1 SMS, day 3 call, day 7 WeChat, day 14 email with offer, day 21 farewell (day 1 = the trigger day)', () => {
    const steps = planPreset('dormant_wakeup', NIGHT, { facts: { dormantType: 'no_need' } });
    expect(summary(steps)).toEqual([
      'day1_sms automated sms 2024-06-03T09:00:00+08:00',
      'day3_call advisor call 2024-06-05T09:00:00+08:00 → 2024-06-06T09:00:00+08:00',
      'day7_wechat advisor wechat 2024-06-09T09:00:00+08:00 → 2024-06-10T09:00:00+08:00',
      'day14_email automated email 2024-06-16T09:00:00+08:00',
      'day21_farewell automated sms 2024-06-23T09:00:00+08:00',
    ]);
    const day = (iso: string) => DateTime.fromISO(iso, { zone: 'Asia/Shanghai' }).diff(DateTime.fromISO('2024-06-03', { zone: 'Asia/Shanghai' }), 'days').days;
    expect(steps.map((s) => Math.floor(day(s.due)) + 1)).toEqual([1, 3, 7, 14, 21]);
    expect(steps.at(-1)).toMatchObject({ kind: 'message', purpose: 'farewell' });
  });
});

describe('§8 lost-customer recall', () => {
  it('level 1: three attempts on different days, at different times of day, by different channels', () => {
    for (const at of [NIGHT, '2024-06-03T16:00:00+08:00']) {
      const steps = planPreset('recall_level_1', at, { facts: { churnReason: 'price' } });
      expect(steps).toHaveLength(3);
      const local = steps.map((s) => DateTime.fromISO(s.due, { setZone: true }));
      expect(new Set(local.map((t) => t.toISODate())).size).toBe(3);
      expect(new Set(local.map((t) => t.toFormat('HH:mm'))).size).toBe(3);
      expect(new Set(steps.map((s) => (s.kind === 'task' ? s.taskType : s.channel))).size).toBeGreaterThanOrEqual(2);
      for (const t of local) expect(t.hour >= 9 && t.hour < 18).toBe(true);
      expect(steps.every((s) => s.role === 'service_manager' && s.kind === 'task' && s.script === 'recall_l1_price')).toBe(true);
    }
    expect(planPreset('recall_level_1', NIGHT).map((s) => s.due)).toEqual([
      '2024-06-03T10:30:00+08:00', '2024-06-05T15:00:00+08:00', '2024-06-07T17:30:00+08:00',
    ]);
    // Triggered after 10:30, the first attempt is the next morning.
    expect(planPreset('recall_level_1', '2024-06-03T16:00:00+08:00')[0]!.due).toBe('2024-06-04T10:30:00+08:00');
  });

  it('level 2: SA call; level 3: automated SMS then WeChat', () => {
    expect(summary(planPreset('recall_level_2', NIGHT))).toEqual(['sa_call advisor call 2024-06-03T09:00:00+08:00 → 2024-06-05T09:00:00+08:00']);
    expect(summary(planPreset('recall_level_3', NIGHT, { facts: { churnReason: 'convenience' } }))).toEqual([
      'recall_sms automated sms 2024-06-03T09:00:00+08:00', 'recall_wechat automated wechat 2024-06-10T09:00:00+08:00',
    ]);
  });
});

describe('§9 return, observation, give-up', () => {
  it('return ritual: a checklist for the SA at the return visit', () => {
    expect(summary(planPreset('return_ritual', T))).toEqual(['welcome_checklist advisor checklist 2024-06-03T10:00:00+08:00 → 2024-06-03T12:00:00+08:00']);
  });

  it('observation: monthly care touches over the 90 days', () => {
    expect(planPreset('observation', T).map((s) => s.due)).toEqual([
      '2024-07-03T10:00:00+08:00', '2024-08-02T10:00:00+08:00', '2024-09-01T10:00:00+08:00',
    ]);
  });

  it('give up: one farewell message', () => {
    expect(summary(planPreset('give_up', T))).toEqual(['farewell automated sms 2024-06-03T10:00:00+08:00']);
  });
});
