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

// A batch of up to 16 rows goes in by one INSERT, a longer one by COPY: both ways are run.
const ways = [
  { way: 'one INSERT', pad: [] as RetainEvent[] },
  { way: 'COPY', pad: Array.from({ length: 16 }, (_, i) => login(`pad-${i}`, 'c-ny', '2024-01-01T00:00:00Z')) },
];

describeEachDatabase('writeEvents', (t) => {
  for (const { way, pad } of ways) {
    const statuses = (outcomes: { status: string }[]) => outcomes.slice(0, outcomes.length - pad.length).map((o) => o.status);

    it(`takes the customer's store and computes day in the store's time zone (${way})`, async () => {
      const db = await t.open();
      await seed(db);
      const result = await writeEvents(db, [
        login('e-1', 'c-sh', '2024-03-01T20:00:00Z'),
        login('e-2', 'c-ny', '2024-03-01T20:00:00Z'),
        login('e-3', 'c-ny', '2024-03-02T01:00:00Z'),
        login('e-4', 'c-sh', '2024-03-05'), // a bare date: the store's local midnight
        login('e-5', 'c-sh', '2024-03-05T23:30:00.25+08:00'), // written as it came
        login('e-6', 'c-ny', '2024-03-05T23:30:00.1234-05:00'), // finer than milliseconds: written as the instant
        login('e-7', 'c-sh', '2024-03-05T23:30:00'), // store-local wall time
        ...pad,
      ]);
      expect(statuses(result.outcomes)).toEqual(Array(7).fill('inserted'));
      const rows = await db.query<{ id: string; store_id: string; day: string; at: Date; record: RetainEvent }>(
        "SELECT id, store_id, day, at, record FROM events WHERE id LIKE 'e-%' ORDER BY id",
      );
      expect(rows.map((r) => [r.id, r.store_id, r.day])).toEqual([
        ['e-1', 'sh', '2024-03-02'],
        ['e-2', 'ny', '2024-03-01'],
        ['e-3', 'ny', '2024-03-01'],
        ['e-4', 'sh', '2024-03-05'],
        ['e-5', 'sh', '2024-03-05'],
        ['e-6', 'ny', '2024-03-05'],
        ['e-7', 'sh', '2024-03-05'],
      ]);
      expect(rows.slice(3).map((r) => r.at.toISOString())).toEqual([
        '2024-03-04T16:00:00.000Z', '2024-03-05T15:30:00.250Z', '2024-03-06T04:30:00.123Z', '2024-03-05T15:30:00.000Z',
      ]);
      expect(rows[3]!.record).toEqual(login('e-4', 'c-sh', '2024-03-05'));
    });

    it(`stores a new batch's text beyond ASCII, tabs and backslashes as it came (${way})`, async () => {
      const db = await t.open();
      await seed(db);
      const reply = { id: 'e-1', customerId: 'c-sh', type: 'reply', at: '2024-03-02T10:00:00Z', channel: 'wechat', text: '好的，周六\t上午 🚗 C:\\车' } as RetainEvent;
      const result = await writeEvents(db, [reply, ...pad]);
      expect(statuses(result.outcomes)).toEqual(['inserted']);
      const rows = await db.query<{ record: RetainEvent }>("SELECT record FROM events WHERE id = 'e-1'");
      expect(rows.map((r) => r.record)).toEqual([reply]);
    });

    it(`compares a repeated id within one batch like a re-sent one (${way})`, async () => {
      const db = await t.open();
      await seed(db);
      const result = await writeEvents(db, [
        login('e-1', 'c-sh', '2024-03-01T10:00:00Z'),
        login('e-1', 'c-sh', '2024-03-01T10:00:00Z'),
        login('e-1', 'c-sh', '2024-03-01T11:00:00Z'),
        ...pad,
      ]);
      expect(statuses(result.outcomes)).toEqual(['inserted', 'unchanged', 'rejected']);
      expect(result.affectedCustomerIds.filter((id) => id === 'c-sh')).toEqual(['c-sh']);
    });

    it(`reports stored ids as unchanged or rejected, keeps the stored record and writes the new ones (${way})`, async () => {
      const db = await t.open();
      await seed(db);
      await writeEvents(db, [login('e-1', 'c-sh', '2024-03-01T10:00:00Z'), login('e-2', 'c-sh', '2024-03-01T10:00:00Z')]);
      // Quotes, a backslash and a line break survive both ways in.
      const odd: RetainEvent = { id: 'e-3', customerId: 'c-sh', type: 'reply', at: '2024-03-02T10:00:00Z', channel: 'sms', text: 'say "no"\\ \n 退订' } as RetainEvent;
      const result = await writeEvents(db, [
        login('e-1', 'c-sh', '2024-03-01T10:00:00Z'),
        login('e-2', 'c-sh', '2024-03-01T12:00:00Z'),
        odd,
        ...pad,
      ]);
      expect(statuses(result.outcomes)).toEqual(['unchanged', 'rejected', 'inserted']);
      const rows = await db.query<{ id: string; record: RetainEvent }>("SELECT id, record FROM events WHERE id LIKE 'e-%' ORDER BY id");
      expect(rows.map((r) => r.record)).toEqual([login('e-1', 'c-sh', '2024-03-01T10:00:00Z'), login('e-2', 'c-sh', '2024-03-01T10:00:00Z'), odd]);
    });
  }
});
