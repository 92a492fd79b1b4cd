import { expect, it } from 'vitest';
import { describeEachDatabase } from '../../../test/databases.js';
import { createLogChannel } from '../../channels/log-channel.js';
import { defaultPolicy } from '../../domain/policy/default-policy.js';
import { defaultLibrary } from '../../scripts/default-library.js';
import type { Db } from '../../store/db.js';
import { activateLibrary } from '../active-library.js';
import { reevaluateCustomers } from '../reevaluate-customers.js';
import { channelRegistry } from './channel-registry.js';
import { nextDueAt } from './process-due.js';
import { actionLines, arrive, dueAt } from './testing/drive.js';
import { ev, loadFixture, writeProgramFixture } from './testing/program-fixture.js';

// c1 last came on 5 March, no mileage recorded, no offer granted and no recall level (so no
// default offer): on 5 April (R = 31) the yellow warning's SMS care offer is due at once.
const T = '2024-04-05T10:00:00+08:00';

interface Row { purpose: string; status: string; reason: string | null; detail: string | null; attempts: number; next_attempt_at: Date | null }
const smsRows = (db: Db) => db.query<Row>("SELECT purpose, status, reason, detail, attempts, next_attempt_at FROM outbox_messages WHERE channel = 'sms' ORDER BY id");
const count = async (db: Db, sql: string) => (await db.query<{ n: number }>(sql))[0]!.n;

/** The yellow customer evaluated at T and what is due then run, every channel into a log that keeps the bodies. */
async function yellowCustomer(db: Db, mileage?: number) {
  const visit = { ...ev.visit('c1', '2024-03-05T10:00:00+08:00'), ...(mileage ? { mileage } : {}) };
  await loadFixture(db, writeProgramFixture([{ id: 'c1' }], [visit]));
  const log = createLogChannel({ write: () => undefined });
  const channels = channelRegistry(log);
  const at = (now: string) => dueAt(db, now, { channels });
  await reevaluateCustomers(db, ['c1'], defaultPolicy(), new Date(T));
  return { log, at };
}

describeEachDatabase('an automated message never reaches a customer with a placeholder', (t) => {
  it('yellow with no offer: the no-offer variant of the care SMS is sent', async () => {
    const db = await t.open();
    const { log, at } = await yellowCustomer(db);
    await at(T);
    expect(log.sent.map((m) => m.body)).toEqual(['【上海浦东服务中心】客户c1您好，好久不见，爱车近况还好吗？如需保养或检查，回复1即可预约，顾问李明为您安排。回复TD退订']);
    expect(await smsRows(db)).toEqual([{ purpose: 'care_offer', status: 'sent', reason: null, detail: 'logged, not sent', attempts: 1, next_attempt_at: null }]);
    expect((await actionLines(db)).filter((l) => l.includes(' message_'))).toEqual([
      `${T} message_queued c1 channel=sms purpose=care_offer`, `${T} message_sent c1 channel=sms purpose=care_offer`,
    ]);
  });

  it('a library whose offer template is the only one: held, naming the missing fields, and never sent', async () => {
    const db = await t.open();
    const shipped = defaultLibrary();
    await activateLibrary(db, { ...shipped, version: 'no-variants-1', templates: shipped.templates.filter((x) => x.variant === undefined) }, new Date('2024-04-01T10:00:00+08:00'));
    const { log, at } = await yellowCustomer(db);
    await at(T);
    expect(log.sent).toEqual([]);
    expect(await smsRows(db)).toEqual([{
      purpose: 'care_offer', status: 'held', reason: 'missing_field:offer,offerDeadline', detail: 'template sms.offer has no value for offer, offerDeadline',
      attempts: 0, next_attempt_at: null,
    }]);
    expect(await count(db, "SELECT count(*)::int AS n FROM events WHERE type = 'message'")).toBe(0);
    // Waiting for a person, not for a time: nothing is due for it, however long the worker runs.
    expect(await nextDueAt(db)).toEqual(new Date('2024-04-07T10:00:00+08:00'));
    await at('2024-04-06T10:00:00+08:00');
    expect(log.sent).toEqual([]);
    expect((await smsRows(db))[0]!.status).toBe('held');
    // The customer answers: the cadence stops, and the held message with it.
    await arrive(db, '2024-04-06T12:00:00+08:00', [ev.reply('c1', '2024-04-06T12:00:00+08:00', '好的')]);
    expect((await smsRows(db)).map((r) => r.status)).toEqual(['cancelled']);
    expect((await actionLines(db)).filter((l) => l.includes('message_sent'))).toEqual([]);
  });

  for (const [mileage, body] of [
    [undefined, '【上海浦东服务中心】客户c1您好，近期用车还顺心吗？如有任何异常或需要检查，请随时联系顾问李明。回复TD退订'],
    [12345, '【上海浦东服务中心】客户c1您好，近期用车还顺心吗？您的车已行驶12,345公里，如有任何异常，请随时联系顾问李明。回复TD退订'],
  ] as const) {
    it(`the shipped care SMS ${mileage ? 'names the mileage read' : 'goes out in its no-mileage wording when none was read'}`, async () => {
      const db = await t.open();
      const { log, at } = await yellowCustomer(db, mileage);
      await at(T);
      const later = new Date('2024-04-12T10:00:00+08:00');
      await db.query(
        `INSERT INTO outbox_messages (store_id, customer_id, channel, purpose, dedupe_key, status, next_attempt_at, created_at, updated_at)
         VALUES ('sh-01', 'c1', 'sms', 'care', 'care-later', 'queued', $1, $1, $1)`, [later],
      );
      await at('2024-04-12T10:00:00+08:00');
      expect(log.sent.map((m) => [m.purpose, m.body])).toEqual([['care_offer', expect.any(String)], ['care', body]]);
      expect((await smsRows(db))[1]).toMatchObject({ purpose: 'care', status: 'sent', reason: null });
    });
  }
});
