import { describe, expect, it } from 'vitest';
import { defaultPolicy } from '../policy/default-policy.js';
import { parseDay } from '../dates.js';
import type { Vehicle } from '../records.js';
import { anniversaryMoments, birthdayMoment, holidayMoments, warrantyMoments } from './yearly-moments.js';

const d = parseDay;
const car = (over: Partial<Vehicle> = {}): Vehicle => ({
  vin: 'V1', customerId: 'c1', model: 'Model Y', deliveredAt: '2022-06-10', warrantyEnd: null, maintenanceIntervalMonths: 12, maintenanceIntervalKm: 20000, ...over,
});

describe('birthday month', () => {
  it('is open from the first of the month to the birthday itself', () => {
    const c = { birthday: '1985-06-12' };
    expect(birthdayMoment(c, d('2024-05-31'))).toBeNull();
    expect(birthdayMoment(c, d('2024-06-01'))).toEqual({ key: 'birthday:2024', moment: 'birthday', day: '2024-06-12', facts: { birthdayDay: '2024-06-12' } });
    expect(birthdayMoment(c, d('2024-06-12'))?.key).toBe('birthday:2024');
    expect(birthdayMoment(c, d('2024-06-13'))).toBeNull();
    expect(birthdayMoment(c, d('2025-06-03'))?.key).toBe('birthday:2025');
    expect(birthdayMoment({ birthday: null }, d('2024-06-05'))).toBeNull();
  });

  it('a leap-day birthday is the 28th in a common year and the 29th in a leap year', () => {
    const c = { birthday: '1992-02-29' };
    expect(birthdayMoment(c, d('2025-02-28'))?.day).toBe('2025-02-28');
    expect(birthdayMoment(c, d('2025-03-01'))).toBeNull();
    expect(birthdayMoment(c, d('2028-02-28'))?.day).toBe('2028-02-29');
    expect(birthdayMoment(c, d('2028-02-29'))?.day).toBe('2028-02-29');
  });
});

describe('delivery anniversary', () => {
  it('is open from leadDays before to the day, counting whole years, never on the delivery day itself', () => {
    const v = [car()];
    expect(anniversaryMoments(v, d('2023-06-06'), 3)).toEqual([]);
    expect(anniversaryMoments(v, d('2023-06-07'), 3)).toEqual([
      { key: 'anniversary:V1:1', moment: 'delivery_anniversary', day: '2023-06-10', facts: { vin: 'V1', years: 1, vehicleModel: 'Model Y' } },
    ]);
    expect(anniversaryMoments(v, d('2023-06-10'), 3)).toHaveLength(1);
    expect(anniversaryMoments(v, d('2023-06-11'), 3)).toEqual([]);
    expect(anniversaryMoments(v, d('2022-06-10'), 3)).toEqual([]);
    expect(anniversaryMoments(v, d('2026-06-09'), 3)[0]?.facts.years).toBe(4);
  });

  it('reaches across New Year and keeps a leap-day delivery on the 28th', () => {
    expect(anniversaryMoments([car({ deliveredAt: '2023-01-01' })], d('2023-12-30'), 3)[0]?.key).toBe('anniversary:V1:1');
    expect(anniversaryMoments([car({ deliveredAt: '2024-02-29' })], d('2025-02-28'), 0)[0]?.day).toBe('2025-02-28');
  });

  it('each car has its own, and a car not yet delivered has none', () => {
    const v = [car(), car({ vin: 'V2', deliveredAt: '2021-06-09' }), car({ vin: 'V3', deliveredAt: '2030-06-10' })];
    expect(anniversaryMoments(v, d('2024-06-09'), 3).map((m) => m.key)).toEqual(['anniversary:V1:2', 'anniversary:V2:3']);
  });
});

describe('warranty ending', () => {
  it('opens noticeDays before the end and stays open through the last day', () => {
    const v = [car({ warrantyEnd: '2024-08-30' })];
    expect(warrantyMoments(v, d('2024-06-30'), 60)).toEqual([]);
    expect(warrantyMoments(v, d('2024-07-01'), 60)).toEqual([
      { key: 'warranty:V1:2024-08-30', moment: 'warranty_ending', day: '2024-08-30', facts: { vin: 'V1', warrantyEnd: '2024-08-30', daysLeft: 60 } },
    ]);
    expect(warrantyMoments(v, d('2024-08-30'), 60)[0]?.facts.daysLeft).toBe(0);
    expect(warrantyMoments(v, d('2024-08-31'), 60)).toEqual([]);
    expect(warrantyMoments([car()], d('2024-08-01'), 60)).toEqual([]);
  });
});

describe('holidays', () => {
  const care = defaultPolicy().care;

  it('all holidays for "all", the major ones for "major", none for "none"', () => {
    // 2026-09-25 is the Mid-Autumn Festival (major), 10-01 National Day (major), 05-01 Labour Day (minor).
    expect(holidayMoments(care, 'all', parseDay('2026-04-29'), 2).map((m) => m.key)).toEqual(['holiday:labour_day:2026-05-01']);
    expect(holidayMoments(care, 'major', parseDay('2026-04-29'), 2)).toEqual([]);
    expect(holidayMoments(care, 'major', parseDay('2026-09-23'), 2).map((m) => m.key)).toEqual(['holiday:mid_autumn:2026-09-25']);
    expect(holidayMoments(care, 'none', parseDay('2026-09-23'), 2)).toEqual([]);
  });

  it('is open from leadDays before to the day; a yearly date recurs, also across New Year', () => {
    expect(holidayMoments(care, 'all', parseDay('2026-09-22'), 2)).toEqual([]);
    expect(holidayMoments(care, 'all', parseDay('2026-09-25'), 2)[0]?.facts).toEqual({ holidayId: 'mid_autumn', holidayNameZh: '中秋节', holidayNameEn: 'Mid-Autumn Festival', major: true });
    expect(holidayMoments(care, 'all', parseDay('2026-09-26'), 2)).toEqual([]);
    expect(holidayMoments(care, 'all', parseDay('2026-12-30'), 2).map((m) => m.key)).toEqual(['holiday:new_year:2027-01-01']);
    expect(holidayMoments(care, 'major', parseDay('2027-09-30'), 2).map((m) => m.key)).toEqual(['holiday:national_day:2027-10-01']);
  });
});
