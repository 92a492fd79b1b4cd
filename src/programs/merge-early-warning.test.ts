import { describe, expect, it } from 'vitest';
import { decideEarlyWarningTask, earlyWarningCall, mergeEarlyWarningCalls, type EarlyWarningCall } from './merge-early-warning.js';
import { planPreset } from './testing/plan-preset.js';

const T = '2024-06-03T10:00:00+08:00';
const callOf = (programId: string, level: 'yellow' | 'orange' | 'red', reasons: string[], at = T): EarlyWarningCall => {
  const c = planPreset(programId, at, { level, reasons }).map(earlyWarningCall).find((x) => x !== null);
  if (!c) throw new Error('no early-warning call');
  return c;
};

describe('merging the risk and the health warning', () => {
  it('health red 2 h vs risk orange 72 h → one task: store manager, 2 h, both reasons', () => {
    const merged = mergeEarlyWarningCalls([
      callOf('early_warning_orange', 'orange', ['R = 75 days']),
      callOf('health_red', 'red', ['health 24 (danger)']),
    ]);
    expect(merged).toMatchObject({ role: 'store_manager', level: 'red', deadline: '2024-06-03T12:00:00+08:00', reasons: ['health 24 (danger)', 'R = 75 days'] });
    expect(merged!.keys).toHaveLength(2);
  });

  it('same level: the earlier deadline wins (health orange 24 h over risk orange 72 h)', () => {
    const merged = mergeEarlyWarningCalls([callOf('early_warning_orange', 'orange', ['a']), callOf('health_orange', 'orange', ['b'])]);
    expect([merged!.role, merged!.deadline]).toEqual(['service_manager', '2024-06-04T10:00:00+08:00']);
  });

  it('a higher level beats a nearer deadline (risk red 24 h vs health yellow due sooner)', () => {
    const yellowSoon: EarlyWarningCall = { keys: ['y'], role: 'advisor', level: 'yellow', due: T, deadline: '2024-06-03T11:00:00+08:00', reasons: ['y'] };
    expect(mergeEarlyWarningCalls([yellowSoon, callOf('early_warning_red', 'red', ['r'])])!.role).toBe('service_manager');
  });

  it('no calls → null; steps outside the slot are not calls', () => {
    expect(mergeEarlyWarningCalls([])).toBeNull();
    const gm = planPreset('early_warning_red', T, { level: 'red', facts: { topValue: true } })[1]!;
    expect(earlyWarningCall(gm)).toBeNull();
    expect(earlyWarningCall(planPreset('early_warning_yellow', T)[0]!)).toBeNull();
  });
});

describe('at most one open early-warning task per customer', () => {
  const open = { role: 'advisor' as const, level: 'orange' as const, deadline: '2024-06-06T10:00:00+08:00', reasons: ['R = 75 days'] };

  it('no open task → open', () => {
    const c = callOf('early_warning_orange', 'orange', ['x']);
    expect(decideEarlyWarningTask(null, c)).toEqual({ action: 'open', call: c });
  });

  it('the same call again (re-evaluation) → keep, nothing to add', () => {
    expect(decideEarlyWarningTask(open, callOf('early_warning_orange', 'orange', ['R = 75 days'], '2024-06-04T02:00:00+08:00')))
      .toEqual({ action: 'keep', addReasons: [] });
  });

  it('a less urgent call → keep, its new reasons are added', () => {
    expect(decideEarlyWarningTask(open, callOf('health_yellow', 'yellow', ['health 55']))).toEqual({ action: 'keep', addReasons: ['health 55'] });
  });

  it('same role, more urgent → tighten the deadline', () => {
    const sooner = { ...open, deadline: '2024-06-08T10:00:00+08:00' };
    const c: EarlyWarningCall = { keys: ['k'], role: 'advisor', level: 'orange', due: T, deadline: '2024-06-07T10:00:00+08:00', reasons: ['b'] };
    expect(decideEarlyWarningTask(sooner, c)).toEqual({ action: 'tighten', level: 'orange', deadline: '2024-06-07T10:00:00+08:00', addReasons: ['b'] });
  });

  it('another role, more urgent → replace, carrying both reasons', () => {
    const d = decideEarlyWarningTask(open, callOf('health_red', 'red', ['health 24']));
    expect(d).toMatchObject({ action: 'replace', call: { role: 'store_manager', level: 'red', deadline: '2024-06-03T12:00:00+08:00', reasons: ['health 24', 'R = 75 days'] } });
  });

  it('an escalated task (service manager) meeting a red call for the service manager → tighten, keeping the earlier deadline', () => {
    const escalated = { role: 'service_manager' as const, level: 'orange' as const, deadline: '2024-06-03T20:00:00+08:00', reasons: ['a'] };
    expect(decideEarlyWarningTask(escalated, callOf('early_warning_red', 'red', ['b'])))
      .toEqual({ action: 'tighten', level: 'red', deadline: '2024-06-03T20:00:00+08:00', addReasons: ['b'] });
  });
});
