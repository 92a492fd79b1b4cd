import { expect, it } from 'vitest';
import { describeEachDatabase } from '../../test/databases.js';
import { EVERYTHING } from '../auth/scope.js';
import type { Db } from './db.js';
import { openPgDb } from './pg-db.js';
import { listRiskRows, type ListFilter } from './read-risk-list.js';

async function seed(db: Db, customers: number): Promise<void> {
  await db.exec(`INSERT INTO organisations VALUES ('o', 'Org'); INSERT INTO regions VALUES ('r', 'o', 'East');
    INSERT INTO stores (id, region_id, name, time_zone, record) VALUES ('s1', 'r', 'One', 'Asia/Shanghai', '{}'), ('s2', 'r', 'Two', 'Asia/Shanghai', '{}')`);
  for (let i = 1; i <= customers; i++) await addCustomer(db, `c${i}`, i % 2 ? 's1' : 's2', i % 3 ? 'green' : 'red');
}

async function addCustomer(db: Db, id: string, store: string, level: 'red' | 'green'): Promise<void> {
  await db.query("INSERT INTO customers (id, store_id, name, record) VALUES ($1, $2, $1, '{}')", [id, store]);
  await db.query(
    "INSERT INTO current_evaluations (customer_id, as_of, urgency, level, risk_score, health_score) VALUES ($1, '2026-06-30', $2, $3, 50, 50)",
    [id, level === 'red' ? 1 : 4, level],
  );
}

const totalOf = async (db: Db, f: ListFilter = { scope: EVERYTHING }) => (await listRiskRows(db, f, { limit: 2, offset: 0 })).total;
const store = (id: string): ListFilter => ({ scope: { storeIds: [id], advisorId: null } });

describeEachDatabase('the risk list total', (t) => {
  it('is counted again after every committed write to the evaluations or the customers, and only then', async () => {
    const db = await t.open();
    await seed(db, 9);
    expect([await totalOf(db), await totalOf(db, { scope: EVERYTHING, level: 'red' }), await totalOf(db, store('s2'))]).toEqual([9, 3, 4]);

    await addCustomer(db, 'c10', 's2', 'red');
    expect([await totalOf(db), await totalOf(db, { scope: EVERYTHING, level: 'red' }), await totalOf(db, store('s2'))]).toEqual([10, 4, 5]);
    await db.exec("UPDATE current_evaluations SET level = 'green', urgency = 4 WHERE customer_id = 'c3'");
    expect(await totalOf(db, { scope: EVERYTHING, level: 'red' })).toBe(3);
    await db.exec("UPDATE customers SET store_id = 's1' WHERE id = 'c10'");
    expect([await totalOf(db, store('s1')), await totalOf(db, store('s2'))]).toEqual([6, 4]);

    // Counted once while nothing is written: with the write count switched off, a deleted row
    // is not seen, as the total known is taken.
    expect(await totalOf(db)).toBe(10);
    await db.exec('ALTER TABLE current_evaluations DISABLE TRIGGER current_evaluations_written');
    await db.exec("DELETE FROM current_evaluations WHERE customer_id = 'c1'");
    expect(await totalOf(db)).toBe(10);
    await db.exec('ALTER TABLE current_evaluations ENABLE TRIGGER current_evaluations_written');
    await db.exec("DELETE FROM current_evaluations WHERE customer_id = 'c2'");
    expect(await totalOf(db)).toBe(8);
  });

  it('written on another connection, is not counted before the write commits, and is counted after', async () => {
    const db = await t.open();
    await seed(db, 4);
    expect(await totalOf(db)).toBe(4);
    if (t.kind === 'pglite') return; // one connection: nothing is read while a write is open
    const other = await openPgDb({ url: t.openOptions().databaseUrl!, schema: t.openOptions().schema });
    try {
      let commit!: () => void;
      const committed = new Promise<void>((resolve) => (commit = resolve));
      let written!: () => void;
      const wrote = new Promise<void>((resolve) => (written = resolve));
      const writing = other.transaction(async (tx) => {
        await addCustomer(tx, 'c5', 's1', 'red');
        written();
        await committed;
      });
      await wrote;
      expect(await totalOf(db)).toBe(4);
      commit();
      await writing;
      expect(await totalOf(db)).toBe(5);
    } finally {
      await other.close();
    }
  });
});
