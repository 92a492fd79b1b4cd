import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { describeEachDatabase } from '../../test/databases.js';
import type { Db } from '../store/db.js';
import { importPath, type ImportProgress } from './import-path.js';
import { baseFiles, customer, vehicle, writeFixtureDir } from './test-fixtures.js';

async function rowCounts(db: Db): Promise<Record<string, number>> {
  const [row] = await db.query<Record<string, number>>(
    `SELECT (SELECT count(*)::int FROM organisations) AS organisations, (SELECT count(*)::int FROM regions) AS regions,
            (SELECT count(*)::int FROM stores) AS stores, (SELECT count(*)::int FROM staff) AS staff,
            (SELECT count(*)::int FROM customers) AS customers, (SELECT count(*)::int FROM vehicles) AS vehicles,
            (SELECT count(*)::int FROM events) AS events`,
  );
  return row!;
}

describeEachDatabase('import idempotency', (t) => {
  it('imports a directory once; the second run changes nothing', async () => {
    const db = await t.open();
    const dir = writeFixtureDir(baseFiles());
    const progress: ImportProgress[] = [];
    const first = await importPath(db, dir, { onProgress: (p) => progress.push(p) });
    expect(progress.at(-1)).toEqual({ file: 'events.jsonl', bytesRead: expect.any(Number), bytesTotal: expect.any(Number), records: 2 });
    expect(progress.at(-1)!.bytesRead).toBe(progress.at(-1)!.bytesTotal);
    expect(first.total).toEqual({ read: 7, imported: 7, updated: 0, unchanged: 0, rejected: 0 });
    expect(first.affectedCustomerIds).toEqual(['c-001', 'c-002']);
    const counts = await rowCounts(db);
    expect(counts).toEqual({ organisations: 1, regions: 1, stores: 1, staff: 1, customers: 2, vehicles: 1, events: 2 });

    const second = await importPath(db, dir);
    expect(second.total).toEqual({ read: 7, imported: 0, updated: 0, unchanged: 7, rejected: 0 });
    expect(second.affectedCustomerIds).toEqual([]);
    expect(await rowCounts(db)).toEqual(counts);
  });

  it('updates a changed customer, counts it and lists it as affected', async () => {
    const db = await t.open();
    const dir = writeFixtureDir(baseFiles());
    await importPath(db, dir);
    writeFileSync(
      join(dir, 'customers.jsonl'),
      [customer('c-001'), customer('c-002', { phone: '13900000000' })].map((c) => JSON.stringify(c)).join('\n'),
    );
    const summary = await importPath(db, dir);
    expect(summary.files.find((f) => f.kind === 'customers')).toMatchObject({ updated: 1, unchanged: 1, imported: 0 });
    expect(summary.affectedCustomerIds).toEqual(['c-002']);
    const [row] = await db.query<{ phone: string }>("SELECT record->>'phone' AS phone FROM customers WHERE id = 'c-002'");
    expect(row!.phone).toBe('13900000000');
  });

  it('lists both owners when a vehicle changes hands', async () => {
    const db = await t.open();
    const dir = writeFixtureDir(baseFiles());
    await importPath(db, dir);
    const moved = writeFixtureDir({ 'vehicles.jsonl': [vehicle('LRW3E7FA0NC000001', 'c-002')] });
    const summary = await importPath(db, moved);
    expect(summary.total.updated).toBe(1);
    expect(summary.affectedCustomerIds).toEqual(['c-001', 'c-002']);
  });
});
