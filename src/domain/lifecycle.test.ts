import { describe, expect, it } from 'vitest';
import { computeFeatures } from './features/compute-features.js';
import { lifecycle } from './lifecycle.js';
import { defaultPolicy } from './policy/default-policy.js';
import { AS_OF, facts, type FactsBuilder } from './testing/facts-builder.js';

const policy = defaultPolicy();
function stage(b: FactsBuilder): string {
  const f = b.build();
  const fs = computeFeatures(f, policy, AS_OF);
  return lifecycle(fs.features, fs.timeline, f.vehicles, policy.lifecycle);
}
const abandon = { reason: 'refuses contact' };

describe('lifecycle (§10), first match wins', () => {
  it('active, lost over R 120, dormant from R 180', () => {
    expect(stage(facts().visit(120))).toBe('active');
    expect(stage(facts().visit(121))).toBe('lost');
    expect(stage(facts().visit(179))).toBe('lost');
    expect(stage(facts().visit(180))).toBe('dormant');
  });

  it('dormant once asOf is past the second maintenance due date, whatever R', () => {
    // Delivered 2023-06-01, 6 months: second due 2024-06-01.
    const b = facts().vehicle({ delivered: '2023-06-01', months: 6 }).visit(10, { kind: 'repair' });
    expect(stage(b)).toBe('dormant');
    expect(stage(facts().vehicle({ delivered: '2023-06-30', months: 6 }).visit(10))).toBe('active');
  });

  it('observation (returned in 90 days) beats dormant', () => {
    const b = facts().vehicle({ delivered: '2023-06-01', months: 6 }).visit(300).visit(10, { kind: 'repair' });
    expect(stage(b)).toBe('observation');
  });

  it('sold_or_moved beats observation; only a sale or move after the last visit counts', () => {
    const returned = () => facts().visit(300).visit(10);
    expect(stage(returned().event('moved_away', 5, {}))).toBe('sold_or_moved');
    expect(stage(returned().event('vehicle_sold', 11, {}))).toBe('observation');
    expect(stage(facts().since(40).event('vehicle_sold', 20, {}))).toBe('sold_or_moved');
  });

  it('a sale naming one vehicle counts once every vehicle is sold', () => {
    const two = () => facts().vehicle({ vin: 'A', delivered: 500 }).vehicle({ vin: 'B', delivered: 400 }).visit(50);
    expect(stage(two().event('vehicle_sold', 10, { vin: 'A' }))).toBe('active');
    expect(stage(two().event('vehicle_sold', 10, { vin: 'A' }).event('vehicle_sold', 5, { vin: 'B' }))).toBe('sold_or_moved');
    expect(stage(two().event('vehicle_sold', 60, { vin: 'A' }).event('vehicle_sold', 5, { vin: 'B' }))).toBe('sold_or_moved');
    expect(stage(two().event('vehicle_sold', 60, { vin: 'A' }).event('vehicle_sold', 55, { vin: 'B' }))).toBe('active');
  });

  it('abandoned beats sold_or_moved, until a visit after the give-up', () => {
    expect(stage(facts().visit(50).event('vehicle_sold', 20, {}).event('abandoned', 10, abandon))).toBe('abandoned');
    expect(stage(facts().visit(50).event('abandoned', 20, abandon).visit(5))).toBe('active');
  });

  it('tells an abandonment and a visit on the same day apart by time, then file order', () => {
    const sameDay = (visitAt: string) => stage(facts().visit(50).event('abandoned', '2024-06-20T12:00:00+08:00', abandon).visit(visitAt));
    expect(sameDay('2024-06-20T15:00:00+08:00')).toBe('active');
    expect(sameDay('2024-06-20T09:00:00+08:00')).toBe('abandoned');
    // A bare date is the store's midnight, so a timed give-up that day comes after it.
    expect(sameDay('2024-06-20')).toBe('abandoned');
    expect(stage(facts().event('abandoned', 10, abandon).visit(10))).toBe('active');
    expect(stage(facts().visit(10).event('abandoned', 10, abandon))).toBe('abandoned');
  });
});
