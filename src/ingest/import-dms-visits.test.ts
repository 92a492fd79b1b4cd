import { expect, it } from 'vitest';
import { describeEachDatabase } from '../../test/databases.js';
import type { Db } from '../store/db.js';
import { importPath } from './import-path.js';
import { customer, store, writeFixtureDir } from './test-fixtures.js';

// Most DMS exports have no check-ins, so their visits carry no visitId.
const visit = (id: string, more: object = {}) => ({ id, customerId: 'c-001', type: 'visit', at: '2024-03-01T10:00:00+08:00', kind: 'repair', amount: 300, ...more });

const stored = async (db: Db) =>
  Object.fromEntries((await db.query<{ id: string; record: Record<string, unknown> }>('SELECT id, record FROM events ORDER BY id')).map((r) => [r.id, r.record]));

describeEachDatabase('importing visits without visitId', (t) => {
  it('JSONL: keeps them as sent, reports the bad ones by file, line and field', async () => {
    const db = await t.open();
    const dir = writeFixtureDir({
      'stores.jsonl': [store],
      'customers.jsonl': [customer('c-001', { advisorId: null })],
      'events.jsonl': [
        visit('e-1'),
        visit('e-2', { visitId: null }),
        visit('e-3', { visitId: 'v-3' }),
        visit('e-4', { visitId: '' }),
        visit('e-5', { amount: 'lots' }),
        visit('e-6', { kind: undefined }),
      ],
    });
    const summary = await importPath(db, dir);
    expect(summary.errors.map(({ file, line, field }) => `${file}:${line} ${field}`)).toEqual([
      'events.jsonl:4 visitId',
      'events.jsonl:5 amount',
      'events.jsonl:6 kind',
    ]);
    expect(summary.total).toMatchObject({ imported: 5, rejected: 3 }); // 3 events + store + customer
    const records = await stored(db);
    expect(Object.keys(records)).toEqual(['e-1', 'e-2', 'e-3']);
    // What the source sent, no visitId made up: an export shows what was imported.
    expect(Object.hasOwn(records['e-1']!, 'visitId')).toBe(false);
    expect(records['e-2']!.visitId).toBe(null);
    expect(records['e-3']!.visitId).toBe('v-3');
  });

  it('CSV: an empty visitId cell is a visit without one; a bad row is reported by line and field', async () => {
    const db = await t.open();
    const dir = writeFixtureDir({
      'stores.jsonl': [store],
      'customers.jsonl': [customer('c-001', { advisorId: null })],
      'events.csv':
        'id,customerId,type,at,visitId,kind,amount,mileage\n' +
        'e-1,c-001,visit,2024-03-01T10:00:00+08:00,,repair,300,15000\n' +
        'e-2,c-001,visit,2024-03-02T10:00:00+08:00,v-2,maintenance,680,\n' +
        'e-3,c-001,visit,2024-03-03T10:00:00+08:00,,repair,,\n' +
        'e-4,c-001,visit,2024-03-04T10:00:00+08:00,,wash,100,\n' +
        'e-5,c-001,visit,2024-03-05T10:00:00+08:00,,free,0,\n',
    });
    const summary = await importPath(db, dir);
    expect(summary.errors.map(({ file, line, field }) => `${file}:${line} ${field}`)).toEqual(['events.csv:4 amount', 'events.csv:5 kind']);
    const records = await stored(db);
    expect(Object.keys(records)).toEqual(['e-1', 'e-2', 'e-5']);
    expect(records['e-1']).toMatchObject({ visitId: null, kind: 'repair', amount: 300, mileage: 15000 });
    expect(records['e-2']).toMatchObject({ visitId: 'v-2', mileage: null });
  });
});
