import { setTimeout as sleep } from 'node:timers/promises';
import { expect, it } from 'vitest';
import { describeEachDatabase } from '../../test/databases.js';
import type { Db } from './db.js';

const names = async (db: Db) => (await db.query<{ id: string }>('SELECT id FROM organisations ORDER BY id')).map((r) => r.id);

describeEachDatabase('savepoints of a shared transaction', (t) => {
  it('hold back a statement from outside until the failed savepoint is rolled back, so the transaction goes on', async () => {
    const db = await t.open();
    await db.transaction(async (tx) => {
      let failed!: () => void;
      const hasFailed = new Promise<void>((resolve) => (failed = resolve));
      const nested = tx.transaction(async (inner) => {
        await inner.exec("INSERT INTO organisations VALUES ('undone', 'Undone')");
        try {
          await inner.query('SELECT 1 / 0');
        } catch (err) {
          failed();
          await sleep(50); // the statement below is issued while the transaction is in error
          throw err;
        }
      });
      nested.catch(() => undefined);
      await hasFailed;
      await tx.exec("INSERT INTO organisations VALUES ('kept', 'Kept')");
      await expect(nested).rejects.toThrow(/division by zero/);
    });
    expect(await names(db)).toEqual(['kept']);
  });

  it('let the work under a savepoint use the transaction it was opened on', async () => {
    const db = await t.open();
    await db.transaction(async (tx) => {
      await tx.transaction(async () => {
        await tx.exec("INSERT INTO organisations VALUES ('inner', 'Inner')");
        await tx.transaction(() => tx.exec("INSERT INTO organisations VALUES ('innermost', 'Innermost')"));
      });
    });
    expect(await names(db)).toEqual(['inner', 'innermost']);
  });

  it('opened side by side take turns: a failure undoes its own work only', async () => {
    const db = await t.open();
    await db.transaction(async (tx) => {
      const failing = tx.transaction(async (inner) => {
        await inner.exec("INSERT INTO organisations VALUES ('a', 'A')");
        await sleep(30);
        await inner.query('SELECT 1 / 0');
      });
      const passing = tx.transaction(async (inner) => {
        await inner.exec("INSERT INTO organisations VALUES ('b', 'B')");
      });
      await expect(failing).rejects.toThrow(/division by zero/);
      await passing;
    });
    expect(await names(db)).toEqual(['b']);
  });
});
