import { describe, expect, it } from 'vitest';
import { planEscalation, type EscalatableTask } from './plan-escalation.js';

const wh = { start: '09:00', end: '18:00', days: [1, 2, 3, 4, 5, 6, 7] };
const ctx = { timeZone: 'Asia/Shanghai', workingHours: wh };
const task = (o: Partial<EscalatableTask> = {}): EscalatableTask => ({
  key: 'p/c1/t1/call', deadline: '2024-06-03T17:00:00+08:00', timing: 'wall_clock', rung: 0, done: false,
  escalation: [{ role: 'service_manager', deadline: 'PT2H' }], ...o,
});

describe('escalation on a missed deadline', () => {
  it('none before the deadline; at the deadline the next role with a deadline counted from the missed one', () => {
    expect(planEscalation(task(), '2024-06-03T16:59:59+08:00', ctx)).toBeNull();
    expect(planEscalation(task(), '2024-06-03T17:00:00+08:00', ctx)).toEqual({
      kind: 'task', key: 'p/c1/t1/call#esc1', stepKey: 'p/c1/t1/call', rung: 1, role: 'service_manager',
      due: '2024-06-03T17:00:00+08:00', deadline: '2024-06-03T19:00:00+08:00',
    });
  });

  it('a late worker gets the same escalation (idempotent: same key, same deadline)', () => {
    expect(planEscalation(task(), '2024-06-05T08:00:00+08:00', ctx)).toEqual(planEscalation(task(), '2024-06-03T17:00:00+08:00', ctx));
  });

  it('in working time the new deadline counts working minutes only', () => {
    const e = planEscalation(task({ timing: 'working_time' }), '2024-06-03T17:30:00+08:00', ctx);
    expect(e).toMatchObject({ due: '2024-06-03T17:00:00+08:00', deadline: '2024-06-04T10:00:00+08:00' });
    // Missed exactly at closing: the escalated task starts at the next opening.
    const atClose = planEscalation(task({ timing: 'working_time', deadline: '2024-06-03T18:00:00+08:00' }), '2024-06-03T18:00:00+08:00', ctx);
    expect(atClose).toMatchObject({ due: '2024-06-04T09:00:00+08:00', deadline: '2024-06-04T11:00:00+08:00' });
  });

  it('nothing when done, without a deadline, or when the ladder is exhausted', () => {
    const now = '2024-06-09T00:00:00+08:00';
    expect(planEscalation(task({ done: true }), now, ctx)).toBeNull();
    expect(planEscalation(task({ deadline: null }), now, ctx)).toBeNull();
    expect(planEscalation(task({ rung: 1 }), now, ctx)).toBeNull();
    expect(planEscalation(task({ escalation: [] }), now, ctx)).toBeNull();
  });

  it('compares instants, not strings: a deadline written in UTC', () => {
    const t = task({ deadline: '2024-06-03T09:00:00Z' });
    expect(planEscalation(t, '2024-06-03T16:59:00+08:00', ctx)).toBeNull();
    expect(planEscalation(t, '2024-06-03T17:00:00+08:00', ctx)).toMatchObject({ due: '2024-06-03T17:00:00+08:00' });
  });
});
