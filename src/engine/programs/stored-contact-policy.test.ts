import { expect, it } from 'vitest';
import { describeEachDatabase } from '../../../test/databases.js';
import { defaultContactPolicy } from '../../outbox/default-contact-policy.js';
import type { Db } from '../../store/db.js';
import { VersionConflictError } from '../../store/versioned-documents.js';
import { activateContactPolicy, getActiveContactPolicy } from './active-contact-policy.js';
import { actionLines, arrive, dueAt, evaluateAt } from './testing/drive.js';
import { ev, loadFixture, writeProgramFixture } from './testing/program-fixture.js';

// As in outbox.test.ts: c1 last came on 5 March, so on 5 April the yellow program queues an SMS at once.
const visit = ev.visit('c1', '2024-03-05T10:00:00+08:00');
const T = '2024-04-05T20:30:00+08:00';

const evening = () => ({ ...structuredClone(defaultContactPolicy()), version: 'contact-evening', quietHours: { start: '20:00', end: '08:00' } });
const messages = async (db: Db) => (await actionLines(db)).filter((l) => l.includes(' message_'));

async function yellowAt(db: Db, now: string): Promise<void> {
  await loadFixture(db, writeProgramFixture([{ id: 'c1' }], [visit]));
  await evaluateAt(db, now, ['c1']);
}

describeEachDatabase('the contact policy in force', (t) => {
  it('is the shipped one until a version is activated; a version is immutable', async () => {
    const db = await t.open();
    expect(await getActiveContactPolicy(db)).toEqual(defaultContactPolicy());
    await activateContactPolicy(db, evening(), new Date(T), 'admin');
    expect((await getActiveContactPolicy(db)).quietHours).toEqual({ start: '20:00', end: '08:00' });
    await expect(activateContactPolicy(db, { ...evening(), quietHours: { start: '19:00', end: '08:00' } }, new Date(T))).rejects.toThrow(VersionConflictError);
  });

  it('the outbox holds a message due at 20:30 under stored quiet hours 20:00–08:00 and sends it at 08:00', async () => {
    const db = await t.open();
    await activateContactPolicy(db, evening(), new Date('2024-04-01T00:00:00+08:00'), 'admin');
    await yellowAt(db, T);
    expect(await dueAt(db, '2024-04-06T07:59:59+08:00')).toBe(0);
    await dueAt(db, '2024-04-06T08:00:00+08:00');
    expect(await messages(db)).toEqual([
      `${T} message_queued c1 channel=sms purpose=care_offer`,
      `${T} message_held c1 channel=sms purpose=care_offer reason=quiet_hours until=2024-04-06T08:00:00+08:00`,
      '2024-04-06T08:00:00+08:00 message_sent c1 channel=sms purpose=care_offer',
    ]);
  });

  it('under the shipped quiet hours (21:00–09:00) the same message goes out at 20:30', async () => {
    const db = await t.open();
    await yellowAt(db, T);
    expect((await messages(db)).at(-1)).toBe(`${T} message_sent c1 channel=sms purpose=care_offer`);
  });

  it("a reply with an opt-out word of the stored policy records the opt-out and stops the runs as one; the shipped words don't know it", async () => {
    const withWord = { ...structuredClone(defaultContactPolicy()), version: 'contact-words', optOut: { words: ['退订', 'TD', 'STOP', '别再发'] } };
    const outcome = async (stored: boolean) => {
      const db = await t.open();
      if (stored) await activateContactPolicy(db, withWord, new Date('2024-04-01T00:00:00+08:00'), 'admin');
      await yellowAt(db, '2024-04-05T10:00:00+08:00');
      await arrive(db, '2024-04-05T12:00:00+08:00', [ev.reply('c1', '2024-04-05T12:00:00+08:00', '以后别再发了')]);
      const optOuts = await db.query<{ channel: string; word: string }>("SELECT channel, word FROM opt_outs WHERE customer_id = 'c1'");
      const stops = await db.query<{ stop_reason: string }>("SELECT stop_reason FROM program_runs WHERE program_id = 'early_warning_yellow'");
      return { optOuts, stops: stops.map((r) => r.stop_reason) };
    };
    expect(await outcome(true)).toEqual({ optOuts: [{ channel: 'sms', word: '别再发' }], stops: ['opt_out'] });
    expect(await outcome(false)).toEqual({ optOuts: [], stops: ['reply'] });
  });
});
