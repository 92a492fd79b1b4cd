import { expect, it } from 'vitest';
import { describeEachDatabase } from '../../test/databases.js';
import { importPath } from './import-path.js';
import { advisor, customer, nps, store, vehicle, writeFixtureDir } from './test-fixtures.js';

const errorsOf = (summary: Awaited<ReturnType<typeof importPath>>) =>
  summary.errors.map(({ file, line, field }) => `${file}:${line} ${field}`);

describeEachDatabase('import error reports', (t) => {
  it('names file, line and field for each kind of bad record and keeps the good ones', async () => {
    const db = await t.open();
    const dir = writeFixtureDir({
      'stores.jsonl': [store],
      'staff.jsonl': [advisor, { ...advisor, id: 'sa-x', storeId: 'nowhere' }],
      'customers.jsonl': [customer('c-001'), customer('c-002', { advisorId: 'sa-ghost' }), { ...customer('c-003'), since: undefined }],
      'vehicles.jsonl': [vehicle('VIN1', 'c-001'), vehicle('VIN2', 'c-9')],
      'events.jsonl':
        [
          JSON.stringify(nps('e-1', 'c-001')),
          '{"id": "e-2", "customerId": ',
          JSON.stringify({ id: 'e-3', customerId: 'c-001', type: 'nps', at: '2024-03-01' }),
          JSON.stringify({ ...nps('e-4', 'c-001'), score: 'nine' }),
          JSON.stringify(nps('e-5', 'c-9')),
          JSON.stringify(nps('e-6', 'c-001', 9, '2024-02-30')),
          JSON.stringify({ id: 'e-7', customerId: 'c-001', type: 'visit', at: '2024-03-01', visitId: 'v1', kind: 'repair', amount: -5 }),
          JSON.stringify({ id: 'e-8', customerId: 'c-001', type: 'teleport', at: '2024-03-01' }),
          JSON.stringify(nps('e-9', 'c-001')),
        ].join('\n') + '\n',
    });
    const summary = await importPath(db, dir);
    expect(errorsOf(summary)).toEqual([
      'staff.jsonl:2 storeId',
      'customers.jsonl:2 advisorId',
      'customers.jsonl:3 since',
      'vehicles.jsonl:2 customerId',
      'events.jsonl:2 ', // broken JSON: the whole line
      'events.jsonl:3 score', // missing field
      'events.jsonl:4 score', // wrong type
      'events.jsonl:5 customerId',
      'events.jsonl:6 at', // 2024-02-30
      'events.jsonl:7 amount',
      'events.jsonl:8 type',
    ]);
    const reasons = Object.fromEntries(summary.errors.map((e) => [`${e.file}:${e.line}`, e.reason]));
    expect(reasons['events.jsonl:2']).toMatch(/^invalid JSON/);
    expect(reasons['events.jsonl:5']).toBe('unknown customer "c-9"');
    expect(reasons['events.jsonl:7']).toBe('must not be negative');
    expect(reasons['events.jsonl:8']).toBe('unknown event type "teleport"');
    expect(reasons['customers.jsonl:2']).toBe('unknown staff "sa-ghost"');

    expect(summary.total).toEqual({ read: 17, imported: 6, updated: 0, unchanged: 0, rejected: 11 });
    const events = await db.query<{ id: string }>('SELECT id FROM events ORDER BY id');
    expect(events.map((e) => e.id)).toEqual(['e-1', 'e-9']);
  });

  it('rejects an event id already stored with different content and keeps the stored one', async () => {
    const db = await t.open();
    const dir = writeFixtureDir({
      'stores.jsonl': [store],
      'customers.jsonl': [customer('c-001', { advisorId: null })],
      'events-1.jsonl': [nps('e-1', 'c-001', 9)],
      'events-2.jsonl': [nps('e-2', 'c-001'), nps('e-1', 'c-001', 2), nps('e-1', 'c-001', 9)],
    });
    const summary = await importPath(db, dir);
    expect(summary.errors).toEqual([
      { file: 'events-2.jsonl', line: 2, field: 'id', reason: expect.stringMatching(/^duplicate id "e-1"/) },
    ]);
    expect(summary.files.find((f) => f.file === 'events-2.jsonl')).toMatchObject({ imported: 1, unchanged: 1, rejected: 1 });
    const [row] = await db.query<{ score: number }>("SELECT (record->>'score')::int AS score FROM events WHERE id = 'e-1'");
    expect(row!.score).toBe(9);
  });

  it('keeps at most maxErrors error rows and counts the rest', async () => {
    const db = await t.open();
    const dir = writeFixtureDir({ 'stores.jsonl': '{\n{\n{\n' });
    const summary = await importPath(db, dir, { maxErrors: 2 });
    expect(summary.errors.map((e) => e.line)).toEqual([1, 2]);
    expect(summary.errorsOmitted).toBe(1);
    expect(summary.total.rejected).toBe(3);
  });
});
