import { describe, expect, it } from 'vitest';
import { planEscalation } from './plan-escalation.js';
import { defaultPrograms } from './default-programs.js';
import { releaseStep } from './release-step.js';
import { planPreset, planPresetRun, summary } from './testing/plan-preset.js';
import type { PlannedStep } from './types.js';

const T = '2024-06-03T10:00:00+08:00';
const clock = { timeZone: 'Asia/Shanghai', workingHours: defaultPrograms().workingHours };
const escalate = (s: PlannedStep, now: string, rung = 0, deadline = s.deadline) =>
  planEscalation({ key: s.key, deadline, escalation: s.escalation, timing: s.timing, rung, done: false }, now, clock);

describe('§1 early-warning response', () => {
  it('orange at T: advisor call due T with deadline T+72h; missed → service manager, then store manager', () => {
    const [call] = planPreset('early_warning_orange', T, { level: 'orange', facts: { valueTier: 'mid' } });
    expect(call).toMatchObject({ kind: 'task', taskType: 'call', role: 'advisor', slot: 'early_warning', script: 'orange_call_mid',
      due: T, deadline: '2024-06-06T10:00:00+08:00', escalateTo: 'service_manager' });
    expect(escalate(call!, '2024-06-06T09:59:59+08:00')).toBeNull();
    const sm = escalate(call!, '2024-06-06T10:00:00+08:00');
    expect(sm).toMatchObject({ kind: 'task', role: 'service_manager', due: '2024-06-06T10:00:00+08:00', deadline: '2024-06-07T10:00:00+08:00' });
    if (sm?.kind !== 'task') throw new Error('expected a task');
    expect(escalate(call!, '2024-06-07T10:00:00+08:00', 1, sm.deadline)).toMatchObject({ role: 'store_manager', key: `${call!.key}#esc2` });
  });

  it('orange: the effect is checked after 7 days', () => {
    expect(summary(planPreset('early_warning_orange', T)).at(1)).toBe('effect_check retention_specialist checklist 2024-06-10T10:00:00+08:00 → 2024-06-11T10:00:00+08:00');
  });

  it('red: service manager call within 24 h; missed → store manager', () => {
    const [call, ...rest] = planPreset('early_warning_red', T, { level: 'red' });
    expect(call).toMatchObject({ role: 'service_manager', taskType: 'call', deadline: '2024-06-04T10:00:00+08:00', slot: 'early_warning' });
    expect(rest).toEqual([]);
    expect(escalate(call!, '2024-06-04T10:00:00+08:00')).toMatchObject({ role: 'store_manager' });
  });

  it('red + top value: the general manager too, 48 h, outside the single early-warning slot', () => {
    const steps = planPreset('early_warning_red', T, { level: 'red', facts: { topValue: true } });
    expect(steps.map((s) => [s.role, s.deadline, s.slot])).toEqual([
      ['service_manager', '2024-06-04T10:00:00+08:00', 'early_warning'],
      ['general_manager', '2024-06-05T10:00:00+08:00', null],
    ]);
  });

  it('yellow by recency: SMS offer at T, app offer at R = 35, SMS reminder at R = 45; 48 h without response → orange', () => {
    const steps = planPreset('early_warning_yellow', T, { level: 'yellow', lastVisitAt: '2024-05-02T15:00:00+08:00', facts: { byRecency: true } });
    expect(summary(steps)).toEqual([
      'yellow_offer automated sms 2024-06-03T10:00:00+08:00 → 2024-06-05T10:00:00+08:00',
      'r35_offer automated app 2024-06-06T00:00:00+08:00',
      'r45_reminder automated sms 2024-06-16T00:00:00+08:00',
    ]);
    expect(escalate(steps[0]!, '2024-06-05T09:59:00+08:00')).toBeNull();
    expect(escalate(steps[0]!, '2024-06-05T10:00:00+08:00')).toEqual({
      kind: 'raise_level', key: `${steps[0]!.key}#esc1`, stepKey: steps[0]!.key, rung: 1, level: 'orange', at: '2024-06-05T10:00:00+08:00',
    });
    // A response recorded: nothing escalates.
    const s = steps[0]!;
    expect(planEscalation({ key: s.key, deadline: s.deadline, escalation: s.escalation, timing: s.timing, rung: 0, done: true }, '2024-06-09T00:00:00+08:00', clock)).toBeNull();
  });

  it('yellow not by recency: a care SMS with the 48 h check, no R touches', () => {
    expect(planPreset('early_warning_yellow', T, { lastVisitAt: '2024-05-02T15:00:00+08:00' }).map((s) => s.step)).toEqual(['yellow_care']);
  });

  it('an R touch whose day passed before the trigger is skipped; one on the trigger day is due at the trigger', () => {
    // Last visit 40 days before the trigger: R = 35 has passed, R = 45 is ahead.
    const late = planPreset('early_warning_yellow', T, { lastVisitAt: '2024-04-24T09:00:00+08:00', facts: { byRecency: true } });
    expect(late.map((s) => s.step)).toEqual(['yellow_offer', 'r45_reminder']);
    // Last visit exactly 35 days before: R = 35 is today, sent with the trigger.
    const today = planPreset('early_warning_yellow', T, { lastVisitAt: '2024-04-29T09:00:00+08:00', facts: { byRecency: true } });
    expect(today.find((s) => s.step === 'r35_offer')?.due).toBe(T);
  });

  it('health warnings: red → store manager 2 h; orange → service manager 24 h; yellow → advisor 3 days', () => {
    const first = (id: string) => planPreset(id, T)[0]!;
    expect([first('health_red').role, first('health_red').deadline]).toEqual(['store_manager', '2024-06-03T12:00:00+08:00']);
    expect([first('health_orange').role, first('health_orange').deadline]).toEqual(['service_manager', '2024-06-04T10:00:00+08:00']);
    expect([first('health_yellow').role, first('health_yellow').deadline]).toEqual(['advisor', '2024-06-06T10:00:00+08:00']);
    for (const id of ['health_red', 'health_orange', 'health_yellow']) expect(first(id).slot).toBe('early_warning');
  });
});

describe('§2 in-service waiting time, §3 post-service, §4 complaints', () => {
  it('waiting: 60 / 120 / 180 min after check-in, and the store manager\'s call the same evening', () => {
    expect(summary(planPreset('waiting_time', T, { subjectId: 'v1' }))).toEqual([
      'wait_60 advisor checklist 2024-06-03T11:00:00+08:00 → 2024-06-03T11:15:00+08:00',
      'evening_call store_manager call 2024-06-03T18:00:00+08:00 → 2024-06-03T21:00:00+08:00',
      'wait_120 service_manager approval 2024-06-03T12:00:00+08:00 → 2024-06-03T12:15:00+08:00',
      'wait_180 store_manager approval 2024-06-03T13:00:00+08:00 → 2024-06-03T13:15:00+08:00',
    ]);
  });

  it('waiting: the evening call is at 18:00, or at once when the 60 minutes end after 18:00 (that same evening)', () => {
    const evening = (checkin: string) => summary(planPreset('waiting_time', checkin, { subjectId: 'v1' })).find((l) => l.startsWith('evening_call'));
    expect(evening('2024-06-03T16:59:00+08:00')).toBe('evening_call store_manager call 2024-06-03T18:00:00+08:00 → 2024-06-03T21:00:00+08:00');
    expect(evening('2024-06-03T17:00:00+08:00')).toBe('evening_call store_manager call 2024-06-03T18:00:00+08:00 → 2024-06-03T21:00:00+08:00');
    expect(evening('2024-06-03T17:30:00+08:00')).toBe('evening_call store_manager call 2024-06-03T18:30:00+08:00 → 2024-06-03T21:30:00+08:00');
    // A check-in after 23:00 reaches 60 minutes after midnight: that day's evening.
    expect(evening('2024-06-03T23:30:00+08:00')).toBe('evening_call store_manager call 2024-06-04T18:00:00+08:00 → 2024-06-04T21:00:00+08:00');
  });

  it('post-service: SA call at 2 h, WeChat at 24 h', () => {
    expect(summary(planPreset('post_service', T))).toEqual([
      'sa_call advisor call 2024-06-03T12:00:00+08:00 → 2024-06-03T16:00:00+08:00',
      'wechat_care advisor wechat 2024-06-04T10:00:00+08:00 → 2024-06-05T10:00:00+08:00',
    ]);
  });

  it('low rating: store manager call within 30 min, resolve within 24 h, re-visit call 24 h after the resolution', () => {
    const plan = planPresetRun('low_rating', T);
    expect(summary(plan.steps)).toEqual([
      'manager_call store_manager call 2024-06-03T10:00:00+08:00 → 2024-06-03T10:30:00+08:00',
      'resolve store_manager checklist 2024-06-03T10:00:00+08:00 → 2024-06-04T10:00:00+08:00',
    ]);
    // It used to fall at +24h from the rating, resolved or not; now it waits for a complaint closed.
    expect(plan.waiting.map((w) => `${w.step} ${w.start.after} ${w.due}`)).toEqual(['revisit_call complaint_closed null']);
    expect(summary([releaseStep(plan.waiting[0]!, '2024-06-03T16:00:00+08:00', 'Asia/Shanghai')])).toEqual([
      'revisit_call advisor call 2024-06-04T16:00:00+08:00 → 2024-06-05T16:00:00+08:00',
    ]);
  });

  it('complaint: respond 1 h, solution 24 h, resolved 72 h; after closing 72 h, 7 days, 30 days', () => {
    expect(planPreset('complaint_open', T).map((s) => s.deadline)).toEqual([
      '2024-06-03T11:00:00+08:00', '2024-06-04T10:00:00+08:00', '2024-06-06T10:00:00+08:00',
    ]);
    expect(planPreset('complaint_after', T).map((s) => `${s.step} ${s.due}`)).toEqual([
      'confirm 2024-06-06T10:00:00+08:00', 'goodwill 2024-06-10T10:00:00+08:00', 'checkin_30 2024-07-03T10:00:00+08:00',
    ]);
  });
});
