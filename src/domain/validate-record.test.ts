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
