import { expect, it } from 'vitest';
import { describeEachDatabase } from '../../test/databases.js';
import { listMigrations, migrate } from './migrate.js';

describeEachDatabase('migrations', (t) => {
  it('applies every migration once and records it', async () => {
    const db = await t.open();
    const rows = await db.query<{ version: number }>('SELECT version FROM schema_migrations ORDER BY version');
    expect(rows.map((r) => r.version)).toEqual(listMigrations().map((m) => m.version));
    expect(await migrate(db)).toEqual([]);
  });

  it('returns dates as strings and numerics as numbers on both adapters', async () => {
    const db = await t.open();
    const [row] = await db.query<{ d: string; n: number; b: number }>(
      "SELECT DATE '2024-02-29' AS d, 12.5::numeric AS n, 9007199254740::bigint AS b",
    );
    expect(row).toEqual({ d: '2024-02-29', n: 12.5, b: 9007199254740 });
  });

  it('rolls a failed transaction back', async () => {
    const db = await t.open();
    await db.exec("INSERT INTO organisations VALUES ('o1', 'Org')");
    await expect(
      db.transaction(async (tx) => {
        await tx.exec("INSERT INTO organisations VALUES ('o2', 'Org 2')");
        throw new Error('boom');
      }),
    ).rejects.toThrow('boom');
    const rows = await db.query<{ id: string }>('SELECT id FROM organisations ORDER BY id');
    expect(rows.map((r) => r.id)).toEqual(['o1']);
  });
});
