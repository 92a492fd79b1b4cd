import { describe, expect, it } from 'vitest';
import { validateRecord } from './validate-record.js';

describe('validateRecord', () => {
  it('accepts a visit and keeps unknown fields in extra', () => {
    const r = validateRecord('events', {
      id: 'e1', customerId: 'c1', type: 'visit', at: '2024-03-01T10:00:00+08:00',
      visitId: 'v1', kind: 'maintenance', amount: 680, dmsCode: 'X9',
    });
    expect(r.ok).toBe(true);
    if (r.ok) {
      expect(r.value.extra).toEqual({ dmsCode: 'X9' });
      expect(r.value.type === 'visit' && r.value.basicOnly).toBe(false);
    }
  });

  it('names the field and the reason of each problem', () => {
    const r = validateRecord('events', { id: 'e1', customerId: 'c1', type: 'visit', at: '2024-02-30', visitId: 'v', kind: 'maintenance', amount: -5 });
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.errors.map((e) => e.field).sort()).toEqual(['amount', 'at']);
      expect(r.errors.find((e) => e.field === 'amount')?.reason).toMatch(/negative/);
    }
  });

  it('refuses an unknown event type by name', () => {
    const r = validateRecord('events', { id: 'e1', customerId: 'c1', type: 'teleport', at: '2024-01-01' });
    expect(r).toEqual({ ok: false, errors: [{ field: 'type', reason: 'unknown event type "teleport"' }] });
  });

  it('reports a missing field and a wrong type', () => {
    const r = validateRecord('customers', { id: 'c1', storeId: 's', since: '2022-01-01', hasApp: 'yes' });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.errors.map((e) => e.field).sort()).toEqual(['hasApp', 'name']);
  });

  it('refuses a non-object', () => {
    expect(validateRecord('stores', [1])).toEqual({ ok: false, errors: [{ field: '', reason: 'must be a JSON object' }] });
  });
});

describe('validateRecord: a visit without visitId (a DMS export without check-ins)', () => {
  const visit = { id: 'e1', customerId: 'c1', type: 'visit', at: '2024-03-01T10:00:00+08:00', kind: 'repair', amount: 300 };

  it('is valid and stored as sent: no visitId is made up, a null stays null', () => {
    const absent = validateRecord('events', visit);
    expect(absent).toEqual({ ok: true, value: { ...visit, basicOnly: false, items: [] } });
    const asNull = validateRecord('events', { ...visit, visitId: null });
    expect(asNull.ok && asNull.value.type === 'visit' && asNull.value.visitId).toBe(null);
  });

  it('still refuses an empty visitId, and a check-in still needs one', () => {
    expect(validateRecord('events', { ...visit, visitId: ' ' })).toEqual({ ok: false, errors: [{ field: 'visitId', reason: 'must not be empty' }] });
    const checkin = validateRecord('events', { id: 'e2', customerId: 'c1', type: 'checkin', at: '2024-03-01T09:00:00+08:00' });
    expect(checkin.ok ? [] : checkin.errors.map((e) => e.field)).toEqual(['visitId']);
  });
});

describe('validateRecord: software_update, a mileage vin, a message staffId', () => {
  const update = { id: 'u1', customerId: 'c1', type: 'software_update', at: '2024-03-01T10:00:00+08:00', updateId: 'ota-2024.03' };

  it('takes an update with only its updateId as worth a visit', () => {
    const r = validateRecord('events', update);
    expect(r).toEqual({ ok: true, value: { ...update, visitRecommended: true } });
  });

  it('keeps version, title, vin and visitRecommended as fields, not extra', () => {
    const r = validateRecord('events', { ...update, version: '2024.3.1', title: '电池管理系统优化', vin: 'VIN1', visitRecommended: false });
    expect(r.ok && r.value).toEqual({ ...update, version: '2024.3.1', title: '电池管理系统优化', vin: 'VIN1', visitRecommended: false });
  });

  it('names updateId when it is missing or empty, and visitRecommended when it is not a boolean', () => {
    const fields = (input: object) => {
      const r = validateRecord('events', input);
      return r.ok ? [] : r.errors.map((e) => `${e.field}: ${e.reason}`);
    };
    const { updateId: _, ...noId } = update;
    expect(fields(noId)).toEqual(['updateId: Invalid input: expected string, received undefined']);
    expect(fields({ ...update, updateId: '' })).toEqual(['updateId: must not be empty']);
    expect(fields({ ...update, visitRecommended: 'yes' })).toEqual(['visitRecommended: Invalid input: expected boolean, received string']);
    expect(fields({ ...update, version: 3 })).toEqual(['version: Invalid input: expected string, received number']);
  });

  it('reads a mileage event\'s vin and a message\'s staffId as fields; both stay optional', () => {
    const mileage = { id: 'm1', customerId: 'c1', type: 'mileage', at: '2024-03-01', km: 12000 };
    expect(validateRecord('events', { ...mileage, vin: 'VIN1' })).toEqual({ ok: true, value: { ...mileage, vin: 'VIN1' } });
    expect(validateRecord('events', mileage)).toEqual({ ok: true, value: mileage });
    const message = { id: 's1', customerId: 'c1', type: 'message', at: '2024-03-01', channel: 'wechat', purpose: 'care' };
    expect(validateRecord('events', { ...message, staffId: 'sa-li' })).toEqual({ ok: true, value: { ...message, staffId: 'sa-li' } });
    expect(validateRecord('events', message)).toEqual({ ok: true, value: message });
  });
});
