import { describe, expect, it } from 'vitest';
import { defaultPrograms } from './default-programs.js';
import { parsePrograms } from './parse-programs.js';
import { planProgram, planRun, planSteps } from './plan-steps.js';
import type { ProgramDocument } from './program-schema.js';
import type { TriggerOccurrence } from './types.js';

const SH = { timeZone: 'Asia/Shanghai' };
const occ = (o: Partial<TriggerOccurrence> & Pick<TriggerOccurrence, 'programId' | 'at'>): TriggerOccurrence =>
  ({ triggerKey: 'k1', customerId: 'c1', ...o });

/** A one-program document to test the planner's rules in isolation. */
function docWith(program: Record<string, unknown>): ProgramDocument {
  const r = parsePrograms({
    version: 'test-1',
    workingHours: { start: '09:00', end: '18:00', days: [1, 2, 3, 4, 5, 6, 7] },
    programs: [{ id: 'p', name: { 'zh-CN': '测试', en: 'test' }, enabled: true, trigger: { kind: 'signal', signal: 'nps_drop' }, stopWhen: [], ...program }],
  });
  if (!r.ok) throw new Error(JSON.stringify(r.errors));
  return r.document;
}

const callIn = (offset: string, extra: Record<string, unknown> = {}) =>
  ({ id: 's1', offset, kind: 'task', taskType: 'call', role: 'advisor', deadline: 'PT2H', ...extra });

describe('determinism and keys', () => {
  it('re-planning the same trigger yields identical steps and keys', () => {
    const o = occ({ programId: 'dormant_wakeup', triggerKey: 'dormant:2024-06-03', at: '2024-06-03T02:00:00+08:00', facts: { dormantType: 'passive' } });
    const a = planSteps(defaultPrograms(), o, SH);
    const b = planSteps(structuredClone(defaultPrograms()), structuredClone(o), SH);
    expect(b).toEqual(a);
    expect(a.map((s) => s.key)).toEqual([
      'dormant_wakeup/c1/dormant:2024-06-03/day1_sms', 'dormant_wakeup/c1/dormant:2024-06-03/day3_call',
      'dormant_wakeup/c1/dormant:2024-06-03/day7_wechat', 'dormant_wakeup/c1/dormant:2024-06-03/day14_email',
      'dormant_wakeup/c1/dormant:2024-06-03/day21_farewell',
    ]);
  });

  it('keys do not depend on the program version or the trigger instant written another way', () => {
    const o = occ({ programId: 'early_warning_orange', at: '2024-06-03T02:00:00Z' });
    const d2 = { ...structuredClone(defaultPrograms()), version: 'edited-2' };
    const a = planSteps(defaultPrograms(), o, SH);
    const b = planSteps(d2, { ...o, at: '2024-06-03T10:00:00+08:00' }, SH);
    expect(b.map((s) => s.key)).toEqual(a.map((s) => s.key));
    expect(b.map((s) => s.due)).toEqual(a.map((s) => s.due));
    expect(b[0]!.programVersion).toBe('edited-2');
    expect(a[0]!.level).toBe('orange');
  });

  it('a different trigger key or customer gives different keys', () => {
    const o = occ({ programId: 'cancellation', at: '2024-06-03T10:00:00+08:00' });
    const k = (x: TriggerOccurrence) => planSteps(defaultPrograms(), x, SH)[0]!.key;
    expect(new Set([k(o), k({ ...o, triggerKey: 'k2' }), k({ ...o, customerId: 'c2' })]).size).toBe(3);
  });

  it('due and deadline carry the store offset: the same instant in Berlin reads +02:00', () => {
    const [s] = planSteps(defaultPrograms(), occ({ programId: 'early_warning_orange', at: '2024-06-03T08:00:00Z' }), { timeZone: 'Europe/Berlin' });
    expect(s!.due).toBe('2024-06-03T10:00:00+02:00');
    expect(s!.deadline).toBe('2024-06-06T10:00:00+02:00');
  });

  it('a timestamp without offset is store-local wall time', () => {
    const [s] = planSteps(defaultPrograms(), occ({ programId: 'cancellation', at: '2024-06-03T10:00:00' }), SH);
    expect(s!.due).toBe('2024-06-03T10:00:00+08:00');
  });

  it('an unknown or disabled program plans nothing', () => {
    expect(planSteps(defaultPrograms(), occ({ programId: 'nope', at: '2024-06-03T10:00:00+08:00' }), SH)).toEqual([]);
    const d = structuredClone(defaultPrograms());
    d.programs.find((p) => p.id === 'cancellation')!.enabled = false;
    expect(planSteps(d, occ({ programId: 'cancellation', at: '2024-06-03T10:00:00+08:00' }), SH)).toEqual([]);
  });
});

describe('working time', () => {
  const plan = (at: string, offset: string, timeZone: string) => {
    const d = docWith({ timing: 'working_time', steps: [callIn(offset)] });
    return planSteps(d, occ({ programId: 'p', at }), { timeZone })[0]!;
  };

  it('a step landing at 17:59 stays; at 18:01 it moves to 09:00 the next day (Asia/Shanghai)', () => {
    expect(plan('2024-06-03T15:59:00+08:00', 'PT2H', 'Asia/Shanghai').due).toBe('2024-06-03T17:59:00+08:00');
    const late = plan('2024-06-03T16:01:00+08:00', 'PT2H', 'Asia/Shanghai');
    expect(late.due).toBe('2024-06-04T09:00:00+08:00');
    // The 2 h deadline is working time from that start.
    expect(late.deadline).toBe('2024-06-04T11:00:00+08:00');
  });

  it('the same boundary in Europe/Berlin across the spring shift', () => {
    expect(plan('2024-03-30T15:59:00+01:00', 'PT2H', 'Europe/Berlin').due).toBe('2024-03-30T17:59:00+01:00');
    expect(plan('2024-03-30T16:01:00+01:00', 'PT2H', 'Europe/Berlin').due).toBe('2024-03-31T09:00:00+02:00');
  });

  it('a deadline started at 17:59 runs over into the next day', () => {
    expect(plan('2024-06-03T15:59:00+08:00', 'PT2H', 'Asia/Shanghai').deadline).toBe('2024-06-04T10:59:00+08:00');
  });

  it('a store\'s own working hours override the document\'s', () => {
    const d = docWith({ timing: 'working_time', steps: [callIn('PT0M')] });
    const o = occ({ programId: 'p', at: '2024-06-03T08:30:00+08:00' });
    expect(planSteps(d, o, SH)[0]!.due).toBe('2024-06-03T09:00:00+08:00');
    expect(planSteps(d, o, { ...SH, workingHours: { start: '08:00', end: '20:00', days: [1, 2, 3, 4, 5, 6, 7] } })[0]!.due).toBe('2024-06-03T08:30:00+08:00');
  });

  it('wall-clock programs ignore working hours: a 1 h deadline at 17:30 ends 18:30', () => {
    const d = docWith({ timing: 'wall_clock', steps: [callIn('PT0M', { deadline: 'PT1H' })] });
    const [s] = planSteps(d, occ({ programId: 'p', at: '2024-06-03T17:30:00+08:00' }), SH);
    expect([s!.due, s!.deadline]).toEqual(['2024-06-03T17:30:00+08:00', '2024-06-03T18:30:00+08:00']);
  });

  it('a day offset across a DST shift keeps the local time', () => {
    const d = docWith({ timing: 'wall_clock', steps: [callIn('P1D')] });
    expect(planSteps(d, occ({ programId: 'p', at: '2024-03-30T10:00:00+01:00' }), { timeZone: 'Europe/Berlin' })[0]!.due)
      .toBe('2024-03-31T10:00:00+02:00');
  });
});

describe('the same program planned again and again (times are remembered)', () => {
  const d = docWith({ timing: 'working_time', steps: [callIn('P35D', { anchor: 'last_visit', deadline: 'P1D' }), { ...callIn('PT1H'), id: 's2' }] });
  const o = occ({ programId: 'p', at: '2024-06-03T17:30:00+08:00', lastVisitAt: '2024-05-01T10:00:00+08:00' });
  const times = (x: TriggerOccurrence, ctx: Parameters<typeof planSteps>[2] = SH) => planSteps(d, x, ctx).map((s) => [s.step, s.due, s.deadline]);

  it('each occurrence gets its own last visit, trigger, zone and hours, in any order', () => {
    const first = times(o);
    expect(first).toEqual([
      ['s1', '2024-06-05T09:00:00+08:00', '2024-06-06T09:00:00+08:00'],
      // 18:30 is after hours: the step waits for 09:00 the next morning.
      ['s2', '2024-06-04T09:00:00+08:00', '2024-06-04T11:00:00+08:00'],
    ]);
    expect(times({ ...o, lastVisitAt: '2024-05-02T10:00:00+08:00' })[0]).toEqual(['s1', '2024-06-06T09:00:00+08:00', '2024-06-07T09:00:00+08:00']);
    // A last visit so long ago that day 35 passed before the trigger's day: the step is left out.
    expect(times({ ...o, lastVisitAt: '2024-04-01T10:00:00+08:00' }).map(([id]) => id)).toEqual(['s2']);
    expect(times({ ...o, lastVisitAt: undefined }).map(([id]) => id)).toEqual(['s2']);
    expect(times({ ...o, at: '2024-06-03T10:00:00+08:00' })[1]).toEqual(['s2', '2024-06-03T11:00:00+08:00', '2024-06-03T13:00:00+08:00']);
    expect(times(o, { timeZone: 'Europe/Berlin' })[1]).toEqual(['s2', '2024-06-03T12:30:00+02:00', '2024-06-03T14:30:00+02:00']);
    expect(times(o, { ...SH, workingHours: { start: '08:00', end: '20:00', days: [1, 2, 3, 4, 5, 6, 7] } })[1])
      .toEqual(['s2', '2024-06-03T18:30:00+08:00', '2024-06-04T08:30:00+08:00']);
    expect(times(o)).toEqual(first);
  });
});

describe('step rules', () => {
  it('when: true needs the fact; false also matches a missing fact; a list matches any', () => {
    const d = docWith({ timing: 'wall_clock', steps: [
      callIn('PT0M', { id: 'a', when: { vip: true } }),
      callIn('PT0M', { id: 'b', when: { vip: false } }),
      callIn('PT0M', { id: 'c', when: { tier: ['high', 'mid'] } }),
    ] });
    const ids = (facts?: Record<string, string | boolean>) =>
      planSteps(d, occ({ programId: 'p', at: '2024-06-03T10:00:00+08:00', ...(facts ? { facts } : {}) }), SH).map((s) => s.step);
    expect(ids()).toEqual(['b']);
    expect(ids({ vip: true, tier: 'mid' })).toEqual(['a', 'c']);
    expect(ids({ vip: false, tier: 'basic' })).toEqual(['b']);
  });

  it('script ids are filled from the facts, "default" when a fact is missing', () => {
    const o = occ({ programId: 'dormant_wakeup', at: '2024-06-03T10:00:00+08:00' });
    const withType = planSteps(defaultPrograms(), { ...o, facts: { dormantType: 'dissatisfied' } }, SH);
    expect(withType.find((s) => s.step === 'day3_call')).toMatchObject({ kind: 'task', script: 'dormant_call_dissatisfied' });
    expect(withType.find((s) => s.step === 'day1_sms')).toMatchObject({ kind: 'message', template: 'dormant_sms_dissatisfied' });
    expect(planSteps(defaultPrograms(), o, SH).find((s) => s.step === 'day3_call')).toMatchObject({ script: 'dormant_call_default' });
  });

  it('atLocalTime: that time on the landing day, or the next day once it has passed', () => {
    const d = docWith({ timing: 'wall_clock', steps: [callIn('PT60M', { atLocalTime: '18:00' })] });
    const due = (at: string) => planSteps(d, occ({ programId: 'p', at }), SH)[0]!.due;
    expect(due('2024-06-03T10:00:00+08:00')).toBe('2024-06-03T18:00:00+08:00');
    expect(due('2024-06-03T17:00:00+08:00')).toBe('2024-06-03T18:00:00+08:00');
    expect(due('2024-06-03T17:01:00+08:00')).toBe('2024-06-04T18:00:00+08:00');
  });

  it('ifTimePassed "at_once": a landing after that time starts at once, the same day; "next_day" is the default', () => {
    const due = (extra: Record<string, unknown>, at: string) =>
      planSteps(docWith({ timing: 'wall_clock', steps: [callIn('PT60M', { atLocalTime: '18:00', ...extra })] }), occ({ programId: 'p', at }), SH)[0]!;
    expect(due({ ifTimePassed: 'at_once' }, '2024-06-03T16:59:00+08:00').due).toBe('2024-06-03T18:00:00+08:00');
    expect(due({ ifTimePassed: 'at_once' }, '2024-06-03T17:00:00+08:00').due).toBe('2024-06-03T18:00:00+08:00');
    const late = due({ ifTimePassed: 'at_once' }, '2024-06-03T17:01:00+08:00');
    expect([late.due, late.deadline]).toEqual(['2024-06-03T18:01:00+08:00', '2024-06-03T20:01:00+08:00']);
    expect(due({ ifTimePassed: 'next_day' }, '2024-06-03T17:01:00+08:00').due).toBe('2024-06-04T18:00:00+08:00');
    expect(due({}, '2024-06-03T17:01:00+08:00').due).toBe('2024-06-04T18:00:00+08:00');
  });

  it('a step after an event waits: no due, no deadline, how it will be timed kept; a step needing it is still planned', () => {
    const d = docWith({ timing: 'working_time', steps: [
      callIn('PT0M', { id: 'now' }),
      callIn('PT2H', { id: 'later', after: 'complaint_closed', atLocalTime: '10:00', ifTimePassed: 'at_once', when: { vip: false } }),
      callIn('P7D', { id: 'follow', needs: 'later' }),
    ] });
    const plan = planRun(d.programs[0]!, 'v1', occ({ programId: 'p', at: '2024-06-03T10:00:00+08:00' }), { timeZone: 'Asia/Shanghai', workingHours: d.workingHours });
    expect(plan.steps.map((s) => s.step)).toEqual(['now', 'follow']);
    expect(plan.waiting).toEqual([expect.objectContaining({
      key: 'p/c1/k1/later', step: 'later', due: null, deadline: null, timing: 'working_time',
      start: { after: 'complaint_closed', offset: { days: 0, minutes: 120 }, atLocalTime: '10:00', ifTimePassed: 'at_once', deadline: { days: 0, minutes: 120 }, workingHours: d.workingHours },
    })]);
    // `when` holds for a waiting step as for any other.
    expect(planRun(d.programs[0]!, 'v1', occ({ programId: 'p', at: '2024-06-03T10:00:00+08:00', facts: { vip: true } }), { timeZone: 'Asia/Shanghai', workingHours: d.workingHours }).waiting).toEqual([]);
    // planSteps (what a preview shows) has the timed steps only.
    expect(planSteps(d, occ({ programId: 'p', at: '2024-06-03T10:00:00+08:00' }), SH).map((s) => s.step)).toEqual(['now', 'follow']);
  });

  it('planProgram works on a program alone', () => {
    const d = docWith({ timing: 'wall_clock', steps: [callIn('PT30M')] });
    const [s] = planProgram(d.programs[0]!, 'v9', occ({ programId: 'p', at: '2024-06-03T10:00:00+08:00' }), { timeZone: 'Asia/Shanghai', workingHours: d.workingHours });
    expect(s).toMatchObject({ programVersion: 'v9', due: '2024-06-03T10:30:00+08:00', deadline: '2024-06-03T12:30:00+08:00' });
  });
});
