import { describe, expect, it } from 'vitest';
import { parsePrograms } from './parse-programs.js';
import { planRun } from './plan-steps.js';
import { releaseStep } from './release-step.js';
import type { WaitingStep } from './types.js';

const T = '2024-06-03T10:00:00+08:00';

/** The waiting step of a one-step program started by a complaint closing. */
function waiting(timing: 'wall_clock' | 'working_time', step: Record<string, unknown> = {}, timeZone = 'Asia/Shanghai'): WaitingStep {
  const r = parsePrograms({
    version: 'test-1',
    workingHours: { start: '09:00', end: '18:00', days: [1, 2, 3, 4, 5] },
    programs: [{
      id: 'p', name: { 'zh-CN': '测试', en: 'test' }, enabled: true, trigger: { kind: 'event', event: 'social_negative' }, timing, stopWhen: [],
      steps: [{ id: 's', after: 'complaint_closed', offset: 'PT24H', kind: 'task', taskType: 'call', role: 'advisor', deadline: 'PT4H', ...step }],
    }],
  });
  if (!r.ok) throw new Error(JSON.stringify(r.errors));
  const plan = planRun(r.document.programs[0]!, 'test-1', { programId: 'p', triggerKey: 'k', customerId: 'c1', at: T }, { timeZone, workingHours: r.document.workingHours });
  return plan.waiting[0]!;
}

const times = (w: WaitingStep, at: string, timeZone = 'Asia/Shanghai') => {
  const s = releaseStep(w, at, timeZone);
  return [s.due, s.deadline];
};

describe('a waiting step released by its event', () => {
  it('starts offset after the event, to the second; its deadline counts from that start', () => {
    expect(times(waiting('wall_clock'), '2024-06-03T16:00:01+08:00')).toEqual(['2024-06-04T16:00:01+08:00', '2024-06-04T20:00:01+08:00']);
    expect(times(waiting('wall_clock'), '2024-06-03T15:59:59+08:00')).toEqual(['2024-06-04T15:59:59+08:00', '2024-06-04T19:59:59+08:00']);
  });

  it('keeps everything else the plan said, and waits no more', () => {
    const w = waiting('wall_clock');
    const s = releaseStep(w, '2024-06-03T16:00:00+08:00', 'Asia/Shanghai');
    const { start: _start, due: _due, deadline: _deadline, ...same } = w;
    expect(s).toEqual({ ...same, due: '2024-06-04T16:00:00+08:00', deadline: '2024-06-04T20:00:00+08:00' });
    expect('start' in s).toBe(false);
  });

  it('in working time, a start outside the hours waits for the next opening (Friday 17:00 + 24 h → Monday 09:00)', () => {
    expect(times(waiting('working_time'), '2024-06-07T17:00:00+08:00')).toEqual(['2024-06-10T09:00:00+08:00', '2024-06-10T13:00:00+08:00']);
  });

  it('a local time applies to the landing day, with its ifTimePassed', () => {
    const next = waiting('wall_clock', { offset: 'PT0M', atLocalTime: '18:00' });
    expect(times(next, '2024-06-03T17:59:59+08:00')[0]).toBe('2024-06-03T18:00:00+08:00');
    expect(times(next, '2024-06-03T18:00:01+08:00')[0]).toBe('2024-06-04T18:00:00+08:00');
    const atOnce = waiting('wall_clock', { offset: 'PT0M', atLocalTime: '18:00', ifTimePassed: 'at_once' });
    expect(times(atOnce, '2024-06-03T18:00:01+08:00')[0]).toBe('2024-06-03T18:00:01+08:00');
  });

  it('an event written in another offset is read as the instant it is; times carry the store offset', () => {
    // 10:00 in Berlin; PT24H is elapsed time, so across the spring shift it lands at 11:00.
    expect(times(waiting('wall_clock', {}, 'Europe/Berlin'), '2024-03-30T09:00:00Z', 'Europe/Berlin'))
      .toEqual(['2024-03-31T11:00:00+02:00', '2024-03-31T15:00:00+02:00']);
  });
});
