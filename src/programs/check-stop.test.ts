import { describe, expect, it } from 'vitest';
import { applyStop, checkStop, isOptOutReply, startsStep, type StopEvent } from './check-stop.js';
import { defaultPrograms } from './default-programs.js';
import { planPreset, planPresetRun } from './testing/plan-preset.js';

const SH = 'Asia/Shanghai';
const T = '2024-06-03T10:00:00+08:00';
const program = (id: string) => defaultPrograms().programs.find((p) => p.id === id)!;

describe('stop conditions', () => {
  it('a booking at T+10h stops the maintenance chase: later steps cancelled, the open call closed', () => {
    const plan = planPreset('maintenance_chase', T);
    const stop = checkStop(program('maintenance_chase'), { at: T }, [{ type: 'appointment_booked', at: '2024-06-03T20:00:00+08:00' }], SH);
    expect(stop).toEqual({ reason: 'booking', at: '2024-06-03T20:00:00+08:00' });
    expect(applyStop(plan, stop!, SH)).toEqual({
      close: ['maintenance_chase/c1/t1/day7_call'],
      cancel: ['maintenance_chase/c1/t1/day14_offer', 'maintenance_chase/c1/t1/day21_inspection'],
    });
  });

  it('events at or before the trigger, and kinds the program does not stop on, are ignored', () => {
    const events: StopEvent[] = [
      { type: 'appointment_booked', at: T },
      { type: 'visit', at: '2024-06-02T10:00:00+08:00' },
      { type: 'app_login', at: '2024-06-04T10:00:00+08:00' },
      { type: 'reply', at: '2024-06-04T10:00:00+08:00' },
    ];
    expect(checkStop(program('cancellation'), { at: T }, events, SH)).toBeNull();
  });

  it('the earliest stopping event wins, whatever the order given', () => {
    const events: StopEvent[] = [
      { type: 'visit', at: '2024-06-05T10:00:00+08:00' },
      { type: 'reply', at: '2024-06-04T01:00:00Z' },
    ];
    expect(checkStop(program('dormant_wakeup'), { at: T }, events, SH)).toEqual({ reason: 'reply', at: '2024-06-04T01:00:00Z' });
  });

  it('the dormant cadence: a reply on day 5 cancels the day-7, -14 and -21 steps', () => {
    const plan = planPreset('dormant_wakeup', '2024-06-03T02:00:00+08:00');
    const stop = checkStop(program('dormant_wakeup'), { at: '2024-06-03T02:00:00+08:00' }, [{ type: 'reply', at: '2024-06-07T12:00:00+08:00', text: '好的' }], SH)!;
    expect(applyStop(plan, stop, SH).cancel.map((k) => k.split('/').at(-1))).toEqual(['day7_wechat', 'day14_email', 'day21_farewell']);
  });

  it('an opt-out reply stops a program that stops only on opt-out', () => {
    const obs = program('observation');
    expect(checkStop(obs, { at: T }, [{ type: 'reply', at: '2024-06-10T10:00:00+08:00', text: '谢谢' }], SH)).toBeNull();
    expect(checkStop(obs, { at: T }, [{ type: 'reply', at: '2024-06-10T10:00:00+08:00', text: ' td ' }], SH)).toMatchObject({ reason: 'opt_out' });
    expect(isOptOutReply('请退订')).toBe(true);
    expect(isOptOutReply('STOPPED?')).toBe(false);
  });

  it('a level back to green stops a warning program; another level does not', () => {
    const p = program('early_warning_yellow');
    expect(checkStop(p, { at: T }, [{ type: 'level', level: 'orange', at: '2024-06-04T02:00:00+08:00' }], SH)).toBeNull();
    expect(checkStop(p, { at: T }, [{ type: 'level', level: 'green', at: '2024-06-04T02:00:00+08:00' }], SH)).toMatchObject({ reason: 'green' });
  });

  it('subject-bound stops: only the same complaint closing stops the complaint program', () => {
    const p = program('complaint_open');
    const other = { type: 'complaint_closed', subjectId: 'cp2', at: '2024-06-03T12:00:00+08:00' };
    expect(checkStop(p, { at: T, subjectId: 'cp1' }, [other], SH)).toBeNull();
    expect(checkStop(p, { at: T, subjectId: 'cp1' }, [{ ...other, subjectId: 'cp1' }], SH)).toMatchObject({ reason: 'complaint_closed' });
  });
});

describe('the waiting-time evening call needs the 60-minute alert', () => {
  const plan = planPreset('waiting_time', T, { subjectId: 'v1' });
  const stopAt = (at: string) => checkStop(program('waiting_time'), { at: T, subjectId: 'v1' }, [{ type: 'visit', subjectId: 'v1', at }], SH)!;

  it('handed over after 50 min: every alert and the evening call are cancelled', () => {
    expect(applyStop(plan, stopAt('2024-06-03T10:50:00+08:00'), SH).cancel.map((k) => k.split('/').at(-1)))
      .toEqual(['wait_60', 'evening_call', 'wait_120', 'wait_180']);
  });

  it('handed over after 90 min: the 60-min alert closes, the evening call stays, 120/180 are cancelled', () => {
    const e = applyStop(plan, stopAt('2024-06-03T11:30:00+08:00'), SH);
    expect(e.cancel.map((k) => k.split('/').at(-1))).toEqual(['wait_120', 'wait_180']);
    expect(e.close.map((k) => k.split('/').at(-1))).toEqual(['wait_60']);
  });
});

describe('steps that start on an event of the run', () => {
  const post = { at: T, subjectId: 'p1' };

  it('the event must come strictly after the trigger: one second before or at the trigger does not start the step', () => {
    const resolved = (at: string, subjectId = 'p1') => startsStep('social_resolved', post, { type: 'social_resolved', subjectId, at }, SH);
    expect(resolved('2024-06-03T09:59:59+08:00')).toBe(false);
    expect(resolved(T)).toBe(false);
    expect(resolved('2024-06-03T10:00:01+08:00')).toBe(true);
  });

  it('a subject-bound event must concern the run\'s post; a run without a subject takes the customer\'s', () => {
    expect(startsStep('social_resolved', post, { type: 'social_resolved', subjectId: 'p2', at: '2024-06-03T12:00:00+08:00' }, SH)).toBe(false);
    expect(startsStep('complaint_closed', { at: T }, { type: 'complaint_closed', subjectId: 'cp9', at: '2024-06-03T12:00:00+08:00' }, SH)).toBe(true);
  });

  it('events are read as the stops read them: an opt-out reply is also a reply; a booking is appointment_booked', () => {
    const reply = { type: 'reply', at: '2024-06-03T12:00:00+08:00', text: 'TD' };
    expect(startsStep('opt_out', { at: T }, reply, SH)).toBe(true);
    expect(startsStep('reply', { at: T }, reply, SH)).toBe(true);
    expect(startsStep('booking', { at: T }, { type: 'appointment_booked', at: '2024-06-03T12:00:00+08:00' }, SH)).toBe(true);
    expect(startsStep('complaint_closed', { at: T }, { type: 'complaint_opened', at: '2024-06-03T12:00:00+08:00' }, SH)).toBe(false);
  });

  it('a stop cancels a step still waiting, even one that ignores stops, and what needs it', () => {
    const plan = planPresetRun('social_negative', T, { subjectId: 'p1' });
    const waitingNeeded = { ...plan.steps[1]!, key: 'social_negative/c1/t1/after_update', step: 'after_update', due: '2024-06-03T10:00:00+08:00', needs: plan.waiting[0]!.key };
    const e = applyStop([waitingNeeded, ...plan.steps, ...plan.waiting], { reason: 'opt_out', at: '2024-06-03T11:00:00+08:00' }, SH);
    expect(plan.waiting[0]!.ignoresStop).toBe(true);
    expect(e.cancel.map((k) => k.split('/').at(-1))).toEqual(['after_update', 'ask_update']);
    expect(e.close.map((k) => k.split('/').at(-1))).toEqual(['manager_contact', 'solution']);
  });
});

// Check-ins from a reception system carry its visit number; the DMS sends the visit without one.
describe('a visit that names no visit ends the open wait (it is the hand-over)', () => {
  const wait = { at: T, subjectId: 'w1' };
  const visitAt = (at: string, subjectId?: string): StopEvent => ({ type: 'visit', at, ...(subjectId ? { subjectId } : {}) });

  it('a visit with another visitId does not end it; one with the same does', () => {
    expect(checkStop(program('waiting_time'), wait, [visitAt('2024-06-03T11:10:00+08:00', 'w2')], SH)).toBeNull();
    expect(checkStop(program('waiting_time'), wait, [visitAt('2024-06-03T11:10:00+08:00', 'w1')], SH)).toEqual({ reason: 'visit', at: '2024-06-03T11:10:00+08:00' });
  });

  it('a visit without one does, from one second after the check-in', () => {
    expect(checkStop(program('waiting_time'), wait, [visitAt('2024-06-03T10:00:01+08:00')], SH)).toEqual({ reason: 'visit', at: '2024-06-03T10:00:01+08:00' });
  });

  it('a visit without one at or before the check-in does not', () => {
    expect(checkStop(program('waiting_time'), wait, [visitAt(T)], SH)).toBeNull();
    expect(checkStop(program('waiting_time'), wait, [visitAt('2024-06-03T09:59:59+08:00')], SH)).toBeNull();
  });

  it('it starts a step waiting for the visit as it stops, with the same reading', () => {
    expect(startsStep('visit', wait, visitAt('2024-06-03T12:00:00+08:00'), SH)).toBe(true);
    expect(startsStep('visit', wait, visitAt('2024-06-03T12:00:00+08:00', 'w2'), SH)).toBe(false);
  });

  it('only a visit reads that way: a complaint closed without its id does not end another complaint\'s program', () => {
    expect(checkStop(program('complaint_open'), { at: T, subjectId: 'cp1' }, [{ type: 'complaint_closed', at: '2024-06-03T12:00:00+08:00' }], SH)).toBeNull();
  });
});
