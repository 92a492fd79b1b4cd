import { describe, expect, it } from 'vitest';
import { computeIncentives } from './incentives.js';
import { defaultSettings } from './default-settings.js';
import { costOf, roi, roiFigures } from './roi.js';

const settings = defaultSettings();

describe('ROI arithmetic (programs.md §12)', () => {
  it('adds offers, messages at their channel price and staff minutes', () => {
    // 2 redeemed offers (¥200 + ¥40), 10 SMS at ¥0.05, 4 WeChat at ¥0.01, 30 minutes at ¥1.2.
    const cost = costOf({ offersRedeemed: 240, messages: { sms: 10, wechat: 4 }, staffMinutes: 30 }, settings);
    expect(cost).toEqual({ offers: 240, messages: 0.54, staff: 36, total: 276.54 });
  });

  it('ROI and the incremental return against the hold-out', () => {
    expect(roi(1000, 250)).toBe(3);
    expect(roi(1000, 0)).toBeNull();
    const cost = { offers: 300, messages: 0, staff: 100, total: 400 };
    // 20 treated spent ¥6000; 5 held-out spent ¥500 (¥100 each → ¥2000 for 20): incremental ¥4000.
    const f = roiFigures(cost, { treated: { n: 20, revenue: 6000 }, heldOut: { n: 5, revenue: 500 } });
    expect(f).toEqual({ cost, return: 6000, roi: 14, incrementalReturn: 4000, incrementalRoi: 9 });
    expect(roiFigures(cost, { treated: { n: 20, revenue: 6000 }, heldOut: { n: 0, revenue: 0 } }).incrementalRoi).toBeNull();
  });
});

describe('incentives (programs.md §11)', () => {
  it('rewards recoveries by level and names the top recoverer', () => {
    const r = (staffId: string, customerId: string, level: 'yellow' | 'orange' | 'red' | 'green') => ({ staffId, staffName: staffId, customerId, level });
    const list = computeIncentives([
      r('sa-li', 'c1', 'yellow'), r('sa-li', 'c2', 'red'), r('sa-li', 'c2', 'red'), r('sa-wu', 'c3', 'orange'), r('sa-wu', 'c4', 'orange'),
      r('sm-wang', 'c5', 'green'),
    ], settings.incentives);
    expect(list).toEqual([
      { staffId: 'sa-li', staffName: 'sa-li', recovered: { yellow: 1, orange: 0, red: 1 }, total: 2, reward: 50 + 200 + 1000, topRecoverer: true },
      { staffId: 'sa-wu', staffName: 'sa-wu', recovered: { yellow: 0, orange: 2, red: 0 }, total: 2, reward: 200, topRecoverer: false },
    ]);
    expect(computeIncentives([], settings.incentives)).toEqual([]);
  });
});
