import { expect, it } from 'vitest';
import { describeEachDatabase } from '../../test/databases.js';
import { importPath } from './import-path.js';
import { baseFiles, nps, writeFixtureDir } from './test-fixtures.js';

describeEachDatabase('strict import', (t) => {
  it('rolls everything back when one record is rejected', async () => {
    const db = await t.open();
    const dir = writeFixtureDir({ ...baseFiles(), 'events.jsonl': [nps('e-1', 'c-001'), nps('e-2', 'c-9')] });
    const summary = await importPath(db, dir, { strict: true });
    expect(summary.rolledBack).toBe(true);
    expect(summary.total).toMatchObject({ imported: 0, updated: 0, unchanged: 0, rejected: 1 });
    expect(summary.errors).toEqual([{ file: 'events.jsonl', line: 2, field: 'customerId', reason: 'unknown customer "c-9"' }]);
    expect(summary.affectedCustomerIds).toEqual([]);
    const [row] = await db.query<{ n: number }>('SELECT (SELECT count(*) FROM stores) + (SELECT count(*) FROM events) AS n');
    expect(row!.n).toBe(0);
  });

  it('imports everything when every record is good', async () => {
    const db = await t.open();
    const summary = await importPath(db, writeFixtureDir(baseFiles()), { strict: true });
    expect(summary.rolledBack).toBe(false);
    expect(summary.total).toMatchObject({ imported: 7, rejected: 0 });
    const [row] = await db.query<{ n: number }>('SELECT count(*)::int AS n FROM events');
    expect(row!.n).toBe(2);
  });
});
