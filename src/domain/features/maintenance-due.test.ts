import { describe, expect, it } from 'vitest';
import { defaultPolicy } from '../policy/default-policy.js';
import { AS_OF, ago, facts, type FactsBuilder } from '../testing/facts-builder.js';
import { computeFeatures } from './compute-features.js';
import { distanceDue } from './maintenance-due.js';

const policy = defaultPolicy();
const due = (b: FactsBuilder) => {
  const f = computeFeatures(b.build(), policy, AS_OF).features;
  return { due: f.maintenanceDue, second: f.secondDue, overdue: f.overdueDays };
};

describe('maintenance due by time', () => {
  it('adds the interval to the delivery date, clamping to the month end', () => {
    expect(due(facts().vehicle({ delivered: '2023-08-31', months: 6 }))).toEqual({ due: '2024-02-29', second: '2024-08-31', overdue: 122 });
  });

  it('counts from the last maintenance visit, not from other kinds of visit', () => {
    const b = facts().vehicle({ delivered: '2022-01-01', months: 12 })
      .visit('2023-09-15', { kind: 'maintenance' })
      .visit('2024-01-10', { kind: 'repair' });
    expect(due(b)).toEqual({ due: '2024-09-15', second: '2025-09-15', overdue: null });
  });

  it('gives a visit with a vin to that vehicle only, one without to all, and takes the earliest', () => {
    const two = () => facts().vehicle({ vin: 'A', delivered: '2023-01-01', months: 12 }).vehicle({ vin: 'B', delivered: '2023-03-01', months: 12 });
    expect(due(two().visit('2024-01-01', { kind: 'maintenance', vin: 'A' })).due).toBe('2024-03-01');
    expect(due(two().visit('2024-02-01', { kind: 'maintenance' })).due).toBe('2025-02-01');
  });

  it('is absent without vehicles, and ignores a vehicle delivered after asOf', () => {
    expect(due(facts())).toEqual({ due: null, second: null, overdue: null });
    expect(due(facts().vehicle({ delivered: '2024-07-01', months: 1 })).due).toBe(null);
  });

  it('has no overdue days on the due date itself', () => {
    expect(due(facts().vehicle({ delivered: '2023-06-30', months: 12 }))).toMatchObject({ due: '2024-06-30', overdue: null });
    expect(due(facts().vehicle({ delivered: '2023-06-29', months: 12 }))).toMatchObject({ due: '2024-06-29', overdue: 1 });
  });
});

describe('maintenance due by distance', () => {
  const car = () => facts().vehicle({ delivered: '2022-01-01', km: 20000 }).visit(100, { kind: 'maintenance', mileage: 10000 });

  it('projects from the latest reading at the daily km of the readings', () => {
    // 8000 km in 90 days; 12000 km to go → ceil(12000 × 90 / 8000) = 135 days after the latest reading.
    const b = car().event('mileage', 60, { km: 13000 }).event('mileage', 10, { km: 18000 });
    expect(due(b).due).toBe(ago(10 - 135));
    // Second due: 32000 km to go → ceil(32000 × 90 / 8000) = 360 days.
    expect(due(b).second).toBe(ago(10 - 360));
  });

  it('takes the date of the first reading at or past the target', () => {
    const b = car().event('mileage', 50, { km: 29000 }).event('mileage', 30, { km: 30000 }).event('mileage', 10, { km: 31000 });
    expect(due(b)).toMatchObject({ due: ago(30), overdue: 30 });
  });

  it('reads visit mileage as readings and ignores readings older than 180 days', () => {
    const b = facts().vehicle({ delivered: '2022-01-01', km: 20000 })
      .visit(200, { kind: 'maintenance', mileage: 10000 })
      .event('mileage', 190, { km: 11000 })
      .visit(20, { kind: 'repair', mileage: 25000 });
    // Only one reading (25000, 20 days ago) is recent: no daily km, so no date by distance.
    expect(due(b).due).toBe(null);
    expect(due(b.visit(10, { kind: 'repair', mileage: 26000 })).due).toBe(ago(10 - 40));
  });

  it('takes the earlier of the time and distance dates', () => {
    const b = facts().vehicle({ delivered: '2022-01-01', km: 20000, months: 12 })
      .visit(100, { kind: 'maintenance', mileage: 10000 })
      .event('mileage', 10, { km: 31000 });
    expect(due(b).due).toBe(ago(10));
    const slow = facts().vehicle({ delivered: '2022-01-01', km: 20000, months: 12 })
      .visit(100, { kind: 'maintenance', mileage: 10000 })
      .event('mileage', 10, { km: 10100 });
    expect(due(slow).due).toBe('2025-03-22'); // maintenance 2024-03-22 + 12 months
  });

  it('gives no date without a measurable daily distance', () => {
    expect(distanceDue([], 100)).toBe(null);
    expect(distanceDue([{ day: 5, km: 50 }, { day: 5, km: 60 }], 100)).toBe(null);
    expect(distanceDue([{ day: 1, km: 60 }, { day: 5, km: 60 }], 100)).toBe(null);
    expect(distanceDue([{ day: 1, km: 0 }, { day: 4, km: 30 }], 100)).toBe(4 + 7);
  });
});

// One reading at or past the target makes the vehicle due by distance on that reading's date;
// two readings on different days are needed only to project a future date.
describe('maintenance due by distance: one reading is enough once the target is reached', () => {
  // Delivered long ago at 0 km and never maintained: the target is 20000 km, and no time interval.
  const delivered = () => facts().vehicle({ delivered: '2022-01-01', km: 20000 });

  it('one reading below the target: no date by distance', () => {
    expect(due(delivered().event('mileage', 10, { km: 19999 })).due).toBe(null);
  });

  it('one reading exactly at the target: due that day', () => {
    expect(due(delivered().event('mileage', 10, { km: 20000 }))).toMatchObject({ due: ago(10), overdue: 10 });
  });

  it('one reading past the target: due that day', () => {
    expect(due(delivered().event('mileage', 10, { km: 26000 }))).toMatchObject({ due: ago(10), overdue: 10 });
  });

  it('the only reading is a visit\'s own mileage', () => {
    expect(due(delivered().visit(15, { kind: 'repair', mileage: 19999 })).due).toBe(null);
    expect(due(delivered().visit(15, { kind: 'repair', mileage: 20000 })).due).toBe(ago(15));
  });

  it('of several readings, the first at or past the target gives the date, even when a later one reads lower', () => {
    const b = delivered().event('mileage', 40, { km: 18000 }).event('mileage', 30, { km: 20500 }).event('mileage', 20, { km: 22000 });
    expect(due(b).due).toBe(ago(30));
    // A later reading typed lower does not undo the one that showed the car due.
    expect(due(delivered().event('mileage', 30, { km: 20500 }).event('mileage', 20, { km: 19000 })).due).toBe(ago(30));
    expect(distanceDue([{ day: 1, km: 10 }, { day: 2, km: 100 }, { day: 3, km: 90 }], 100)).toBe(2);
  });

  it('a last maintenance visit without an odometer reading leaves the target unknown: only time counts', () => {
    const b = facts().vehicle({ delivered: '2022-01-01', km: 20000, months: 12 })
      .visit(200, { kind: 'maintenance', mileage: 10000 })
      .visit(100, { kind: 'maintenance' })
      .event('mileage', 10, { km: 90000 });
    expect(due(b).due).toBe('2025-03-22'); // the maintenance visit (2024-03-22) + 12 months
    // The same readings with the odometer read at that visit: due by distance at once.
    const read = facts().vehicle({ delivered: '2022-01-01', km: 20000, months: 12 })
      .visit(100, { kind: 'maintenance', mileage: 10000 })
      .event('mileage', 10, { km: 90000 });
    expect(due(read).due).toBe(ago(10));
  });
});

describe('maintenance due by distance: whose reading a mileage event is', () => {
  const two = () => facts().vehicle({ vin: 'A', delivered: '2022-01-01', km: 20000 }).vehicle({ vin: 'B', delivered: '2022-01-01', km: 30000 });

  it('a mileage event with a vin is that vehicle\'s reading only', () => {
    // 25000 km is past A's target (20000), not B's (30000).
    expect(due(two().event('mileage', 10, { km: 25000, vin: 'B' })).due).toBe(null);
    expect(due(two().event('mileage', 10, { km: 25000, vin: 'A' })).due).toBe(ago(10));
  });

  it('one without a vin counts for every vehicle', () => {
    expect(due(two().event('mileage', 10, { km: 25000 })).due).toBe(ago(10));
  });
});
