import { describe, expect, it } from 'vitest';
import { buildTimeline } from '../features/timeline.js';
import { AS_OF, facts, type FactsBuilder } from '../testing/facts-builder.js';
import { milestoneMoments } from './mileage-milestones.js';

const MILESTONES = [10000, 50000, 100000];

function moments(b: FactsBuilder, asOf = AS_OF) {
  const f = b.build();
  return milestoneMoments(f.vehicles, buildTimeline(f.events, f.timeZone, asOf), MILESTONES, 60, 180);
}

describe('mileage milestones (programs.md §13)', () => {
  it('a milestone passed between two readings opens on the reading that shows it, dated by interpolation', () => {
    // Delivered 400 days ago at 0 km; 8,000 km 40 days ago, 12,000 km 10 days ago: 10,000 passed about 25 days ago.
    const b = facts().vehicle({ vin: 'V1', delivered: 400 }).event('mileage', 40, { km: 8000 }).event('mileage', 10, { km: 12000 });
    expect(moments(b)).toEqual([{ key: 'mileage:V1:10000', moment: 'mileage_milestone', day: '2024-06-20', facts: { vin: 'V1', milestoneKm: 10000, projected: false } }]);
    // The day before the 12,000 km reading, only a projection could know: 8,000 km at 8,000 ÷ 360 km a day needs 90 more days.
    expect(moments(b, AS_OF - 11)).toEqual([]);
  });

  it('a milestone passed long ago is not congratulated: a car first read at 120,000 km', () => {
    const b = facts().vehicle({ vin: 'V1', delivered: 2000 }).event('mileage', 5, { km: 120000 });
    expect(moments(b)).toEqual([]);
  });

  it('is projected from the last two readings and opens on the projected day, not the day before', () => {
    // 9,000 km 30 days ago and 9,600 km 10 days ago: 30 km a day, 10,000 km on day −10 + 14 = 4 days after AS_OF.
    const b = facts().vehicle({ vin: 'V1', delivered: 300 }).event('mileage', 30, { km: 9000 }).event('mileage', 10, { km: 9600 });
    expect(moments(b, AS_OF + 3)).toEqual([]);
    expect(moments(b, AS_OF + 4)).toEqual([{ key: 'mileage:V1:10000', moment: 'mileage_milestone', day: '2024-07-04', facts: { vin: 'V1', milestoneKm: 10000, projected: true } }]);
    // The same occurrence once a reading shows it: the key does not change, so it fires once.
    b.event('mileage', -6, { km: 10100 });
    expect(moments(b, AS_OF + 6)[0]?.key).toBe('mileage:V1:10000');
  });

  it('no projection from a stale last reading or a flat odometer', () => {
    expect(moments(facts().vehicle({ vin: 'V1', delivered: 900 }).event('mileage', 400, { km: 9000 }).event('mileage', 200, { km: 9900 }))).toEqual([]);
    expect(moments(facts().vehicle({ vin: 'V1', delivered: 900 }).event('mileage', 40, { km: 9000 }).event('mileage', 10, { km: 9000 }))).toEqual([]);
  });

  it('the delivery at 0 km is the first reading: one reading gives the pace', () => {
    // 9,000 km in the 300 days since delivery is 30 km a day: 10,000 km 34 days after the reading, 14 days after AS_OF.
    const b = facts().vehicle({ vin: 'V1', delivered: 320 }).event('mileage', 20, { km: 9000 });
    expect(moments(b, AS_OF + 13)).toEqual([]);
    expect(moments(b, AS_OF + 14).map((m) => m.facts.projected)).toEqual([true]);
  });

  it('of several milestones passed at once only the highest; readings of another car do not count', () => {
    const b = facts().vehicle({ vin: 'V1', delivered: 70 }).vehicle({ vin: 'V2', delivered: 70 })
      .event('mileage', 60, { km: 1000, vin: 'V1' }).event('mileage', 2, { km: 52000, vin: 'V1' });
    expect(moments(b).map((m) => m.key)).toEqual(['mileage:V1:50000']);
  });

  it('a visit names its own car by vin, and its mileage is a reading', () => {
    const b = facts().vehicle({ vin: 'V1', delivered: 200 }).vehicle({ vin: 'V2', delivered: 200 })
      .visit(50, { mileage: 8000, vin: 'V2' }).visit(5, { mileage: 10400, vin: 'V2' });
    expect(moments(b).map((m) => m.key)).toEqual(['mileage:V2:10000']);
  });

  it('an impossible pace is a data error, not a milestone: 12,345 km four days after delivery', () => {
    const b = facts().vehicle({ vin: 'V1', delivered: 40 }).event('mileage', 36, { km: 12345 });
    expect(moments(b)).toEqual([]);
    // 1,500 km a day is the most that counts: 10,500 km in 7 days, seen the day of the reading.
    expect(moments(facts().vehicle({ vin: 'V1', delivered: 40 }).event('mileage', 33, { km: 10500 }), AS_OF - 33).map((m) => m.key)).toEqual(['mileage:V1:10000']);
    expect(moments(facts().vehicle({ vin: 'V1', delivered: 40 }).event('mileage', 33, { km: 10507 }), AS_OF - 33)).toEqual([]);
  });
});
