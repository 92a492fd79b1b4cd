import { expect, it } from 'vitest';
import { describeEachDatabase } from '../../test/databases.js';
import type { RetainEvent } from '../domain/records.js';
import type { Db } from './db.js';
import { writeCustomers } from './write-customers.js';
import { writeEvents } from './write-events.js';
import { writeStores } from './write-stores.js';

async function seed(db: Db): Promise<void> {
  await writeStores(db, [
    { id: 'sh', name: 'Shanghai', region: 'east', timeZone: 'Asia/Shanghai' },
    { id: 'ny', name: 'New York', region: 'us', timeZone: 'America/New_York' },
  ]);
  const customer = { name: 'x', since: '2022-01-01', hasApp: false, consent: { sms: false, phone: false, wechat: false, app: false, email: false } };
  await writeCustomers(db, [{ id: 'c-sh', storeId: 'sh', ...customer }, { id: 'c-ny', storeId: 'ny', ...customer }]);
}

const login = (id: string, customerId: string, at: string): RetainEvent => ({ id, customerId, type: 'app_login', at });

describeEachDatabase('writeEvents', (t) => {
  it("takes the customer's store and computes day in the store's time zone", async () => {
    const db = await t.open();
    await seed(db);
    const result = await writeEvents(db, [
      login('e-1', 'c-sh', '2024-03-01T20:00:00Z'),
      login('e-2', 'c-ny', '2024-03-01T20:00:00Z'),
      login('e-3', 'c-ny', '2024-03-02T01:00:00Z'),
      login('e-4', 'c-sh', '2024-03-05'), // a bare date: the store's local midnight
    ]);
    expect(result.outcomes.map((o) => o.status)).toEqual(['inserted', 'inserted', 'inserted', 'inserted']);
    const rows = await db.query<{ id: string; store_id: string; day: string; at: Date }>(
      'SELECT id, store_id, day, at FROM events ORDER BY id',
    );
    expect(rows.map((r) => [r.id, r.store_id, r.day])).toEqual([
      ['e-1', 'sh', '2024-03-02'],
      ['e-2', 'ny', '2024-03-01'],
      ['e-3', 'ny', '2024-03-01'],
      ['e-4', 'sh', '2024-03-05'],
    ]);
    expect(rows[3]!.at.toISOString()).toBe('2024-03-04T16:00:00.000Z');
  });

  it('compares a repeated id within one batch like a re-sent one', async () => {
    const db = await t.open();
    await seed(db);
    const result = await writeEvents(db, [
      login('e-1', 'c-sh', '2024-03-01T10:00:00Z'),
      login('e-1', 'c-sh', '2024-03-01T10:00:00Z'),
      login('e-1', 'c-sh', '2024-03-01T11:00:00Z'),
    ]);
    expect(result.outcomes.map((o) => o.status)).toEqual(['inserted', 'unchanged', 'rejected']);
    expect(result.affectedCustomerIds).toEqual(['c-sh']);
  });
});
