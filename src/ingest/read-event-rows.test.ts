import { expect, it } from 'vitest';
import { describeEachDatabase } from '../../test/databases.js';
import type { Db } from '../store/db.js';
import { importPath, type ImportSummary } from './import-path.js';
import { customer, nps, store, writeFixtureDir } from './test-fixtures.js';

// Enough records to cross blocks (one per batch of 300 lines) and workers; bad records, repeated
// ids, blank lines, a BOM, CRLF and lone CR line ends, and no line break at the end.
const lines: string[] = [];
for (let i = 0; i < 2_500; i++) {
  const c = `c-00${(i % 3) + 1}`;
  if (i % 401 === 7) lines.push('{"id": "broken",');
  else if (i % 503 === 11) lines.push(JSON.stringify(nps(`e-${i}`, 'c-404')));
  else if (i % 307 === 5) lines.push(JSON.stringify(nps(`e-${i - 1}`, c, 1))); // the previous id again, other content
  else if (i % 211 === 3) lines.push(JSON.stringify(nps(`e-${i - 1}`, c))); // the previous event again
  else if (i % 97 === 13) lines.push('');
  else lines.push(JSON.stringify(nps(`e-${i}`, c, i % 11, `2024-03-${String((i % 28) + 1).padStart(2, '0')}T${i % 2 ? '23:30:00Z' : '08:00:00'}`)));
}
const dir = writeFixtureDir({
  'stores.jsonl': [store],
  'customers.jsonl': [customer('c-001', { advisorId: null }), customer('c-002', { advisorId: null }), customer('c-003', { advisorId: null })],
  'events.jsonl': '\uFEFF' + lines.map((l, i) => l + (i % 50 === 1 ? '\r' : i % 3 === 0 ? '\r\n' : '\n')).join('').slice(0, -1),
});

const eventsOf = (s: ImportSummary) => ({
  file: { ...s.files.find((f) => f.kind === 'events')!, seconds: 0 },
  errors: s.errors.filter((e) => e.file === 'events.jsonl'),
  affected: s.affectedCustomerIds,
});
const stored = (db: Db) => db.query('SELECT id, store_id, customer_id, type, at, day, record::text AS record FROM events ORDER BY id');

describeEachDatabase('an events file read in worker threads', (t) => {
  it('imports exactly as one read on the main thread, and again as unchanged', async () => {
    const db = await t.open();
    const expected = await importPath(db, dir, { batchSize: 300 });
    const rows = await stored(db);
    await db.exec('DELETE FROM events');
    const summary = await importPath(db, dir, { batchSize: 300, workerFromBytes: 0 });
    expect(summary.total.rejected).toBeGreaterThan(10);
    expect(eventsOf(summary)).toEqual(eventsOf(expected));
    expect(await stored(db)).toEqual(rows);

    const again = await importPath(db, dir, { batchSize: 300, workerFromBytes: 0 });
    const { imported, unchanged } = summary.files.find((f) => f.kind === 'events')!;
    expect(again.files.find((f) => f.kind === 'events')).toMatchObject({ imported: 0, unchanged: imported + unchanged });
  });

  it('rolls a strict import back like any other', async () => {
    const db = await t.open();
    const summary = await importPath(db, dir, { batchSize: 300, workerFromBytes: 0, strict: true });
    expect(summary.rolledBack).toBe(true);
    expect(await db.query('SELECT id FROM events')).toEqual([]);
  });
});
