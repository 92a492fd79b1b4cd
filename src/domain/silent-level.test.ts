import { describe, expect, it } from 'vitest';
import { defaultPolicy } from './policy/default-policy.js';
import { silentLevel } from './silent-level.js';
import { features } from './testing/facts-builder.js';

const p = defaultPolicy().silent;
const grade = (over: Parameters<typeof features>[0]) => silentLevel(features(over), p).abnormal[0]?.grade ?? 'normal';

describe('silent-customer level (§9)', () => {
  it.each([[89, 'normal'], [90, 'warning'], [150, 'warning'], [151, 'danger']])('R %i is %s', (R, g) => {
    expect(grade({ R })).toBe(g);
  });

  it.each([[2, 'normal'], [1.9999, 'warning'], [1, 'warning'], [0.9999, 'danger'], [0, 'danger']])('wechatPerMonth %f is %s', (v, g) => {
    expect(grade({ wechatPerMonth: v })).toBe(g);
  });

  it.each([[0.8001, 'normal'], [0.8, 'warning'], [0.5, 'warning'], [0.4999, 'danger']])('callAnswerRate %f is %s', (v, g) => {
    expect(grade({ callAnswerRate: v })).toBe(g);
  });

  it.each([[5, 'normal'], [4, 'normal'], [3, 'warning'], [2, 'danger'], [1, 'danger']])('sat5 %i is %s', (v, g) => {
    expect(grade({ sat5: v })).toBe(g);
  });

  it.each([[0, 'normal'], [1, 'warning'], [2, 'danger'], [5, 'danger']])('complaints365 %i is %s', (v, g) => {
    expect(grade({ complaints365: v })).toBe(g);
  });

  it('treats an indicator with no data as normal', () => {
    expect(silentLevel(features({ wechatPerMonth: null, callAnswerRate: null, sat5: null }), p)).toEqual({ level: 'green', abnormal: [] });
  });

  it('maps the number of abnormal indicators 0/1/2/3 to green/yellow/orange/red', () => {
    const level = (n: number) =>
      silentLevel(features({ R: n >= 1 ? 100 : 10, complaints365: n >= 2 ? 1 : 0, sat5: n >= 3 ? 2 : 5 }), p).level;
    expect([level(0), level(1), level(2), level(3)]).toEqual(['green', 'yellow', 'orange', 'red']);
    expect(silentLevel(features({ R: 200, complaints365: 3, sat5: 1, wechatPerMonth: 0, callAnswerRate: 0 }), p).level).toBe('red');
  });

  it('lists each abnormal indicator with its grade and value', () => {
    expect(silentLevel(features({ R: 105, wechatPerMonth: 0.3333 }), p).abnormal).toEqual([
      { indicator: 'R', grade: 'warning', value: 105 },
      { indicator: 'wechatPerMonth', grade: 'danger', value: 0.3333 },
    ]);
  });
});
