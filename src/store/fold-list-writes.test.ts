import { expect, it } from 'vitest';
import { describeEachDatabase } from '../../test/databases.js';
import { foldListWrites } from './fold-list-writes.js';

describeEachDatabase('folding the list writes', (t) => {
  it('leaves one row with the same sum, and the writes go on counting from it', async () => {
    const db = await t.open();
    const rows = () => db.query<{ backend: number; n: number }>('SELECT backend, n FROM list_writes ORDER BY backend');
    const sum = async () => (await db.query<{ s: number }>('SELECT coalesce(sum(n), 0) AS s FROM list_writes'))[0]!.s;
    await db.query('INSERT INTO list_writes (backend, n) VALUES (-7, 3), (-8, 4)');
    await foldListWrites(db);
    expect(await rows()).toEqual([{ backend: 0, n: 7 }]);
    await db.exec("INSERT INTO organisations VALUES ('o', 'Org'); INSERT INTO regions VALUES ('r', 'o', 'East')");
    await db.exec("INSERT INTO stores (id, region_id, name, time_zone, record) VALUES ('s1', 'r', 'One', 'Asia/Shanghai', '{}')");
    await db.exec("INSERT INTO customers (id, store_id, name, record) VALUES ('c1', 's1', 'C', '{}')");
    expect(await sum()).toBe(8);
    await foldListWrites(db);
    await foldListWrites(db); // nothing left to fold: the row stays as it is
    expect(await rows()).toEqual([{ backend: 0, n: 8 }]);
  });
});
