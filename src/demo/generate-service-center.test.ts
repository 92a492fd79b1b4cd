import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { eventTypes, type RetainEvent } from '../domain/records.js';
import { validateRecord } from '../domain/validate-record.js';
import { visitIdOf } from '../domain/visit-id.js';
import { generateServiceCenter, type ServiceCenterOptions } from './generate-service-center.js';
import type { CustomerBundle } from './generate-customer.js';

const ASOF = '2026-06-30';

function digest(options: ServiceCenterOptions): string {
  const c = generateServiceCenter(options);
  const h = createHash('sha256');
  h.update(JSON.stringify([c.stores, c.staff]));
  for (const b of c.bundles()) h.update(JSON.stringify(b));
  return h.digest('hex');
}

// One 2,000-customer run shared by the checks below (about a second to build).
const center = generateServiceCenter({ seed: 7, customers: 2000, asOf: ASOF });
const bundles: CustomerBundle[] = [...center.bundles()];
const events: RetainEvent[] = bundles.flatMap((b) => b.events);

describe('generateServiceCenter — determinism', () => {
  it('gives identical output for the same seed and options', () => {
    const options = { seed: 42, customers: 150, stores: 2, asOf: ASOF };
    expect(digest(options)).toBe(digest(options));
  });

  it('gives different output for a different seed', () => {
    expect(digest({ seed: 42, customers: 150, asOf: ASOF })).not.toBe(digest({ seed: 43, customers: 150, asOf: ASOF }));
  });

  it('builds a customer the same way by index as in iteration order, whatever the run size', () => {
    expect(center.bundle(1234)).toEqual(bundles[1234]);
    const bigger = generateServiceCenter({ seed: 7, customers: 5000, asOf: ASOF });
    for (const i of [0, 17, 1234, 1999]) expect(bigger.bundle(i)).toEqual(bundles[i]);
  });
});

describe('generateServiceCenter — laziness', () => {
  it('yields the first of 100,000 customers without building the others', () => {
    const big = generateServiceCenter({ seed: 1, customers: 100_000, asOf: ASOF });
    expect(big.customerCount).toBe(100_000);
    const started = performance.now();
    const first = big.bundles()[Symbol.iterator]().next();
    // Building all 100k takes seconds; one customer takes about a millisecond.
    expect(performance.now() - started).toBeLessThan(500);
    expect(first.done).toBe(false);
    expect(first.value?.customer.id).toBe('c-000001');
    expect(big.bundle(99_999).customer.id).toBe('c-100000');
  });
});

describe('generateServiceCenter — records', () => {
  it('produces records that all pass validation for their kind', () => {
    const failures: string[] = [];
    const check = (kind: 'stores' | 'staff' | 'customers' | 'vehicles' | 'events', rec: unknown) => {
      const r = validateRecord(kind, rec);
      if (!r.ok) failures.push(`${kind} ${JSON.stringify(rec)}: ${JSON.stringify(r.errors)}`);
      // Nothing may land in `extra` but the recall campaign's two documented fields: a call's churnReason, a visit's offerId.
      else if (Object.keys((r.value as { extra?: object }).extra ?? {}).some((k) => k !== 'churnReason' && k !== 'offerId')) failures.push(`${kind} has unknown fields: ${JSON.stringify(rec)}`);
    };
    center.stores.forEach((s) => check('stores', s));
    center.staff.forEach((s) => check('staff', s));
    for (const b of bundles) {
      check('customers', b.customer);
      b.vehicles.forEach((v) => check('vehicles', v));
      b.events.forEach((e) => check('events', e));
    }
    expect(failures.slice(0, 5)).toEqual([]);
  });

  it('writes nothing after asOf and nothing before the customer was delivered', () => {
    const outside: string[] = [];
    for (const b of bundles) {
      if (b.customer.since >= ASOF) outside.push(`${b.customer.id} since ${b.customer.since}`);
      for (const e of b.events) {
        const day = e.at.slice(0, 10);
        if (day > ASOF || day < b.customer.since) outside.push(`${e.id} at ${e.at} (since ${b.customer.since})`);
      }
    }
    expect(outside).toEqual([]);
  });

  it('uses unique ids: events, customers, phones, VINs, visits', () => {
    const unique = (xs: string[]) => new Set(xs).size === xs.length;
    expect(unique(events.map((e) => e.id))).toBe(true);
    expect(unique(bundles.map((b) => b.customer.id))).toBe(true);
    expect(unique(bundles.map((b) => b.customer.phone ?? ''))).toBe(true);
    expect(unique(bundles.flatMap((b) => b.vehicles.map((v) => v.vin)))).toBe(true);
    expect(unique(events.flatMap((e) => (e.type === 'visit' ? [visitIdOf(e)] : [])))).toBe(true);
  });

  it('uses every event type of data-format.md', () => {
    const seen = new Set(events.map((e) => e.type));
    expect(eventTypes.filter((t) => !seen.has(t))).toEqual([]);
  });

  it('stamps times with the +08:00 offset at plausible hours', () => {
    const odd: string[] = [];
    for (const e of events) {
      const time = e.at.slice(11, 16);
      if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:00\+08:00$/.test(e.at)) odd.push(`format: ${e.at}`);
      // The service desk works 08:30–19:30; the store calls in office hours; nobody acts at night.
      else if ((e.type === 'visit' || e.type === 'checkin') && (time < '08:30' || time > '19:30')) odd.push(`${e.type} ${e.at}`);
      else if (e.type === 'call' && e.direction === 'out' && (time < '09:00' || time > '21:00')) odd.push(`call ${e.at}`);
      else if (time < '07:00') odd.push(`${e.type} ${e.at}`);
    }
    expect(odd.slice(0, 5)).toEqual([]);
  });

  it('checks a car in before its visit closes, at the visit’s checkinAt', () => {
    const checkins = new Map(events.flatMap((e) => (e.type === 'checkin' ? [[e.visitId, e.at] as const] : [])));
    let withOrder = 0;
    for (const e of events) {
      if (e.type !== 'visit' || !e.checkinAt) continue;
      withOrder++;
      expect(checkins.get(visitIdOf(e))).toBe(e.checkinAt);
      expect(e.checkinAt < e.at).toBe(true);
    }
    expect(withOrder).toBe(checkins.size);
  });

  it('gives VINs a valid ISO 3779 check digit and phones 11 mobile digits', () => {
    const values: Record<string, number> = { A: 1, B: 2, C: 3, D: 4, E: 5, F: 6, G: 7, H: 8, J: 1, K: 2, L: 3, M: 4, N: 5, P: 7, R: 9, S: 2, T: 3, U: 4, V: 5, W: 6, X: 7, Y: 8, Z: 9 };
    const weights = [8, 7, 6, 5, 4, 3, 2, 10, 0, 9, 8, 7, 6, 5, 4, 3, 2];
    for (const b of bundles.slice(0, 300)) {
      expect(b.customer.phone).toMatch(/^1[3-9]\d{9}$/);
      for (const { vin } of b.vehicles) {
        expect(vin).toMatch(/^[A-HJ-NPR-Z0-9]{17}$/);
        const sum = [...vin].reduce((s, c, i) => s + (/\d/.test(c) ? Number(c) : values[c]!) * weights[i]!, 0);
        expect(vin[8]).toBe(sum % 11 === 10 ? 'X' : String(sum % 11));
      }
    }
  });

  it('refers only to people of the run: advisors of the customer’s store, referred customers delivered after the referral', () => {
    const advisors = new Map(center.staff.filter((s) => s.role === 'advisor').map((s) => [s.id, s.storeId]));
    const since = new Map(bundles.map((b) => [b.customer.id, b.customer.since]));
    for (const b of bundles) expect(advisors.get(b.customer.advisorId ?? '')).toBe(b.customer.storeId);
    const referrals = events.filter((e) => e.type === 'referral');
    expect(referrals.length).toBeGreaterThan(0);
    for (const r of referrals) expect(since.get(r.referredCustomerId)! > r.at.slice(0, 10)).toBe(true);
  });

  it('tells each persona’s story in its events', () => {
    const has = (b: CustomerBundle, type: RetainEvent['type']) => b.events.some((e) => e.type === type);
    const of = (p: CustomerBundle['persona']) => bundles.filter((b) => b.persona === p);
    expect(of('sold').every((b) => has(b, 'vehicle_sold'))).toBe(true);
    expect(of('moved').every((b) => has(b, 'moved_away'))).toBe(true);
    expect(of('complaining').every((b) => has(b, 'complaint_opened'))).toBe(true);
    expect(of('cancelling').every((b) => has(b, 'appointment_cancelled') || has(b, 'appointment_rescheduled'))).toBe(true);
    // Every persona of the mix shows up in a run of this size.
    expect(new Set(bundles.map((b) => b.persona)).size).toBe(9);
  });
});

describe('generateServiceCenter — stores, staff and options', () => {
  it('staffs every store and region', () => {
    const c = generateServiceCenter({ customers: 0, stores: 5, asOf: ASOF });
    expect(c.stores.map((s) => s.id)).toEqual(['sh-01', 'bj-01', 'gz-01', 'cd-01', 'hz-01']);
    expect(c.stores[0]).toMatchObject({ name: '上海浦东服务中心', timeZone: 'Asia/Shanghai' });
    for (const s of c.stores) {
      const roles = c.staff.filter((p) => p.storeId === s.id).map((p) => p.role);
      expect(roles.filter((r) => r === 'advisor')).toHaveLength(6);
      for (const role of ['service_manager', 'store_manager', 'retention_specialist'] as const) expect(roles).toContain(role);
    }
    const regions = new Set(c.stores.map((s) => s.region));
    expect(c.staff.filter((p) => p.role === 'general_manager')).toHaveLength(regions.size);
    expect(c.staff.filter((p) => p.role === 'admin')).toHaveLength(1);
    expect(new Set(c.staff.map((p) => p.id)).size).toBe(c.staff.length);
  });

  it('keeps a short history inside its years', () => {
    const c = generateServiceCenter({ seed: 3, customers: 200, years: 0.5, asOf: ASOF });
    for (const b of c.bundles()) {
      expect(b.customer.since >= '2025-12-30').toBe(true);
      for (const e of b.events) expect(validateRecord('events', e).ok).toBe(true);
    }
  });

  it('refuses bad options', () => {
    expect(() => generateServiceCenter({ asOf: '2026-02-30' })).toThrow(/asOf/);
    expect(() => generateServiceCenter({ asOf: ASOF, customers: -1 })).toThrow(/customers/);
    expect(() => generateServiceCenter({ asOf: ASOF, stores: 0 })).toThrow(/stores/);
    expect(() => center.bundle(2000)).toThrow(RangeError);
  });
});
