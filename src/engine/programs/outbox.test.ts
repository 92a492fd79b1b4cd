import { expect, it } from 'vitest';
import { describeEachDatabase } from '../../../test/databases.js';
import type { Db } from '../../store/db.js';
import { actionLines, arrive, dueAt, evaluateAt } from './testing/drive.js';
import { ev, loadFixture, writeProgramFixture } from './testing/program-fixture.js';

// c1 last came on 5 March: on 5 April R = 31, yellow by recency → an SMS care offer at once,
// the response checked 48 h later.
const visit = ev.visit('c1', '2024-03-05T10:00:00+08:00');
const care = (at: string) => ({ id: `m-${at}`, customerId: 'c1', type: 'message', at, channel: 'sms', purpose: 'care' });

async function yellowAt(db: Db, now: string, events: Record<string, unknown>[] = []): Promise<string[]> {
  await loadFixture(db, writeProgramFixture([{ id: 'c1' }], [visit, ...events]));
  await evaluateAt(db, now, ['c1']);
  return actionLines(db);
}

const messages = async (db: Db) => (await actionLines(db)).filter((l) => l.includes(' message_'));

describeEachDatabase('the outbox (programs.md §10)', (t) => {
  it('yellow: the SMS goes out at once; no response in 48 h raises the warning to orange and opens the advisor call', async () => {
    const db = await t.open();
    const T = '2024-04-05T10:00:00+08:00';
    expect(await yellowAt(db, T)).toEqual([
      `${T} warning_opened c1 level=yellow reasons=[2]`, `${T} message_queued c1 channel=sms purpose=care_offer`, `${T} message_sent c1 channel=sms purpose=care_offer`,
    ]);
    expect(await dueAt(db, '2024-04-07T09:59:59+08:00')).toBe(0);
    await dueAt(db, '2024-04-07T10:00:00+08:00');
    expect((await actionLines(db)).slice(3)).toEqual([
      '2024-04-07T10:00:00+08:00 warning_changed c1 level=orange',
      '2024-04-07T10:00:00+08:00 task_created c1 taskId=t1 type=call role=advisor assigneeId=sa-li due=2024-04-10T10:00:00+08:00 program=early_warning_orange step=orange_call',
    ]);
    // The next evaluation still says yellow: the warning stays orange until green.
    await evaluateAt(db, '2024-04-08T02:00:00+08:00', ['c1']);
    const [w] = await db.query<{ level: string }>('SELECT level FROM warnings WHERE closed_at IS NULL');
    expect(w!.level).toBe('orange');
    // The sent SMS is a touch in the event log (frequency cap, scoring).
    const [m] = await db.query<{ n: number }>("SELECT count(*)::int AS n FROM events WHERE type = 'message'");
    expect(m!.n).toBe(1);
  });

  it('a reply within the window stops the cadence: no escalation', async () => {
    const db = await t.open();
    await yellowAt(db, '2024-04-05T10:00:00+08:00');
    await dueAt(db, '2024-04-05T10:00:00+08:00');
    await arrive(db, '2024-04-06T12:00:00+08:00', [ev.reply('c1', '2024-04-06T12:00:00+08:00', '好的，下周去')]);
    await dueAt(db, '2024-04-30T10:00:00+08:00');
    const lines = await actionLines(db);
    expect(lines.filter((l) => /warning_changed|task_/.test(l))).toEqual([]);
    // The R = 35 and R = 45 touches were cancelled with the cadence.
    expect((await messages(db)).map((l) => l.split(' ')[1])).toEqual(['message_queued', 'message_sent']);
  });

  it('quiet hours: queued at 21:00 it waits for 09:00; at 20:59:59 it goes', async () => {
    const db = await t.open();
    await yellowAt(db, '2024-04-05T21:00:00+08:00');
    await dueAt(db, '2024-04-05T21:00:00+08:00');
    expect(await dueAt(db, '2024-04-06T08:59:59+08:00')).toBe(0);
    await dueAt(db, '2024-04-06T09:00:00+08:00');
    expect((await messages(db)).slice(1)).toEqual([
      '2024-04-05T21:00:00+08:00 message_held c1 channel=sms purpose=care_offer reason=quiet_hours until=2024-04-06T09:00:00+08:00',
      '2024-04-06T09:00:00+08:00 message_sent c1 channel=sms purpose=care_offer',
    ]);
    const other = await t.open();
    await yellowAt(other, '2024-04-05T20:59:59+08:00');
    await dueAt(other, '2024-04-05T20:59:59+08:00');
    expect((await messages(other)).at(-1)).toBe('2024-04-05T20:59:59+08:00 message_sent c1 channel=sms purpose=care_offer');
  });

  it('frequency cap: two touches in 7 days hold the third until the oldest leaves the window', async () => {
    const db = await t.open();
    await yellowAt(db, '2024-04-05T10:00:00+08:00', [care('2024-03-29T11:00:00+08:00'), care('2024-04-02T10:00:00+08:00')]);
    await dueAt(db, '2024-04-05T10:00:00+08:00');
    expect(await dueAt(db, '2024-04-05T10:59:59+08:00')).toBe(0);
    await dueAt(db, '2024-04-05T11:00:00+08:00');
    expect((await messages(db)).slice(1)).toEqual([
      '2024-04-05T10:00:00+08:00 message_held c1 channel=sms purpose=care_offer reason=frequency_cap until=2024-04-05T11:00:00+08:00',
      '2024-04-05T11:00:00+08:00 message_sent c1 channel=sms purpose=care_offer',
    ]);
  });

  it('frequency cap: no automated touch on a day a person called; it waits for the next morning', async () => {
    const db = await t.open();
    await yellowAt(db, '2024-04-05T10:00:00+08:00', [ev.call('c1', '2024-04-05T09:30:00+08:00', 'sa-li', 'reached')]);
    await dueAt(db, '2024-04-05T10:00:00+08:00');
    expect((await messages(db)).at(-1)).toBe('2024-04-05T10:00:00+08:00 message_held c1 channel=sms purpose=care_offer reason=frequency_cap until=2024-04-06T09:00:00+08:00');
  });

  it('an opt-out reply withdraws the channel: recorded, the cadence stops, a later SMS is blocked', async () => {
    const db = await t.open();
    await yellowAt(db, '2024-04-05T10:00:00+08:00');
    await dueAt(db, '2024-04-05T10:00:00+08:00');
    await arrive(db, '2024-04-05T10:30:00+08:00', [ev.reply('c1', '2024-04-05T10:30:00+08:00', '退订')]);
    expect(await db.query('SELECT customer_id, channel, word FROM opt_outs')).toEqual([{ customer_id: 'c1', channel: 'sms', word: '退订' }]);
    const [run] = await db.query<{ status: string; stop_reason: string }>("SELECT status, stop_reason FROM program_runs WHERE program_id = 'early_warning_yellow'");
    expect(run).toEqual({ status: 'stopped', stop_reason: 'opt_out' });
    await db.query(
      `INSERT INTO outbox_messages (store_id, customer_id, channel, purpose, dedupe_key, status, next_attempt_at, created_at, updated_at)
       VALUES ('sh-01', 'c1', 'sms', 'care', 'later', 'queued', $1, $1, $1)`, [new Date('2024-04-06T10:00:00+08:00')],
    );
    await dueAt(db, '2024-04-06T10:00:00+08:00');
    expect((await messages(db)).at(-1)).toBe('2024-04-06T10:00:00+08:00 message_blocked c1 channel=sms purpose=care reason=no_consent');
    expect((await actionLines(db)).filter((l) => l.includes('warning_changed'))).toEqual([]);
  });
});
